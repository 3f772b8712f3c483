package cartpolelab.agent;

/**
 * The name and shape of one parameter matrix of the agent's networks.
 *
 * @param name e.g. {@code actor.w1}
 * @param rows rows of the matrix
 * @param cols columns of the matrix
 */
public record ParameterShape(String name, int rows, int cols) {

    /** @throws IllegalArgumentException if {@code m} is not rows × cols */
    void check(org.ejml.data.DMatrixRMaj m) {
        if (m.numRows != rows || m.numCols != cols) {
            throw new IllegalArgumentException(name + " is " + m.numRows + "x" + m.numCols
                    + ", but these networks need " + rows + "x" + cols);
        }
    }
}
