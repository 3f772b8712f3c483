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

    /**
     * Checks every value, for a state read from outside (a checkpoint file): parameters and
     * first moments finite, second moments finite and not negative (Adam divides by their
     * square roots), and Adam's step count at most {@code maxUpdates} (one update per
     * environment step at most).
     *
     * @throws IllegalArgumentException naming the first bad value
     */
    public void checkValues(List<String> names, long maxUpdates) {
        for (int i = 0; i < parameters.size(); i++) {
            String name = i < names.size() ? names.get(i) : "matrix " + i;
            checkFinite(parameters.get(i), name, false);
            checkFinite(firstMoments.get(i), "Adam's first moment of " + name, false);
            checkFinite(secondMoments.get(i), "Adam's second moment of " + name, true);
        }
        if (adamStep > maxUpdates) {
            throw new IllegalArgumentException("Adam's step count " + adamStep
                    + " exceeds the " + maxUpdates + " updates the run can have made");
        }
    }

    private static void checkFinite(DMatrixRMaj m, String what, boolean nonNegative) {
        int n = m.getNumElements();
        for (int k = 0; k < n; k++) {
            double v = m.data[k];
            if (!Double.isFinite(v) || nonNegative && v < 0) {
                throw new IllegalArgumentException(what + " holds " + v + " at index " + k
                        + (nonNegative ? " (must be finite and >= 0)" : " (must be finite)"));
            }
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
