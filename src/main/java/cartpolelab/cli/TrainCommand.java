package cartpolelab.cli;

import cartpolelab.agent.Hyperparameters;
import cartpolelab.io.AtomicFiles;
import cartpolelab.io.Checkpoint;
import cartpolelab.io.MetricsCsv;
import cartpolelab.io.PlotFiles;
import cartpolelab.metrics.EpisodeStats;
import cartpolelab.metrics.RunProgress;
import cartpolelab.train.TrainingRun;
import java.io.IOException;
import java.io.PrintWriter;
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

    @Option(names = {"--plot", "--png", "--svg"}, paramLabel = "FILE",
            description = "write the reward chart with its moving average; .png or .svg")
    private Path png;

    @Option(names = "--checkpoint", paramLabel = "FILE",
            description = "write networks, optimiser state and history (.cplb)")
    private Path checkpoint;

    @Option(names = "--quiet", description = "no progress output, only the summary")
    private boolean quiet;

    @Override
    public Integer call() throws IOException {
        Hyperparameters hp = settings.build();
        // fail before training, so no work is lost to a typo in a path
        for (Path p : new Path[] {csv, png, checkpoint}) {
            if (p != null) {
                AtomicFiles.checkWritable(p);
            }
        }
        if (png != null && PlotFiles.Format.of(png) == null) {
            throw new Cli.UserError("--plot " + png + ": unknown image type; use a .png or "
                    + ".svg file name");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String title = String.format(Locale.ROOT, "%s · %s · seed %d", hp.version().id(),
                hp.algorithm().displayName(), hp.seed());
        out.printf(Locale.ROOT, "training %s · hidden %d · lr %s · %d episodes%n", title,
                hp.hiddenSize(), hp.learningRate(), hp.episodes());
        out.flush();

        TrainingRun run = new TrainingRun(hp);
        try (Progress progress = quiet ? Progress.NONE
                : Progress.create(err, hp.episodes())) {
            run.train(stopWhenSolved, s -> progress.episode(s, run.progress()));
        }
        summarize(out, run);

        List<String> failed = new ArrayList<>();
        if (csv != null) {
            save(out, failed, "metrics", csv, () -> MetricsCsv.write(csv, run.history()));
        }
        if (png != null) {
            save(out, failed, "chart", png, () -> PlotFiles.write(png, cartpolelab.plot.RunFigures
                    .reward(run.history(), run.history().size(), PlotFiles.describe(hp,
                    run.history())), PlotFiles.DEFAULT_WIDTH, PlotFiles.DEFAULT_HEIGHT));
        }
        if (checkpoint != null) {
            save(out, failed, "checkpoint", checkpoint,
                    () -> Checkpoint.write(checkpoint, run.snapshot()));
        }
        if (!failed.isEmpty()) {
            err.println("error: " + String.join("; ", failed));
            return Cli.USAGE;
        }
        if (run.failure() != null) {
            err.println("error: training failed: " + run.failure()
                    + " (try a lower --lr or another --seed)");
            return 1;
        }
        return 0;
    }

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
        }
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
        out.printf(Locale.ROOT, "steps        %,d in %.1f s (%,.0f steps/s)%n", run.totalSteps(),
                seconds, seconds > 0 ? run.totalSteps() / seconds : 0.0);
        out.flush();
    }

    /** Shows training progress: a bar on a terminal, plain lines otherwise. */
    interface Progress extends AutoCloseable {
        Progress NONE = new Progress() {
            @Override
            public void episode(EpisodeStats s, RunProgress p) {
            }

            @Override
            public void close() {
            }
        };

        /** A finished episode, with the run's progress after it. */
        void episode(EpisodeStats s, RunProgress p);

        @Override
        void close();

        static Progress create(PrintWriter err, int episodes) {
            return System.console() != null ? new BarProgress(episodes)
                    : new LineProgress(err, episodes);
        }
    }

    /** me.tongfei progressbar on the terminal: episode, MA50, best, ETA. */
    static final class BarProgress implements Progress {
        private final me.tongfei.progressbar.ProgressBar bar;
        private boolean closed;

        BarProgress(int episodes) {
            bar = new me.tongfei.progressbar.ProgressBarBuilder()
                    .setTaskName("train")
                    .setInitialMax(episodes)
                    .setUnit(" ep", 1)
                    .setUpdateIntervalMillis(200)
                    .showSpeed()
                    .build();
        }

        @Override
        public void episode(EpisodeStats s, RunProgress p) {
            bar.stepTo(s.episode());
            bar.setExtraMessage(String.format(Locale.ROOT, " · MA50 %.1f best %.1f",
                    p.movingAverage(), p.bestMovingAverage()));
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                bar.close();
            }
        }
    }

    /** Plain lines (about twenty a run) when the output is a file or a pipe. */
    static final class LineProgress implements Progress {
        private final PrintWriter err;
        private final int episodes;
        private final int every;

        LineProgress(PrintWriter err, int episodes) {
            this.err = err;
            this.episodes = episodes;
            this.every = Math.max(1, episodes / 20);
        }

        @Override
        public void episode(EpisodeStats s, RunProgress p) {
            if (s.episode() % every == 0 || s.episode() == episodes) {
                double eta = s.wallSeconds() / s.episode() * (episodes - s.episode());
                err.printf(Locale.ROOT, "episode %d/%d  MA50 %.1f  reward %.0f  %,.0f steps/s"
                        + "  ETA %.0f s%n", s.episode(), episodes, s.movingAverage(), s.reward(),
                        s.wallSeconds() > 0 ? s.totalSteps() / s.wallSeconds() : 0.0, eta);
                err.flush();
            }
        }

        @Override
        public void close() {
            err.flush();
        }
    }
}
