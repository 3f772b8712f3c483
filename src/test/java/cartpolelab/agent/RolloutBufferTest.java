package cartpolelab.agent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The buffer's contract: what it stores (the bootstrap rule itself is {@link AdvantagesTest}'s). */
class RolloutBufferTest {

    private static final double[] S0 = {0.01, 0.02, 0.03, 0.04};
    private static final double[] S1 = {0.11, 0.12, 0.13, 0.14};
    private static final double[] S2 = {0.21, 0.22, 0.23, 0.24};
    private static final double[] S3 = {0.31, 0.32, 0.33, 0.34};

    /** Three steps with rewards 1, 2, 4, the last ending as {@code end}. */
    private static RolloutBuffer threeSteps(EpisodeEnd end) {
        RolloutBuffer b = new RolloutBuffer(5, 3);
        double[][] s = {S0, S1, S2, S3};
        double[] rewards = {1, 2, 4};
        for (int t = 0; t < 3; t++) {
            assertEquals(t, b.startStep(s[t]));
            b.storeHidden(t, new double[] {t, t + 0.5, t + 0.25});
            b.storeAction(t, t % 2);
            b.recordOutcome(rewards[t], s[t + 1], t < 2 ? EpisodeEnd.RUNNING : end);
        }
        return b;
    }

    @Test
    void storesEveryStepAndTheBootstrapRow() {
        RolloutBuffer b = threeSteps(EpisodeEnd.CUT_OFF);
        assertEquals(3, b.size());
        assertEquals(EpisodeEnd.CUT_OFF, b.end());
        assertEquals(3, b.states().numRows);
        assertEquals(4, b.statesWithBootstrap().numRows);
        assertEquals(S3[2], b.statesWithBootstrap().get(3, 2), 0, "s_T is the last row");
        assertEquals(S1[1], b.states().get(1, 1), 0);
        assertEquals(3, b.actorHidden().numRows);
        assertEquals(2.25, b.actorHidden().get(2, 2), 0);
        assertArrayEquals(new int[] {0, 1, 0}, java.util.Arrays.copyOf(b.actions(), 3));
        assertArrayEquals(new double[] {1, 2, 4}, java.util.Arrays.copyOf(b.rewards(), 3), 0);
        b.clear();
        assertEquals(0, b.size());
        assertEquals(EpisodeEnd.RUNNING, b.end());
    }

    @Test
    void actAndOutcomeMustAlternate() {
        RolloutBuffer b = new RolloutBuffer(2, 1);
        assertThrows(IllegalStateException.class,
                () -> b.recordOutcome(1, S1, EpisodeEnd.RUNNING));
        b.storeAction(b.startStep(S0), 0);
        assertThrows(IllegalStateException.class, () -> b.startStep(S1));
        b.recordOutcome(1, S1, EpisodeEnd.RUNNING);
        assertFalse(b.full());
        b.storeAction(b.startStep(S1), 1);
        b.recordOutcome(1, S2, EpisodeEnd.RUNNING);
        assertTrue(b.full());
        assertThrows(IllegalArgumentException.class, () -> new RolloutBuffer(0, 4));
    }

    /** A2C's critic loss after one step: ½ (r + γ V(s_1) − V(s_0))², or ½ (r − V(s_0))². */
    private static double oneStepCriticLoss(Algorithm algorithm, EpisodeEnd end) {
        Agent agent = new Agent(Hyperparameters.DEFAULTS.withAlgorithm(algorithm).withSeed(3));
        agent.act(S0, new SplittableRandom(1));
        agent.rollout().recordOutcome(1.0, S1, end);
        agent.policyGradientUpdate().computeLossesAndGradients(agent.rollout());
        return agent.policyGradientUpdate().criticLoss();
    }

    @Test
    void theAgentAppliesTheRuleThroughTheCritic() {
        Agent fresh = new Agent(Hyperparameters.DEFAULTS.withSeed(3));
        double v0 = fresh.value(S0);
        double v1 = fresh.value(S1);
        double cut = 1 + 0.99 * v1 - v0;
        double fell = 1 - v0;
        assertEquals(0.5 * cut * cut, oneStepCriticLoss(Algorithm.A2C, EpisodeEnd.CUT_OFF),
                1e-12);
        assertEquals(0.5 * cut * cut, oneStepCriticLoss(Algorithm.A2C, EpisodeEnd.RUNNING),
                1e-12);
        assertEquals(0.5 * fell * fell, oneStepCriticLoss(Algorithm.A2C, EpisodeEnd.FELL),
                1e-12);
        // REINFORCE with baseline does not bootstrap: G_T = 0 even when cut off
        assertEquals(fell * fell,
                oneStepCriticLoss(Algorithm.REINFORCE_BASELINE, EpisodeEnd.CUT_OFF), 1e-12);
        assertTrue(Math.abs(cut * cut - fell * fell) > 1e-6,
                "V(s_1) = " + v1 + " is too close to 0 for the test to tell the two apart");
    }
}
