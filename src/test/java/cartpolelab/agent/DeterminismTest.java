package cartpolelab.agent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Same settings and seed ⇒ bit-identical rewards and losses, whatever drives the runner. */
class DeterminismTest {

    private static final int EPISODES = 600;

    /** Rewards, actor, critic losses and entropies of every episode, as raw bits. */
    private static long[] trace(Hyperparameters hp, boolean stepByStep) {
        return trace(hp, stepByStep, false);
    }

    private static long[] trace(Hyperparameters hp, boolean stepByStep, boolean mixed) {
        EpisodeRunner runner = new EpisodeRunner(new Agent(hp));
        long[] out = new long[EPISODES * 4];
        for (int e = 0; e < EPISODES; e++) {
            double reward;
            if (mixed) {
                // a few single frames, then the rest of the episode at once
                boolean ended = false;
                for (int i = 0; i < e % 7 && !ended; i++) {
                    ended = runner.step();
                }
                reward = ended ? runner.episodeReward() : runner.finishEpisode();
            } else if (stepByStep) {
                while (!runner.step()) {
                    // one step at a time, like a trainer stepping frames
                }
                reward = runner.episodeReward();
            } else {
                reward = runner.runEpisode();
            }
            UpdateStats s = runner.takeEpisodeStats();
            out[4 * e] = Double.doubleToRawLongBits(reward);
            out[4 * e + 1] = Double.doubleToRawLongBits(s.actorLoss());
            out[4 * e + 2] = Double.doubleToRawLongBits(s.criticLoss());
            out[4 * e + 3] = Double.doubleToRawLongBits(s.entropy());
        }
        return out;
    }

    @Test
    void sameSeedGivesBitIdenticalRewardsAndLossesOver600Episodes() {
        for (Algorithm a : Algorithm.values()) {
            Hyperparameters hp = Hyperparameters.MONTE_CARLO_DEFAULTS.withAlgorithm(a).withSeed(7);
            long[] first = trace(hp, false);
            long[] second = trace(hp, false);
            assertArrayEquals(first, second, a + ": two runs differ");
        }
    }

    @Test
    void steppingOneAtATimeEqualsRunningWholeEpisodes() {
        Hyperparameters hp = Hyperparameters.DEFAULTS.withSeed(3);
        assertArrayEquals(trace(hp, false), trace(hp, true));
    }

    @Test
    void mixingSingleStepsAndWholeEpisodesChangesNothing() {
        Hyperparameters hp = Hyperparameters.DEFAULTS.withSeed(4);
        assertArrayEquals(trace(hp, false), trace(hp, false, true));
    }

    @Test
    void nStepA2cIsDeterministicToo() {
        Hyperparameters hp = Hyperparameters.DEFAULTS.withNSteps(32).withSeed(5);
        assertArrayEquals(trace(hp, false), trace(hp, false));
    }

    @Test
    void differentSeedsGiveDifferentRuns() {
        long[] a = trace(Hyperparameters.DEFAULTS.withSeed(1), false);
        long[] b = trace(Hyperparameters.DEFAULTS.withSeed(2), false);
        assertFalse(Arrays.equals(a, b));
        assertNotEquals(new Agent(Hyperparameters.DEFAULTS.withSeed(1)).parameters().get(0),
                new Agent(Hyperparameters.DEFAULTS.withSeed(2)).parameters().get(0));
        assertEquals(EPISODES * 4, a.length);
    }
}
