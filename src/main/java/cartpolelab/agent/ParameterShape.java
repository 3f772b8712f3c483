package cartpolelab.agent;

/**
 * The name and shape of one parameter matrix of the agent's networks.
 *
 * @param name e.g. {@code actor.w1}
 * @param rows rows of the matrix
 * @param cols columns of the matrix
 */
public record ParameterShape(String name, int rows, int cols) {

    /**
     * The actor's then the critic's matrices for these settings, each network
     * {@code {net}.w1, b1, …, w(L+1), b(L+1)} for L hidden layers: hidden weights are
     * inputs × hidden, the output layer's outputs × hidden (PyTorch's layout), biases
     * 1 × outputs. One hidden layer gives the notebook's eight names.
     */
    static java.util.List<ParameterShape> of(Hyperparameters hp, int inputs, int actions) {
        java.util.List<ParameterShape> shapes = new java.util.ArrayList<>();
        add(shapes, "actor", hp, inputs, actions);
        add(shapes, "critic", hp, inputs, 1);
        return java.util.List.copyOf(shapes);
    }

    private static void add(java.util.List<ParameterShape> shapes, String net,
                            Hyperparameters hp, int inputs, int outputs) {
        int h = hp.hiddenSize();
        int layers = hp.hiddenLayers();
        for (int l = 1; l <= layers; l++) {
            shapes.add(new ParameterShape(net + ".w" + l, l == 1 ? inputs : h, h));
            shapes.add(new ParameterShape(net + ".b" + l, 1, h));
        }
        shapes.add(new ParameterShape(net + ".w" + (layers + 1), outputs, h));
        shapes.add(new ParameterShape(net + ".b" + (layers + 1), 1, outputs));
    }

    /** @throws IllegalArgumentException if {@code m} is not rows × cols */
    void check(org.ejml.data.DMatrixRMaj m) {
        if (m.numRows != rows || m.numCols != cols) {
            throw new IllegalArgumentException(name + " is " + m.numRows + "x" + m.numCols
                    + ", but these networks need " + rows + "x" + cols);
        }
    }
}
