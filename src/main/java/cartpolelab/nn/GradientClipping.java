package cartpolelab.nn;

import java.util.List;
import org.ejml.data.DMatrixRMaj;

/**
 * Gradient-norm clipping over all parameters at once, as PyTorch's
 * {@code torch.nn.utils.clip_grad_norm_} (which SB3's A2C and PPO call with
 * {@code max_grad_norm = 0.5}):
 * <pre>
 *   ‖g‖ = √(Σ_i Σ_j g_ij²)                 one norm over every gradient matrix
 *   c   = max_norm / (‖g‖ + 1e-6)
 *   g  ← c · g   when c &lt; 1               (left alone otherwise)
 * </pre>
 * Allocation-free.
 */
public final class GradientClipping {

    /** PyTorch's guard against dividing by a zero norm. */
    public static final double NORM_EPSILON = 1e-6;

    private GradientClipping() {
    }

    /**
     * Scales {@code gradients} in place so their global norm is at most about {@code maxNorm}.
     *
     * @return the global norm before clipping
     */
    public static double clipGlobalNorm(List<DMatrixRMaj> gradients, double maxNorm) {
        // ‖g‖² = Σ over every element of every matrix (an index loop: no iterator)
        double sumSquares = 0;
        for (int i = 0; i < gradients.size(); i++) {
            double[] g = gradients.get(i).data;
            int n = gradients.get(i).getNumElements();
            for (int j = 0; j < n; j++) {
                sumSquares += g[j] * g[j];
            }
        }
        double norm = Math.sqrt(sumSquares);
        // c = max_norm / (‖g‖ + 1e-6), applied only when it shrinks
        double coefficient = maxNorm / (norm + NORM_EPSILON);
        if (coefficient < 1) {
            for (int i = 0; i < gradients.size(); i++) {
                double[] g = gradients.get(i).data;
                int n = gradients.get(i).getNumElements();
                for (int j = 0; j < n; j++) {
                    g[j] *= coefficient;
                }
            }
        }
        return norm;
    }
}
