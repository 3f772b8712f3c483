package cartpolelab.nn;

import java.util.List;
import java.util.random.RandomGenerator;
import org.ejml.data.DMatrixRMaj;

/**
 * A two-layer perceptron {@code y = relu(x W1 + b1) W2ᵀ + b2}: the shape of both of the study
 * notebook's networks (actor 4 → hidden → 2, critic 4 → hidden → 1). W1 is inputs × hidden,
 * W2 is outputs × hidden (see {@link Dense.Layout} for why).
 *
 * <p>Activations live in a {@link Workspace} the caller allocates once for a maximum number of
 * rows, so one network can be run from several places (acting, batched update, inspection)
 * without them disturbing each other and without allocating per call.
 */
public final class Mlp {

    /** Work matrices for one caller: hidden activations, outputs and dL/dh. */
    public static final class Workspace {
        private final DMatrixRMaj hidden;
        private final DMatrixRMaj output;
        private final DMatrixRMaj hiddenGradient;

        private Workspace(int forwardRows, int backwardRows, int hiddenUnits, int outputs) {
            this.hidden = new DMatrixRMaj(forwardRows, hiddenUnits);
            this.output = new DMatrixRMaj(forwardRows, outputs);
            this.hiddenGradient = new DMatrixRMaj(backwardRows, hiddenUnits);
        }

        /** h = relu(x W1 + b1) of the last forward pass (rows × hidden). */
        public DMatrixRMaj hidden() {
            return hidden;
        }

        /** y of the last forward pass (rows × outputs). */
        public DMatrixRMaj output() {
            return output;
        }
    }

    private final Dense first;
    private final Dense second;

    public Mlp(int inputs, int hiddenUnits, int outputs) {
        // wide first layer: W1 inputs × hidden; narrow second layer: W2 outputs × hidden
        this.first = new Dense(inputs, hiddenUnits, Dense.Layout.INPUT_ROWS);
        this.second = new Dense(hiddenUnits, outputs, Dense.Layout.OUTPUT_ROWS);
    }

    /** Layer 1 then layer 2, each like PyTorch's nn.Linear default. */
    public void initLikePyTorch(RandomGenerator random) {
        first.initLikePyTorch(random);
        second.initLikePyTorch(random);
    }

    /** Work matrices for forward and backward passes of up to {@code rows} rows at a time. */
    public Workspace newWorkspace(int rows) {
        return newWorkspace(rows, rows);
    }

    /**
     * Work matrices for forward passes of up to {@code forwardRows} rows and backward passes
     * of up to {@code backwardRows} rows (e.g. 1 and T when the activations come from
     * elsewhere, or T + 1 and 1 for forward-only use).
     */
    public Workspace newWorkspace(int forwardRows, int backwardRows) {
        if (forwardRows < 1 || backwardRows < 1) {
            throw new IllegalArgumentException("a workspace needs at least one row, was "
                    + forwardRows + " and " + backwardRows);
        }
        return new Workspace(forwardRows, backwardRows, first.outputs(), second.outputs());
    }

    /** Forward pass of every row of x; results in {@code ws.hidden()} and {@code ws.output()}. */
    public void forward(DMatrixRMaj x, Workspace ws) {
        // h = relu(x W1 + b1)
        first.forward(x, ws.hidden);
        Activations.reluInPlace(ws.hidden);
        // y = h W2ᵀ + b2
        second.forward(ws.hidden, ws.output);
    }

    /**
     * Forward pass of one row {@code x[offset..offset+inputs)} with {@link Dense#forwardRow};
     * results in row 0 of {@code ws.hidden()} and {@code ws.output()}.
     */
    public void forwardRow(double[] x, int offset, Workspace ws) {
        ws.hidden.reshape(1, first.outputs());
        ws.output.reshape(1, second.outputs());
        double[] h = ws.hidden.data;
        // h = relu(x W1 + b1)
        first.forwardRow(x, offset, h, 0);
        for (int j = 0, n = first.outputs(); j < n; j++) {
            h[j] = Math.max(h[j], 0.0);
        }
        // y = h W2ᵀ + b2
        second.forwardRow(h, 0, ws.output.data, 0);
    }

    /**
     * Backward pass: given the inputs x, the hidden activations h of the same rows (from a
     * forward pass) and dL/dy, writes dL/dW1, dL/db1, dL/dW2, dL/db2 into the layers'
     * gradients. {@code ws} provides the dL/dh work matrix.
     */
    public void backward(DMatrixRMaj x, DMatrixRMaj hidden, DMatrixRMaj outputGradient,
                         Workspace ws) {
        // dW2 = dyᵀ h,  db2 = Σ_rows dy,  dh = dy W2
        second.backward(hidden, outputGradient, ws.hiddenGradient);
        // dh ⊙= [h > 0]   (ReLU'; 0 at 0 like PyTorch)
        // Branch-free: h ≥ 0 after the ReLU, and min(h · 2^600 · 2^600, 1) is exactly 1 for
        // every positive double (the smallest, 2^-1074, becomes 2^126; large ones overflow to
        // ∞) and exactly 0 for h = 0. A data-dependent branch here mispredicts on about half
        // the units and costs twice as much.
        double[] dh = ws.hiddenGradient.data;
        double[] h = hidden.data;
        int n = hidden.numRows * hidden.numCols;
        for (int i = 0; i < n; i++) {
            dh[i] *= Math.min(h[i] * 0x1p600 * 0x1p600, 1.0);
        }
        // dW1 = xᵀ dh,  db1 = Σ_rows dh
        first.backward(x, ws.hiddenGradient, null);
    }

    /** W1, b1, W2, b2: the live parameter matrices. */
    public List<DMatrixRMaj> parameters() {
        return List.of(first.weight(), first.bias(), second.weight(), second.bias());
    }

    /** dW1, db1, dW2, db2, in the order of {@link #parameters()}. */
    public List<DMatrixRMaj> gradients() {
        return List.of(first.weightGradient(), first.biasGradient(), second.weightGradient(),
                second.biasGradient());
    }

    @Override
    public String toString() {
        return "Mlp(" + first.inputs() + " → " + first.outputs() + " ReLU → " + second.outputs()
                + ")";
    }
}
