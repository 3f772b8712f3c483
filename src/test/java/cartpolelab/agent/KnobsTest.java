package cartpolelab.agent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cartpolelab.env.CartPole;
import java.util.List;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * SB3's knobs inside the learning update: the value-loss coefficient, advantage
 * normalisation, gradient-norm clipping and the linear learning-rate schedule, each against
 * its definition on a recorded rollout.
 */
class KnobsTest {

    private static final Hyperparameters SMALL = Hyperparameters.MONTE_CARLO_DEFAULTS.withHiddenSize(8)
            .withSeed(4);
    private static final int T = 10;

    /** T steps of made-up states and rewards, the last a fall. */
    private static Agent recorded(Hyperparameters hp) {
        Agent agent = new Agent(hp);
        SplittableRandom random = new SplittableRandom(7);
        for (int t = 0; t < T; t++) {
            double[] s = new double[CartPole.OBSERVATION_SIZE];
            for (int i = 0; i < s.length; i++) {
                s[i] = random.nextDouble(-1, 1);
            }
            agent.act(s, random);
            double[] next = s.clone();
            agent.rollout().recordOutcome(0.5 + random.nextDouble(), next,
                    t == T - 1 ? EpisodeEnd.FELL : EpisodeEnd.RUNNING);
        }
        return agent;
    }

    private static double[][] gradients(Agent agent) {
        agent.policyGradientUpdate().computeLossesAndGradients(agent.rollout());
        List<DMatrixRMaj> g = agent.gradients();
        double[][] out = new double[g.size()][];
        for (int i = 0; i < g.size(); i++) {
            out[i] = java.util.Arrays.copyOf(g.get(i).data, g.get(i).getNumElements());
        }
        return out;
    }

    @Test
    void theValueCoefficientScalesOnlyTheCriticsLossAndGradient() {
        Agent half = recorded(SMALL);
        Agent one = recorded(SMALL.withValueCoefficient(1));
        double[][] gh = gradients(half);
        double[][] g1 = gradients(one);
        assertEquals(2 * half.policyGradientUpdate().criticLoss(), one.policyGradientUpdate().criticLoss(), 1e-12);
        assertEquals(half.policyGradientUpdate().actorLoss(), one.policyGradientUpdate().actorLoss(), 0.0);
        for (int i = 0; i < 4; i++) {
            assertArrayEquals(gh[i], g1[i], 0.0, "actor matrix " + i);
        }
        for (int i = 4; i < 8; i++) {
            for (int j = 0; j < gh[i].length; j++) {
                assertEquals(2 * gh[i][j], g1[i][j], 1e-14, "critic matrix " + i);
            }
        }
    }

    @Test
    void normalisedAdvantagesAreMeanZeroStdOneForTheActorOnly() {
        double[] in = {1, 2, 3, 4, 10};
        double[] out = new double[5];
        PolicyGradientUpdate.normalise(in, out, 5);
        double mean = 0;
        for (double v : out) {
            mean += v / 5;
        }
        double ss = 0;
        for (double v : out) {
            ss += (v - mean) * (v - mean);
        }
        assertEquals(0, mean, 1e-15);
        assertEquals(1, Math.sqrt(ss / 4), 1e-8, "Bessel-corrected, like torch's std()");
        PolicyGradientUpdate.normalise(new double[] {3}, out, 1);
        assertEquals(3, out[0], 0.0, "a batch of one is left alone (SB3)");

        // in the update: the actor's loss uses the normalised Ψ, the critic's the raw Â
        Agent plain = recorded(SMALL);
        Agent normalised = recorded(SMALL.withNormaliseAdvantage(true));
        gradients(plain);
        gradients(normalised);
        assertEquals(plain.policyGradientUpdate().criticLoss(), normalised.policyGradientUpdate().criticLoss(), 0.0);
        RolloutBuffer r = normalised.rollout();
        double[] v = new double[T + 1];
        for (int t = 0; t <= T; t++) {
            double[] s = new double[CartPole.OBSERVATION_SIZE];
            System.arraycopy(r.statesWithBootstrap().data, t * s.length, s, 0, s.length);
            v[t] = normalised.value(s);
        }
        double[] adv = new double[T];
        Advantages.gae(r.rewards(), v, T, EpisodeEnd.FELL, 0, SMALL.discount(), 1, adv, null);
        double[] psi = new double[T];
        PolicyGradientUpdate.normalise(adv, psi, T);
        double want = 0;
        for (int t = 0; t < T; t++) {
            want -= r.logProbabilities()[t * 2 + r.actions()[t]] * psi[t] / T;
        }
        assertEquals(want, normalised.policyGradientUpdate().actorLoss(), 1e-12);
        assertNotEquals(plain.policyGradientUpdate().actorLoss(), normalised.policyGradientUpdate().actorLoss());
    }

    @Test
    void clippingLeavesTheGlobalNormAtMostMaxGradNorm() {
        double max = 1e-3;
        Agent clipped = recorded(SMALL.withMaxGradNorm(max));
        double before = norm(gradients(recorded(SMALL)));
        assertTrue(before > 10 * max, "the test needs a gradient above the limit: " + before);
        clipped.policyGradientUpdate().apply(clipped.rollout(), T);
        double after = norm(gradientsNow(clipped));
        assertEquals(max, after, 1e-9);
    }

    private static double[][] gradientsNow(Agent agent) {
        List<DMatrixRMaj> g = agent.gradients();
        double[][] out = new double[g.size()][];
        for (int i = 0; i < g.size(); i++) {
            out[i] = java.util.Arrays.copyOf(g.get(i).data, g.get(i).getNumElements());
        }
        return out;
    }

    private static double norm(double[][] g) {
        double s = 0;
        for (double[] m : g) {
            for (double x : m) {
                s += x * x;
            }
        }
        return Math.sqrt(s);
    }

    @Test
    void aLinearScheduleFallsToZeroOverTheScheduleSteps() {
        assertEquals(1e-3, Schedule.LINEAR.at(1e-3, 0, 100), 0.0);
        assertEquals(0.25e-3, Schedule.LINEAR.at(1e-3, 75, 100), 1e-18);
        assertEquals(0.0, Schedule.LINEAR.at(1e-3, 150, 100), 0.0);
        assertEquals(1e-3, Schedule.CONSTANT.at(1e-3, 150, 100), 0.0);

        // a horizon of one step: every update has lr 0, so nothing learns
        Hyperparameters spent = SMALL.withLearningRateSchedule(Schedule.LINEAR)
                .withScheduleSteps(1);
        Agent agent = recorded(spent);
        double[] w = agent.parameters().get(0).data.clone();
        agent.policyGradientUpdate().apply(agent.rollout(), T);
        assertArrayEquals(w, agent.parameters().get(0).data, 0.0);
        Agent constant = recorded(SMALL);
        constant.policyGradientUpdate().apply(constant.rollout(), T);
        assertFalse(java.util.Arrays.equals(w, constant.parameters().get(0).data));
    }
}
