package cartpolelab.cli;

import cartpolelab.agent.Algorithm;
import cartpolelab.agent.Hyperparameters;
import cartpolelab.io.Checkpoint;
import cartpolelab.io.ExperimentCsv;
import cartpolelab.io.MetricsCsv;
import cartpolelab.io.MetricsRow;
import cartpolelab.io.PyTorchModel;
import cartpolelab.io.SafeText;
import cartpolelab.results.RunResult;
import cartpolelab.library.LibraryWriter;
import cartpolelab.library.NewRun;
import cartpolelab.metrics.EpisodeHistory;
import cartpolelab.metrics.EpisodeStats;
import cartpolelab.metrics.GradientVarianceHistory;
import cartpolelab.train.RunSnapshot;
import cartpolelab.train.Sweep;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code runs import}: checkpoints ({@code .cplb}: settings, history and networks, whole),
 * PyTorch networks ({@code .safetensors} in {@link PyTorchModel}'s layout: a new run with no
 * episodes yet, to watch, replay, map or train further) and CSVs (a metrics CSV of {@code train}, or a tidy CSV of {@code compare}, recorded as one
 * experiment) into the library. A CSV does not hold every setting: the flags give the rest
 * (the notebook's defaults unless given); a tidy CSV's algorithm, seed and swept value win.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Record checkpoints (.cplb), PyTorch networks (.safetensors) and CSVs "
                + "(train --csv, compare --csv) in the library. The settings a file does not "
                + "hold are the flags' (default: the notebook's).")
final class RunsImport implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private LibraryOptions libraryOptions = new LibraryOptions();

    @Mixin
    private HyperparameterOptions settings;

    @Parameters(paramLabel = "FILE", arity = "1..*",
            description = "checkpoints (.cplb), networks (.safetensors) and CSVs to import")
    private List<Path> files;

    @Override
    public Integer call() throws IOException {
        Hyperparameters base = settings.build();
        PrintWriter out = spec.commandLine().getOut();
        for (Path f : files) {
            if (!Files.isRegularFile(f) || !Files.isReadable(f)) {
                throw new Cli.UserError("cannot read " + f + ": " + (Files.exists(f)
                        ? "not a readable file" : "it does not exist"));
            }
        }
        LibraryWriter writer = libraryOptions.openWriter(spec.commandLine().getErr());
        if (writer == null) {
            throw new Cli.UserError("runs import writes the run library: drop --no-library, or "
                    + "give a writable --library");
        }
        try {
            for (Path f : files) {
                String name = f.getFileName().toString();
                String lower = name.toLowerCase(Locale.ROOT);
                if (lower.endsWith(Checkpoint.EXTENSION)) {
                    importCheckpoint(writer, f, name);
                } else if (lower.endsWith(".safetensors")) {
                    importNetworks(out, writer, f, name, base);
                } else {
                    importCsv(writer, f, name, base);
                }
            }
            writer.flush();
            if (writer.failure() != null) {
                return Cli.USAGE;
            }
            out.printf("imported %d file%s into %s%n", files.size(), files.size() == 1 ? ""
                    : "s", writer.library().file());
            return 0;
        } finally {
            LibraryOptions.close(writer);
        }
    }

    private static void importCheckpoint(LibraryWriter writer, Path f, String name)
            throws IOException {
        RunSnapshot s = Checkpoint.read(f);
        Hyperparameters hp = s.hyperparameters();
        LibraryWriter.Recording r = writer.record(new NewRun(name, "import", null, null, null,
                hp, 0, 0, List.of()), null, s.history(), null, hp.version().solvedThreshold());
        r.checkpoint("final", s);
        r.end(state(s.history(), hp), null);
    }

    /** Networks only: a run of the flags' settings (layers from the file), no episodes yet. */
    private static void importNetworks(PrintWriter out, LibraryWriter writer, Path f,
                                       String name, Hyperparameters base) throws IOException {
        RunSnapshot s = PyTorchModel.read(f, base);
        Hyperparameters hp = s.hyperparameters();
        LibraryWriter.Recording r = writer.record(new NewRun(name, "import", null, null, null,
                hp, 0, 0, List.of()), null, s.history(), null, hp.version().solvedThreshold());
        r.checkpoint("final", s);
        r.end(state(s.history(), hp), null);
        out.printf("%s: networks of %d hidden layer%s of %d, %s, trained as %s from here%n",
                SafeText.value(name), hp.hiddenLayers(), hp.hiddenLayers() == 1 ? "" : "s",
                hp.hiddenSize(), hp.activation().id(), hp.algorithm().displayName());
    }

    private static String state(EpisodeHistory h, Hyperparameters hp) {
        return h.size() >= hp.episodes() ? "finished" : "stopped";
    }

    private void importCsv(LibraryWriter writer, Path f, String name, Hyperparameters base)
            throws IOException {
        String first;
        try (var in = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
            first = in.readLine();
        }
        int missing = MetricsCsv.missingColumns(first); // CSVs of earlier builds lack some
        if (missing >= 0 && first.startsWith(EpisodeStats.COLUMNS[0] + ",")) {
            List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8).stream()
                    .map(l -> l.isEmpty() ? l : MetricsCsv.padded(l, missing)).toList();
            EpisodeHistory h = new EpisodeHistory();
            GradientVarianceHistory g = new GradientVarianceHistory();
            parse(f, lines.subList(1, lines.size()), 2, 0, h, g);
            Hyperparameters hp = base.episodes() < h.size() ? base.withEpisodes(h.size()) : base;
            writer.record(new NewRun(name, "import", null, null, null, hp, 0, 0, List.of()),
                    null, h, g, hp.version().solvedThreshold()).end(state(h, hp), null);
            return;
        }
        if (first == null || !first.startsWith("run,algorithm,seed,")) {
            throw new Cli.UserError(f + " is neither a checkpoint (.cplb) nor a CSV of train or "
                    + "compare: give a file they wrote");
        }
        ExperimentCsv.Runs runs = ExperimentCsv.read(List.of(f));
        Sweep sweep = runs.sweepName() == null ? null : Sweep.parse(runs.sweepName() + "="
                + runs.runs().stream().map(RunResult::sweepText).distinct()
                .collect(Collectors.joining(",")));
        var experiment = writer.experiment("import " + name, base.version().id(),
                runs.runs().stream().map(RunResult::algorithmName).distinct()
                        .collect(Collectors.joining(",")),
                runs.runs().stream().map(r -> Long.toString(r.seed())).distinct()
                        .collect(Collectors.joining(",")), runs.sweepName(),
                sweep == null ? null : runs.runs().stream().map(RunResult::sweepText)
                        .distinct().collect(Collectors.joining(",")), null, base.episodes());
        for (RunResult run : runs.runs()) {
            EpisodeHistory h = run.history();
            GradientVarianceHistory g = run.gradientVariance();
            Hyperparameters hp = base.withAlgorithm(run.algorithm()).withSeed(run.seed());
            Double value = null;
            if (sweep != null) {
                value = run.swept().value();
                hp = sweep.apply(hp, value);
            }
            if (hp.episodes() < h.size()) {
                hp = hp.withEpisodes(h.size());
            }
            writer.record(new NewRun(run.id(), "import", null, run.id(), value, hp, 0, 0,
                    List.of()), experiment, h, g, hp.version().solvedThreshold())
                    .end(state(h, hp), null);
        }
    }

    /** Rows into histories; {@code firstLine} &lt; 0 when the rows' lines are not known. */
    private static void parse(Path f, List<String> rows, int firstLine, int lead,
                              EpisodeHistory h, GradientVarianceHistory g) throws IOException {
        for (int i = 0; i < rows.size(); i++) {
            String row = rows.get(i);
            if (row.isEmpty()) {
                continue;
            }
            int line = firstLine < 0 ? -1 : firstLine + i;
            String[] fields = row.split(",", -1);
            if (fields.length != lead + MetricsRow.FIELDS) {
                throw new IOException(f + " line " + line + " has " + fields.length
                        + " fields, not " + (lead + MetricsRow.FIELDS) + ": the file is cut or "
                        + "edited");
            }
            MetricsRow m = MetricsRow.parse(fields, lead, f, line);
            try {
                h.add(m.stats());
                if (m.gradientVariance() != null) {
                    g.add(m.gradientVariance());
                }
            } catch (IllegalArgumentException e) {
                throw new IOException(f + " line " + line + ": " + e.getMessage()
                        + "; the file is cut or edited");
            }
        }
    }
}
