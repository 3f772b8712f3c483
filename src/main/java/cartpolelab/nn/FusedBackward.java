package cartpolelab.nn;

import java.util.Arrays;
import org.ejml.EjmlParameters;
import org.ejml.data.DMatrixRMaj;

/**
 * The backward pass of a network with one hidden layer, 4 inputs and 1 or 2 outputs (the
 * notebook's actor and critic) in one pass over the rows: for each row t, dW₂ += dy_t h_t,
 * dh_t = dy_t W₂ ⊙ f′(h_t), dW₁ += x_tᵀ dh_t and db₁ += dh_t, row by row instead of one
 * product after the other. Every element gets the same operations in the same order as
 * {@link Mlp}'s layer-by-layer pass through {@link Kernels} (the first row assigns
 * {@code a·b}, the next ones add {@code + a·b}; the biases' sums start from 0), so the
 * gradients are bit for bit the same ({@code FusedBackwardTest} compares the two).
 *
 * <p>Why it is faster: C2 (JDK 17) vectorises a loop over j only when every {@code double[]}
 * index in it is j plus a constant, or plus one and the same invariant; an index like
 * {@code c[ci + j]} next to {@code b[bk + j]} (two row offsets) keeps the whole loop scalar,
 * which is what the row-offset loops of {@link Kernels} are. Here every loop indexes plain
 * work rows at j: the rows of W₂ are copied into work rows once per call, row t of h once per
 * row, and the rows of dW₂ and dW₁ are summed in work rows and copied out at the end (a copy
 * is a fraction of the scalar loop it saves).
 */
final class FusedBackward {

    private static final int IN = 4;
    /** Work rows: h_t, dh_t, W₂'s 2 rows, dW₂'s 2 rows, dW₁'s 4 rows. */
    static final int WORK_ROWS = 10;

    private FusedBackward() {
    }

    /**
     * Whether {@link #backward} computes what the layer-by-layer pass computes: one hidden
     * layer of 4 inputs, 1 or 2 outputs, and a width the {@link Kernels} products handle
     * themselves (at least {@link EjmlParameters#MULT_COLUMN_SWITCH}).
     */
    static boolean applies(Dense hidden, Dense output) {
        return hidden.inputs() == IN && hidden.layout() == Dense.Layout.INPUT_ROWS
                && output.layout() == Dense.Layout.OUTPUT_ROWS
                && (output.outputs() == 1 || output.outputs() == 2)
                && hidden.outputs() >= EjmlParameters.MULT_COLUMN_SWITCH;
    }

    /**
     * dW, db of both layers from the inputs x (T × 4, T ≥ 1), the hidden activations h
     * (T × m) and dL/dy (T × outputs); {@code work} holds {@link #WORK_ROWS} rows of m.
     */
    static void backward(DMatrixRMaj x, DMatrixRMaj h, DMatrixRMaj dy, Dense hidden,
                         Dense output, Activation activation, double[][] work) {
        int m = hidden.outputs();
        int outputs = output.outputs();
        int rows = dy.numRows;
        if (x.numRows != rows || h.numRows != rows || x.numCols != IN || h.numCols != m
                || dy.numCols != outputs || rows < 1) {
            throw new IllegalArgumentException("backward shapes: x " + x.numRows + "×"
                    + x.numCols + ", h " + h.numRows + "×" + h.numCols + ", dy " + dy.numRows
                    + "×" + dy.numCols + " for 4 → " + m + " → " + outputs);
        }
        double[] hs = work[0];
        double[] ds = work[1];
        double[] w0 = work[2];
        double[] w1 = work[3];
        double[] a0 = work[4];
        double[] a1 = work[5];
        double[] b0 = work[6];
        double[] b1 = work[7];
        double[] b2 = work[8];
        double[] b3 = work[9];
        double[] w2 = output.weight().data;
        System.arraycopy(w2, 0, w0, 0, m);
        if (outputs == 2) {
            System.arraycopy(w2, m, w1, 0, m);
        }
        double[] db2 = output.biasGradient().data;
        double[] db1 = hidden.biasGradient().data;
        Arrays.fill(db2, 0, outputs, 0.0);
        Arrays.fill(db1, 0, m, 0.0);
        double[] xd = x.data;
        double[] yd = dy.data;
        for (int t = 0; t < rows; t++) {
            System.arraycopy(h.data, t * m, hs, 0, m);
            boolean first = t == 0;
            double y0 = yd[t * outputs];
            db2[0] += y0;
            // dW₂ = dyᵀ h as Kernels.multTransA (c = a₀ b₀, then c + a_t b_t); dh = dy W₂ as
            // Kernels.mult's row (a₀ b₀ + a₁ b₁, left to right)
            if (outputs == 2) {
                double y1 = yd[t * outputs + 1];
                db2[1] += y1;
                if (first) {
                    outputFirst2(y0, y1, hs, w0, w1, a0, a1, ds, m);
                } else {
                    outputNext2(y0, y1, hs, w0, w1, a0, a1, ds, m);
                }
            } else if (first) {
                outputFirst1(y0, hs, w0, a0, ds, m);
            } else {
                outputNext1(y0, hs, w0, a0, ds, m);
            }
            if (activation == Activation.RELU) {
                reluDerivative(hs, ds, m);
            } else {
                tanhDerivative(hs, ds, m);
            }
            // dW₁ = xᵀ dh as Kernels.multTransA; db₁ = Σ_t dh_t from 0, as Dense.backward
            int xt = t * IN;
            if (first) {
                hiddenFirst(xd[xt], xd[xt + 1], xd[xt + 2], xd[xt + 3], ds, b0, b1, b2, b3,
                        db1, m);
            } else {
                hiddenNext(xd[xt], xd[xt + 1], xd[xt + 2], xd[xt + 3], ds, b0, b1, b2, b3,
                        db1, m);
            }
        }
        double[] g2 = output.weightGradient().data;
        System.arraycopy(a0, 0, g2, 0, m);
        if (outputs == 2) {
            System.arraycopy(a1, 0, g2, m, m);
        }
        double[] g1 = hidden.weightGradient().data;
        System.arraycopy(b0, 0, g1, 0, m);
        System.arraycopy(b1, 0, g1, m, m);
        System.arraycopy(b2, 0, g1, 2 * m, m);
        System.arraycopy(b3, 0, g1, 3 * m, m);
    }

    private static void outputFirst2(double y0, double y1, double[] hs, double[] w0,
                                     double[] w1, double[] a0, double[] a1, double[] ds,
                                     int m) {
        for (int j = 0; j < m; j++) {
            double hj = hs[j];
            a0[j] = y0 * hj;
            a1[j] = y1 * hj;
            ds[j] = y0 * w0[j] + y1 * w1[j];
        }
    }

    private static void outputNext2(double y0, double y1, double[] hs, double[] w0,
                                    double[] w1, double[] a0, double[] a1, double[] ds,
                                    int m) {
        for (int j = 0; j < m; j++) {
            double hj = hs[j];
            a0[j] += y0 * hj;
            a1[j] += y1 * hj;
            ds[j] = y0 * w0[j] + y1 * w1[j];
        }
    }

    private static void outputFirst1(double y0, double[] hs, double[] w0, double[] a0,
                                     double[] ds, int m) {
        for (int j = 0; j < m; j++) {
            a0[j] = y0 * hs[j];
            ds[j] = y0 * w0[j];
        }
    }

    private static void outputNext1(double y0, double[] hs, double[] w0, double[] a0,
                                    double[] ds, int m) {
        for (int j = 0; j < m; j++) {
            a0[j] += y0 * hs[j];
            ds[j] = y0 * w0[j];
        }
    }

    /** dh ⊙= [h > 0], branch-free as in {@link Mlp} (exactly 1 for every positive h). */
    private static void reluDerivative(double[] hs, double[] ds, int m) {
        for (int j = 0; j < m; j++) {
            ds[j] *= Math.min(hs[j] * 0x1p600 * 0x1p600, 1.0);
        }
    }

    /** dh ⊙= 1 − h². */
    private static void tanhDerivative(double[] hs, double[] ds, int m) {
        for (int j = 0; j < m; j++) {
            ds[j] *= 1 - hs[j] * hs[j];
        }
    }

    private static void hiddenFirst(double x0, double x1, double x2, double x3, double[] ds,
                                    double[] b0, double[] b1, double[] b2, double[] b3,
                                    double[] db1, int m) {
        for (int j = 0; j < m; j++) {
            double d = ds[j];
            b0[j] = x0 * d;
            b1[j] = x1 * d;
            b2[j] = x2 * d;
            b3[j] = x3 * d;
            db1[j] += d;
        }
    }

    private static void hiddenNext(double x0, double x1, double x2, double x3, double[] ds,
                                   double[] b0, double[] b1, double[] b2, double[] b3,
                                   double[] db1, int m) {
        for (int j = 0; j < m; j++) {
            double d = ds[j];
            b0[j] += x0 * d;
            b1[j] += x1 * d;
            b2[j] += x2 * d;
            b3[j] += x3 * d;
            db1[j] += d;
        }
    }
}
