package cartpolelab.cli;

import cartpolelab.io.AtomicFiles;
import cartpolelab.io.ExperimentCsv;
import cartpolelab.io.MetricsCsv;
import cartpolelab.io.PlotFiles;
import cartpolelab.io.PyTorchModel;
import cartpolelab.io.SafeText;
import cartpolelab.io.Safetensors;
import cartpolelab.io.TensorBoardWriter;
import cartpolelab.results.ExperimentResults;
import cartpolelab.library.StoredResults;
import cartpolelab.library.LibraryException;
import cartpolelab.library.LibraryReader;
import cartpolelab.library.RunLibrary;
import cartpolelab.library.StoredRun;
import cartpolelab.plot.RunFigures;
import cartpolelab.train.Cell;
import cartpolelab.train.RunSnapshot;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code runs export}: stored runs as the files {@code train} and {@code compare} write. One
 * run: its metrics CSV, reward chart and checkpoint, byte for byte what {@code train} wrote.
 * Several: the tidy CSV and the comparison chart of {@code compare}. (The place for more
 * formats: one more option each.) Any number of runs: TensorBoard event files, one
 * sub-directory per run named by its id. One run: its networks for PyTorch (safetensors).
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write stored runs as files: one run as train writes it (--csv, "
                + "--png/--svg, --checkpoint, --pytorch); several as compare writes them (--csv "
                + "tidy, --png/--svg); any as TensorBoard logs (--tensorboard).")
final class RunsExport implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private LibraryOptions libraryOptions = new LibraryOptions();

    @Mixin
    private CompareReport.ChartOptions chart;

    @Parameters(paramLabel = "ID", arity = "1..*", description = "run ids (runs list)")
    private List<Long> ids;

    @Option(names = "--csv", paramLabel = "FILE",
            description = "one run: its metrics CSV; several: the tidy CSV")
    private Path csv;

    @Mixin
    private ChartFiles chartFiles = new ChartFiles();

    @Option(names = "--checkpoint", paramLabel = "FILE",
            description = "one run: its last checkpoint (.cplb), to eval or continue")
    private Path checkpoint;

    @Option(names = "--tensorboard", paramLabel = "DIR",
            description = "TensorBoard event files of every run, in DIR/run-ID (tensorboard "
                    + "--logdir DIR)")
    private Path tensorboard;

    @Option(names = "--pytorch", paramLabel = "FILE",
            description = "one run: the networks of its last checkpoint as safetensors in "
                    + "PyTorch's layout (the notebook's ActorCritic names for one hidden layer)")
    private Path pytorch;

    @Mixin
    private DtypeOption dtype = new DtypeOption();

    @Override
    public Integer call() throws IOException {
        List<ChartFiles.Chart> charts = chartFiles.charts();
        if (csv == null && checkpoint == null && charts.isEmpty() && tensorboard == null
                && pytorch == null) {
            throw new Cli.UserError("nothing to write: give --csv, --png, --svg, --checkpoint, "
                    + "--tensorboard or --pytorch");
        }
        if (ids.size() > 1 && (checkpoint != null || pytorch != null)) {
            String flag = checkpoint != null ? "--checkpoint" : "--pytorch";
            throw new Cli.UserError(flag + " takes one run, not " + ids.size()
                    + ": export each run's " + flag.substring(2) + " on its own");
        }
        Safetensors.Dtype type = dtype.type();
        chart.centerKind();
        chart.bandKind();
        OutputPaths.check(spec);
        PrintWriter out = spec.commandLine().getOut();
        try (RunLibrary library = libraryOptions.openForReading("runs export")) {
            List<StoredRun> runs = RunsCommand.runs(library, ids);
            LibraryReader reader = library.reader();
            if (pytorch != null) {
                exportNetworks(out, reader, runs.get(0), type);
            }
            if (tensorboard != null) {
                exportTensorBoard(out, reader, runs);
            }
            if (csv == null && checkpoint == null && charts.isEmpty()) {
                out.flush();
                return 0;
            }
            if (runs.size() == 1) {
                exportOne(out, reader, runs.get(0), charts);
            } else {
                exportMany(out, reader, runs, charts);
            }
        }
        out.flush();
        return 0;
    }

    private void exportNetworks(PrintWriter out, LibraryReader reader, StoredRun run,
                                Safetensors.Dtype type) throws IOException {
        RunSnapshot s = reader.snapshot(run.id());
        if (s == null) {
            throw new Cli.UserError("run " + run.id() + " has no checkpoint in the library (it "
                    + "ended before its first one), so no networks to export");
        }
        PyTorchModel.write(pytorch, s.hyperparameters(), s.agent(), type);
        out.printf("wrote %-10s %s%n", "pytorch", pytorch);
    }

    /** Each run's episodes and measurements as one events file in {@code DIR/run-ID}. */
    private void exportTensorBoard(PrintWriter out, LibraryReader reader, List<StoredRun> runs)
            throws IOException {
        for (StoredRun run : runs) {
            LibraryReader.History h = reader.history(run.id());
            Path dir = tensorboard.resolve("run-" + run.id());
            double start = run.started() == null ? 0 : run.started().toEpochMilli() / 1000.0;
            try (TensorBoardWriter w = TensorBoardWriter.create(dir,
                    TensorBoardWriter.settingsText(run.hyperparameters()), start)) {
                w.append(h.episodes(), h.gradientVariance());
                out.printf("wrote %-10s %s%n", "events", w.file());
            }
        }
    }

    private void exportOne(PrintWriter out, LibraryReader reader, StoredRun run,
                           List<ChartFiles.Chart> charts) throws IOException {
        LibraryReader.History h = reader.history(run.id());
        if (checkpoint != null) {
            byte[] bytes = reader.checkpointFile(run.id());
            if (bytes == null) {
                throw new Cli.UserError("run " + run.id() + " has no checkpoint in the library "
                        + "(it ended before its first one): export --csv or a chart instead");
            }
            AtomicFiles.write(checkpoint, o -> o.write(bytes));
            out.printf("wrote %-10s %s%n", "checkpoint", checkpoint);
        }
        if (csv != null) {
            MetricsCsv.write(csv, h.episodes(), h.gradientVariance());
            out.printf("wrote %-10s %s%n", "metrics", csv);
        }
        for (ChartFiles.Chart c : charts) {
            PlotFiles.write(c.file(), c.format(), RunFigures.reward(h.episodes(),
                    h.episodes().size(), PlotFiles.describe(run.hyperparameters(),
                            h.episodes())), PlotFiles.DEFAULT_WIDTH, PlotFiles.DEFAULT_HEIGHT);
            out.printf("wrote %-10s %s%n", "chart", c.file());
        }
    }

    private void exportMany(PrintWriter out, LibraryReader reader, List<StoredRun> runs,
                            List<ChartFiles.Chart> charts) throws IOException {
        HashSet<Long> seen = new HashSet<>();
        for (StoredRun r : runs) {
            if (!seen.add(r.id())) {
                throw new Cli.UserError("run " + r.id() + " is given twice: give each once");
            }
        }
        ExperimentResults results;
        try {
            results = StoredResults.of(reader, runs);
        } catch (LibraryException e) {
            throw new Cli.UserError("runs " + ids + ": " + e.getMessage());
        }
        List<String> failed = CompareReport.write(out, results, csv, null, charts,
                CompareReport.describe(results, runs.size() + " runs of "
                        + reader.library().getFileName(), "runs " + ids, chart), chart);
        if (!failed.isEmpty()) {
            throw new IOException(String.join("; ", failed));
        }
    }
}
