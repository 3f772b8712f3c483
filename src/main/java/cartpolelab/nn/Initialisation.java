package cartpolelab.nn;

import java.util.Locale;
import java.util.random.RandomGenerator;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.QRDecomposition;

/**
 * How a network's weights start: PyTorch's {@code nn.Linear} default (uniform in ±1/√fan_in,
 * the study notebook's), or orthogonal with Stable-Baselines3's gains ({@code ortho_init}:
 * √2 for hidden layers, 0.01 for the policy's output, 1 for the value's; biases 0).
 */
public enum Initialisation {
    PYTORCH,
    ORTHOGONAL;

    /** Parses {@code pytorch} or {@code orthogonal} (any case). */
    public static Initialisation parse(String text) {
        String t = text.trim().toUpperCase(Locale.ROOT);
        for (Initialisation i : values()) {
            if (i.name().equals(t)) {
                return i;
            }
        }
        throw new IllegalArgumentException("unknown initialisation '" + text
                + "': use pytorch or orthogonal");
    }

    /** The name on the command line and in files: pytorch, orthogonal. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * PyTorch's {@code nn.init.orthogonal_} for a weight of PyTorch's shape {@code rows × cols}
     * (outputs × inputs), times {@code gain}: a standard-normal matrix (drawn row by row),
     * transposed when it is wide, Q of its QR decomposition with each column's sign set by
     * R's diagonal, transposed back. Rows (or columns, when wide) are orthonormal. Runs once
     * at construction, so it may allocate.
     */
    public static DMatrixRMaj orthogonal(int rows, int cols, double gain,
                                         RandomGenerator random) {
        DMatrixRMaj flat = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < rows * cols; i++) {
            flat.data[i] = random.nextGaussian();
        }
        boolean wide = rows < cols;
        DMatrixRMaj a = wide ? CommonOps_DDRM.transpose(flat, null) : flat;
        // A = Q R (reduced: Q is m × n with m ≥ n)
        QRDecomposition<DMatrixRMaj> qr = DecompositionFactory_DDRM.qr(a.numRows, a.numCols);
        if (!qr.decompose(a.copy())) {
            throw new IllegalStateException("QR decomposition failed");
        }
        DMatrixRMaj q = qr.getQ(null, true);
        DMatrixRMaj r = qr.getR(null, true);
        // Q ← Q · diag(sign(R_kk)): makes the result uniformly distributed (Mezzadri 2007)
        for (int k = 0; k < q.numCols; k++) {
            double sign = Math.signum(r.get(k, k));
            for (int i = 0; i < q.numRows; i++) {
                q.set(i, k, q.get(i, k) * sign * gain);
            }
        }
        return wide ? CommonOps_DDRM.transpose(q, null) : q;
    }
}
