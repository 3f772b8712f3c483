package cartpolelab.nn;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.ejml.data.DMatrixRMaj;

/**
 * A multilayer perceptron {@code y = f(… f(x W1 + b1) W2 + b2 …) Wₒᵀ + bₒ} with L hidden
 * layers of equal width and activation f ({@link Activation}). The study notebook's networks
 * are L = 1 with ReLU (actor 4 → 256 → 2, critic 4 → 256 → 1); Stable-Baselines3's MLP policy
 * is L = 2 of 64 with tanh. Hidden weights are inputs × outputs, the output layer's is
 * outputs × hidden (see {@link Dense.Layout} for why).
 *
 * <p>Activations live in a {@link Workspace} the caller allocates once for a maximum number of
 * rows, so one network can be run from several places (acting, batched update, inspection)
 * without them disturbing each other and without allocating per call.
 */
public final class Mlp {

    /** Work matrices for one caller: hidden activations, outputs and dL/dh of each layer. */
    public static final class Workspace {
        private final DMatrixRMaj[] hiddens;
        private final DMatrixRMaj output;
        private final DMatrixRMaj[] hiddenGradients;
        /** A second header over the last hidden layer's data, for {@link #hidden(int)}. */
        private final DMatrixRMaj hiddenRows;
        /** Work rows of one hidden layer's width: {@link FusedBackward}, a four-input layer's
         *  forward pass ({@link Dense#forwardRow(double[], int, double[], int, double[][])}). */
        private final double[][] fusedRows;

        private Workspace(int forwardRows, int backwardRows, int layers, int hiddenUnits,
                          int outputs) {
            this.hiddens = new DMatrixRMaj[layers];
            this.hiddenGradients = new DMatrixRMaj[layers];
            for (int l = 0; l < layers; l++) {
                hiddens[l] = new DMatrixRMaj(forwardRows, hiddenUnits);
                hiddenGradients[l] = new DMatrixRMaj(backwardRows, hiddenUnits);
            }
            this.output = new DMatrixRMaj(forwardRows, outputs);
            this.hiddenRows = DMatrixRMaj.wrap(forwardRows, hiddenUnits, hidden().data);
            this.fusedRows = new double[FusedBackward.WORK_ROWS][hiddenUnits];
        }

        /**
         * The first {@code rows} rows of {@link #hidden()} (e.g. a rollout's T rows of a
         * forward pass that also ran its bootstrap row): a header of its own over the same
         * data, so {@link #hidden()} keeps its shape.
         */
        public DMatrixRMaj hidden(int rows) {
            DMatrixRMaj h = hidden();
            if (rows < 0 || rows > h.numRows) {
                throw new IllegalArgumentException("the last forward pass has " + h.numRows
                        + " rows, asked for " + rows);
            }
            hiddenRows.data = h.data; // the same storage, even if a larger pass regrew it
            hiddenRows.reshape(rows, h.numCols);
            return hiddenRows;
        }

        /** The last hidden layer's h of the last forward pass (rows × hidden). */
        public DMatrixRMaj hidden() {
            return hiddens[hiddens.length - 1];
        }

        /** y of the last forward pass (rows × outputs). */
        public DMatrixRMaj output() {
            return output;
        }
    }

    /**
     * The name and shape of one parameter matrix: {@code w1, b1, …, w(L+1), b(L+1)}, in the
     * order of {@link #parameters()}.
     */
    public record Parameter(String name, int rows, int cols) {
    }

    /** Hidden layers then the output layer. */
    private final Dense[] layers;
    private final int hiddenLayers;
    private final Activation activation;
    /** One hidden layer of a shape {@link FusedBackward} handles: backward in one pass. */
    private final boolean fusedBackward;

    /** The notebook's network: one hidden layer with ReLU. */
    public Mlp(int inputs, int hiddenUnits, int outputs) {
        this(inputs, hiddenUnits, 1, outputs, Activation.RELU);
    }

    /** {@code hiddenLayers} hidden layers of {@code hiddenUnits} each, then the outputs. */
    public Mlp(int inputs, int hiddenUnits, int hiddenLayers, int outputs,
               Activation activation) {
        if (hiddenLayers < 1 || activation == null) {
            throw new IllegalArgumentException("an MLP needs at least one hidden layer and an "
                    + "activation, was " + hiddenLayers + " and " + activation);
        }
        this.hiddenLayers = hiddenLayers;
        this.activation = activation;
        this.layers = new Dense[hiddenLayers + 1];
        // wide hidden layers: W inputs × hidden; narrow output layer: W outputs × hidden
        for (int l = 0; l <= hiddenLayers; l++) {
            layers[l] = new Dense(layerInputs(l, inputs, hiddenUnits),
                    l < hiddenLayers ? hiddenUnits : outputs, layout(l, hiddenLayers));
        }
        this.fusedBackward = hiddenLayers == 1 && FusedBackward.applies(layers[0], layers[1]);
    }

    private static int layerInputs(int layer, int inputs, int hiddenUnits) {
        return layer == 0 ? inputs : hiddenUnits;
    }

    private static Dense.Layout layout(int layer, int hiddenLayers) {
        return layer < hiddenLayers ? Dense.Layout.INPUT_ROWS : Dense.Layout.OUTPUT_ROWS;
    }

    /**
     * The parameters' names and shapes of the network {@code new Mlp(inputs, hiddenUnits,
     * hiddenLayers, outputs, …)} would build, without building it (what a checkpoint reader
     * checks a file against): the one home of the layout, which the constructor uses too.
     */
    public static List<Parameter> parameterShapes(int inputs, int hiddenUnits,
                                                  int hiddenLayers, int outputs) {
        List<Parameter> p = new ArrayList<>(2 * (hiddenLayers + 1));
        for (int l = 0; l <= hiddenLayers; l++) {
            int out = l < hiddenLayers ? hiddenUnits : outputs;
            int[] w = Dense.weightShape(layerInputs(l, inputs, hiddenUnits), out,
                    layout(l, hiddenLayers));
            p.add(new Parameter("w" + (l + 1), w[0], w[1]));
            p.add(new Parameter("b" + (l + 1), 1, out));
        }
        return List.copyOf(p);
    }

    /** Layer by layer, each like PyTorch's nn.Linear default. */
    public void initLikePyTorch(RandomGenerator random) {
        for (Dense layer : layers) {
            layer.initLikePyTorch(random);
        }
    }

    /**
     * Orthogonal weights and zero biases layer by layer (SB3's {@code ortho_init}): gain
     * {@code hiddenGain} for the hidden layers (SB3: √2), {@code outputGain} for the output
     * layer (SB3: 0.01 for the policy, 1 for the value).
     */
    public void initOrthogonal(double hiddenGain, double outputGain, RandomGenerator random) {
        for (int l = 0; l < layers.length; l++) {
            layers[l].initOrthogonal(l < hiddenLayers ? hiddenGain : outputGain, random);
        }
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
        return new Workspace(forwardRows, backwardRows, hiddenLayers, layers[0].outputs(),
                outputs());
    }

    /** Forward pass of every row of x; results in {@code ws.hidden()} and {@code ws.output()}. */
    public void forward(DMatrixRMaj x, Workspace ws) {
        DMatrixRMaj in = x;
        for (int l = 0; l < hiddenLayers; l++) {
            // h_l = f(h_{l−1} W_l + b_l),  h_0 = x
            layers[l].forward(in, ws.hiddens[l], ws.fusedRows);
            activate(ws.hiddens[l].data, ws.hiddens[l].getNumElements());
            in = ws.hiddens[l];
        }
        // y = h_L Wₒᵀ + bₒ
        layers[hiddenLayers].forward(in, ws.output);
    }

    /**
     * Forward pass of one row {@code x[offset..offset+inputs)} with {@link Dense#forwardRow};
     * results in row 0 of the workspace's hidden layers and {@code ws.output()}.
     */
    public void forwardRow(double[] x, int offset, Workspace ws) {
        double[] in = x;
        int inOffset = offset;
        for (int l = 0; l < hiddenLayers; l++) {
            DMatrixRMaj h = ws.hiddens[l];
            h.reshape(1, layers[l].outputs());
            // h_l = f(h_{l−1} W_l + b_l)
            layers[l].forwardRow(in, inOffset, h.data, 0, ws.fusedRows);
            activate(h.data, layers[l].outputs());
            in = h.data;
            inOffset = 0;
        }
        ws.output.reshape(1, outputs());
        // y = h_L Wₒᵀ + bₒ
        layers[hiddenLayers].forwardRow(in, 0, ws.output.data, 0);
    }

    private void activate(double[] h, int n) {
        if (activation == Activation.RELU) {
            for (int j = 0; j < n; j++) {
                h[j] = Math.max(h[j], 0.0);
            }
        } else {
            for (int j = 0; j < n; j++) {
                h[j] = StrictMath.tanh(h[j]);
            }
        }
    }

    /**
     * Backward pass: given the inputs x, the last hidden layer's activations h_L of the same
     * rows and dL/dy, writes every layer's dL/dW and dL/db into its gradients. With more than
     * one hidden layer the earlier activations h_1 … h_{L−1} are read from {@code ws}, so a
     * {@link #forward} of the same rows into {@code ws} must have run first; with one hidden
     * layer {@code hidden} may come from elsewhere (kept from acting). The notebook's networks
     * (one hidden layer, 4 inputs, 1 or 2 outputs) take {@link FusedBackward}'s one pass over
     * the rows, bit for bit the layer-by-layer pass.
     */
    public void backward(DMatrixRMaj x, DMatrixRMaj hidden, DMatrixRMaj outputGradient,
                         Workspace ws) {
        if (fusedBackward && outputGradient.numRows > 0) {
            FusedBackward.backward(x, hidden, outputGradient, layers[0], layers[1], activation,
                    ws.fusedRows);
            return;
        }
        backwardLayered(x, hidden, outputGradient, ws);
    }

    /** {@link #backward} layer by layer, each product through {@link Dense#backward}. */
    void backwardLayered(DMatrixRMaj x, DMatrixRMaj hidden, DMatrixRMaj outputGradient,
                         Workspace ws) {
        // dWₒ = dyᵀ h_L,  dbₒ = Σ_rows dy,  dh_L = dy Wₒ
        layers[hiddenLayers].backward(hidden, outputGradient,
                ws.hiddenGradients[hiddenLayers - 1]);
        DMatrixRMaj h = hidden;
        for (int l = hiddenLayers - 1; l >= 0; l--) {
            DMatrixRMaj dh = ws.hiddenGradients[l];
            // dh_l ⊙= f'(h_l)
            derivative(h, dh);
            DMatrixRMaj below = l == 0 ? x : ws.hiddens[l - 1];
            if (l > 0) {
                below.reshape(h.numRows, below.numCols);
            }
            // dW_l = h_{l−1}ᵀ dh_l,  db_l = Σ_rows dh_l,  dh_{l−1} = dh_l W_lᵀ (not for l = 1)
            layers[l].backward(below, dh, l == 0 ? null : ws.hiddenGradients[l - 1]);
            h = below;
        }
    }

    private void derivative(DMatrixRMaj hidden, DMatrixRMaj dhMatrix) {
        double[] dh = dhMatrix.data;
        double[] h = hidden.data;
        int n = hidden.numRows * hidden.numCols;
        if (activation == Activation.RELU) {
            // dh ⊙= [h > 0]   (ReLU'; 0 at 0 like PyTorch)
            // Branch-free: h ≥ 0 after the ReLU, and min(h · 2^600 · 2^600, 1) is exactly 1
            // for every positive double (the smallest, 2^-1074, becomes 2^126; large ones
            // overflow to ∞) and exactly 0 for h = 0. A data-dependent branch here mispredicts
            // on about half the units and costs twice as much.
            for (int i = 0; i < n; i++) {
                dh[i] *= Math.min(h[i] * 0x1p600 * 0x1p600, 1.0);
            }
        } else {
            // dh ⊙= 1 − h²   (tanh')
            for (int i = 0; i < n; i++) {
                dh[i] *= 1 - h[i] * h[i];
            }
        }
    }

    /** Number of hidden layers L. */
    public int hiddenLayers() {
        return hiddenLayers;
    }

    /** Number of outputs. */
    public int outputs() {
        return layers[hiddenLayers].outputs();
    }

    /** W1, b1, W2, b2, …: the live parameter matrices, layer by layer. */
    public List<DMatrixRMaj> parameters() {
        List<DMatrixRMaj> p = new ArrayList<>(2 * layers.length);
        for (Dense layer : layers) {
            p.add(layer.weight());
            p.add(layer.bias());
        }
        return List.copyOf(p);
    }

    /** dW1, db1, dW2, db2, …, in the order of {@link #parameters()}. */
    public List<DMatrixRMaj> gradients() {
        List<DMatrixRMaj> g = new ArrayList<>(2 * layers.length);
        for (Dense layer : layers) {
            g.add(layer.weightGradient());
            g.add(layer.biasGradient());
        }
        return List.copyOf(g);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("Mlp(").append(layers[0].inputs());
        for (int l = 0; l < hiddenLayers; l++) {
            s.append(" → ").append(layers[l].outputs()).append(' ')
                    .append(activation == Activation.RELU ? "ReLU" : "tanh");
        }
        return s.append(" → ").append(outputs()).append(')').toString();
    }
}
