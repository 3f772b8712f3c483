package cartpolelab.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class AdamTest {

    /**
     * Two steps computed by hand (PyTorch's formula, β1 0.9, β2 0.999, ε 1e-8, lr 0.1) from
     * θ = (1, −2): g1 = (0.5, −0.1), g2 = (0.2, 0.3).
     * <pre>
     *   t=1: m = (0.05, −0.01), v = (2.5e-4, 1e-5), θ = (0.900000002, −1.90000001)
     *   t=2: m = (0.065, 0.021), v = (2.8975e-4, 9.999e-5),
     *        θ = (0.8101424839029282, −1.9494189911200654)
     * </pre>
     */
    @Test
    void twoStepsMatchTheHandComputedValues() {
        DMatrixRMaj theta = new DMatrixRMaj(1, 2, true, 1.0, -2.0);
        DMatrixRMaj grad = new DMatrixRMaj(1, 2);
        Adam adam = new Adam(0.1, List.of(theta), List.of(grad));

        grad.setTo(new DMatrixRMaj(1, 2, true, 0.5, -0.1));
        adam.step();
        assertEquals(0.900000002, theta.get(0, 0), 1e-15);
        assertEquals(-1.90000001, theta.get(0, 1), 1e-14);
        assertEquals(0.05, adam.firstMoments().get(0).get(0, 0), 1e-16);
        assertEquals(1e-5, adam.secondMoments().get(0).get(0, 1), 1e-19);

        grad.setTo(new DMatrixRMaj(1, 2, true, 0.2, 0.3));
        adam.step();
        assertEquals(0.8101424839029282, theta.get(0, 0), 1e-15);
        assertEquals(-1.9494189911200654, theta.get(0, 1), 1e-15);
        assertEquals(2, adam.stepCount());
    }

    @Test
    void firstStepMovesEachParameterByTheLearningRate() {
        DMatrixRMaj theta = new DMatrixRMaj(2, 2);
        DMatrixRMaj grad = new DMatrixRMaj(2, 2, true, 3, -0.001, 1e3, -7);
        Adam adam = new Adam(1e-3, List.of(theta), List.of(grad));
        adam.step();
        double[] expected = {-1e-3, 1e-3, -1e-3, 1e-3};
        for (int i = 0; i < 4; i++) {
            assertEquals(expected[i], theta.data[i], 1e-3 * 1e-4);
        }
    }

    @Test
    void biasCorrectionPowerMatchesPow() {
        for (long t : new long[] {0, 1, 2, 3, 10, 1000, 123_457, 10_000_000}) {
            for (double b : new double[] {Adam.BETA1, Adam.BETA2}) {
                // what Adam uses is the bias correction 1 − β^t: equal to 1e-14
                double expected = 1 - Math.pow(b, t);
                assertEquals(expected, 1 - Adam.power(b, t), 1e-14, b + "^" + t);
            }
        }
    }

    @Test
    void startsAtZeroAndStepCountRoundTrips() {
        DMatrixRMaj theta = new DMatrixRMaj(1, 1);
        DMatrixRMaj grad = new DMatrixRMaj(1, 1, true, 1.0);
        Adam adam = new Adam(0.01, List.of(theta), List.of(grad));
        assertEquals(0, adam.stepCount());
        assertEquals(0, adam.firstMoments().get(0).get(0, 0), 0);
        assertEquals(0, adam.secondMoments().get(0).get(0, 0), 0);
        adam.step();
        assertEquals(1, adam.stepCount());
        adam.setStepCount(41);
        assertEquals(41, adam.stepCount());
        assertThrows(IllegalArgumentException.class, () -> adam.setStepCount(-1));
    }

    @Test
    void rejectsMismatchedShapesAndBadRates() {
        DMatrixRMaj a = new DMatrixRMaj(2, 3);
        assertThrows(IllegalArgumentException.class,
                () -> new Adam(0.1, List.of(a), List.of(new DMatrixRMaj(3, 2))));
        assertThrows(IllegalArgumentException.class,
                () -> new Adam(0.1, List.of(a), List.of()));
        assertThrows(IllegalArgumentException.class,
                () -> new Adam(0, List.of(a), List.of(new DMatrixRMaj(2, 3))));
        assertThrows(IllegalArgumentException.class,
                () -> new Adam(Double.NaN, List.of(a), List.of(new DMatrixRMaj(2, 3))));
    }
}
