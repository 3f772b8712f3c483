package cartpolelab.cli;

import cartpolelab.env.CartPoleVersion;
import cartpolelab.agent.Hyperparameters;
import cartpolelab.library.LibraryWriter;
import cartpolelab.library.NewRun;
import cartpolelab.results.ExperimentResults;
import cartpolelab.results.RunResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code merge}: the shards' tidy CSVs of one experiment → the outputs of one unsharded run. */
@Command(name = "merge", mixinStandardHelpOptions = true,
        description = "Combine an experiment's shards (compare --shard K/N, each with its own "
                + "--library FILE, or its --csv FILE) into the files one unsharded compare "
                + "writes. Shards trained with other settings are refused; cells of the grid "
                + "no shard holds are named.",
        footer = {"", "Examples:",
            "  cartpole-lab merge --csv runs.csv --summary summary.csv shard1.db shard2.db",
            "  cartpole-lab merge --csv runs.csv --summary summary.csv shard1.csv shard2.csv"})
final class MergeCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private CompareReport.ChartOptions chart;

    @Option(names = "--env", paramLabel = "VERSION",
            converter = HyperparameterOptions.VersionConverter.class,
            description = "the CartPole version CSV shards trained, for the solved threshold "
                    + "(default: the libraries' version, else v0)")
    private CartPoleVersion version;

    @Option(names = "--csv", paramLabel = "FILE", description = "the merged tidy CSV")
    private Path csv;

    @Option(names = "--summary", paramLabel = "FILE", description = "the summary CSV")
    private Path summary;

    @Mixin
    private ChartFiles chartFiles = new ChartFiles();

    /**
     * {@code --library FILE}: the merged experiment recorded there (libraries' shards only: a
     * tidy CSV does not record its settings); none by default, nor with {@code --no-library}.
     */
    @Mixin
    private LibraryOptions libraryOptions = new LibraryOptions();

    @Parameters(paramLabel = "SHARD", arity = "1..*",
            description = "the shards' libraries (.db) or tidy CSVs")
    private List<String> shards;

    @Override
    public Integer call() throws IOException {
        List<ChartFiles.Chart> charts = chartFiles.charts();
        if (csv == null && summary == null && charts.isEmpty() && libraryOptions.given() == null) {
            throw new Cli.UserError("nothing to write: give --csv, --summary, --png, --svg or "
                    + "--library");
        }
        OutputPaths.check(spec);
        chart.centerKind();
        chart.bandKind();
        List<Path> files = shards.stream().map(Path::of).toList();
        for (Path f : files) {
            if (!Files.isRegularFile(f) || !Files.isReadable(f)) {
                throw new Cli.UserError("cannot read shard " + f + ": "
                        + (Files.exists(f) ? "not a readable file" : "it does not exist")
                        + "; give the --csv files the shards wrote");
            }
            List<Path> outputs = new ArrayList<>(Arrays.asList(csv, summary));
            charts.forEach(c -> outputs.add(c.file()));
            for (Path out : outputs) {
                if (out != null && Files.exists(out) && Files.isSameFile(out, f)) {
                    throw new Cli.UserError(f + " is both a shard and an output: write the "
                            + "merged files elsewhere");
                }
            }
        }
        Path record = libraryOptions.given();
        MergeInputs.Merged merged = MergeInputs.read(files);
        if (record != null && merged.runs().stream().anyMatch(r -> r.settings() == null)) {
            throw new Cli.UserError("--library records the merged experiment with its "
                    + "settings, which tidy CSVs do not hold: give the shards' libraries, or "
                    + "drop --library");
        }
        if (merged.version() != null && version != null && version != merged.version()) {
            throw new Cli.UserError("--env " + version.id() + " but the shards trained "
                    + merged.version().id() + ": drop --env, or merge the shards of "
                    + version.id());
        }
        if (version == null) {
            version = merged.version() != null ? merged.version() : CartPoleVersion.V0;
        }
        if (!merged.missingCells().isEmpty()) {
            List<String> m = merged.missingCells();
            spec.commandLine().getErr().println("warning: " + m.size() + " cell"
                    + (m.size() == 1 ? "" : "s") + " of the grid " + (m.size() == 1 ? "is"
                    : "are") + " in no shard: " + String.join(", ", m.subList(0,
                    Math.min(10, m.size()))) + (m.size() > 10 ? " and " + (m.size() - 10)
                    + " more" : "") + "; is a shard missing? The outputs cover the "
                    + merged.runs().size() + " runs given");
        }
        List<RunResult> runs = merged.runs();
        int limit = version.timeLimit();
        for (RunResult r : runs) {
            for (double reward : r.rewards()) {
                if (reward > limit) {
                    throw new Cli.UserError("run " + r.id() + " has an episode of " + reward
                            + " steps, longer than " + version.id() + " allows: pass the "
                            + "version the shards trained (--env v1)");
                }
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "merged %d runs from %d files%n", runs.size(), files.size());
        String sweepName = merged.sweepName();
        double threshold = version.solvedThreshold();
        ExperimentResults results = ExperimentResults.of(runs, sweepName, threshold);
        CompareReport.print(out, results, null);
        long algorithms = runs.stream().map(RunResult::algorithm).distinct().count();
        long seeds = runs.stream().map(RunResult::seed).distinct().count();
        String title = ExperimentResults.title(version.id(), algorithms, seeds, sweepName,
                runs.stream().map(RunResult::sweepText).distinct().count());
        List<String> failed = CompareReport.write(out, results, csv, summary, charts,
                CompareReport.describe(results, title, "merged from " + files.size()
                        + " shards", chart), chart);
        if (record != null) {
            record(out, record, results, title + " \u00b7 merged from " + files.size()
                    + " shards");
        }
        if (!failed.isEmpty()) {
            spec.commandLine().getErr().println("error: " + String.join("; ", failed));
            return Cli.USAGE;
        }
        return 0;
    }

    /** The merged runs as one experiment of {@code file}, as compare would have recorded. */
    private void record(PrintWriter out, Path file, ExperimentResults results, String name) {
        LibraryWriter writer = libraryOptions.openWriter(spec.commandLine().getErr());
        if (writer == null) {
            return;
        }
        List<RunResult> runs = results.runs();
        Hyperparameters first = runs.get(0).settings();
        Function<Stream<String>, String> list =
                s -> s.distinct().collect(Collectors.joining(","));
        var experiment = writer.experiment(name, first.version().id(),
                list.apply(runs.stream().map(RunResult::algorithmName)),
                list.apply(runs.stream().map(r -> Long.toString(r.seed()))),
                results.sweepName(), results.sweepName() == null ? null
                        : list.apply(runs.stream().map(RunResult::sweepText)), null,
                runs.stream().mapToInt(r -> r.settings().episodes()).max().orElse(0));
        for (RunResult r : runs) {
            Hyperparameters hp = r.settings();
            writer.record(new NewRun(r.id(), "merge", null, r.id(), r.swept() == null ? null
                    : r.swept().value(), hp, 0, 0, List.of()), experiment, r.history(),
                    r.gradientVariance(), results.threshold())
                    .end(r.episodes() >= hp.episodes() ? "finished" : "stopped", null);
        }
        writer.flush();
        boolean ok = writer.failure() == null;
        LibraryOptions.close(writer);
        if (ok) {
            out.printf(Locale.ROOT, "recorded   merged experiment (%d runs) in %s%n", runs.size(),
                    file);
        }
    }
}
