package cartpolelab.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cartpolelab.env.CartPole;
import java.util.List;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * The three estimators of {@link GradientVarianceProbe} on a hand-made episode against central
 * finite differences of a plain-loop Σ_t Ψ_t log π(a_t|s_t), with Ψ_t computed here from the
 * definitions (Monte-Carlo G_t, the critic's V, δ_t with 0 after a fall and V(s_T) after a
 * cut); the variance against a two-pass trace of the sample covariance; and the probe only
 * reading the agent.
 */
class GradientVarianceProbeTest {

    private static final int T = 7;
    private static final int HIDDEN = 8;
    private static final double H = 1e-6;

    private static Hyperparameters small(long seed) {
        return Hyperparameters.MONTE_CARLO_DEFAULTS.withHiddenSize(HIDDEN).withSeed(seed);
    }

    private static double logPi(List<DMatrixRMaj> p, double[] s, int a) {
        double[] z = ReferenceNetworks.logits(p, s);
        return z[a] - Math.log(Math.exp(z[0]) + Math.exp(z[1]));
    }

    /** Ψ_t of each estimator, from the definitions. */
    private static double[][] psi(List<DMatrixRMaj> p, double[][] s, double[] r, boolean fell,
                                  double gamma) {
        double[] v = new double[T + 1];
        for (int t = 0; t <= T; t++) {
            v[t] = ReferenceNetworks.value(p, s[t]);
        }
        double[][] out = new double[3][T];
        double g = 0;
        for (int t = T - 1; t >= 0; t--) {
            g = r[t] + gamma * g;
            double next = t == T - 1 && fell ? 0 : v[t + 1];
            out[GradientVarianceProbe.REINFORCE][t] = g;
            out[GradientVarianceProbe.BASELINE][t] = g - v[t];
            out[GradientVarianceProbe.TD][t] = r[t] + gamma * next - v[t];
        }
        return out;
    }

    private static double objective(List<DMatrixRMaj> p, double[][] s, int[] a, double[] weights) {
        double sum = 0;
        for (int t = 0; t < T; t++) {
            sum += weights[t] * logPi(p, s[t], a[t]);
        }
        return sum;
    }

    private void checkAgainstFiniteDifferences(boolean fell, long seed) {
        Hyperparameters hp = small(seed);
        Agent agent = new Agent(hp);
        SplittableRandom random = new SplittableRandom(seed + 7);
        double[][] s = new double[T + 1][CartPole.OBSERVATION_SIZE];
        for (double[] row : s) {
            for (int i = 0; i < row.length; i++) {
                row[i] = random.nextDouble(-1.5, 1.5);
            }
        }
        int[] a = new int[T];
        double[] r = new double[T];
        for (int t = 0; t < T; t++) {
            a[t] = random.nextInt(2);
            r[t] = 0.5 + random.nextDouble();
        }
        GradientVarianceProbe probe = new GradientVarianceProbe(hp,
                GradientVarianceProbe.Settings.DEFAULT);
        probe.load(agent);
        probe.setEpisode(s, a, r, fell ? EpisodeEnd.FELL : EpisodeEnd.CUT_OFF);
        probe.computeGradients();

        List<DMatrixRMaj> p = agent.parameters();
        double[][] weights = psi(p, s, r, fell, hp.discount());
        for (int e = 0; e < 3; e++) {
            double[] analytic = probe.gradient(e);
            double diff = 0;
            double norm = 0;
            int at = 0;
            for (int m = 0; m < 4; m++) {
                double[] theta = p.get(m).data;
                for (int i = 0; i < p.get(m).getNumElements(); i++, at++) {
                    double saved = theta[i];
                    theta[i] = saved + H;
                    double plus = objective(p, s, a, weights[e]);
                    theta[i] = saved - H;
                    double minus = objective(p, s, a, weights[e]);
                    theta[i] = saved;
                    double numeric = (plus - minus) / (2 * H);
                    diff += (analytic[at] - numeric) * (analytic[at] - numeric);
                    norm += numeric * numeric;
                }
            }
            assertEquals(probe.parameterCount(), at);
            assertTrue(norm > 1e-6, "estimator " + e + ": the check is vacuous");
            double rel = Math.sqrt(diff / norm);
            assertTrue(rel < 1e-6, "estimator " + e + (fell ? " (fell)" : " (cut)")
                    + ": relative error " + rel);
        }
    }

    @Test
    void estimatorsEqualFiniteDifferencesWhenThePoleFell() {
        checkAgainstFiniteDifferences(true, 11);
    }

    @Test
    void estimatorsEqualFiniteDifferencesWhenCutBootstrappingTdFromTheLastValue() {
        checkAgainstFiniteDifferences(false, 12);
    }

    @Test
    void theCutOffRuleOnlyChangesTheTdEstimator() {
        Hyperparameters hp = small(3);
        Agent agent = new Agent(hp);
        double[][] s = new double[T + 1][CartPole.OBSERVATION_SIZE];
        for (int t = 0; t <= T; t++) {
            s[t][2] = 0.01 * t;
            s[t][3] = -0.02 * t;
        }
        int[] a = {0, 1, 1, 0, 1, 0, 0};
        double[] r = {1, 1, 1, 1, 1, 1, 1};
        double[][] got = new double[2][];
        double[][] reinforce = new double[2][];
        GradientVarianceProbe probe = new GradientVarianceProbe(hp,
                GradientVarianceProbe.Settings.DEFAULT);
        probe.load(agent);
        for (int k = 0; k < 2; k++) {
            probe.setEpisode(s, a, r, k == 0 ? EpisodeEnd.FELL : EpisodeEnd.CUT_OFF);
            probe.computeGradients();
            got[k] = probe.gradient(GradientVarianceProbe.TD).clone();
            reinforce[k] = probe.gradient(GradientVarianceProbe.REINFORCE).clone();
        }
        assertEquals(java.util.Arrays.toString(reinforce[0]),
                java.util.Arrays.toString(reinforce[1]), "G_t never bootstraps");
        assertNotEquals(java.util.Arrays.toString(got[0]), java.util.Arrays.toString(got[1]),
                "δ_{T−1} uses V(s_T) only after a cut");
    }

    @Test
    void theVarianceIsTheTraceOfTheSampleCovarianceAndTheAgentIsOnlyRead() {
        Hyperparameters hp = small(5);
        Agent agent = new Agent(hp);
        EpisodeRunner runner = new EpisodeRunner(agent);
        for (int i = 0; i < 20; i++) {
            runner.runEpisode();
        }
        AgentState before = agent.state();
        int m = 6;
        GradientVarianceProbe probe = new GradientVarianceProbe(hp,
                new GradientVarianceProbe.Settings(10, m));
        GradientVarianceProbe.Measurement got = probe.measure(agent, agent.updates());
        assertEquals(20, got.update());
        assertEquals(m, got.episodes());
        assertStateEquals(before, agent.state());

        // the same episodes again (same stream), covariance by the two-pass formula
        GradientVarianceProbe replay = new GradientVarianceProbe(hp,
                GradientVarianceProbe.Settings.DEFAULT);
        replay.load(agent);
        SplittableRandom random = RandomStreams.gradientProbe(hp.seed(), 20);
        int n = replay.parameterCount();
        double[][][] g = new double[3][m][];
        for (int k = 0; k < m; k++) {
            replay.runEpisode(random);
            replay.computeGradients();
            for (int e = 0; e < 3; e++) {
                g[e][k] = replay.gradient(e).clone();
            }
        }
        double[] want = new double[3];
        for (int e = 0; e < 3; e++) {
            for (int i = 0; i < n; i++) {
                double mean = 0;
                for (int k = 0; k < m; k++) {
                    mean += g[e][k][i] / m;
                }
                for (int k = 0; k < m; k++) {
                    want[e] += (g[e][k][i] - mean) * (g[e][k][i] - mean) / (m - 1);
                }
            }
        }
        assertEquals(want[0], got.reinforce(), 1e-9 * want[0]);
        assertEquals(want[1], got.baseline(), 1e-9 * want[1]);
        assertEquals(want[2], got.td(), 1e-9 * want[2]);
        assertTrue(want[0] > 0 && want[1] > 0 && want[2] > 0);
        // a measurement depends on (seed, update) only: the same again, another one differs
        assertEquals(got, probe.measure(agent, 20));
        assertNotEquals(got.reinforce(), probe.measure(agent, 21).reinforce());
    }

    private static void assertStateEquals(AgentState want, AgentState got) {
        assertEquals(want.adamStep(), got.adamStep());
        for (int i = 0; i < want.parameters().size(); i++) {
            assertTrue(java.util.Arrays.equals(want.parameters().get(i).data,
                    got.parameters().get(i).data), "parameter " + i);
            assertTrue(java.util.Arrays.equals(want.firstMoments().get(i).data,
                    got.firstMoments().get(i).data), "first moment " + i);
            assertTrue(java.util.Arrays.equals(want.secondMoments().get(i).data,
                    got.secondMoments().get(i).data), "second moment " + i);
        }
    }

    @Test
    void settingsAreChecked() {
        assertThrows(IllegalArgumentException.class,
                () -> new GradientVarianceProbe.Settings(0, 8));
        assertThrows(IllegalArgumentException.class,
                () -> new GradientVarianceProbe.Settings(100, 1));
        assertThrows(IllegalArgumentException.class,
                () -> new GradientVarianceProbe.Settings(100, 10_001));
        GradientVarianceProbe p = new GradientVarianceProbe(small(1),
                new GradientVarianceProbe.Settings(100, 8));
        assertTrue(p.due(99, 100) && p.due(199, 230) && !p.due(100, 199) && !p.due(5, 5));
    }
}
