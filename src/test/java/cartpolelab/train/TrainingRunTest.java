package cartpolelab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cartpolelab.agent.AgentState;
import cartpolelab.agent.Hyperparameters;
import cartpolelab.metrics.EpisodeStats;
import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/** A run as one object: stepping, snapshots, restores, failure and the budget. */
class TrainingRunTest {

    private static final Hyperparameters SMALL = Hyperparameters.MONTE_CARLO_DEFAULTS.withHiddenSize(32)
            .withEpisodes(60).withSeed(4);

    @Test
    void aSnapshotBetweenEpisodesContinuesBitForBit() {
        TrainingRun whole = new TrainingRun(SMALL);
        whole.train(false, null);

        TrainingRun first = new TrainingRun(SMALL);
        for (int i = 0; i < 25; i++) {
            first.finishEpisode();
        }
        TrainingRun second = TrainingRun.restore(first.snapshot());
        assertEquals(25, second.history().size());
        second.train(false, null);

        SameRun.assertColumnsEqual(whole.history(), second.history());
        assertEquals(whole.totalSteps(), second.totalSteps());
        assertEquals(whole.progress().bestMovingAverage(), second.progress().bestMovingAverage());
    }

    @Test
    void aSnapshotDoesNotChangeWhenTheRunGoesOnAndRestoresTwiceAlike() {
        TrainingRun run = new TrainingRun(SMALL);
        for (int i = 0; i < 10; i++) {
            run.finishEpisode();
        }
        RunSnapshot s = run.snapshot();
        double w = s.agent().parameters().get(0).get(0, 0);
        run.train(false, null);
        assertEquals(60, run.history().size());
        assertEquals(10, s.episodes(), "the snapshot's history is its own");
        assertEquals(w, s.agent().parameters().get(0).get(0, 0), "its weights too");

        TrainingRun a = TrainingRun.restore(s);
        TrainingRun b = TrainingRun.restore(s);
        a.train(false, null);
        b.train(false, null);
        SameRun.assertColumnsEqual(a.history(), b.history());
        SameRun.assertColumnsEqual(run.history(), a.history());
    }

    @Test
    void stepReportsTheEpisodeItEndedAndFinishEpisodeReturnsItsRecord() {
        TrainingRun run = new TrainingRun(SMALL);
        int steps = 0;
        while (!run.step()) {
            steps++;
        }
        EpisodeStats first = run.history().last();
        assertEquals(1, first.episode());
        assertEquals(steps + 1, first.length());
        assertEquals(first.length(), run.totalSteps());
        Frame end = run.frame();
        assertEquals(1, end.episode(), "the frame shows the episode that just ended");
        assertTrue(end.done());

        run.step();
        assertEquals(2, run.frame().episode());
        EpisodeStats second = run.finishEpisode();
        assertEquals(2, second.episode());
        assertEquals(first.length() + second.length(), run.totalSteps());
    }

    @Test
    void theBudgetEndsTraining() {
        TrainingRun run = new TrainingRun(SMALL.withEpisodes(5));
        List<Integer> seen = new ArrayList<>();
        run.train(false, s -> seen.add(s.episode()));
        assertEquals(List.of(1, 2, 3, 4, 5), seen);
        assertFalse(run.canTrain());
        assertTrue(run.budgetUsed());
        assertNull(run.finishEpisode());
        assertThrows(IllegalStateException.class, run::step);
    }

    @Test
    void stopWhenSolvedStopsOnTheSolvingEpisode() {
        // the notebook's defaults, seed 1: solved at episode 918 (figure of earlier releases)
        TrainingRun run = new TrainingRun(Hyperparameters.MONTE_CARLO_DEFAULTS.withSeed(1));
        run.train(true, null);
        assertEquals(918, run.progress().solvedAtEpisode());
        assertEquals(918, run.history().size());
        assertTrue(run.progress().movingAverage() >= 195);
        assertTrue(run.canTrain(), "solved is the caller's reason to stop, not the run's");
    }

    @Test
    void nanWeightsFailTheRunWithAMessageInsteadOfThrowing() {
        TrainingRun run = new TrainingRun(SMALL);
        run.finishEpisode();
        RunSnapshot good = run.snapshot();
        List<DMatrixRMaj> weights = new ArrayList<>(good.agent().parameters());
        DMatrixRMaj poisoned = weights.get(0).copy();
        poisoned.fill(Double.NaN);
        weights.set(0, poisoned);
        TrainingRun bad = TrainingRun.restore(new RunSnapshot(good.hyperparameters(),
                new AgentState(weights, good.agent().firstMoments(),
                        good.agent().secondMoments(), good.agent().adamStep()),
                good.totalSteps(), good.randomDraws(), good.history()));
        assertNull(bad.finishEpisode());
        assertNotNull(bad.failure());
        assertTrue(bad.failure().contains("NaN"), bad.failure());
        assertFalse(bad.canTrain());
        assertEquals(1, bad.history().size(), "nothing is recorded from a failed episode");
    }

    @Test
    void aSnapshotWhoseNetworksDoNotFitItsSettingsIsRefused() {
        RunSnapshot s = new TrainingRun(SMALL).snapshot();
        RunSnapshot misfit = new RunSnapshot(SMALL.withHiddenSize(16), s.agent(), 0, 0,
                s.history());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TrainingRun.restore(misfit));
        assertTrue(e.getMessage().contains("actor.w1"), e.getMessage());
    }

    /**
     * A recorded step's frame takes π and V(s) from the recorder instead of computing them
     * again: it must equal, field for field, the frame of the same run unrecorded.
     */
    @Test
    void aRecordedRunShowsTheFramesOfAnUnrecordedOne() {
        Hyperparameters hp = Hyperparameters.DEFAULTS.withHiddenSize(16).withSeed(5);
        TrainingRun recorded = new TrainingRun(hp);
        recorded.record(10);
        TrainingRun plain = new TrainingRun(hp);
        assertEquals(plain.frame().value(), recorded.frame().value(), 0, "the start frame");
        for (int k = 0; k < 600; k++) {
            recorded.step();
            plain.step();
            Frame a = recorded.frame();
            Frame b = plain.frame();
            assertEquals(b.value(), a.value(), 0, "V(s) after step " + k);
            assertEquals(b.probRight(), a.probRight(), 0, "\u03c0(right) after step " + k);
            assertEquals(b.probLeft(), a.probLeft(), 0, "\u03c0(left) after step " + k);
            assertEquals(b.step(), a.step());
        }
        assertTrue(recorded.history().size() > 3, "episodes ended (and updates ran) on the way");
    }
}
