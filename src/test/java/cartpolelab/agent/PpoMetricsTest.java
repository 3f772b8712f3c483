package cartpolelab.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * PPO's per-episode measures: an episode reports the mean over the PPO updates that finished
 * in it of what {@link PpoUpdate} computed; other algorithms report none (NaN).
 */
class PpoMetricsTest {

    static final Hyperparameters PPO = Hyperparameters.MONTE_CARLO_DEFAULTS
            .withAlgorithm(Algorithm.PPO).toBuilder().hiddenSize(16).nSteps(32).minibatch(16)
            .epochs(2).episodes(40).seed(4).build();

    @Test
    void anEpisodeWithOneUpdateReportsExactlyWhatPpoUpdateComputed() {
        EpisodeRunner runner = new EpisodeRunner(new Agent(PPO));
        PpoUpdate ppo = runner.agent().ppo();
        int checked = 0;
        int without = 0;
        for (int e = 0; e < 40; e++) {
            runner.runEpisode();
            UpdateStats s = runner.takeEpisodeStats();
            if (s.updates() == 1) {
                // the update that finished in this episode is PpoUpdate's last one
                assertEquals(ppo.approxKl(), s.approxKl(), "episode " + (e + 1));
                assertEquals(ppo.clipFraction(), s.clipFraction());
                assertEquals(ppo.valueLoss(), s.criticLoss());
                assertEquals(ppo.policyLoss(), s.actorLoss());
                assertTrue(s.approxKl() >= 0 && s.clipFraction() >= 0 && s.clipFraction() <= 1);
                checked++;
            } else if (s.updates() == 0) {
                assertTrue(Double.isNaN(s.approxKl()) && Double.isNaN(s.clipFraction()));
                without++;
            }
        }
        assertTrue(checked > 5 && without > 0, checked + " episodes with one update, "
                + without + " with none");
    }

    @Test
    void severalUpdatesAverageAndOtherAlgorithmsHaveNone() {
        UpdateTally t = new UpdateTally();
        t.addPpo(1, 2, 0.5, 0.01, 0.25);
        t.addPpo(3, 4, 0.7, 0.03, 0.75);
        UpdateStats s = t.take();
        assertEquals(new UpdateStats(2, 3, 0.6, 2, 0.02, 0.5), s);
        t.add(1, 1, 0.6);
        UpdateStats a2c = t.take();
        assertTrue(Double.isNaN(a2c.approxKl()) && Double.isNaN(a2c.clipFraction()), "" + a2c);

        EpisodeRunner runner = new EpisodeRunner(new Agent(Hyperparameters.DEFAULTS
                .withHiddenSize(8)));
        runner.runEpisode();
        UpdateStats notPpo = runner.takeEpisodeStats();
        assertTrue(notPpo.updates() > 0 && Double.isNaN(notPpo.approxKl()), "" + notPpo);
    }
}
