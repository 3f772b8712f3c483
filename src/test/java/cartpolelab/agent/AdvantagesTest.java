package cartpolelab.agent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * GAE(λ) on hand-worked rollouts: three steps with rewards 1, 2, 4, γ = ½, V(s_0..s_2) = 3, 5,
 * 7 and V(s_3) = 8, ended by a fall, a cut or an n-step boundary.
 */
class AdvantagesTest {

    private static final double[] R = {1, 2, 4};
    private static final double[] V = {3, 5, 7};
    private static final double V_T = 8;

    private static double[] advantages(EpisodeEnd end, double lambda) {
        double[] a = new double[3];
        Advantages.gae(R, V, 3, end, V_T, 0.5, lambda, a, null);
        return a;
    }

    @Test
    void lambdaZeroIsTheOneStepTdErrorAtEachStep() {
        // δ_2 = 4 + ½·8 − 7 = 1,  δ_1 = 2 + ½·7 − 5 = 0.5,  δ_0 = 1 + ½·5 − 3 = 0.5
        assertArrayEquals(new double[] {0.5, 0.5, 1}, advantages(EpisodeEnd.CUT_OFF, 0), 0);
        // after a fall V(s_3) is 0:  δ_2 = 4 + 0 − 7 = −3
        assertArrayEquals(new double[] {0.5, 0.5, -3}, advantages(EpisodeEnd.FELL, 0), 0);
        // an n-step boundary in a running episode bootstraps like a cut
        assertArrayEquals(new double[] {0.5, 0.5, 1}, advantages(EpisodeEnd.RUNNING, 0), 0);
    }

    @Test
    void lambdaOneIsTheReturnMinusTheBaseline() {
        // cut: G = 4, 6, 8 (G_3 = V(s_3) = 8), so G − V = 1, 1, 1
        assertArrayEquals(new double[] {1, 1, 1}, advantages(EpisodeEnd.CUT_OFF, 1), 0);
        // fell: G = 3, 4, 4 (G_3 = 0), so G − V = 0, −1, −3
        assertArrayEquals(new double[] {0, -1, -3}, advantages(EpisodeEnd.FELL, 1), 0);
        assertArrayEquals(new double[] {1, 1, 1}, advantages(EpisodeEnd.RUNNING, 1), 0);
    }

    @Test
    void inBetweenItIsTheDiscountedSumOfTdErrors() {
        // γλ = ¼:  Â_2 = 1,  Â_1 = 0.5 + ¼·1 = 0.75,  Â_0 = 0.5 + ¼·0.75 = 0.6875
        assertArrayEquals(new double[] {0.6875, 0.75, 1}, advantages(EpisodeEnd.CUT_OFF, 0.5),
                0);
        // fell: Â_2 = −3, Â_1 = 0.5 − 0.75 = −0.25, Â_0 = 0.5 − 0.0625 = 0.4375
        assertArrayEquals(new double[] {0.4375, -0.25, -3}, advantages(EpisodeEnd.FELL, 0.5),
                0);
    }

    @Test
    void theCriticsTargetIsTheAdvantagePlusTheValue() {
        double[] a = new double[3];
        double[] targets = new double[3];
        Advantages.gae(R, V, 3, EpisodeEnd.CUT_OFF, V_T, 0.5, 0, a, targets);
        // λ = 0: the target is r + γ V(s'): 1 + 2.5, 2 + 3.5, 4 + 4
        assertArrayEquals(new double[] {3.5, 5.5, 8}, targets, 0);
    }

    @Test
    void withoutACriticTheAdvantageIsTheMonteCarloReturn() {
        double[] a = new double[3];
        Advantages.gae(R, null, 3, EpisodeEnd.CUT_OFF, 0, 0.5, 1, a, null);
        // G_2 = 4, G_1 = 2 + 2 = 4, G_0 = 1 + 2 = 3, whatever the end
        assertArrayEquals(new double[] {3, 4, 4}, a, 0);
    }

    @Test
    void aStridedSegmentReadsOnlyItsOwnEnvironment() {
        // two environments interleaved step-major: env 0 at even indices, env 1 at odd ones
        double[] r = {1, 100, 2, 200, 4, 400};
        double[] v = {3, 300, 5, 500, 7, 700};
        double[] a = new double[6];
        Advantages.gae(r, v, 0, 3, 2, EpisodeEnd.CUT_OFF, V_T, 0.5, 0.5, a, null);
        assertArrayEquals(new double[] {0.6875, 0, 0.75, 0, 1, 0}, a, 0);
    }

    /**
     * λ = 1 must give the very bits of the plain recursion G_t = r_t + γ G_{t+1}, A = G − V
     * that the learner used before λ existed (the reference runs depend on it).
     */
    @Test
    void lambdaOneIsBitIdenticalToThePlainDiscountedReturn() {
        SplittableRandom random = new SplittableRandom(7);
        for (int trial = 0; trial < 200; trial++) {
            int n = 1 + random.nextInt(300);
            double[] r = new double[n];
            double[] v = new double[n];
            for (int t = 0; t < n; t++) {
                r[t] = random.nextBoolean() ? 1 : random.nextDouble(-3, 3);
                v[t] = random.nextDouble(-50, 150);
            }
            double last = random.nextDouble(-50, 150);
            EpisodeEnd end = EpisodeEnd.values()[random.nextInt(3)];
            double gamma = random.nextBoolean() ? 0.99 : random.nextDouble();
            double[] a = new double[n];
            double[] g = new double[n];
            Advantages.gae(r, v, n, end, last, gamma, 1, a, g);
            double next = end == EpisodeEnd.FELL ? 0 : last;
            for (int t = n - 1; t >= 0; t--) {
                next = r[t] + gamma * next;
                assertEquals(Double.doubleToRawLongBits(next), Double.doubleToRawLongBits(g[t]));
                assertEquals(Double.doubleToRawLongBits(next - v[t]),
                        Double.doubleToRawLongBits(a[t]));
            }
        }
    }

    /** Â_t = Σ_l (γλ)^l δ_{t+l}, summed directly, against the recursion, for random data. */
    @Test
    void matchesTheDefinitionAsASum() {
        SplittableRandom random = new SplittableRandom(3);
        int n = 40;
        double[] r = new double[n];
        double[] v = new double[n];
        for (int t = 0; t < n; t++) {
            r[t] = 1;
            v[t] = random.nextDouble(0, 100);
        }
        double gamma = 0.99;
        double lambda = 0.7;
        double last = 42;
        double[] a = new double[n];
        Advantages.gae(r, v, n, EpisodeEnd.CUT_OFF, last, gamma, lambda, a, null);
        for (int t = 0; t < n; t++) {
            double sum = 0;
            double weight = 1;
            for (int l = t; l < n; l++) {
                double nextV = l + 1 < n ? v[l + 1] : last;
                sum += weight * (r[l] + gamma * nextV - v[l]);
                weight *= gamma * lambda;
            }
            assertEquals(sum, a[t], 1e-9, "t = " + t);
        }
    }
}
