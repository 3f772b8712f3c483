package cartpolelab.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cartpolelab.agent.Algorithm;
import cartpolelab.agent.Hyperparameters;
import cartpolelab.metrics.EpisodeHistory;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Four environments in lockstep: the same run whoever drives it (step by step, episode by
 * episode, an experiment on 1 or 2 threads, the app's trainer with pauses), episodes recorded
 * in the order they finish, and snapshots that restore reproducibly.
 */
class ParallelEnvironmentsRunTest {

    static final Hyperparameters FOUR = Hyperparameters.DEFAULTS.withHiddenSize(16)
            .withEnvs(4).withEpisodes(80).withSeed(5);
    static final Hyperparameters FOUR_PPO = FOUR.toBuilder().algorithm(Algorithm.PPO)
            .nSteps(8).minibatch(16).epochs(2).build();

    private static EpisodeHistory alone(Hyperparameters hp) {
        TrainingRun run = new TrainingRun(hp);
        run.train(false, null);
        assertTrue(run.budgetUsed(), run.failure());
        return run.history();
    }

    @Test
    void howTheStepsAreDrivenNeverChangesTheRun() {
        for (Hyperparameters hp : List.of(FOUR, FOUR_PPO)) {
            EpisodeHistory want = alone(hp);
            TrainingRun run = new TrainingRun(hp);
            Random pattern = new Random(1);
            while (run.canTrain()) {
                if (pattern.nextBoolean()) {
                    assertNotNull(run.finishEpisode());
                } else {
                    for (int i = pattern.nextInt(30); i > 0 && run.canTrain(); i--) {
                        run.step();
                    }
                }
            }
            SameRun.assertColumnsEqual(want, run.history());
        }
    }

    @Test
    void episodesAreRecordedAsTheyFinishEachWithItsOwnLength() {
        TrainingRun run = new TrainingRun(FOUR);
        long stepsBefore = 0;
        while (run.canTrain()) {
            int before = run.history().size();
            run.step();
            long now = run.totalSteps();
            assertEquals(stepsBefore + 4, now, "a lockstep is 4 environment steps");
            stepsBefore = now;
            for (int i = before; i < run.history().size(); i++) {
                assertEquals(now, run.history().get(i).totalSteps(),
                        "every episode of a lockstep ends at its step count");
                assertEquals(i + 1, run.history().get(i).episode());
            }
        }
        // the lengths of the finished episodes never exceed the steps taken
        long lengths = 0;
        for (int i = 0; i < run.history().size(); i++) {
            lengths += run.history().get(i).length();
        }
        assertTrue(lengths <= run.totalSteps() && lengths > run.totalSteps() - 4L * 300);
    }

    @Test
    void anExperimentOnOneOrTwoThreadsRunsEachCellAsAlone() throws Exception {
        for (int threads = 1; threads <= 2; threads++) {
            ExperimentSpec s = new ExperimentSpec(FOUR_PPO, List.of(Algorithm.A2C,
                    Algorithm.PPO), List.of(1L, 2L), null, threads, false, 3);
            try (Experiment e = new Experiment(s)) {
                e.start();
                assertTrue(e.awaitDone(Duration.ofMinutes(5)), "done");
                for (int i = 0; i < e.cells().size(); i++) {
                    Hyperparameters hp = e.cells().get(i).hyperparameters();
                    assertEquals(4, hp.envs());
                    SameRun.assertColumnsEqual(alone(hp), e.history(i));
                }
            }
        }
    }

    @Test
    void theAppsTrainerWithPausesAndSingleStepsLearnsTheSame() throws Exception {
        EpisodeHistory want = alone(FOUR);
        try (Trainer t = new Trainer(FOUR)) {
            Random pattern = new Random(9);
            while (t.status().state() != TrainerState.FINISHED) {
                if (pattern.nextInt(3) == 0) {
                    long before = t.status().totalSteps();
                    t.stepFrame();
                    TrainerTest.await("step frame", () -> t.status().totalSteps() == before + 4
                            || t.status().state() == TrainerState.FINISHED);
                } else {
                    t.setSpeed(Speed.MAXIMUM);
                    t.start();
                    Thread.sleep(pattern.nextInt(15));
                    t.pause();
                    try {
                        TrainerTest.await("paused", () -> TrainerTest.pausedOrFinished(t));
                    } catch (AssertionError e) { // once in a loaded run: say in what state
                        throw new AssertionError(e.getMessage() + "; status " + t.status(), e);
                    }
                }
            }
            SameRun.assertColumnsEqual(want, t.history());
        }
    }

    @Test
    void aSnapshotKeepsTheFinishedEpisodesAndRestoresReproducibly() {
        TrainingRun run = new TrainingRun(FOUR);
        for (int i = 0; i < 30; i++) {
            run.finishEpisode();
        }
        run.step();
        RunSnapshot s = run.snapshot();
        assertFalse(s.exact());
        assertTrue(s.continuationNote().contains("4 environments"), s.continuationNote());
        assertEquals(s.history().get(s.episodes() - 1).totalSteps(), s.totalSteps());
        TrainingRun a = TrainingRun.restore(s);
        TrainingRun b = TrainingRun.restore(s);
        a.train(false, null);
        b.train(false, null);
        assertEquals(FOUR.episodes(), a.history().size());
        assertArrayEquals(a.history().rewards(), b.history().rewards());
    }
}
