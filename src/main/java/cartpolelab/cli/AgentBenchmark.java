package cartpolelab.cli;

import cartpolelab.agent.Agent;
import cartpolelab.agent.Algorithm;
import cartpolelab.agent.EpisodeEnd;
import cartpolelab.agent.EpisodeRunner;
import cartpolelab.agent.Hyperparameters;
import cartpolelab.env.CartPole;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.SplittableRandom;

/**
 * Measures the learning core's speed on the calling thread; prints nothing (the CLI's
 * {@code bench} command formats the {@link Result}).
 *
 * <p>Throughput definition: a fresh agent from {@code hp} trains through {@link EpisodeRunner}
 * for {@code warmupSteps} environment steps (JIT warm-up), then for {@code measuredSteps} more,
 * timed. The figure is measured steps / wall seconds and includes everything training does per
 * step: the actor's forward pass and sampling, the physics, and each episode's learning update
 * amortised over its steps. The measured window is a fixed number of steps of a fixed-seed run,
 * so the work done is the same on every run of the benchmark (the run is deterministic); how
 * long its episodes were is reported with it ({@link Result#meanEpisodeLength}), since longer
 * episodes spread Adam's fixed per-update cost over more steps. With the defaults the window
 * falls after the agent has learned (episodes of ~200 steps), so a second figure,
 * {@link Result#freshStepsPerSecond}, times the first {@value #FRESH_STEPS} steps of a new
 * agent (the short episodes of the learning phase; roughly one whole v0 solve) after the JIT
 * has been warmed up by the first run.
 */
public final class AgentBenchmark {

    /** Warm-up steps of {@link #run(Hyperparameters)}: enough for the JIT to settle. */
    public static final long DEFAULT_WARMUP_STEPS = 200_000;
    /** Measured steps of {@link #run(Hyperparameters)} (about 3 s at the target speed). */
    public static final long DEFAULT_MEASURED_STEPS = 1_000_000;

    /** Steps of a fresh agent timed for {@link Result#freshStepsPerSecond}. */
    public static final long FRESH_STEPS = 150_000;

    /** Rollout length of the representative update timed by {@link Result#updateMicros}. */
    public static final int UPDATE_BENCHMARK_STEPS = 200;

    /**
     * @param stepsPerSecond    training throughput over the measured window
     * @param measuredSteps     environment steps in the measured window
     * @param seconds           wall time of the measured window
     * @param episodes          episodes that ended in the measured window
     * @param meanEpisodeLength mean length of those episodes (steps)
     * @param forwardNanos      one actor forward pass on one row, with softmax (ns)
     * @param updateMicros      one update on a {@value #UPDATE_BENCHMARK_STEPS}-step rollout
     *                          (critic forward, both backward passes, Adam), in µs
     * @param updateSteps       the rollout length actually used for updateMicros
     * @param freshStepsPerSecond  throughput over the first {@link #freshSteps} steps of a
     *                             new agent, learning from scratch (JIT already warm)
     * @param freshSteps           steps of that window
     * @param freshMeanEpisodeLength mean length of the episodes that ended in it
     * @param stepsPerCpuSecond the measured window's steps per CPU second of this thread
     *                          (the figure to trust on a loaded machine)
     */
    public record Result(double stepsPerSecond, long measuredSteps, double seconds,
                         long episodes, double meanEpisodeLength, double forwardNanos,
                         double updateMicros, int updateSteps, double freshStepsPerSecond,
                         long freshSteps, double freshMeanEpisodeLength,
                         double stepsPerCpuSecond) {
    }

    private AgentBenchmark() {
    }

    /** {@link #run(Hyperparameters, long, long)} with the default step counts. */
    public static Result run(Hyperparameters hp) {
        return run(hp, DEFAULT_WARMUP_STEPS, DEFAULT_MEASURED_STEPS);
    }

    /**
     * Runs the three measurements with {@code hp} (use {@link Hyperparameters#DEFAULTS} for the
     * reference figure).
     *
     * @throws IllegalArgumentException if a step count is negative or measuredSteps is 0
     */
    public static Result run(Hyperparameters hp, long warmupSteps, long measuredSteps) {
        if (warmupSteps < 0 || measuredSteps < 1) {
            throw new IllegalArgumentException("warmupSteps must be ≥ 0 and measuredSteps ≥ 1, "
                    + "were " + warmupSteps + " and " + measuredSteps);
        }
        // ---- throughput: training through the EpisodeRunner (N env steps a lockstep) ----
        EpisodeRunner runner = new EpisodeRunner(new Agent(hp));
        while (runner.totalSteps() < warmupSteps) {
            if (runner.step()) {
                runner.takeEpisodeStats();
            }
        }
        long[] episodes = new long[2];
        long from = runner.totalSteps();
        ThreadMXBean threads =
                ManagementFactory.getThreadMXBean();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        steps(runner, from + measuredSteps, episodes);
        long elapsed = System.nanoTime() - start;
        double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
        double seconds = elapsed / 1e9;
        long measured = runner.totalSteps() - from;

        // ---- a fresh agent's first steps: the learning phase, short episodes ----
        EpisodeRunner fresh = new EpisodeRunner(new Agent(hp));
        long[] freshEpisodes = new long[2];
        long freshStart = System.nanoTime();
        steps(fresh, Math.min(FRESH_STEPS, measuredSteps), freshEpisodes);
        double freshSeconds = (System.nanoTime() - freshStart) / 1e9;
        long freshSteps = fresh.totalSteps();

        double forward = forwardNanos(runner.agent());
        Hyperparameters a2c = hp.toBuilder().algorithm(Algorithm.A2C).envs(1).build();
        int updateSteps = Math.min(UPDATE_BENCHMARK_STEPS, a2c.maxStepsPerUpdate());
        double update = updateMicros(a2c, updateSteps);
        return new Result(measured / seconds, measured, seconds, episodes[0],
                episodes[0] == 0 ? Double.NaN : (double) episodes[1] / episodes[0], forward,
                update, updateSteps, freshSteps / freshSeconds, freshSteps,
                freshEpisodes[0] == 0 ? Double.NaN : (double) freshEpisodes[1] / freshEpisodes[0],
                measured / cpuSeconds);
    }

    /**
     * Steps {@code runner} until it has taken {@code until} environment steps; counts the
     * episodes that ended into {@code episodes[0]} and their steps into {@code episodes[1]}.
     */
    private static void steps(EpisodeRunner runner, long until, long[] episodes) {
        while (runner.totalSteps() < until) {
            if (runner.step()) {
                for (int e = 0; e < runner.envCount(); e++) {
                    if (runner.ended(e)) {
                        episodes[0]++;
                        episodes[1] += runner.episodeSteps(e);
                    }
                }
                runner.takeEpisodeStats();
            }
        }
    }

    /** Mean time of {@link Agent#probabilities}: the actor forward on one row plus softmax. */
    private static double forwardNanos(Agent agent) {
        double[] obs = {0.01, -0.02, 0.03, 0.04};
        double[] out = new double[CartPole.ACTION_COUNT];
        double sink = 0;
        int n = 200_000;
        for (int i = 0; i < n; i++) {
            obs[0] = i * 1e-7;
            agent.probabilities(obs, out);
            sink += out[0];
        }
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            obs[0] = i * 1e-7;
            agent.probabilities(obs, out);
            sink += out[0];
        }
        long elapsed = System.nanoTime() - start;
        if (sink == 42.4242) {
            System.out.print("");
        }
        return (double) elapsed / n;
    }

    /**
     * Mean time of one update on a rollout of real CartPole states of the given length, with
     * the public API only: recording a rollout and ending it with a cut-off (which runs the
     * update) costs the recording plus the update; recording the same rollout and discarding
     * it costs the recording alone. Both are timed over the same states, alternating in
     * batches, and the fastest batch of each is kept (the least disturbed by other work); the
     * update's time is the difference.
     */
    private static double updateMicros(Hyperparameters hp, int steps) {
        double[][] states = realStates(hp, steps + 1);
        Agent agent = new Agent(hp);
        SplittableRandom random = new SplittableRandom(hp.seed());
        int batches = 20;
        int perBatch = 100;
        long withUpdate = Long.MAX_VALUE;
        long withoutUpdate = Long.MAX_VALUE;
        for (int b = 0; b < batches; b++) {
            long start = System.nanoTime();
            for (int i = 0; i < perBatch; i++) {
                record(agent, states, steps, random, true);
            }
            long middle = System.nanoTime();
            for (int i = 0; i < perBatch; i++) {
                record(agent, states, steps, random, false);
            }
            long end = System.nanoTime();
            withUpdate = Math.min(withUpdate, middle - start);
            withoutUpdate = Math.min(withoutUpdate, end - middle);
        }
        return (double) (withUpdate - withoutUpdate) / perBatch / 1e3;
    }

    /** Acts on states[0..steps) and ends with a cut-off (update) or a discard (none). */
    private static void record(Agent agent, double[][] states, int steps,
                               SplittableRandom random, boolean update) {
        for (int t = 0; t < steps - 1; t++) {
            agent.act(states[t], random);
            agent.observe(1.0, states[t + 1], EpisodeEnd.RUNNING);
        }
        agent.act(states[steps - 1], random);
        if (update) {
            agent.observe(1.0, states[steps], EpisodeEnd.CUT_OFF);
            agent.takeEpisodeStats();
        } else {
            agent.discardRollout();
        }
    }

    /** Observations of a CartPole driven by random actions, reset whenever the pole falls. */
    private static double[][] realStates(Hyperparameters hp, int count) {
        CartPole env = new CartPole(hp.version(), Integer.MAX_VALUE);
        SplittableRandom random = new SplittableRandom(hp.seed());
        double[][] states = new double[count][CartPole.OBSERVATION_SIZE];
        env.reset(random);
        for (int t = 0; t < count; t++) {
            env.observe(states[t], 0);
            env.advance(random.nextInt(CartPole.ACTION_COUNT));
            if (env.done()) {
                env.reset(random);
            }
        }
        return states;
    }
}
