package cartpolelab.agent;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;

/**
 * What an {@link Agent} has learned, detached from it: the eight parameter matrices and Adam's
 * two moments for each (in the order of {@link Agent#parameterNames()}) and Adam's step count.
 * Immutable: the matrices are copied in and must not be written through the accessors.
 *
 * @param parameters    actor.w1 … critic.b2, shapes as in {@link Agent#parameterShapes}
 * @param firstMoments  Adam's m, one per parameter, same shapes
 * @param secondMoments Adam's v, one per parameter, same shapes
 * @param adamStep      Adam's t (for the bias correction)
 */
public record AgentState(List<DMatrixRMaj> parameters, List<DMatrixRMaj> firstMoments,
                         List<DMatrixRMaj> secondMoments, long adamStep) {

    public AgentState {
        parameters = deepCopy(parameters);
        firstMoments = deepCopy(firstMoments);
        secondMoments = deepCopy(secondMoments);
        if (parameters.size() != firstMoments.size()
                || parameters.size() != secondMoments.size()) {
            throw new IllegalArgumentException("parameters and Adam moments differ in count: "
                    + parameters.size() + ", " + firstMoments.size() + ", "
                    + secondMoments.size());
        }
        if (adamStep < 0) {
            throw new IllegalArgumentException("adamStep must be >= 0, was " + adamStep);
        }
    }

    private static List<DMatrixRMaj> deepCopy(List<DMatrixRMaj> matrices) {
        List<DMatrixRMaj> copy = new ArrayList<>(matrices.size());
        for (DMatrixRMaj m : matrices) {
            copy.add(m.copy());
        }
        return List.copyOf(copy);
    }
}
