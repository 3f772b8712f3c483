package cartpolelab.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The solved rule, against hand-computed cases. */
class RunProgressTest {

    @Test
    void solvedNeedsAFullWindowAtOrAboveTheThreshold() {
        RunProgress p = new RunProgress(195);
        for (int e = 1; e <= 49; e++) {
            assertFalse(p.add(200), "episode " + e + ": fewer than 50 episodes never solve");
        }
        assertEquals(200, p.movingAverage());
        assertTrue(p.add(145), "episode 50: mean (49·200 + 145) / 50 = 198.9 ≥ 195");
        assertEquals(198.9, p.movingAverage(), 1e-12);
        assertEquals(50, p.solvedAtEpisode());
        assertFalse(p.add(200), "solved is reported once");
        assertEquals(50, p.solvedAtEpisode());
    }

    @Test
    void justBelowTheThresholdIsNotSolvedAndBestIsTheMaximumAverage() {
        RunProgress p = new RunProgress(195);
        for (int e = 1; e <= 50; e++) {
            p.add(e == 1 ? 194 : 195); // mean (194 + 49·195) / 50 = 194.98
        }
        assertFalse(p.solved());
        assertEquals(194.98, p.movingAverage(), 1e-12);
        p.add(195); // the 194 leaves the window: mean 195
        assertEquals(51, p.solvedAtEpisode());
        assertEquals(195, p.bestMovingAverage(), 0);
        p.add(0); // mean drops; best stays
        assertEquals(195, p.bestMovingAverage(), 0);
        assertEquals(195 - 195.0 / 50, p.movingAverage(), 1e-12);
    }

    @Test
    void ofReplaysAHistory() {
        EpisodeHistory h = new EpisodeHistory();
        for (int e = 1; e <= 60; e++) {
            h.add(new EpisodeStats(e, 200, 200, 0, 0, 0, 0, 200L * e, e, 1));
        }
        RunProgress p = RunProgress.of(h, 195);
        assertEquals(50, p.solvedAtEpisode());
        assertEquals(60, p.episodes());
        assertEquals(200, p.movingAverage());
    }
}
