package cartpolelab.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cartpolelab.metrics.EpisodeHistory;

/** Two histories of the same run, bit for bit: rewards, losses, entropy, moving average. */
final class SameRun {

    private SameRun() {
    }

    static void assertColumnsEqual(EpisodeHistory want, EpisodeHistory got) {
        assertEquals(want.size(), got.size());
        assertArrayEquals(want.rewards(), got.rewards());
        for (int i = 0; i < want.size(); i++) {
            assertEquals(want.actorLoss(i), got.actorLoss(i), "actor loss " + (i + 1));
            assertEquals(want.criticLoss(i), got.criticLoss(i), "critic loss " + (i + 1));
            assertEquals(want.entropy(i), got.entropy(i), "entropy " + (i + 1));
            assertEquals(want.movingAverage(i), got.movingAverage(i));
        }
    }
}
