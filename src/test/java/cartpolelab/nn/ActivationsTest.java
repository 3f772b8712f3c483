package cartpolelab.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class ActivationsTest {

    private static double[][] softmax(double... z) {
        double[] p = new double[z.length];
        double[] lp = new double[z.length];
        Activations.softmax(z, 0, z.length, p, lp, 0);
        return new double[][] {p, lp};
    }

    @Test
    void softmaxMatchesTheTextbookFormulaOnOrdinaryLogits() {
        double[] z = {0.3, -1.2, 2.0};
        double sum = Math.exp(0.3) + Math.exp(-1.2) + Math.exp(2.0);
        double[][] r = softmax(z);
        for (int k = 0; k < 3; k++) {
            assertEquals(Math.exp(z[k]) / sum, r[0][k], 1e-15);
            assertEquals(z[k] - Math.log(sum), r[1][k], 1e-14);
        }
    }

    @Test
    void softmaxIsStableForHugeLogits() {
        double[][] r = softmax(1000, -1000);
        assertArrayEquals(new double[] {1, 0}, r[0], 0);
        assertEquals(0, r[1][0], 0);
        assertEquals(-2000, r[1][1], 1e-9);

        r = softmax(1e308, 1e308);
        assertArrayEquals(new double[] {0.5, 0.5}, r[0], 0);
        assertEquals(-Math.log(2), r[1][0], 1e-15);

        r = softmax(800, 799);
        double p0 = 1 / (1 + Math.exp(-1));
        assertEquals(p0, r[0][0], 1e-15);
        assertEquals(1 - p0, r[0][1], 1e-15);
        assertEquals(-Math.log1p(Math.exp(-1)), r[1][0], 1e-15);

        r = softmax(-1e6, -1e6 - 3);
        assertTrue(Double.isFinite(r[1][1]));
        assertEquals(1, r[0][0] + r[0][1], 1e-15);
    }

    @Test
    void softmaxWritesAtTheGivenOffsets() {
        double[] z = {9, 9, 1, 1, 9};
        double[] p = new double[6];
        Activations.softmax(z, 2, 2, p, null, 3);
        assertArrayEquals(new double[] {0, 0, 0, 0.5, 0.5, 0}, p, 0);
    }

    @Test
    void entropyOfUniformIsLn2AndOfCertainIsZero() {
        double[][] u = softmax(0, 0);
        assertEquals(Math.log(2), Activations.entropy(u[0], u[1], 0, 2), 1e-15);
        double[][] c = softmax(1000, -1000);
        assertEquals(0, Activations.entropy(c[0], c[1], 0, 2), 0);
        // p = 0 with log p = −∞ must give 0, not NaN
        assertEquals(0, Activations.entropy(new double[] {1, 0},
                new double[] {0, Double.NEGATIVE_INFINITY}, 0, 2), 0);
    }

    @Test
    void reluClampsNegativesAndKeepsNaN() {
        DMatrixRMaj h = new DMatrixRMaj(1, 5, true, -1, 0, 2.5, -0.0, Double.NaN);
        Activations.reluInPlace(h);
        assertEquals(0, h.get(0, 0), 0);
        assertEquals(2.5, h.get(0, 2), 0);
        assertEquals(Double.doubleToRawLongBits(0.0), Double.doubleToRawLongBits(h.get(0, 3)));
        assertTrue(Double.isNaN(h.get(0, 4)));
    }

    @Test
    void reluDerivativeMaskIsExactlyZeroOrOneForEveryNonNegativeDouble() {
        // Mlp.backward's branch-free mask
        double[] hs = {0.0, Double.MIN_VALUE, 2 * Double.MIN_VALUE, Double.MIN_NORMAL, 1e-300,
            1e-10, 1, 1e300, Double.MAX_VALUE, Double.POSITIVE_INFINITY};
        for (double h : hs) {
            double mask = Math.min(h * 0x1p600 * 0x1p600, 1.0);
            assertEquals(h > 0 ? 1.0 : 0.0, mask, 0.0, "h = " + h);
        }
    }

    @Test
    void categoricalSamplingDrawsOneNumberAndFollowsTheProbabilities() {
        SplittableRandom a = new SplittableRandom(5);
        SplittableRandom b = new SplittableRandom(5);
        double[] p = {0.3, 0.7};
        int zeros = 0;
        int n = 100_000;
        for (int i = 0; i < n; i++) {
            int k = Categorical.sample(p, 0, 2, a);
            assertEquals(b.nextDouble() < 0.3 ? 0 : 1, k);
            zeros += k == 0 ? 1 : 0;
        }
        assertEquals(0.3, (double) zeros / n, 0.01);
        assertEquals(0, Categorical.sample(new double[] {1, 0}, 0, 2, a));
        assertEquals(1, Categorical.sample(new double[] {0, 1}, 0, 2, a));
        assertEquals(0, Categorical.argmax(new double[] {0.5, 0.5}, 0, 2));
        assertEquals(1, Categorical.argmax(new double[] {0.4, 0.6}, 0, 2));
    }
}
