package cartpolelab.nn;

import java.util.Arrays;
import java.util.random.RandomGenerator;
import org.ejml.EjmlParameters;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * A fully connected layer on row vectors: {@code x} is rows × inputs (one sample per row),
 * {@code b} is 1 × outputs, and the weight is stored in one of two {@link Layout}s:
 * <ul>
 *   <li>{@link Layout#INPUT_ROWS}: W is inputs × outputs and {@code y = x W + b};</li>
 *   <li>{@link Layout#OUTPUT_ROWS}: W is outputs × inputs (PyTorch's {@code nn.Linear}
 *       layout) and {@code y = x Wᵀ + b}.</li>
 * </ul>
 * The layout is a speed choice: EJML's kernels run fastest when their innermost loop runs
 * along a long contiguous row. A wide layer (4 → 256) wants INPUT_ROWS, a narrow output
 * layer (256 → 2) wants OUTPUT_ROWS; then every forward and backward product of the
 * batched update has a 256-long inner loop.
 *
 * <p>Lifecycle: the parameters and their gradients are allocated once at construction;
 * {@link #forward} and {@link #backward} write into matrices the caller preallocated, so
 * nothing is allocated per call. {@link #backward} overwrites the gradients (no accumulation).
 */
public final class Dense {

    /** How the weight matrix is stored. */
    public enum Layout {
        /** W is inputs × outputs, y = x W + b. */
        INPUT_ROWS,
        /** W is outputs × inputs (PyTorch's layout), y = x Wᵀ + b. */
        OUTPUT_ROWS
    }

    private final Layout layout;
    private final int inputs;
    private final int outputs;
    private final DMatrixRMaj weight;
    private final DMatrixRMaj bias;
    private final DMatrixRMaj weightGradient;
    private final DMatrixRMaj biasGradient;

    public Dense(int inputs, int outputs, Layout layout) {
        if (inputs < 1 || outputs < 1) {
            throw new IllegalArgumentException("a dense layer needs at least one input and one "
                    + "output, was " + inputs + " → " + outputs);
        }
        if (layout == null) {
            throw new IllegalArgumentException("layout must not be null");
        }
        this.layout = layout;
        this.inputs = inputs;
        this.outputs = outputs;
        int[] shape = weightShape(inputs, outputs, layout);
        int rows = shape[0];
        int cols = shape[1];
        this.weight = new DMatrixRMaj(rows, cols);
        this.bias = new DMatrixRMaj(1, outputs);
        this.weightGradient = new DMatrixRMaj(rows, cols);
        this.biasGradient = new DMatrixRMaj(1, outputs);
    }

    /** {rows, columns} of the weight of a layer inputs → outputs stored in {@code layout}. */
    static int[] weightShape(int inputs, int outputs, Layout layout) {
        return layout == Layout.INPUT_ROWS ? new int[] {inputs, outputs}
                : new int[] {outputs, inputs};
    }

    /**
     * PyTorch's {@code nn.Linear} default: weights and biases uniform in ±1/√fan_in
     * (kaiming_uniform with a = √5 gives exactly this bound). Draws the weights row by row,
     * then the biases.
     */
    public void initLikePyTorch(RandomGenerator random) {
        double bound = 1.0 / Math.sqrt(inputs);
        fillUniform(weight, bound, random);
        fillUniform(bias, bound, random);
    }

    /**
     * SB3's {@code ortho_init}: the weight orthogonal times {@code gain}
     * ({@link Initialisation#orthogonal}, drawn in PyTorch's outputs × inputs shape and stored
     * in this layer's layout), the bias 0.
     */
    public void initOrthogonal(double gain, RandomGenerator random) {
        DMatrixRMaj w = Initialisation.orthogonal(outputs, inputs, gain, random);
        if (layout == Layout.INPUT_ROWS) {
            CommonOps_DDRM.transpose(w, weight);
        } else {
            weight.setTo(w);
        }
        bias.zero();
    }

    private static void fillUniform(DMatrixRMaj m, double bound, RandomGenerator random) {
        double[] d = m.data;
        int n = m.getNumElements();
        for (int i = 0; i < n; i++) {
            d[i] = -bound + 2.0 * bound * random.nextDouble();
        }
    }

    /** y = x W + b (or x Wᵀ + b) for every row of x; {@code y} is reshaped to x.rows × outputs. */
    public void forward(DMatrixRMaj x, DMatrixRMaj y) {
        forward(x, y, null);
    }

    /**
     * {@link #forward(DMatrixRMaj, DMatrixRMaj)}, bit for bit; a layer of four inputs with at
     * least {@link EjmlParameters#MULT_COLUMN_SWITCH} outputs runs {@link #fourInputRows}
     * in {@code work} (5 rows of at least {@code outputs}; null: the plain kernel).
     */
    void forward(DMatrixRMaj x, DMatrixRMaj y, double[][] work) {
        if (x.numCols != inputs) {
            throw new IllegalArgumentException("expected " + inputs + " input columns, got "
                    + x.numCols);
        }
        y.reshape(x.numRows, outputs);
        if (work != null && fourInputs()
                && outputs >= EjmlParameters.MULT_COLUMN_SWITCH) {
            // the rows Kernels.multAddRow would compute with the bias in the same pass
            fourInputRows(x.data, 0, x.numRows, weight.data, outputs, bias.data,
                    y.data, 0, work);
        } else if (layout == Layout.INPUT_ROWS) {
            // y = x W + 1 b   (one pass over y for four inputs)
            Kernels.multAddRow(x, weight, bias, y);
        } else {
            // y = x Wᵀ,  then y_i += b for every row i
            Kernels.multTransB(x, weight, y);
            Kernels.addRow(y, bias);
        }
    }

    /**
     * One row, {@code y[yOffset..) = x[xOffset..) W + b} (or {@code x Wᵀ + b}), with plain
     * loops instead of EJML: for a single row EJML's general kernels cost more than the
     * arithmetic (≈ 0.7 µs against ≈ 0.45 µs for the actor's 4 → 256 → 2).
     * <ul>
     *   <li>INPUT_ROWS: four rows of W at a time in one contiguous loop over the outputs (one
     *       pass over y instead of one per input); the additions happen in the same order as
     *       EJML's {@code mult} followed by the bias, so the result is bit-identical to
     *       {@link #forward} on that row.</li>
     *   <li>OUTPUT_ROWS: dot products with eight partial sums (a single running sum is one long
     *       chain of dependent additions); equal to {@link #forward} up to rounding.</li>
     * </ul>
     */
    public void forwardRow(double[] x, int xOffset, double[] y, int yOffset) {
        forwardRow(x, xOffset, y, yOffset, null);
    }

    /**
     * {@link #forwardRow(double[], int, double[], int)}, bit for bit; a layer of four inputs
     * runs {@link #fourInputRows} in {@code work} (5 rows of at least {@code outputs};
     * null: the plain row).
     */
    void forwardRow(double[] x, int xOffset, double[] y, int yOffset, double[][] work) {
        double[] w = weight.data;
        double[] b = bias.data;
        if (work != null && fourInputs()) {
            fourInputRows(x, xOffset, 1, w, outputs, b, y, yOffset, work);
        } else if (layout == Layout.INPUT_ROWS) {
            // y = x_0 W[0,:] + x_1 W[1,:] + … + b, added left to right like EJML's mult; the
            // observation layer (4 inputs) adds b in the same pass
            Kernels.row(x, xOffset, inputs, w, outputs, y, yOffset, inputs == 4 ? b : null);
            if (inputs != 4) {
                for (int j = 0; j < outputs; j++) {
                    y[yOffset + j] += b[j];
                }
            }
        } else {
            // y_k = W[k, :] · x + b_k
            for (int k = 0; k < outputs; k++) {
                y[yOffset + k] = dot(w, k * inputs, x, xOffset, inputs) + b[k];
            }
        }
    }

    /** Four inputs in the INPUT_ROWS layout: a layer {@link #fourInputRows} computes. */
    private boolean fourInputs() {
        return inputs == 4 && layout == Layout.INPUT_ROWS;
    }

    /**
     * {@code rows} rows of a four-input layer with its bias, {@code c_i = a_i0 w_0 + a_i1 w_1
     * + a_i2 w_2 + a_i3 w_3 + bias}, added left to right: bit for bit {@link Kernels#row} with n = 4
     * and a bias, but vectorised. C2 (JDK 17) keeps a loop scalar when its {@code double[]}
     * indices carry different row offsets ({@code w[m + j]} next to {@code c[ci + j]}), so the
     * four rows of w are copied into work rows first, and a row of c that does not start at 0
     * is summed in a work row and copied; {@code work} holds 5 rows of at least m.
     */
    private static void fourInputRows(double[] ad, int ai, int rows, double[] w, int m,
                              double[] bias, double[] cd, int ci, double[][] work) {
        double[] w0 = work[0];
        double[] w1 = work[1];
        double[] w2 = work[2];
        double[] w3 = work[3];
        System.arraycopy(w, 0, w0, 0, m);
        System.arraycopy(w, m, w1, 0, m);
        System.arraycopy(w, 2 * m, w2, 0, m);
        System.arraycopy(w, 3 * m, w3, 0, m);
        for (int i = 0; i < rows; i++) {
            int a = ai + 4 * i;
            int c = ci + i * m;
            double[] out = c == 0 ? cd : work[4];
            fourInputs(ad[a], ad[a + 1], ad[a + 2], ad[a + 3], w0, w1, w2, w3, bias, out, m);
            if (c != 0) {
                System.arraycopy(out, 0, cd, c, m);
            }
        }
    }

    /** out_j = a0 w0_j + a1 w1_j + a2 w2_j + a3 w3_j + bias_j, left to right. */
    private static void fourInputs(double a0, double a1, double a2, double a3, double[] w0,
                                   double[] w1, double[] w2, double[] w3, double[] bias,
                                   double[] out, int m) {
        for (int j = 0; j < m; j++) {
            out[j] = a0 * w0[j] + a1 * w1[j] + a2 * w2[j] + a3 * w3[j] + bias[j];
        }
    }

    /** a[ao..ao+n) · b[bo..bo+n) with eight independent partial sums. */
    static double dot(double[] a, int ao, double[] b, int bo, int n) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        double s4 = 0;
        double s5 = 0;
        double s6 = 0;
        double s7 = 0;
        int k = 0;
        for (; k + 7 < n; k += 8) {
            s0 += a[ao + k] * b[bo + k];
            s1 += a[ao + k + 1] * b[bo + k + 1];
            s2 += a[ao + k + 2] * b[bo + k + 2];
            s3 += a[ao + k + 3] * b[bo + k + 3];
            s4 += a[ao + k + 4] * b[bo + k + 4];
            s5 += a[ao + k + 5] * b[bo + k + 5];
            s6 += a[ao + k + 6] * b[bo + k + 6];
            s7 += a[ao + k + 7] * b[bo + k + 7];
        }
        for (; k < n; k++) {
            s0 += a[ao + k] * b[bo + k];
        }
        return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
    }

    /**
     * Given dL/dy (rows × outputs) and the layer's input x: dL/dW (xᵀ dy, or dyᵀ x in the
     * OUTPUT_ROWS layout) and dL/db = Σ_rows dy are stored in the gradients; if {@code dx} is
     * not null, dL/dx (dy Wᵀ, or dy W) is written there.
     */
    public void backward(DMatrixRMaj x, DMatrixRMaj dy, DMatrixRMaj dx) {
        if (x.numRows != dy.numRows || x.numCols != inputs || dy.numCols != outputs) {
            throw new IllegalArgumentException("backward shapes: x " + x.numRows + "×"
                    + x.numCols + ", dy " + dy.numRows + "×" + dy.numCols + " for a layer "
                    + inputs + " → " + outputs);
        }
        if (layout == Layout.INPUT_ROWS) {
            // dW = xᵀ dy
            Kernels.multTransA(x, dy, weightGradient);
        } else {
            // W stored as outputs × inputs: dW = dyᵀ x
            Kernels.multTransA(dy, x, weightGradient);
        }
        // db = Σ_rows dy   (row by row: sumCols walks columns, 3-4× slower on 200 × 256)
        double[] db = biasGradient.data;
        double[] d = dy.data;
        Arrays.fill(db, 0, outputs, 0.0);
        for (int i = 0, base = 0; i < dy.numRows; i++, base += outputs) {
            for (int j = 0; j < outputs; j++) {
                db[j] += d[base + j];
            }
        }
        if (dx != null) {
            dx.reshape(dy.numRows, inputs);
            if (layout == Layout.INPUT_ROWS) {
                // dx = dy Wᵀ
                Kernels.multTransB(dy, weight, dx);
            } else {
                // dx = dy W
                Kernels.mult(dy, weight, dx);
            }
        }
    }

    public int inputs() {
        return inputs;
    }

    public int outputs() {
        return outputs;
    }

    public Layout layout() {
        return layout;
    }

    /** The live weight matrix (inputs × outputs, or outputs × inputs; see {@link #layout()}). */
    public DMatrixRMaj weight() {
        return weight;
    }

    /** The live bias row (1 × outputs). */
    public DMatrixRMaj bias() {
        return bias;
    }

    /** dL/dW of the last {@link #backward} call. */
    public DMatrixRMaj weightGradient() {
        return weightGradient;
    }

    /** dL/db of the last {@link #backward} call. */
    public DMatrixRMaj biasGradient() {
        return biasGradient;
    }

    @Override
    public String toString() {
        return "Dense(" + inputs + " → " + outputs + ", " + layout + ")";
    }
}
