package cartpolelab.cli;

import cartpolelab.agent.Hyperparameters;
import cartpolelab.train.Experiment;
import cartpolelab.train.ExperimentSpec;
import cartpolelab.train.ExperimentStatus;
import java.lang.management.ManagementFactory;
import java.time.Duration;

/**
 * Throughput of experiments ({@code bench --compare}): wall time of a whole grid on N threads,
 * and the same grid's wall time on 1 and on 2 threads. The work is identical on any number of
 * threads (each run is bit-identical to itself trained alone), so the ratio of wall times is
 * the pool's scaling, not luck of the seeds. Not a test: the figures depend on the machine and
 * on what else runs on it, which is why the CPU time and the load average are printed too.
 */
final class ExperimentBenchmark {

    /**
     * One measured experiment.
     *
     * @param wallSeconds wall time from start to done
     * @param cpuSeconds  CPU time of this process over the same span (NaN if unknown)
     * @param episodes    episodes trained
     * @param steps       environment steps trained
     */
    record Result(int threads, int runs, double wallSeconds, double cpuSeconds, long episodes,
                  long steps) {
    }

    private ExperimentBenchmark() {
    }

    /** Trains {@code spec}'s grid on {@code threads} threads and measures it. */
    static Result run(ExperimentSpec spec, int threads) throws InterruptedException {
        ExperimentSpec s = spec.withThreads(threads);
        try (Experiment e = new Experiment(s)) {
            double cpu0 = cpuSeconds();
            long t0 = System.nanoTime();
            e.start();
            if (!e.awaitDone(Duration.ofHours(6))) {
                throw new IllegalStateException("the benchmark grid took more than 6 hours");
            }
            double wall = (System.nanoTime() - t0) / 1e9;
            double cpu = cpuSeconds() - cpu0;
            long steps = 0;
            for (int i = 0; i < e.cells().size(); i++) {
                int n = e.history(i).size();
                steps += n == 0 ? 0 : e.history(i).get(n - 1).totalSteps();
                if (e.failure(i) != null) {
                    throw new IllegalStateException("run " + e.cells().get(i).runId()
                            + " failed: " + e.failure(i));
                }
            }
            ExperimentStatus st = e.status();
            return new Result(threads, st.total(), wall, cpu, st.episodesDone(), steps);
        }
    }

    /** The process's CPU seconds so far, or NaN where the JVM does not say. */
    static double cpuSeconds() {
        try {
            if (ManagementFactory.getOperatingSystemMXBean()
                    instanceof com.sun.management.OperatingSystemMXBean os) {
                return os.getProcessCpuTime() / 1e9;
            }
        } catch (LinkageError | RuntimeException e) {
            // not this JVM's: NaN below
        }
        return Double.NaN;
    }

    /** The system's load average over the last minute, or NaN. */
    static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    /** The grid: the three algorithms × {@code seeds} seeds on {@code base}. */
    static ExperimentSpec grid(Hyperparameters base, int seeds, int episodesPerTurn) {
        return ExperimentSpec.of(base, ExperimentSpec.DEFAULT_ALGORITHMS,
                ExperimentSpec.seeds(seeds)).withEpisodesPerTurn(episodesPerTurn);
    }
}
