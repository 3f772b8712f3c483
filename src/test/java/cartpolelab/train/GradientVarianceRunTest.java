package cartpolelab.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cartpolelab.agent.AgentState;
import cartpolelab.agent.GradientVarianceProbe;
import cartpolelab.agent.Hyperparameters;
import cartpolelab.metrics.GradientVariance;
import cartpolelab.metrics.GradientVarianceHistory;
import org.junit.jupiter.api.Test;

/**
 * A run with the gradient-variance measurement on learns exactly what it learns with it off
 * (the probe draws from its own stream and only reads the agent), and its measurements land
 * every K episodes (also when n-step A2C updates several times an episode).
 */
class GradientVarianceRunTest {

    private static final Hyperparameters SMALL = Hyperparameters.MONTE_CARLO_DEFAULTS.withHiddenSize(32)
            .withEpisodes(80).withSeed(6);

    private static void assertSameAgent(AgentState want, AgentState got) {
        assertEquals(want.adamStep(), got.adamStep());
        for (int i = 0; i < want.parameters().size(); i++) {
            assertArrayEquals(want.parameters().get(i).data, got.parameters().get(i).data);
            assertArrayEquals(want.firstMoments().get(i).data, got.firstMoments().get(i).data);
            assertArrayEquals(want.secondMoments().get(i).data,
                    got.secondMoments().get(i).data);
        }
    }

    private static void checkSameWithAndWithout(Hyperparameters hp, int k, int m) {
        TrainingRun off = new TrainingRun(hp);
        off.train(false, null);
        TrainingRun on = new TrainingRun(hp);
        on.measureGradientVariance(new GradientVarianceProbe.Settings(k, m));
        on.train(false, null);

        SameRun.assertColumnsEqual(off.history(), on.history());
        assertEquals(off.totalSteps(), on.totalSteps());
        assertSameAgent(off.agent().state(), on.agent().state());
        assertEquals(0, off.gradientVariance().size(), "off measures nothing");

        GradientVarianceHistory g = on.gradientVariance();
        assertEquals(on.history().size() / k, g.size(), "one every K episodes");
        for (int i = 0; i < g.size(); i++) {
            GradientVariance v = g.get(i);
            assertEquals(k * (i + 1), v.episode(), "the K-th episodes: " + v);
            assertTrue(v.update() >= v.episode(), "at least an update an episode: " + v);
            assertEquals(m, v.samples());
            assertTrue(v.episode() >= 1 && v.episode() <= on.history().size());
            assertTrue(v.reinforce() > 0 && v.baseline() > 0 && v.td() > 0
                    && Double.isFinite(v.reinforce() + v.baseline() + v.td()), v.toString());
            assertEquals(i, g.indexOfEpisode(v.episode()));
        }
    }

    @Test
    void measuringChangesNothingLearnedAndLandsEveryKEpisodes() {
        checkSameWithAndWithout(SMALL, 10, 3);
        TrainingRun on = new TrainingRun(SMALL);
        on.measureGradientVariance(new GradientVarianceProbe.Settings(10, 3));
        on.train(false, null);
        // end-of-episode updates: update count = episode number
        GradientVarianceHistory g = on.gradientVariance();
        assertEquals(8, g.size());
        for (int i = 0; i < 8; i++) {
            assertEquals(10 * (i + 1), g.episode(i));
            assertEquals(10L * (i + 1), g.get(i).update());
        }
        assertEquals(-1, g.indexOfEpisode(15));
    }

    @Test
    void nStepUpdatesAndReinforceToo() {
        checkSameWithAndWithout(SMALL.withNSteps(8), 25, 2);
        checkSameWithAndWithout(SMALL.withAlgorithm(
                cartpolelab.agent.Algorithm.REINFORCE_BASELINE), 20, 2);
    }

    @Test
    void theAppsTrainerMeasuresAtTheDefaultsAndPublishesTheMeasurements() throws Exception {
        Hyperparameters hp = SMALL.withEpisodes(310);
        TrainingRun alone = new TrainingRun(hp);
        alone.measureGradientVariance(GradientVarianceProbe.Settings.DEFAULT);
        alone.train(false, null);
        try (Trainer t = new Trainer(hp)) {
            t.setSpeed(Speed.MAXIMUM);
            GradientVarianceHistory g = t.gradientVariance();
            assertEquals(0, g.size());
            t.start();
            TrainerTest.await("finished", () -> t.status().state() == TrainerState.FINISHED);
            assertEquals(2, g.size(), "at episodes 150 and 300; the same object all along");
            assertEquals(300, g.episode(1));
            assertEquals(alone.gradientVariance().get(0), g.get(0));
            assertEquals(alone.gradientVariance().get(1), g.get(1));
            SameRun.assertColumnsEqual(alone.history(), t.history());
        }
    }

    @Test
    void aMeasurementIsTheSameWhereverTheRunWasCutAndRestored() {
        TrainingRun whole = new TrainingRun(SMALL);
        whole.measureGradientVariance(new GradientVarianceProbe.Settings(20, 3));
        whole.train(false, null);
        TrainingRun first = new TrainingRun(SMALL);
        for (int i = 0; i < 30; i++) {
            first.finishEpisode();
        }
        TrainingRun second = TrainingRun.restore(first.snapshot());
        assertNull(second.gradientVarianceSettings(), "a restored run does not measure");
        second.measureGradientVariance(new GradientVarianceProbe.Settings(20, 3));
        second.train(false, null);
        GradientVarianceHistory w = whole.gradientVariance();
        GradientVarianceHistory s = second.gradientVariance();
        assertEquals(4, w.size());
        assertEquals(3, s.size(), "episodes 40, 60 and 80 after the restore at 30");
        for (int i = 0; i < 3; i++) {
            assertEquals(w.get(i + 1), s.get(i), "bit for bit: a function of seed and update");
        }
    }
}
