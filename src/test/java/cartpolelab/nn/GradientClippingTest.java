package cartpolelab.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/** Global-norm clipping against its definition (torch.nn.utils.clip_grad_norm_). */
class GradientClippingTest {

    @Test
    void oneNormOverEveryMatrixScalesThemAllAlike() {
        // ‖g‖ = √(3² + 4² + 12²) = 13 over two matrices; max 0.5 ⇒ c = 0.5 / (13 + 1e-6)
        DMatrixRMaj a = new DMatrixRMaj(1, 2, true, 3, 4);
        DMatrixRMaj b = new DMatrixRMaj(1, 1, true, -12);
        double norm = GradientClipping.clipGlobalNorm(List.of(a, b), 0.5);
        assertEquals(13, norm, 1e-15);
        double c = 0.5 / (13 + 1e-6);
        assertArrayEquals(new double[] {3 * c, 4 * c}, a.data, 1e-16);
        assertEquals(-12 * c, b.data[0], 1e-16);
        double after = Math.sqrt(a.data[0] * a.data[0] + a.data[1] * a.data[1]
                + b.data[0] * b.data[0]);
        assertEquals(0.5, after, 1e-7, "the clipped norm is max_norm (up to the 1e-6 guard)");
    }

    @Test
    void aGradientWithinTheNormIsLeftAlone() {
        DMatrixRMaj a = new DMatrixRMaj(1, 2, true, 0.3, -0.4);
        assertEquals(0.5, GradientClipping.clipGlobalNorm(List.of(a), 0.6), 1e-15);
        assertArrayEquals(new double[] {0.3, -0.4}, a.data, 0.0);
    }
}
