package cartpolelab.nn;

import org.ejml.data.DMatrixRMaj;

/**
 * ReLU, a numerically stable softmax and log-softmax, and the entropy of a categorical
 * distribution, on plain arrays and matrices, without allocation.
 *
 * <p>{@link StrictMath} is used for exp and log so that results are bit-identical on every JVM
 * and platform (the determinism tests rely on it).
 */
public final class Activations {

    private Activations() {
    }

    /**
     * h = max(h, 0), elementwise, in place. {@code Math.max} compiles to a branch-free max
     * (a data-dependent branch here mispredicts on half the units); NaN stays NaN and −0 becomes
     * +0.
     */
    public static void reluInPlace(DMatrixRMaj h) {
        double[] d = h.data;
        int n = h.getNumElements();
        for (int i = 0; i < n; i++) {
            d[i] = Math.max(d[i], 0.0);
        }
    }

    /**
     * Softmax of {@code logits[offset..offset+n)} into {@code probabilities}, and log-softmax
     * into {@code logProbabilities} (either output may be null), both at the same offset;
     * {@code logits} must not share storage with them.
     * Stable for any finite logits: with m = max_k z_k,
     * <pre>
     *   p_k     = exp(z_k − m) / Σ_j exp(z_j − m)
     *   log p_k = (z_k − m) − log Σ_j exp(z_j − m)
     * </pre>
     */
    public static void softmax(double[] logits, int offset, int n, double[] probabilities,
                               double[] logProbabilities, int outOffset) {
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < n; k++) {
            max = Math.max(max, logits[offset + k]);
        }
        // exp(z_k − m) once each, kept in the probabilities' slots until Σ is known
        double sum = 0;
        for (int k = 0; k < n; k++) {
            double e = StrictMath.exp(logits[offset + k] - max);
            if (probabilities != null) {
                probabilities[outOffset + k] = e;
            }
            sum += e;
        }
        double logSum = StrictMath.log(sum);
        for (int k = 0; k < n; k++) {
            double shifted = logits[offset + k] - max;
            if (probabilities != null) {
                probabilities[outOffset + k] = probabilities[outOffset + k] / sum;
            }
            if (logProbabilities != null) {
                logProbabilities[outOffset + k] = shifted - logSum;
            }
        }
    }

    /** H = −Σ_k p_k log p_k (nats), with 0 · log 0 = 0. */
    public static double entropy(double[] probabilities, double[] logProbabilities, int offset,
                                 int n) {
        double h = 0;
        for (int k = 0; k < n; k++) {
            double p = probabilities[offset + k];
            if (p > 0) {
                h -= p * logProbabilities[offset + k];
            }
        }
        return h;
    }
}
