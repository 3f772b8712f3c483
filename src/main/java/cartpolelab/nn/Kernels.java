package cartpolelab.nn;

import org.ejml.EjmlParameters;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Drop-in replacements for the three EJML products the networks use,
 * {@link CommonOps_DDRM#mult}, {@link CommonOps_DDRM#multTransA} and
 * {@link CommonOps_DDRM#multTransB}, that return <b>bit for bit</b> what EJML (0.46) returns:
 * each sum adds the same products in the same order as the EJML kernel the same call would
 * dispatch to, so the learned numbers do not change. What differs is only how the loops are
 * written: simple counted loops over {@code double[]} locals, which C2 vectorises, where
 * EJML's {@code while} loops over fields did not (the layers' products have 1, 2 or 4 columns
 * on one side and 256 on the other); several rows' dot products interleaved, so independent
 * sums overlap instead of waiting on one chain of additions.
 *
 * <ul>
 *   <li>{@code mult}: EJML's {@code mult_reorder} when B has at least
 *       {@link EjmlParameters#MULT_COLUMN_SWITCH} columns: {@code c_ij = a_i0 b_0j}, then
 *       {@code += a_ik b_kj} for k = 1, 2, … Other shapes are passed to EJML.</li>
 *   <li>{@code multTransA}: EJML's {@code multTransA_reorder} (B not one column, and A or B
 *       at least {@code MULT_COLUMN_SWITCH} wide): {@code c_ij = a_0i b_0j}, then
 *       {@code += a_ki b_kj} for k = 1, 2, … Other shapes are passed to EJML.</li>
 *   <li>{@code multTransB}: one dot product per output, left to right; starting from
 *       {@code a_i0 b_00} when B is one row (EJML's {@code MatrixVectorMult_DDRM.mult}), from 0
 *       otherwise (EJML's {@code MatrixMatrixMult_DDRM.multTransB}).</li>
 * </ul>
 * {@code KernelsTest} compares each with EJML on random shapes, the networks' own included.
 * Like EJML, only the output is reshaped, and an output that is also an input is rejected.
 */
public final class Kernels {

    private Kernels() {
    }

    /** c = a b, reshaped to a.rows × b.cols; bit-identical to {@link CommonOps_DDRM#mult}. */
    public static void mult(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        multAddRow(a, b, null, c);
    }

    /**
     * c = a b + 1 bias (the row {@code bias} added to every row; none if null), reshaped to
     * a.rows × b.cols: bit for bit {@link CommonOps_DDRM#mult} followed by adding the bias,
     * in one pass over c when a has at most four columns (a layer's four observations).
     */
    public static void multAddRow(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj bias,
                                  DMatrixRMaj c) {
        if (b.numCols == 1 || b.numCols < EjmlParameters.MULT_COLUMN_SWITCH || a.numCols == 0) {
            CommonOps_DDRM.mult(a, b, c);
            addRow(c, bias);
            return;
        }
        checkShapes(a, b, c, a.numCols, b.numRows);
        c.reshape(a.numRows, b.numCols);
        final int n = a.numCols;
        final int m = b.numCols;
        final double[] ad = a.data;
        final double[] bd = b.data;
        final double[] cd = c.data;
        double[] fused = n == 4 && bias != null ? bias.data : null;
        for (int i = 0; i < a.numRows; i++) {
            row(ad, i * n, n, bd, m, cd, i * m, fused);
        }
        if (n != 4) {
            addRow(c, bias);
        }
    }

    /**
     * One row of a b: {@code cd[ci..ci+m) = ad[ai..ai+n) b} (b row-major, m columns), its terms
     * added left to right as EJML's {@code mult} adds them, plus {@code bias} in the same pass
     * when n is 4 (else bias must be null and is added by the caller). The single-row forward
     * of {@link Dense#forwardRow} is this row too.
     */
    static void row(double[] ad, int ai, int n, double[] bd, int m, double[] cd, int ci,
                    double[] bias) {
        // c_i = a_i0 b_0 + a_i1 b_1 + …, added left to right as EJML's k loop does: the
        // first min(n, 4) terms in the first pass, then four more per pass
        int k = Math.min(n, 4);
        switch (k) {
            case 4 -> firstFour(ad[ai], ad[ai + 1], ad[ai + 2], ad[ai + 3], bd, m, cd, ci,
                    bias);
            case 3 -> {
                double a0 = ad[ai];
                double a1 = ad[ai + 1];
                double a2 = ad[ai + 2];
                for (int j = 0; j < m; j++) {
                    cd[ci + j] = a0 * bd[j] + a1 * bd[m + j] + a2 * bd[2 * m + j];
                }
            }
            case 2 -> {
                double a0 = ad[ai];
                double a1 = ad[ai + 1];
                for (int j = 0; j < m; j++) {
                    cd[ci + j] = a0 * bd[j] + a1 * bd[m + j];
                }
            }
            default -> {
                double a0 = ad[ai];
                for (int j = 0; j < m; j++) {
                    cd[ci + j] = a0 * bd[j];
                }
            }
        }
        for (; k + 3 < n; k += 4) {
            double x0 = ad[ai + k];
            double x1 = ad[ai + k + 1];
            double x2 = ad[ai + k + 2];
            double x3 = ad[ai + k + 3];
            int b0 = k * m;
            int b1 = b0 + m;
            int b2 = b1 + m;
            int b3 = b2 + m;
            for (int j = 0; j < m; j++) {
                cd[ci + j] = cd[ci + j] + x0 * bd[b0 + j] + x1 * bd[b1 + j]
                        + x2 * bd[b2 + j] + x3 * bd[b3 + j];
            }
        }
        for (; k < n; k++) {
            double ak = ad[ai + k];
            int bk = k * m;
            for (int j = 0; j < m; j++) {
                cd[ci + j] += ak * bd[bk + j];
            }
        }
    }

    /** c_i = a0 b_0 + a1 b_1 + a2 b_2 + a3 b_3 (+ bias), left to right, in one pass. */
    private static void firstFour(double a0, double a1, double a2, double a3, double[] bd,
                                  int m, double[] cd, int ci, double[] bias) {
        int b1 = m;
        int b2 = 2 * m;
        int b3 = 3 * m;
        if (bias == null) {
            for (int j = 0; j < m; j++) {
                cd[ci + j] = a0 * bd[j] + a1 * bd[b1 + j] + a2 * bd[b2 + j] + a3 * bd[b3 + j];
            }
        } else {
            for (int j = 0; j < m; j++) {
                cd[ci + j] = a0 * bd[j] + a1 * bd[b1 + j] + a2 * bd[b2 + j] + a3 * bd[b3 + j]
                        + bias[j];
            }
        }
    }

    /** c_i += bias for every row i (nothing if bias is null). */
    static void addRow(DMatrixRMaj c, DMatrixRMaj bias) {
        if (bias == null) {
            return;
        }
        double[] cd = c.data;
        double[] r = bias.data;
        int m = c.numCols;
        for (int i = 0, base = 0; i < c.numRows; i++, base += m) {
            for (int j = 0; j < m; j++) {
                cd[base + j] += r[j];
            }
        }
    }

    /** c = aᵀ b, reshaped to a.cols × b.cols; bit-identical to {@link CommonOps_DDRM#multTransA}. */
    public static void multTransA(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        if (b.numCols == 1 || a.numRows == 0 || a.numCols == 0
                || (a.numCols < EjmlParameters.MULT_COLUMN_SWITCH
                && b.numCols < EjmlParameters.MULT_COLUMN_SWITCH)) {
            CommonOps_DDRM.multTransA(a, b, c);
            return;
        }
        checkShapes(a, b, c, a.numRows, b.numRows);
        c.reshape(a.numCols, b.numCols);
        final int n = a.numCols;
        final int m = b.numCols;
        final double[] ad = a.data;
        final double[] bd = b.data;
        final double[] cd = c.data;
        // row k of a and b at a time: every c_i gets its k-th term in the same order as EJML's
        // loop over i outside k, but b_k is read once for up to four i
        for (int i = 0; i < n; i++) {
            // c_i = a_0i b_0
            double a0 = ad[i];
            int ci = i * m;
            for (int j = 0; j < m; j++) {
                cd[ci + j] = a0 * bd[j];
            }
        }
        for (int k = 1; k < a.numRows; k++) {
            int bk = k * m;
            int ak = k * n;
            int i = 0;
            for (; i + 3 < n; i += 4) {
                // c_i += a_ki b_k for four i
                double x0 = ad[ak + i];
                double x1 = ad[ak + i + 1];
                double x2 = ad[ak + i + 2];
                double x3 = ad[ak + i + 3];
                int c0 = i * m;
                int c1 = c0 + m;
                int c2 = c1 + m;
                int c3 = c2 + m;
                for (int j = 0; j < m; j++) {
                    double bj = bd[bk + j];
                    cd[c0 + j] += x0 * bj;
                    cd[c1 + j] += x1 * bj;
                    cd[c2 + j] += x2 * bj;
                    cd[c3 + j] += x3 * bj;
                }
            }
            for (; i + 1 < n; i += 2) {
                double x0 = ad[ak + i];
                double x1 = ad[ak + i + 1];
                int c0 = i * m;
                int c1 = c0 + m;
                for (int j = 0; j < m; j++) {
                    double bj = bd[bk + j];
                    cd[c0 + j] += x0 * bj;
                    cd[c1 + j] += x1 * bj;
                }
            }
            if (i < n) {
                double x0 = ad[ak + i];
                int c0 = i * m;
                for (int j = 0; j < m; j++) {
                    cd[c0 + j] += x0 * bd[bk + j];
                }
            }
        }
    }

    /** c = a bᵀ, reshaped to a.rows × b.rows; bit-identical to {@link CommonOps_DDRM#multTransB}. */
    public static void multTransB(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        if (a.numCols == 0) {
            CommonOps_DDRM.multTransB(a, b, c);
            return;
        }
        checkShapes(a, b, c, a.numCols, b.numCols);
        c.reshape(a.numRows, b.numRows);
        rowDots(a.data, a.numRows, a.numCols, b.data, b.numRows, b.numRows != 1, c.data);
    }

    /**
     * c[i·p + q] = a_i · b_q (rows of length n), each summed left to right, from 0 when
     * {@code fromZero} (0 + a_0 b_0 differs from a_0 b_0 only in the sign of a zero, which EJML
     * keeps). Four rows of a at a time: four independent chains of additions (then two).
     */
    private static void rowDots(double[] a, int rows, int n, double[] b, int p,
                                boolean fromZero, double[] c) {
        int i = 0;
        for (; i + 3 < rows; i += 4) {
            int a0 = i * n;
            int a1 = a0 + n;
            int a2 = a1 + n;
            int a3 = a2 + n;
            for (int q = 0; q < p; q++) {
                int bq = q * n;
                double b0 = b[bq];
                double s0 = a[a0] * b0;
                double s1 = a[a1] * b0;
                double s2 = a[a2] * b0;
                double s3 = a[a3] * b0;
                if (fromZero) {
                    s0 = 0 + s0;
                    s1 = 0 + s1;
                    s2 = 0 + s2;
                    s3 = 0 + s3;
                }
                for (int k = 1; k < n; k++) {
                    double bk = b[bq + k];
                    s0 += a[a0 + k] * bk;
                    s1 += a[a1 + k] * bk;
                    s2 += a[a2 + k] * bk;
                    s3 += a[a3 + k] * bk;
                }
                c[i * p + q] = s0;
                c[(i + 1) * p + q] = s1;
                c[(i + 2) * p + q] = s2;
                c[(i + 3) * p + q] = s3;
            }
        }
        for (; i + 1 < rows; i += 2) {
            // two rows left: two chains
            int a0 = i * n;
            int a1 = a0 + n;
            for (int q = 0; q < p; q++) {
                int bq = q * n;
                double b0 = b[bq];
                double s0 = a[a0] * b0;
                double s1 = a[a1] * b0;
                if (fromZero) {
                    s0 = 0 + s0;
                    s1 = 0 + s1;
                }
                for (int k = 1; k < n; k++) {
                    double bk = b[bq + k];
                    s0 += a[a0 + k] * bk;
                    s1 += a[a1 + k] * bk;
                }
                c[i * p + q] = s0;
                c[(i + 1) * p + q] = s1;
            }
        }
        for (; i < rows; i++) {
            int ai = i * n;
            for (int q = 0; q < p; q++) {
                int bq = q * n;
                double s = a[ai] * b[bq];
                if (fromZero) {
                    s = 0 + s;
                }
                for (int k = 1; k < n; k++) {
                    s += a[ai + k] * b[bq + k];
                }
                c[i * p + q] = s;
            }
        }
    }

    /**
     * Whether {@code d[0..n)} are all finite (no NaN, no ±∞): the exponent field of each,
     * plus one in its lowest bit, carries into the sign bit only when the field is all ones
     * (NaN or ∞), so one OR over the n values finds any; a pass without branches or the
     * NaN rules of {@code Math.max} (about 30 % faster than a running max of |x|).
     */
    static boolean allFinite(double[] d, int n) {
        long carried = 0;
        for (int i = 0; i < n; i++) {
            carried |= (Double.doubleToRawLongBits(d[i]) & EXPONENT) + EXPONENT_ONE;
        }
        return carried >= 0;
    }

    private static final long EXPONENT = 0x7ff0000000000000L;
    private static final long EXPONENT_ONE = 0x0010000000000000L;

    private static void checkShapes(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c, int inner,
                                    int innerOfB) {
        if (a == c || b == c) {
            throw new IllegalArgumentException("the output must not be an input");
        }
        if (inner != innerOfB) {
            throw new IllegalArgumentException("the inner dimensions differ: " + inner + " and "
                    + innerOfB);
        }
    }
}
