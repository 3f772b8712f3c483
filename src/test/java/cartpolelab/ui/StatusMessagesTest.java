package cartpolelab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cartpolelab.agent.Hyperparameters;
import cartpolelab.metrics.EpisodeHistory;
import cartpolelab.metrics.EpisodeStats;
import cartpolelab.train.TrainerState;
import cartpolelab.train.TrainerStatus;
import org.junit.jupiter.api.Test;

/** The status line's words, without a window. */
class StatusMessagesTest {

    private static final Hyperparameters HP = Hyperparameters.DEFAULTS;

    private static TrainerStatus status(TrainerState state) {
        return new TrainerStatus(state, 60, 600, 9, 9, 9, 0, -1, null);
    }

    private static EpisodeHistory history(double entropy, double reward) {
        EpisodeHistory h = new EpisodeHistory();
        for (int e = 1; e <= 60; e++) {
            h.add(new EpisodeStats(e, reward, (int) reward, reward, 0.1, 1, entropy,
                    (long) (e * reward), e * 0.01, 1000));
        }
        return h;
    }

    @Test
    void aCollapsedPolicyIsNamedWithWhatToTryWhenTrainingStops() {
        String m = StatusMessages.after(status(TrainerState.RUNNING),
                status(TrainerState.FINISHED), false, false, HP, history(0.001, 9), "");
        assertTrue(m.startsWith("The policy collapsed"), m);
        assertTrue(m.contains("Learning rate") && m.contains("Entropy coef."), m);
    }

    @Test
    void aHealthyRunThatEndsSaysItsEpisodesAreDone() {
        String m = StatusMessages.after(status(TrainerState.RUNNING),
                status(TrainerState.FINISHED), false, false, HP, history(0.6, 9), "");
        assertTrue(m.startsWith("All 3000 episodes done"), m);
    }

    @Test
    void watchsLineGoesWhenWatchEndsAndOnlyThen() {
        TrainerStatus paused = status(TrainerState.PAUSED);
        assertEquals("", StatusMessages.after(paused, paused, true, false, HP,
                history(0.6, 50), StatusMessages.WATCHING));
        assertEquals(StatusMessages.WATCHING, StatusMessages.after(paused, paused, false,
                false, HP, history(0.6, 50), StatusMessages.WATCHING),
                "Watch not yet started: the line stays");
        assertEquals("Saved", StatusMessages.after(paused, paused, true, false, HP,
                history(0.6, 50), "Saved"), "another line is left alone");
    }
}
