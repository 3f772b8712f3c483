package cartpolelab.cli;

import cartpolelab.agent.GradientVarianceProbe;
import cartpolelab.agent.Hyperparameters;
import cartpolelab.io.Checkpoint;
import cartpolelab.io.MetricsCsv;
import cartpolelab.io.PlotFiles;
import cartpolelab.metrics.Collapse;
import cartpolelab.metrics.GradientVarianceHistory;
import cartpolelab.metrics.RunProgress;
import cartpolelab.plot.RunFigures;
import cartpolelab.train.TrainingRun;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
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
            description = "while training, rewrite --checkpoint and --csv every N episodes, so "
                    + "a kill loses at most N episodes; 0 writes them only at the end "
                    + "(default: ${DEFAULT-VALUE})")
    private int checkpointEvery;

    @Option(names = "--quiet", description = "no progress output, only the summary")
    private boolean quiet;

    @Option(names = "--grad-variance-every", paramLabel = "K", defaultValue = "0",
            description = "every K learning updates, measure the variance of the three "
                    + "policy-gradient estimators (REINFORCE, baseline, TD) on extra episodes "
                    + "of the current policy, into the CSV's gradvar/ columns; training is "
                    + "unchanged; 0 = off (default: ${DEFAULT-VALUE}; the app uses "
                    + GradientVarianceProbe.Settings.DEFAULT_EVERY + ")")
    private int gradVarianceEvery;

    @Option(names = "--grad-variance-episodes", paramLabel = "M",
            defaultValue = "" + GradientVarianceProbe.Settings.DEFAULT_EPISODES,
            description = "episodes per gradient-variance measurement, in [2, "
                    + GradientVarianceProbe.Settings.MAX_EPISODES + "] (default: "
                    + "${DEFAULT-VALUE})")
    private int gradVarianceEpisodes;

    @Override
    public Integer call() throws IOException {
        Hyperparameters hp = settings.build();
        if (checkpointEvery < 0 || checkpointEvery > Hyperparameters.MAX_EPISODES) {
            throw new Cli.UserError("--checkpoint-every must be in [0, "
                    + Hyperparameters.MAX_EPISODES + "], was " + checkpointEvery);
        }
        GradientVarianceProbe.Settings measure = gradientVarianceSettings();
        // fail before training, so no work is lost to a typo in a path
        OutputPaths.check(spec);
        List<ChartFiles.Chart> charts = chartFiles.charts();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (measure == null && spec.commandLine().getParseResult()
                .hasMatchedOption("--grad-variance-episodes")) {
            err.println("note: --grad-variance-episodes does nothing without "
                    + "--grad-variance-every K");
        }
        String title = String.format(Locale.ROOT, "%s · %s · seed %d", hp.version().id(),
                hp.algorithm().displayName(), hp.seed());
        out.printf(Locale.ROOT, "training %s · hidden %s · lr %s · %d episodes%n", title,
                String.join(",", java.util.Collections.nCopies(hp.hiddenLayers(),
                        Integer.toString(hp.hiddenSize()))), hp.learningRate(), hp.episodes());
        out.flush();

        TrainingRun run = new TrainingRun(hp);
        run.measureGradientVariance(measure);
        try (Progress progress = quiet ? Progress.NONE
                : Progress.create(err, hp.episodes())) {
            run.train(stopWhenSolved, s -> {
                progress.episode(s, run.progress());
                if (checkpointEvery > 0 && s.episode() % checkpointEvery == 0
                        && s.episode() < hp.episodes()) {
                    saveProgress(run);
                }
            });
        }
        summarize(out, run);

        List<String> failed = new ArrayList<>();
        if (csv != null) {
            save(out, failed, "metrics", csv, () -> MetricsCsv.write(csv, run.history(),
                    run.gradientVariance()));
        }
        for (ChartFiles.Chart chart : charts) {
            save(out, failed, "chart", chart.file(), () -> PlotFiles.write(chart.file(),
                    chart.format(), RunFigures.reward(run.history(), run.history().size(),
                    PlotFiles.describe(hp, run.history()), chart.xAxis()),
                    PlotFiles.DEFAULT_WIDTH,
                    PlotFiles.DEFAULT_HEIGHT));
        }
        if (checkpoint != null) {
            save(out, failed, "checkpoint", checkpoint,
                    () -> Checkpoint.write(checkpoint, run.snapshot()));
        }
        if (!failed.isEmpty()) {
            err.println("error: " + String.join("; ", failed));
            return failed.stream().anyMatch(m -> m.contains("out of memory")) ? 1 : Cli.USAGE;
        }
        if (run.failure() != null) {
            err.println("error: training failed: " + run.failure()
                    + " (try a lower --lr or another --seed)");
            return 1;
        }
        return 0;
    }

    /** The measurement settings of the flags, or null when off; bad values are a user error. */
    private GradientVarianceProbe.Settings gradientVarianceSettings() {
        if (gradVarianceEvery < 0 || gradVarianceEvery > GradientVarianceProbe.Settings.MAX_EVERY) {
            throw new Cli.UserError("--grad-variance-every must be in [0, "
                    + GradientVarianceProbe.Settings.MAX_EVERY + "] (0 = off), was "
                    + gradVarianceEvery);
        }
        if (gradVarianceEpisodes < 2
                || gradVarianceEpisodes > GradientVarianceProbe.Settings.MAX_EPISODES) {
            throw new Cli.UserError("--grad-variance-episodes must be in [2, "
                    + GradientVarianceProbe.Settings.MAX_EPISODES + "], was "
                    + gradVarianceEpisodes);
        }
        return gradVarianceEvery == 0 ? null
                : new GradientVarianceProbe.Settings(gradVarianceEvery, gradVarianceEpisodes);
    }

    /**
     * The periodic save: checkpoint and CSV as they are after this episode (between episodes,
     * so the checkpoint continues exactly). A failure stops training with the message: the
     * same write would fail at the end.
     */
    private void saveProgress(TrainingRun run) {
        try {
            if (checkpoint != null) {
                Checkpoint.write(checkpoint, run.snapshot());
            }
            if (csv != null) {
                MetricsCsv.write(csv, run.history(), run.gradientVariance());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (OutOfMemoryError e) {
            throw new UncheckedIOException(new IOException("out of memory while saving after "
                    + "episode " + run.history().size() + "; give Java more memory (-Xmx) or "
                    + "save less often (--checkpoint-every)", e));
        }
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
        java.util.Arrays.sort(sorted);
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
