package cartpolelab.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cartpolelab.env.CartPole;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * The gradient-variance probe's fourth estimator is the learner's: for the same episode, the
 * probe's Σ_t ∇log π(a_t|s_t) Ψ_t equals −T · ∂L_actor/∂θ of the update the agent would run
 * (entropy bonus off, an update at the episode's end), for each algorithm and λ.
 */
class LearnerEstimatorTest {

    private static final int T = 9;

    /** A generator whose every draw is {@code u}: action 0 for u = 0, action 1 for u near 1. */
    private static RandomGenerator always(double u) {
        return new RandomGenerator() {
            @Override
            public long nextLong() {
                throw new UnsupportedOperationException();
            }

            @Override
            public double nextDouble() {
                return u;
            }
        };
    }

    private static void check(Hyperparameters hp, EpisodeEnd end) {
        Agent agent = new Agent(hp);
        SplittableRandom random = new SplittableRandom(hp.seed());
        double[][] s = new double[T + 1][CartPole.OBSERVATION_SIZE];
        for (double[] row : s) {
            for (int i = 0; i < row.length; i++) {
                row[i] = random.nextDouble(-1, 1);
            }
        }
        int[] a = new int[T];
        double[] r = new double[T];
        for (int t = 0; t < T; t++) {
            a[t] = random.nextInt(2);
            r[t] = 1;
        }
        // the learner's gradient: the rollout filled by acting, the losses without a step
        RolloutBuffer rollout = agent.rollout();
        for (int t = 0; t < T; t++) {
            assertEquals(a[t], agent.act(s[t], always(a[t] == 0 ? 0 : 0.999_999_999)));
            rollout.recordOutcome(r[t], s[t + 1], t == T - 1 ? end : EpisodeEnd.RUNNING);
        }
        agent.policyGradientUpdate().computeLossesAndGradients(rollout);
        List<DMatrixRMaj> grads = agent.gradients();

        GradientVarianceProbe probe = new GradientVarianceProbe(hp,
                GradientVarianceProbe.Settings.DEFAULT);
        probe.load(agent);
        probe.setEpisode(s, a, r, end);
        probe.computeGradients();
        double[] g = probe.gradient(GradientVarianceProbe.LEARNER);
        int at = 0;
        double norm = 0;
        for (int m = 0; m < 4; m++) {
            double[] d = grads.get(m).data;
            for (int i = 0; i < grads.get(m).getNumElements(); i++, at++) {
                double want = -T * d[i];
                norm += want * want;
                assertEquals(want, g[at], 1e-9 * (1 + Math.abs(want)),
                        hp.algorithm() + " λ " + hp.gaeLambda() + " " + end + " at " + at);
            }
        }
        assertEquals(probe.parameterCount(), at);
        assertTrue(norm > 1e-8, "vacuous");
    }

    @Test
    void theProbesLearnerEstimatorIsTheLearnersGradient() {
        Hyperparameters base = Hyperparameters.MONTE_CARLO_DEFAULTS.withHiddenSize(8).withSeed(4)
                .withEntropyCoefficient(0);
        for (EpisodeEnd end : new EpisodeEnd[] {EpisodeEnd.FELL, EpisodeEnd.CUT_OFF}) {
            check(base.withAlgorithm(Algorithm.REINFORCE), end);
            check(base.withAlgorithm(Algorithm.REINFORCE_BASELINE), end);
            for (double lambda : new double[] {0, 0.7, 1}) {
                check(base.withAlgorithm(Algorithm.A2C).withGaeLambda(lambda), end);
            }
        }
    }

    @Test
    void atLambdaZeroTheLearnerIsTheNotebooksTdEstimator() {
        Hyperparameters hp = Hyperparameters.DEFAULTS.withHiddenSize(8).withSeed(2)
                .withNSteps(0);
        GradientVarianceProbe probe = new GradientVarianceProbe(hp,
                GradientVarianceProbe.Settings.DEFAULT);
        probe.load(new Agent(hp));
        SplittableRandom random = new SplittableRandom(9);
        probe.runEpisode(random);
        probe.computeGradients();
        double[] td = probe.gradient(GradientVarianceProbe.TD);
        double[] learner = probe.gradient(GradientVarianceProbe.LEARNER);
        for (int i = 0; i < td.length; i++) {
            assertEquals(td[i], learner[i], 1e-12 * (1 + Math.abs(td[i])));
        }
    }
}
