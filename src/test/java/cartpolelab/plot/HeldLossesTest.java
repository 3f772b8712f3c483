package cartpolelab.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cartpolelab.metrics.EpisodeHistory;
import cartpolelab.metrics.EpisodeStats;
import org.junit.jupiter.api.Test;

/**
 * With several environments an episode can end with no update since the last one's and records
 * losses of exactly 0: the losses chart holds the last update's values there instead of
 * drawing a spike to 0 (a chart of A2C with 8 environments was a comb of them).
 */
class HeldLossesTest {

    @Test
    void anEpisodeWithoutAnUpdateShowsTheLastUpdatesLosses() {
        EpisodeHistory h = new EpisodeHistory();
        double[][] losses = {{0.5, 2.0, 0.69}, {0, 0, 0}, {0, 0, 0}, {0.25, 1.5, 0.6}};
        for (int i = 0; i < losses.length; i++) {
            h.add(new EpisodeStats(i + 1, 20, 20, 20, losses[i][0], losses[i][1], losses[i][2],
                    20L * (i + 1), i + 1, 100));
        }
        Figure f = RunFigures.training(h, new RunFigures.Description("t", "s", 195, -1));
        double[][] want = {{0.5, 0.5, 0.5, 0.25}, {2.0, 2.0, 2.0, 1.5}, {0.69, 0.69, 0.69, 0.6}};
        for (int p = 0; p < 3; p++) {
            Series s = f.panels().get(p).series().get(0);
            s.catchUp();
            for (int i = 0; i < 4; i++) {
                assertEquals(want[p][i], s.valueAt(i), 1e-12, "panel " + p + ", episode " + (i + 1));
            }
        }
    }
}
