package cartpolelab.agent;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The training path allocates nothing per step: the bytes this thread allocates over 10,000
 * steps after warm-up, measured with {@code com.sun.management.ThreadMXBean}.
 */
class AllocationTest {

    private static final int WARMUP = 30_000;
    private static final int MEASURED = 10_000;

    private static long allocatedBytes() {
        com.sun.management.ThreadMXBean bean =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        return bean.getThreadAllocatedBytes(Thread.currentThread().getId());
    }

    @ParameterizedTest(name = "{0}: no allocation in EpisodeRunner.step()")
    @EnumSource(Algorithm.class)
    void stepAllocatesNothing(Algorithm algorithm) {
        assumeTrue(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean
                && ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean())
                .isThreadAllocatedMemoryEnabled(), "allocation counting unsupported");
        check(Hyperparameters.DEFAULTS.withAlgorithm(algorithm));
    }

    @ParameterizedTest(name = "n-step A2C (n = {0}): no allocation in EpisodeRunner.step()")
    @org.junit.jupiter.params.provider.ValueSource(ints = {5, 64})
    void nStepAllocatesNothing(int n) {
        check(Hyperparameters.DEFAULTS.withNSteps(n));
    }

    private static void check(Hyperparameters hp) {
        EpisodeRunner runner = new EpisodeRunner(new Agent(hp));
        for (int i = 0; i < WARMUP; i++) {
            runner.step();
        }
        allocatedBytes();
        long before = allocatedBytes();
        long episodes = 0;
        for (int i = 0; i < MEASURED; i++) {
            if (runner.step()) {
                episodes++;
            }
        }
        long bytes = allocatedBytes() - before;
        // zero is what we expect; a few hundred bytes leave room for the measuring call itself
        assertTrue(bytes < 1_000, hp.algorithm() + ": " + bytes + " bytes over " + MEASURED
                + " steps (" + episodes + " episodes ended), " + (double) bytes / MEASURED
                + " bytes/step");
        assertTrue(episodes > 0, "the window must include updates");
    }
}
