package cartpolelab.nn;

import java.util.random.RandomGenerator;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * A fully connected layer {@code y = x W + b} on row vectors: {@code x} is rows × inputs (one
 * sample per row), {@code W} is inputs × outputs, {@code b} is 1 × outputs.
 *
 * <p>Note the orientation: PyTorch's {@code nn.Linear} stores its weight as outputs × inputs
 * and computes {@code x Wᵀ + b}; ours is that weight transposed, so rows of data multiply
 * without a transpose in the hot path.
 *
 * <p>Lifecycle: the parameters and their gradients are allocated once at construction;
 * {@link #forward} and {@link #backward} write into matrices the caller preallocated, so
 * nothing is allocated per call. {@link #backward} overwrites the gradients (no accumulation).
 */
public final class Dense {

    private final int inputs;
    private final int outputs;
    private final DMatrixRMaj weight;
    private final DMatrixRMaj bias;
    private final DMatrixRMaj weightGradient;
    private final DMatrixRMaj biasGradient;

    public Dense(int inputs, int outputs) {
        if (inputs < 1 || outputs < 1) {
            throw new IllegalArgumentException("a dense layer needs at least one input and one "
                    + "output, was " + inputs + " → " + outputs);
        }
        this.inputs = inputs;
        this.outputs = outputs;
        this.weight = new DMatrixRMaj(inputs, outputs);
        this.bias = new DMatrixRMaj(1, outputs);
        this.weightGradient = new DMatrixRMaj(inputs, outputs);
        this.biasGradient = new DMatrixRMaj(1, outputs);
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

    private static void fillUniform(DMatrixRMaj m, double bound, RandomGenerator random) {
        double[] d = m.data;
        int n = m.getNumElements();
        for (int i = 0; i < n; i++) {
            d[i] = -bound + 2.0 * bound * random.nextDouble();
        }
    }

    /** y = x W + b for every row of x; {@code y} is reshaped to x.rows × outputs. */
    public void forward(DMatrixRMaj x, DMatrixRMaj y) {
        if (x.numCols != inputs) {
            throw new IllegalArgumentException("expected " + inputs + " input columns, got "
                    + x.numCols);
        }
        y.reshape(x.numRows, outputs);
        // y = x W
        CommonOps_DDRM.mult(x, weight, y);
        // y_i += b for every row i
        double[] yd = y.data;
        double[] bd = bias.data;
        int rows = x.numRows;
        for (int i = 0, base = 0; i < rows; i++, base += outputs) {
            for (int j = 0; j < outputs; j++) {
                yd[base + j] += bd[j];
            }
        }
    }

    /**
     * Given dL/dy (rows × outputs) and the layer's input x: dL/dW = xᵀ dy and dL/db = Σ_rows dy
     * are stored in the gradients; if {@code dx} is not null, dL/dx = dy Wᵀ is written there.
     */
    public void backward(DMatrixRMaj x, DMatrixRMaj dy, DMatrixRMaj dx) {
        if (x.numRows != dy.numRows || x.numCols != inputs || dy.numCols != outputs) {
            throw new IllegalArgumentException("backward shapes: x " + x.numRows + "×"
                    + x.numCols + ", dy " + dy.numRows + "×" + dy.numCols + " for a layer "
                    + inputs + " → " + outputs);
        }
        // dW = xᵀ dy
        CommonOps_DDRM.multTransA(x, dy, weightGradient);
        // db = Σ_rows dy
        CommonOps_DDRM.sumCols(dy, biasGradient);
        if (dx != null) {
            // dx = dy Wᵀ
            dx.reshape(dy.numRows, inputs);
            CommonOps_DDRM.multTransB(dy, weight, dx);
        }
    }

    public int inputs() {
        return inputs;
    }

    public int outputs() {
        return outputs;
    }

    /** The live weight matrix (inputs × outputs). */
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
        return "Dense(" + inputs + " → " + outputs + ")";
    }
}
