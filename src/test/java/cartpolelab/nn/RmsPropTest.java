package cartpolelab.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * RMSprop and Adam's ε against plain loops of PyTorch's formulas, step by step over seeded
 * random gradients, to 1e-15 relative; and RMSprop's ε outside the root, the way that tells
 * PyTorch's placement from TensorFlow's.
 */
class RmsPropTest {

    @Test
    void twentyStepsMatchThePlainLoopOfPyTorchsFormula() {
        double lr = 7e-4;
        double alpha = 0.99;
        double eps = 1e-5;
        SplittableRandom random = new SplittableRandom(5);
        DMatrixRMaj theta = new DMatrixRMaj(2, 3);
        DMatrixRMaj grad = new DMatrixRMaj(2, 3);
        for (int i = 0; i < 6; i++) {
            theta.data[i] = random.nextDouble(-1, 1);
        }
        double[] refTheta = theta.data.clone();
        double[] refV = new double[6];
        RmsProp rms = new RmsProp(lr, alpha, eps, List.of(theta), List.of(grad));
        for (int step = 0; step < 20; step++) {
            for (int i = 0; i < 6; i++) {
                grad.data[i] = random.nextDouble(-2, 2);
            }
            rms.step();
            for (int i = 0; i < 6; i++) {
                double g = grad.data[i];
                // square_avg.mul_(alpha).addcmul_(grad, grad, value=1 - alpha)
                refV[i] = alpha * refV[i] + (1 - alpha) * g * g;
                // param.addcdiv_(grad, square_avg.sqrt().add_(eps), value=-lr)
                refTheta[i] -= lr * g / (Math.sqrt(refV[i]) + eps);
                assertEquals(refTheta[i], theta.data[i], 1e-15 * Math.abs(refTheta[i]));
                assertEquals(refV[i], rms.secondMoments().get(0).data[i], 1e-15 * refV[i]);
            }
        }
        assertEquals(20, rms.stepCount());
        assertEquals(0.0, rms.firstMoments().get(0).data[3], "no first moment");
    }

    @Test
    void epsilonIsAddedOutsideTheSquareRoot() {
        // one step from v = 0 with g = 1e-4, α = 0: v = 1e-8, √v = 1e-4.
        // PyTorch: Δ = lr g / (√v + ε) = 1e-4 / (1e-4 + 1e-4) = 0.5 (lr 1)
        // TensorFlow (ε inside): 1e-4 / √(1e-8 + 1e-4) ≈ 0.00995
        DMatrixRMaj theta = new DMatrixRMaj(1, 1);
        DMatrixRMaj grad = new DMatrixRMaj(1, 1, true, 1e-4);
        new RmsProp(1, 0, 1e-4, List.of(theta), List.of(grad)).step();
        assertEquals(-0.5, theta.get(0, 0), 1e-15);
    }

    @Test
    void adamsEpsilonIsTheGivenOne() {
        // first step: θ = −lr · g / (|g| + ε) exactly (m̂ = g, √v̂ = |g|)
        double g = 1e-5;
        for (double eps : new double[] {1e-8, 1e-5}) {
            DMatrixRMaj theta = new DMatrixRMaj(1, 1);
            DMatrixRMaj grad = new DMatrixRMaj(1, 1, true, g);
            new Adam(1e-3, eps, List.of(theta), List.of(grad)).step();
            assertEquals(-1e-3 * g / (g + eps), theta.get(0, 0), 1e-18, "ε " + eps);
        }
    }

    @Test
    void aScheduledLearningRateIsUsedByTheNextStep() {
        DMatrixRMaj theta = new DMatrixRMaj(1, 1);
        DMatrixRMaj grad = new DMatrixRMaj(1, 1, true, 1.0);
        Optimiser rms = Optimiser.of(Optimiser.Kind.RMSPROP, 1, 1e-8, 0, List.of(theta),
                List.of(grad));
        rms.setLearningRate(0.25);
        rms.step();
        assertEquals(-0.25, theta.get(0, 0), 1e-8);
        rms.setLearningRate(0);
        rms.step();
        assertEquals(-0.25, theta.get(0, 0), 1e-8, "a learning rate of 0 stops learning");
        assertThrows(IllegalArgumentException.class, () -> rms.setLearningRate(-1));
        assertThrows(IllegalArgumentException.class, () -> Optimiser.Kind.parse("sgd"));
    }
}
