package cartpolelab.agent;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The training path allocates nothing per step: the bytes this thread allocates over 10,000
 * steps after warm-up, measured with {@code com.sun.management.ThreadMXBean}.
 *
 * <p>Without a working per-thread allocation counter these tests would measure nothing, so
 * they fail (HotSpot, the JVM this project is built and run on, supports it).
 */
class AllocationTest {

    private static final int WARMUP = 30_000;
    private static final int MEASURED = 10_000;

    private static final com.sun.management.ThreadMXBean BEAN =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private static long allocatedBytes() {
        return BEAN.getThreadAllocatedBytes(Thread.currentThread().getId());
    }

    /** Keeps the probe allocation of {@link #allocationCountingWorks()} alive. */
    private static volatile long[] probe;

    @BeforeAll
    static void allocationCountingWorks() {
        assertTrue(BEAN.isThreadAllocatedMemorySupported(), "this JVM cannot count the bytes "
                + "a thread allocates, so these tests cannot check anything");
        if (!BEAN.isThreadAllocatedMemoryEnabled()) {
            BEAN.setThreadAllocatedMemoryEnabled(true);
        }
        assertTrue(BEAN.isThreadAllocatedMemoryEnabled(), "allocation counting is disabled");
        long before = allocatedBytes();
        probe = new long[1000];
        long seen = allocatedBytes() - before;
        assertTrue(before >= 0 && seen >= 8000 && probe.length == 1000,
                "the allocation counter missed an 8,000-byte array (saw " + seen + " bytes)");
    }

    /** What one measurement costs by itself (the bean's call allocates a little). */
    private static long emptyWindowBytes() {
        long least = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            long before = allocatedBytes();
            least = Math.min(least, allocatedBytes() - before);
        }
        return least;
    }

    @ParameterizedTest(name = "{0}: no allocation in EpisodeRunner.step()")
    @EnumSource(Algorithm.class)
    void stepAllocatesNothing(Algorithm algorithm) {
        check(Hyperparameters.MONTE_CARLO_DEFAULTS.withAlgorithm(algorithm));
    }

    @ParameterizedTest(name = "n-step A2C (n = {0}): no allocation in EpisodeRunner.step()")
    @org.junit.jupiter.params.provider.ValueSource(ints = {5, 64})
    void nStepAllocatesNothing(int n) {
        check(Hyperparameters.MONTE_CARLO_DEFAULTS.withNSteps(n));
    }

    @ParameterizedTest(name = "{0} with 8 environments: no allocation in EpisodeRunner.step()")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"a2c", "ppo"})
    void eightEnvironmentsAllocateNothing(String algorithm) {
        check(Hyperparameters.DEFAULTS.toBuilder().algorithm(Algorithm.parse(algorithm))
                .envs(8).nSteps(8).minibatch(16).epochs(2).build());
    }

    /**
     * Three consecutive windows of {@value #MEASURED} steps. Any per-step allocation (even one
     * 16-byte object) would put every window above 160,000 bytes. The steady state measured
     * 0 bytes; a one-off JIT event (a deoptimisation materialises its scalar-replaced objects
     * on this thread) was seen to cost about 1 KB once, so one window may show a little, and
     * the quietest window must show (next to) nothing.
     */
    private static void check(Hyperparameters hp) {
        EpisodeRunner runner = new EpisodeRunner(new Agent(hp));
        for (int i = 0; i < WARMUP; i++) {
            runner.step();
        }
        long overhead = emptyWindowBytes();
        long least = Long.MAX_VALUE;
        long most = 0;
        long episodes = 0;
        for (int w = 0; w < 3; w++) {
            long before = allocatedBytes();
            for (int i = 0; i < MEASURED; i++) {
                if (runner.step()) {
                    episodes++;
                }
            }
            long bytes = allocatedBytes() - before - overhead;
            least = Math.min(least, bytes);
            most = Math.max(most, bytes);
        }
        String what = hp.algorithm() + (hp.nSteps() > 0 ? " n-step " + hp.nSteps() : "")
                + (hp.envs() > 1 ? " " + hp.envs() + " envs" : "")
                + ": windows of " + MEASURED + " steps allocated " + least + " to " + most
                + " bytes beyond the measurement's own " + overhead + " (" + episodes
                + " episodes ended)";
        assertTrue(least <= 64, what);
        assertTrue(most < MEASURED, what + ": more than 1 byte per step");
        assertTrue(episodes > 0, "the windows must include updates");
    }
}
