package cartpolelab.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The benchmark's bookkeeping (not its speed: no timed tests). */
class AgentBenchmarkTest {

    @Test
    void reportsConsistentFigures() {
        AgentBenchmark.Result r = AgentBenchmark.run(Hyperparameters.DEFAULTS.withHiddenSize(16),
                1_000, 5_000);
        assertEquals(5_000, r.measuredSteps());
        assertEquals(r.measuredSteps() / r.seconds(), r.stepsPerSecond(), 1e-6 * r.stepsPerSecond());
        assertTrue(r.episodes() > 0 && r.meanEpisodeLength() >= 8 && r.meanEpisodeLength() <= 200);
        assertTrue(r.forwardNanos() > 0 && r.updateMicros() > 0);
        assertEquals(5_000, r.freshSteps());
        assertTrue(r.freshStepsPerSecond() > 0 && r.freshMeanEpisodeLength() >= 8);
        assertEquals(AgentBenchmark.UPDATE_BENCHMARK_STEPS, r.updateSteps());
        assertEquals(10, AgentBenchmark.run(Hyperparameters.DEFAULTS.withMaxSteps(10)
                .withHiddenSize(8), 0, 100).updateSteps());
    }

    @Test
    void rejectsEmptyMeasurements() {
        assertThrows(IllegalArgumentException.class,
                () -> AgentBenchmark.run(Hyperparameters.DEFAULTS, 0, 0));
        assertThrows(IllegalArgumentException.class,
                () -> AgentBenchmark.run(Hyperparameters.DEFAULTS, -1, 10));
    }
}
