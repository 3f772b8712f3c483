package cartpolelab.agent;

/**
 * The name and shape of one parameter matrix of the agent's networks.
 *
 * @param name e.g. {@code actor.w1}
 * @param rows rows of the matrix
 * @param cols columns of the matrix
 */
public record ParameterShape(String name, int rows, int cols) {
}
