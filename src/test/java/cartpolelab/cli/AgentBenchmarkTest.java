package cartpolelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cartpolelab.agent.Agent;
import cartpolelab.agent.EpisodeRunner;
import cartpolelab.agent.Hyperparameters;
import org.junit.jupiter.api.Test;

/** The benchmark's bookkeeping (not its speed: no timed tests). */
class AgentBenchmarkTest {

    /** {episodes, steps in them} of the episodes ending in steps [skip, skip + count). */
    private static long[] episodesInWindow(Hyperparameters hp, long skip, long count) {
        EpisodeRunner runner = new EpisodeRunner(new Agent(hp));
        for (long i = 0; i < skip; i++) {
            runner.step();
        }
        long episodes = 0;
        long steps = 0;
        for (long i = 0; i < count; i++) {
            if (runner.step()) {
                episodes++;
                steps += runner.episodeSteps();
            }
        }
        return new long[] {episodes, steps};
    }

    @Test
    void reportsTheEpisodesOfTheMeasuredWindows() {
        Hyperparameters hp = Hyperparameters.MONTE_CARLO_DEFAULTS.withHiddenSize(16);
        AgentBenchmark.Result r = AgentBenchmark.run(hp, 1_000, 5_000);
        assertEquals(5_000, r.measuredSteps());
        assertTrue(r.seconds() > 0 && r.stepsPerSecond() > 0);
        // the run is deterministic: the same episodes end in the same windows of a separate run
        long[] measured = episodesInWindow(hp, 1_000, 5_000);
        assertTrue(measured[0] > 0);
        assertEquals(measured[0], r.episodes());
        assertEquals((double) measured[1] / measured[0], r.meanEpisodeLength());
        long[] fresh = episodesInWindow(hp, 0, 5_000);
        assertEquals(5_000, r.freshSteps());
        assertTrue(r.freshStepsPerSecond() > 0);
        assertEquals((double) fresh[1] / fresh[0], r.freshMeanEpisodeLength());
        assertTrue(r.forwardNanos() > 0 && r.updateMicros() > 0);
        assertEquals(AgentBenchmark.UPDATE_BENCHMARK_STEPS, r.updateSteps());
        assertEquals(10, AgentBenchmark.run(Hyperparameters.MONTE_CARLO_DEFAULTS.withMaxSteps(10)
                .withHiddenSize(8), 0, 100).updateSteps());
        assertEquals(16, AgentBenchmark.run(Hyperparameters.MONTE_CARLO_DEFAULTS.withNSteps(16)
                .withHiddenSize(8), 0, 100).updateSteps(), "n-step A2C updates every 16 steps");
    }

    @Test
    void rejectsEmptyMeasurements() {
        assertThrows(IllegalArgumentException.class,
                () -> AgentBenchmark.run(Hyperparameters.MONTE_CARLO_DEFAULTS, 0, 0));
        assertThrows(IllegalArgumentException.class,
                () -> AgentBenchmark.run(Hyperparameters.MONTE_CARLO_DEFAULTS, -1, 10));
    }
}
