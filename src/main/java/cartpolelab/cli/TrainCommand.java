package cartpolelab.cli;

import cartpolelab.agent.GradientVarianceProbe;
import cartpolelab.agent.Hyperparameters;
import cartpolelab.io.Checkpoint;
import cartpolelab.io.PlotFiles;
import cartpolelab.io.PyTorchModel;
import cartpolelab.io.SafeText;
import cartpolelab.io.Safetensors;
import cartpolelab.io.TensorBoardLog;
import cartpolelab.io.TensorBoardWriter;
import cartpolelab.library.LibraryWriter;
import cartpolelab.train.Cell;
import cartpolelab.metrics.Collapse;
import cartpolelab.metrics.GradientVarianceHistory;
import cartpolelab.metrics.RunProgress;
import cartpolelab.plot.RunFigures;
import cartpolelab.train.TrainingRun;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code train}: a whole run on this thread, with progress, a summary and output files. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train an agent headless and write its metrics, chart and checkpoint.",
        footer = {"", "Example:",
            "  cartpole-lab train --episodes 3000 --seed 1 --csv run.csv --png run.png "
                    + "--checkpoint run.cplb"})
final class TrainCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private HyperparameterOptions settings;

    @Mixin
    private LibraryOptions libraryOptions = new LibraryOptions();

    @Option(names = "--stop-when-solved",
            description = "stop once the 50-episode moving average reaches the threshold")
    private boolean stopWhenSolved;

    @Option(names = "--csv", paramLabel = "FILE", description = "write per-episode metrics")
    private Path csv;

    @Mixin
    private ChartFiles chartFiles = new ChartFiles();

    @Option(names = "--checkpoint", paramLabel = "FILE",
            description = "write networks, optimiser state and history (.cplb)")
    private Path checkpoint;

    @Option(names = "--checkpoint-every", paramLabel = "N", defaultValue = "1000",
            description = "while training, append the new rows to --csv and save the "
                    + "checkpoint (in the library, and --checkpoint, which is rewritten at most "
                    + "as often as keeps it under 10 %% of the time) every N episodes; 0 writes "
                    + "them only at the end (default: ${DEFAULT-VALUE})")
    private int checkpointEvery;

    @Option(names = "--pytorch", paramLabel = "FILE",
            description = "write the networks as the notebook's PyTorch ActorCritic "
                    + "(safetensors: critic_ln1.weight ... actor_ln2.bias); in Python: "
                    + "model.load_state_dict(safetensors.torch.load_file(FILE))")
    private Path pytorch;

    @Mixin
    private DtypeOption dtype = new DtypeOption();

    @Option(names = "--tensorboard", paramLabel = "DIR",
            description = "write TensorBoard event files while training, into DIR/<run id> "
                    + "(a2c-s1; a2c-s1_2 if taken), flushed every 2 s: every CSV metric as a "
                    + "scalar, the settings as text; watch with: tensorboard --logdir DIR")
    private Path tensorboard;

    @Option(names = "--quiet", description = "no progress output, only the summary")
    private boolean quiet;

    @Mixin
    private GradientVarianceOptions gradientVariance = new GradientVarianceOptions();

    @Override
    public Integer call() throws IOException {
        Hyperparameters hp = settings.build();
        if (checkpointEvery < 0 || checkpointEvery > Hyperparameters.MAX_EPISODES) {
            throw new Cli.UserError("--checkpoint-every must be in [0, "
                    + Hyperparameters.MAX_EPISODES + "], was " + checkpointEvery);
        }
        // fail before training, so no work is lost to a typo in a path
        OutputPaths.check(spec);
        List<ChartFiles.Chart> charts = chartFiles.charts();
        Safetensors.Dtype type = dtype.type();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        GradientVarianceProbe.Settings measure = gradientVariance.settings(spec, err);
        // a file that is no library is refused before training; a full or read-only one is
        // said once, and the run goes on unrecorded
        LibraryWriter library = libraryOptions.openWriter(err);
        String title = String.format(Locale.ROOT, "%s · %s · seed %d", hp.version().id(),
                hp.algorithm().displayName(), hp.seed());
        out.printf(Locale.ROOT, "training %s · hidden %s · lr %s · %d episodes%n", title,
                String.join(",", Collections.nCopies(hp.hiddenLayers(),
                        Integer.toString(hp.hiddenSize()))), hp.learningRate(), hp.episodes());
        out.flush();

        TrainingRun run = new TrainingRun(hp);
        run.measureGradientVariance(measure);
        TensorBoardLog board = tensorboard == null ? null : TensorBoardLog.start(List.of(
                new TensorBoardLog.Source(freeRunDirectory(tensorboard, hp),
                        TensorBoardWriter.settingsText(hp), run::history,
                        run::gradientVariance)), TensorBoardLog.DEFAULT_PERIOD);
        try (TrainOutputs outputs = new TrainOutputs(run, checkpointEvery, csv, checkpoint,
                library, measure == null ? 0 : measure.everyEpisodes(),
                measure == null ? 0 : measure.episodes(), err)) {
            try (Progress progress = quiet ? Progress.NONE
                    : Progress.create(err, hp.episodes())) {
                run.train(stopWhenSolved, s -> {
                    progress.episode(s, run.progress());
                    outputs.episode(s);
                });
            }
            summarize(out, run);
            outputs.finish(stopWhenSolved, out);
            return writeOutputs(out, err, run, charts, outputs, board, type);
        }
    }

    private int writeOutputs(PrintWriter out, PrintWriter err, TrainingRun run,
                             List<ChartFiles.Chart> charts, TrainOutputs outputs,
                             TensorBoardLog board, Safetensors.Dtype type) {
        Hyperparameters hp = run.hyperparameters();
        List<String> failed = new ArrayList<>();
        if (board != null) {
            save(out, failed, "tensorboard", board.file(0).getParent(), board::close);
        }
        if (csv != null) {
            save(out, failed, "metrics", csv, () -> outputs.writeCsv(csv));
        }
        for (ChartFiles.Chart chart : charts) {
            save(out, failed, "chart", chart.file(), () -> PlotFiles.write(chart.file(),
                    chart.format(), RunFigures.reward(run.history(), run.history().size(),
                    PlotFiles.describe(hp, run.history()), chart.xAxis()),
                    PlotFiles.DEFAULT_WIDTH,
                    PlotFiles.DEFAULT_HEIGHT));
        }
        if (pytorch != null) {
            save(out, failed, "pytorch", pytorch, () -> PyTorchModel.write(pytorch, hp,
                    run.snapshot().agent(), type));
        }
        if (checkpoint != null) {
            save(out, failed, "checkpoint", checkpoint,
                    () -> Checkpoint.write(checkpoint, run.snapshot()));
        }
        if (!failed.isEmpty()) {
            err.println("error: " + SafeText.line(String.join("; ", failed)));
            return failed.stream().anyMatch(m -> m.contains("out of memory")) ? 1 : Cli.USAGE;
        }
        if (run.failure() != null) {
            err.println("error: training failed: " + run.failure()
                    + " (try a lower --lr or another --seed)");
            return 1;
        }
        return 0;
    }

    /** {@code DIR/a2c-s1}, or {@code DIR/a2c-s1_2}, ... when that exists: one run each. */
    static Path freeRunDirectory(Path dir, Hyperparameters hp) {
        String id = Cell.cliName(hp.algorithm()) + "-s" + hp.seed();
        Path p = dir.resolve(id);
        for (int i = 2; Files.exists(p); i++) {
            p = dir.resolve(id + "_" + i);
        }
        return p;
    }

    /** One chart file to write, in the format its option asks for. */
    private interface Save {
        void run() throws IOException;
    }

    /** Writes one output; a failure is reported and the other outputs are still written. */
    private static void save(PrintWriter out, List<String> failed, String what, Path path,
                             Save save) {
        try {
            save.run();
            out.printf("wrote %-10s %s%n", what, path);
        } catch (IOException e) {
            failed.add(e.getMessage());
        } catch (OutOfMemoryError e) {
            failed.add("cannot write " + path + ": out of memory while writing the " + what
                    + "; give Java more memory (-Xmx) and train again");
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static void summarize(PrintWriter out, TrainingRun run) {
        RunProgress p = run.progress();
        double seconds = run.activeSeconds();
        out.printf(Locale.ROOT, "episodes     %d%n", run.history().size());
        if (p.solved()) {
            out.printf(Locale.ROOT, "solved       at episode %d (50-episode average ≥ %.0f)%n",
                    p.solvedAtEpisode(), p.threshold());
        } else {
            out.printf(Locale.ROOT, "not solved   best 50-episode average %.1f (threshold %.0f)%n",
                    p.bestMovingAverage(), p.threshold());
        }
        out.printf(Locale.ROOT, "final MA50   %.1f%n", p.movingAverage());
        Collapse collapse = Collapse.detect(run.history(), p.threshold());
        if (collapse != null) {
            out.println("collapsed    " + collapse.message("--lr", "--entropy-coef (A2C)"));
        }
        out.printf(Locale.ROOT, "steps        %,d in %.1f s (%,.0f steps/s)%n", run.totalSteps(),
                seconds, seconds > 0 ? run.totalSteps() / seconds : 0.0);
        GradientVarianceHistory g = run.gradientVariance();
        int n = g.size();
        if (n > 0) {
            double[][] v = new double[4][n];
            for (int i = 0; i < n; i++) {
                v[0][i] = g.reinforce(i);
                v[1][i] = g.baseline(i);
                v[2][i] = g.td(i);
                v[3][i] = g.learner(i);
            }
            out.printf(Locale.ROOT, "gradvar      median of %d measurements: REINFORCE %.3g · "
                    + "baseline %.3g · TD %.3g · this run's learner %.3g%n", n, median(v[0]),
                    median(v[1]), median(v[2]), median(v[3]));
        }
        out.flush();
    }
}
