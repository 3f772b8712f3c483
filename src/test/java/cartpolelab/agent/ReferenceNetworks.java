package cartpolelab.agent;

import java.util.List;
import org.ejml.data.DMatrixRMaj;

/**
 * The agent's networks written as plain loops, independent of the EJML code they check: the
 * reference of the gradient and estimator tests. Parameters in {@link Agent#parameterNames()}
 * order: the actor's four matrices at 0, the critic's at 4.
 */
final class ReferenceNetworks {

    private ReferenceNetworks() {
    }

    /** relu(s W1 + b1) W2ᵀ + b2 of the network whose four matrices start at {@code offset}. */
    static double[] mlp(List<DMatrixRMaj> p, int offset, double[] s) {
        DMatrixRMaj w1 = p.get(offset);
        DMatrixRMaj b1 = p.get(offset + 1);
        DMatrixRMaj w2 = p.get(offset + 2);
        DMatrixRMaj b2 = p.get(offset + 3);
        double[] h = new double[w1.numCols];
        for (int j = 0; j < h.length; j++) {
            double a = b1.get(0, j);
            for (int i = 0; i < s.length; i++) {
                a += s[i] * w1.get(i, j);
            }
            h[j] = Math.max(0, a);
        }
        double[] y = new double[w2.numRows];
        for (int k = 0; k < y.length; k++) {
            double a = b2.get(0, k);
            for (int j = 0; j < h.length; j++) {
                a += h[j] * w2.get(k, j);
            }
            y[k] = a;
        }
        return y;
    }

    /** The critic's V(s). */
    static double value(List<DMatrixRMaj> p, double[] s) {
        return mlp(p, 4, s)[0];
    }

    /** The actor's logits z(s). */
    static double[] logits(List<DMatrixRMaj> p, double[] s) {
        return mlp(p, 0, s);
    }
}
