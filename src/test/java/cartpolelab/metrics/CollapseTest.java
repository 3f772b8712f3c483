package cartpolelab.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The one collapse rule the command line and the window share (issue 13). */
class CollapseTest {

    private static EpisodeHistory history(int n, int length, double entropy) {
        EpisodeHistory h = new EpisodeHistory();
        for (int i = 1; i <= n; i++) {
            h.add(new EpisodeStats(i, length, length, length, 0, 0, entropy, (long) i * length,
                    i, 1000));
        }
        return h;
    }

    @Test
    void aDeterministicPolicyStuckNearNineStepsHasCollapsed() {
        Collapse c = Collapse.detect(history(80, 9, 0.0), 195);
        assertNotNull(c);
        assertEquals(80, c.episode());
        assertEquals(9, c.meanReward(), 1e-12);
        String m = c.message("--lr", "--entropy-coef");
        assertTrue(m.contains("collapsed") && m.contains("--lr") && m.contains("--entropy-coef"),
                m);
    }

    @Test
    void aSolvingDeterministicPolicyALearningOneOrAShortRunHaveNot() {
        assertNull(Collapse.detect(history(80, 200, 0.0), 195), "solved, not collapsed");
        assertNull(Collapse.detect(history(80, 9, 0.6), 195), "still exploring");
        assertNull(Collapse.detect(history(49, 9, 0.0), 195), "too few episodes to judge");
    }
}
