package cartpolelab.agent;

import cartpolelab.nn.Mlp;
import java.util.ArrayList;
import java.util.List;

/**
 * The name and shape of one parameter matrix of the agent's networks.
 *
 * @param name e.g. {@code actor.w1}
 * @param rows rows of the matrix
 * @param cols columns of the matrix
 */
public record ParameterShape(String name, int rows, int cols) {

    /**
     * The actor's then the critic's matrices for these settings, {@code actor.w1, actor.b1, …,
     * critic.b(L+1)}, as the networks lay them out ({@link Mlp#parameterShapes}: hidden weights
     * inputs × hidden, the output layer's outputs × hidden, PyTorch's layout; biases
     * 1 × outputs). One hidden layer gives the notebook's eight names.
     */
    static List<ParameterShape> of(Hyperparameters hp, int inputs, int actions) {
        List<ParameterShape> shapes = new ArrayList<>();
        add(shapes, "actor", Mlp.parameterShapes(inputs, hp.hiddenSize(), hp.hiddenLayers(),
                actions));
        add(shapes, "critic", Mlp.parameterShapes(inputs, hp.hiddenSize(), hp.hiddenLayers(),
                1));
        return List.copyOf(shapes);
    }

    private static void add(List<ParameterShape> shapes, String net,
                            List<Mlp.Parameter> parameters) {
        for (Mlp.Parameter p : parameters) {
            shapes.add(new ParameterShape(net + "." + p.name(), p.rows(), p.cols()));
        }
    }

    /** @throws IllegalArgumentException if {@code m} is not rows × cols */
    void check(org.ejml.data.DMatrixRMaj m) {
        if (m.numRows != rows || m.numCols != cols) {
            throw new IllegalArgumentException(name + " is " + m.numRows + "x" + m.numCols
                    + ", but these networks need " + rows + "x" + cols);
        }
    }
}
