package cartpolelab.cli;

import cartpolelab.agent.GradientVarianceProbe;
import cartpolelab.agent.Hyperparameters;
import cartpolelab.agent.Preset;
import cartpolelab.io.PlotFiles;
import cartpolelab.train.EpisodeRecorder;
import cartpolelab.train.ExperimentSpec;
import cartpolelab.train.RecordedEpisode;
import cartpolelab.train.TrainingRun;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bench}: training throughput and the cost of a forward pass and an update. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure training speed on one thread (default settings: A2C, hidden 256).",
        footer = {"", "Throughput is measured over a fixed number of steps after warm-up, so it",
            "does not depend on how well the agent learns. The TrainingRun line runs the real",
            "headless training loop (episode lengths then depend on learning)."})
final class BenchCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private HyperparameterOptions settings;

    @Option(names = "--steps", paramLabel = "N", defaultValue = "1000000",
            description = "measured environment steps (default: ${DEFAULT-VALUE})")
    private long steps;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "200000",
            description = "warm-up steps before measuring (default: ${DEFAULT-VALUE})")
    private long warmup;

    @Option(names = "--trainer-episodes", paramLabel = "N", defaultValue = "1000",
            description = "episodes of the headless TrainingRun loop (default: ${DEFAULT-VALUE}; "
                    + "0 skips it)")
    private int trainerEpisodes;

    @Option(names = "--recorder-episodes", paramLabel = "N", defaultValue = "3000",
            description = "episodes of the recorded run that measures the app's episode "
                    + "recorder (default: ${DEFAULT-VALUE}; 0 skips it)")
    private int recorderEpisodes;

    @Option(names = "--probe-episodes", paramLabel = "N", defaultValue = "3000",
            description = "episodes of the runs that time the gradient-variance measurement at "
                    + "its defaults, on and off (default: ${DEFAULT-VALUE}; 0 skips it)")
    private int probeEpisodes;

    @Option(names = "--plots", description = "measure only the plot painter (no training)")
    private boolean plotsOnly;

    @Option(names = "--compare", description = "measure only experiments: the whole grid "
            + "(3 algorithms × --compare-seeds seeds × --episodes) on all cores, and the "
            + "pool's scaling from 1 to 2 threads on a smaller grid")
    private boolean compare;

    @Option(names = "--outputs", description = "measure only what keeping a run costs: a "
            + "run of --outputs-episodes 1-step episodes plain, and with the run library and "
            + "--csv")
    private boolean outputs;

    /** {@code --outputs}: where its run is recorded (a temporary library by default). */
    @Mixin
    private LibraryOptions libraryOptions = new LibraryOptions();

    @Option(names = "--outputs-episodes", paramLabel = "N", defaultValue = "1000000",
            description = "episodes of the --outputs runs (default: ${DEFAULT-VALUE})")
    private int outputsEpisodes;

    @Option(names = "--compare-seeds", paramLabel = "N", defaultValue = "10",
            description = "seeds of the whole compare grid, bench's experiment row and "
                    + "--compare's; 0 for none (default: ${DEFAULT-VALUE})")
    private int compareSeeds;

    @Option(names = "--scaling-seeds", paramLabel = "N", defaultValue = "4",
            description = "seeds of the scaling grid, 3 algorithms each (default: "
                    + "${DEFAULT-VALUE}; 0 skips the scaling)")
    private int scalingSeeds;

    @Option(names = "--scaling-episodes", paramLabel = "N", defaultValue = "1000",
            description = "episodes per run of the scaling grid (default: ${DEFAULT-VALUE})")
    private int scalingEpisodes;

    /** A billion steps: about half an hour at the measured speed, far beyond any use. */
    static final long MAX_STEPS = 1_000_000_000L;

    private static void inRange(String flag, long value, long min, long max) {
        if (value < min || value > max) {
            throw new Cli.UserError(flag + " must be in [" + min + ", " + max + "], was "
                    + value);
        }
    }

    /**
     * The same settings with 8 environments (when they allow several: A2C with n-steps, PPO),
     * and the SB3 PPO preset: throughput per core, wall and CPU time. PPO's window is a tenth
     * of --steps (its 20 epochs per rollout make a step ~50× the work of A2C's).
     */
    private void printParallel(PrintWriter out, Hyperparameters hp) {
        if (hp.envs() == 1 && hp.algorithm().supportsNSteps() && hp.nSteps() > 0) {
            double before = ExperimentBenchmark.loadAverage();
            AgentBenchmark.Result r = AgentBenchmark.run(hp.withEnvs(8), warmup, steps);
            out.printf(Locale.ROOT, "--envs 8             %,10.0f env steps/s   (%,.0f per CPU "
                    + "second; these settings with 8 environments in lockstep, one update "
                    + "per 8 × %d steps; %s)%n", r.stepsPerSecond(), r.stepsPerCpuSecond(),
                    hp.nSteps(), load(before));
            out.flush();
        }
        Hyperparameters ppo = Preset.SB3_PPO.hyperparameters()
                .withSeed(hp.seed());
        double before = ExperimentBenchmark.loadAverage();
        AgentBenchmark.Result r = AgentBenchmark.run(ppo, Math.max(1, warmup / 10),
                Math.max(1, steps / 10));
        out.printf(Locale.ROOT, "--preset sb3-ppo     %,10.0f env steps/s   (%,.0f per CPU "
                + "second; 8 envs × 32 steps, 20 epochs of one 256-step minibatch, 4→64→64 "
                + "tanh; %,d steps; %s)%n", r.stepsPerSecond(), r.stepsPerCpuSecond(),
                r.measuredSteps(), load(before));
        out.flush();
    }

    /** "load average 3.10 → 2.95": the machine's one-minute load before and after a row. */
    private static String load(double before) {
        return String.format(Locale.ROOT, "load average %.2f → %.2f", before,
                ExperimentBenchmark.loadAverage());
    }

    @Override
    public Integer call() throws Exception {
        // every flag bounded and checked before any work, each error naming its own flag
        inRange("--steps", steps, 1, MAX_STEPS);
        inRange("--warmup", warmup, 0, MAX_STEPS);
        inRange("--trainer-episodes", trainerEpisodes, 0, Hyperparameters.MAX_EPISODES);
        inRange("--recorder-episodes", recorderEpisodes, 0, Hyperparameters.MAX_EPISODES);
        inRange("--compare-seeds", compareSeeds, 0, 10_000);
        inRange("--scaling-seeds", scalingSeeds, 0, 10_000);
        inRange("--scaling-episodes", scalingEpisodes, 1, Hyperparameters.MAX_EPISODES);
        inRange("--probe-episodes", probeEpisodes, 0, Hyperparameters.MAX_EPISODES);
        Hyperparameters hp = settings.build();
        PrintWriter out = spec.commandLine().getOut();
        if (compare) {
            printCompare(out, hp);
            return 0;
        }
        if (plotsOnly) {
            printPlots(out);
            return 0;
        }
        if (outputs) {
            inRange("--outputs-episodes", outputsEpisodes, 1, Hyperparameters.MAX_EPISODES);
            Path file = libraryOptions.given();
            boolean record = !libraryOptions.off();
            OutputsBenchmark.Result r = OutputsBenchmark.run(hp, outputsEpisodes, file, record);
            out.printf(Locale.ROOT, "%-20s %10.0f %% of the speed (%,d episodes of "
                    + "1 step: %.1f s plain, %.1f s %s with the CSV "
                    + "appended every %d; %.0f MB library, %.0f MB CSV; load average %.2f "
                    + "after)%n", record ? "library and --csv" : "--csv", 100 * r.ratio(),
                    r.episodes(), r.plainSeconds(), r.outputsSeconds(), record
                    ? "recorded in " + (file == null ? "the library" : file) : "unrecorded",
                    OutputsBenchmark.EVERY, r.libraryBytes() / 1e6,
                    r.csvBytes() / 1e6, ExperimentBenchmark.loadAverage());
            out.flush();
            return 0;
        }
        out.printf(Locale.ROOT, "CartPole Lab bench · %s · %s · hidden %d · one thread · %s%n",
                hp.algorithm().displayName(), hp.version().id(), hp.hiddenSize(),
                System.getProperty("java.vm.name") + " " + Runtime.version());
        out.flush();
        double before = ExperimentBenchmark.loadAverage();
        AgentBenchmark.Result r = AgentBenchmark.run(hp, warmup, steps);
        out.printf(Locale.ROOT, "training throughput  %,10.0f env steps/s   (%,d steps after "
                + "%,d warm-up; episodes %.0f steps on average; %,.0f per CPU second; "
                + "%d env%s; %s)%n", r.stepsPerSecond(), r.measuredSteps(), warmup,
                r.meanEpisodeLength(), r.stepsPerCpuSecond(), hp.envs(),
                hp.envs() == 1 ? "" : "s", load(before));
        out.printf(Locale.ROOT, "fresh agent          %,10.0f env steps/s   (its first %,d "
                + "steps, learning from scratch; episodes %.0f steps)%n",
                r.freshStepsPerSecond(), r.freshSteps(), r.freshMeanEpisodeLength());
        out.printf(Locale.ROOT, "actor forward        %10.2f µs          (one state, 4→%d→2 and "
                + "softmax)%n", r.forwardNanos() / 1000, hp.hiddenSize());
        out.printf(Locale.ROOT, "A2C update           %10.1f µs          (%d-step rollout: "
                + "critic forward, both backward passes, Adam)%n", r.updateMicros(),
                r.updateSteps());
        out.flush();
        printParallel(out, hp);
        printGrid(out, hp, ExperimentSpec.defaultThreads());
        if (trainerEpisodes > 0) {
            TrainingRun run = new TrainingRun(hp.withEpisodes(trainerEpisodes));
            run.train(false, null);
            out.printf(Locale.ROOT, "TrainingRun loop     %,10.0f env steps/s   (%d episodes, "
                    + "%,d steps in %.2f s, seed %d)%n",
                    run.totalSteps() / run.activeSeconds(), run.history().size(),
                    run.totalSteps(), run.activeSeconds(), hp.seed());
        }
        if (recorderEpisodes > 0) {
            printRecorder(out, hp.withEpisodes(recorderEpisodes));
        }
        if (probeEpisodes > 0) {
            printProbeCost(out, hp.withEpisodes(probeEpisodes));
        }
        out.flush();
        return 0;
    }

    /**
     * The same run (same seed, so the same training) plain and with {@code extra} applied,
     * alternately three times each: the fastest of each (the least disturbed by other work),
     * as steps per second of the headless loop, and the three runs with {@code extra}.
     */
    private record Alternated(double off, double on, List<TrainingRun> runs) {

        static Alternated of(Hyperparameters hp, Consumer<TrainingRun> extra) {
            double off = 0;
            double on = 0;
            List<TrainingRun> runs = new ArrayList<>();
            for (int round = 0; round < 3; round++) {
                TrainingRun plain = new TrainingRun(hp);
                plain.train(false, null);
                off = Math.max(off, plain.totalSteps() / plain.activeSeconds());
                TrainingRun run = new TrainingRun(hp);
                extra.accept(run);
                run.train(false, null);
                on = Math.max(on, run.totalSteps() / run.activeSeconds());
                runs.add(run);
            }
            return new Alternated(off, on, runs);
        }

        double percentSlower() {
            return 100 * (1 - on / off);
        }
    }

    /**
     * What the gradient-variance measurement costs at its defaults ({@link Alternated}). Since
     * other work on the machine moves that comparison by several per cent, the share of the
     * measured run's own time spent measuring (the same slowdown, within one run) is given too,
     * as the median of the three.
     */
    private static void printProbeCost(PrintWriter out, Hyperparameters hp) {
        GradientVarianceProbe.Settings settings = GradientVarianceProbe.Settings.DEFAULT;
        Alternated a = Alternated.of(hp, run -> run.measureGradientVariance(settings));
        double[] share = a.runs().stream()
                .mapToDouble(r -> r.measuringSeconds() / r.activeSeconds()).sorted().toArray();
        TrainingRun measured = a.runs().get(0);
        out.printf(Locale.ROOT, "gradient variance    %10.1f %% slower    (K = %d, M = %d: %d "
                + "measurements in a %d-episode run of %,d steps; %,.0f → %,.0f steps/s, best "
                + "of 3 each; %.1f %% of the measured run's time)%n", a.percentSlower(),
                settings.everyEpisodes(), settings.episodes(), measured.gradientVariance().size(),
                hp.episodes(), measured.totalSteps(), a.off(), a.on(), 100 * share[1]);
    }

    /**
     * The app's episode recorder at its defaults, over a whole run: its memory, and its cost
     * ({@link Alternated}).
     */
    private static void printRecorder(PrintWriter out, Hyperparameters hp) {
        Alternated a = Alternated.of(hp, run -> run.record(EpisodeRecorder.DEFAULT_KEEP));
        TrainingRun recorded = a.runs().get(0);
        EpisodeRecorder rec = recorded.recorder();
        long frames = rec.bytes() / RecordedEpisode.BYTES_PER_FRAME;
        out.printf(Locale.ROOT, "episode recorder     %10.1f MB          (%d episodes kept: the "
                + "last %d and %d milestones; %,d frames, %.0f KB per 1,000 steps; %.1f %% "
                + "slower: %,.0f → %,.0f steps/s, best of 3 each)%n", rec.bytes() / 1e6,
                rec.recordings().size(), EpisodeRecorder.DEFAULT_KEEP, rec.recordings().size()
                        - Math.min(EpisodeRecorder.DEFAULT_KEEP, recorded.history().size()),
                frames, RecordedEpisode.BYTES_PER_FRAME * 1000 / 1e3, a.percentSlower(),
                a.off(), a.on());
    }

    /** The experiment row: the whole compare grid (--compare-seeds, 0 for none) on the cores. */
    private void printGrid(PrintWriter out, Hyperparameters hp, int cores)
            throws InterruptedException {
        if (compareSeeds > 0) {
            double before = ExperimentBenchmark.loadAverage();
            ExperimentBenchmark.Result r = ExperimentBenchmark.run(ExperimentBenchmark.grid(hp,
                    compareSeeds, ExperimentSpec.DEFAULT_EPISODES_PER_TURN),
                    cores);
            out.printf(Locale.ROOT, "whole grid           %10.1f s wall      (3 algorithms × %d "
                    + "seeds × %d episodes on %d threads: %,d steps, %.1f CPU s, %,.0f steps/s; "
                    + "%s)%n", r.wallSeconds(), compareSeeds, hp.episodes(), cores, r.steps(),
                    r.cpuSeconds(), r.steps() / r.wallSeconds(), load(before));
            out.flush();
        }
    }

    /** {@code --compare}: the whole grid on all cores, then 1 → 2 threads on a smaller one. */
    private void printCompare(PrintWriter out, Hyperparameters hp) throws InterruptedException {
        int cores = ExperimentSpec.defaultThreads();
        out.printf(Locale.ROOT, "CartPole Lab bench --compare · %s · hidden %d · %d cores · "
                + "load average %.2f before · %s%n", hp.version().id(), hp.hiddenSize(), cores,
                ExperimentBenchmark.loadAverage(), System.getProperty("java.vm.name") + " "
                + Runtime.version());
        out.flush();
        printGrid(out, hp, cores);
        if (scalingSeeds > 0) {
            Hyperparameters small = hp.withEpisodes(scalingEpisodes);
            var grid = ExperimentBenchmark.grid(small, scalingSeeds,
                    ExperimentSpec.DEFAULT_EPISODES_PER_TURN);
            ExperimentBenchmark.run(grid.withEpisodesPerTurn(50), 1); // warm-up
            ExperimentBenchmark.Result one = ExperimentBenchmark.run(grid, 1);
            ExperimentBenchmark.Result two = ExperimentBenchmark.run(grid, 2);
            ExperimentBenchmark.Result whole = ExperimentBenchmark.run(
                    grid.withEpisodesPerTurn(0), 2);
            out.printf(Locale.ROOT, "scaling 1 → 2 threads %9.2f ×         (3 algorithms × %d "
                    + "seeds × %d episodes, the same %,d steps each time: %.1f s on 1 thread, "
                    + "%.1f s on 2; CPU %.1f s and %.1f s)%n", one.wallSeconds()
                    / two.wallSeconds(), scalingSeeds, scalingEpisodes, two.steps(),
                    one.wallSeconds(), two.wallSeconds(), one.cpuSeconds(), two.cpuSeconds());
            out.printf(Locale.ROOT, "whole runs per turn  %10.1f s wall      (the same grid on 2 "
                    + "threads without round-robin turns, vs %.1f s with turns of %d episodes)%n",
                    whole.wallSeconds(), two.wallSeconds(),
                    ExperimentSpec.DEFAULT_EPISODES_PER_TURN);
            out.printf(Locale.ROOT, "load average after   %10.2f%n",
                    ExperimentBenchmark.loadAverage());
        }
        out.flush();
    }

    private static void printPlots(PrintWriter out) throws Exception {
        PlotBenchmark.Result p = PlotBenchmark.run();
        out.printf(Locale.ROOT, "plot, 1 run × 100k   %10.2f ms/frame    (reward chart, 1100×420, "
                + "Java2D software rendering)%n", p.oneRunMs());
        out.printf(Locale.ROOT, "plot, 30 runs × 3k   %10.2f ms/frame    (30 lines, a band, the "
                + "mean)%n", p.manyRunsMs());
        out.printf(Locale.ROOT, "PNG of 100k episodes %10.1f ms          (paint at 2× and "
                + "write %d×%d)%n", p.pngMs(), 2 * PlotFiles.DEFAULT_WIDTH,
                2 * PlotFiles.DEFAULT_HEIGHT);
        out.flush();
    }
}
