package cartpolelab.nn;

import java.util.random.RandomGenerator;

/** Sampling from a categorical distribution given its probabilities. */
public final class Categorical {

    private Categorical() {
    }

    /**
     * Draws exactly one {@code random.nextDouble()} u and returns the first k with
     * u &lt; p_0 + … + p_k (inverse CDF); the last index if rounding leaves u above the sum.
     */
    public static int sample(double[] probabilities, int offset, int n, RandomGenerator random) {
        double u = random.nextDouble();
        double cumulative = 0;
        for (int k = 0; k < n - 1; k++) {
            cumulative += probabilities[offset + k];
            if (u < cumulative) {
                return k;
            }
        }
        return n - 1;
    }

    /** argmax_k p_k, ties to the lowest index. */
    public static int argmax(double[] probabilities, int offset, int n) {
        int best = 0;
        for (int k = 1; k < n; k++) {
            if (probabilities[offset + k] > probabilities[offset + best]) {
                best = k;
            }
        }
        return best;
    }
}
