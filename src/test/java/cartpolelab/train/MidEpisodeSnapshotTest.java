package cartpolelab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cartpolelab.agent.Hyperparameters;
import cartpolelab.metrics.EpisodeStats;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A snapshot taken mid-episode (issue 13): with end-of-episode updates the restored run
 * continues bit for bit; with n-step A2C it says it is not exact; a position that does not
 * match the history is refused at once instead of fast-forwarding for years.
 */
class MidEpisodeSnapshotTest {

    private static final Hyperparameters HP = Hyperparameters.MONTE_CARLO_DEFAULTS.withHiddenSize(16)
            .withEpisodes(30).withSeed(9);

    @Test
    void aSnapshotMidEpisodeContinuesExactlyAsTheUninterruptedRun() {
        TrainingRun whole = new TrainingRun(HP);
        whole.train(false, null);

        TrainingRun first = new TrainingRun(HP);
        for (int i = 0; i < 12; i++) {
            first.finishEpisode();
        }
        for (int i = 0; i < 5; i++) {
            assertFalse(first.step(), "still inside episode 13");
        }
        RunSnapshot s = first.snapshot();
        assertEquals(5, s.replayedSteps());
        assertTrue(s.exact());
        assertTrue(s.continuationNote().contains("5 steps into episode 13")
                && s.continuationNote().contains("exactly"), s.continuationNote());

        TrainingRun second = TrainingRun.restore(s);
        second.train(false, null);
        SameRun.assertColumnsEqual(whole.history(), second.history());
        assertEquals(whole.totalSteps(), second.totalSteps());
        // the original, had it gone on, is the same run too
        first.train(false, null);
        SameRun.assertColumnsEqual(whole.history(), first.history());
    }

    @Test
    void betweenEpisodesThereIsNothingToReplay() {
        TrainingRun run = new TrainingRun(HP);
        run.finishEpisode();
        RunSnapshot s = run.snapshot();
        assertEquals(0, s.replayedSteps());
        assertNull(s.continuationNote());
        assertEquals(s.totalSteps() + 4, s.randomDraws());
    }

    @Test
    void anNStepSnapshotMidEpisodeSaysItIsNotExact() {
        Hyperparameters nStep = HP.withNSteps(4);
        TrainingRun run = new TrainingRun(nStep);
        run.finishEpisode();
        for (int i = 0; i < 6; i++) {
            run.step();
        }
        RunSnapshot s = run.snapshot();
        assertFalse(s.exact());
        assertTrue(s.continuationNote().contains("not exactly"), s.continuationNote());
        TrainingRun.restore(s).train(false, null); // continues, close to the original
    }

    @Test
    void aRandomStreamPositionThatDoesNotMatchTheHistoryIsRefusedAtOnce() {
        TrainingRun run = new TrainingRun(HP);
        run.finishEpisode();
        RunSnapshot s = run.snapshot();
        RunSnapshot absurd = new RunSnapshot(HP, s.agent(), s.totalSteps(), 1L << 62,
                s.history());
        IllegalArgumentException e = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> assertThrows(IllegalArgumentException.class,
                        () -> TrainingRun.restore(absurd)));
        assertTrue(e.getMessage().contains("random-stream position"), e.getMessage());
        RunSnapshot steps = new RunSnapshot(HP, s.agent(), s.totalSteps() + 1,
                s.randomDraws() + 1, s.history());
        assertThrows(IllegalArgumentException.class, () -> TrainingRun.restore(steps));
    }

    @Test
    void aSnapshotHoldsAReadOnlyViewNotACopy() {
        TrainingRun run = new TrainingRun(HP);
        for (int i = 0; i < 3; i++) {
            run.finishEpisode();
        }
        RunSnapshot s = run.snapshot();
        EpisodeStats last = s.history().last();
        assertThrows(IllegalStateException.class, () -> s.history().add(new EpisodeStats(4, 1,
                1, 1, 0, 0, 0, last.totalSteps() + 1, 1, 1)));
        run.train(false, null);
        assertEquals(3, s.episodes(), "the view keeps its size while the run goes on");
        assertEquals(last, s.history().last());
    }
}
