package cartpolelab.nn;

import java.util.List;
import java.util.Locale;
import org.ejml.data.DMatrixRMaj;

/**
 * A first-order optimiser that moves parameter matrices in place from the gradients written
 * next to them: {@link Adam} or {@link RmsProp}. Its state is two moment matrices per
 * parameter and a step count, so a run's checkpoint can hold either one in the same shape.
 * The learning rate may change between steps (a schedule sets it before each step).
 */
public interface Optimiser {

    /** Which optimiser, as a setting: PyTorch's Adam or its RMSprop. */
    enum Kind {
        ADAM, RMSPROP;

        /** Parses {@code adam} or {@code rmsprop} (any case). */
        public static Kind parse(String text) {
            String t = text.trim().toLowerCase(Locale.ROOT);
            return switch (t) {
                case "adam" -> ADAM;
                case "rmsprop" -> RMSPROP;
                default -> throw new IllegalArgumentException("unknown optimiser '" + text
                        + "': use adam or rmsprop");
            };
        }

        /** The name used on the command line and in files: adam, rmsprop. */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** One step over every parameter, in place; nothing is allocated. */
    void step();

    /**
     * The index (in the order of the parameters) of the first parameter matrix that held a
     * NaN or ±∞ after the last {@link #step()}, or −1 if none did (or no step was taken): noted
     * by the step, matrix by matrix, with {@link Kernels#allFinite}.
     */
    int firstNonFinite();

    /** Steps taken so far (Adam's t in its bias correction). */
    long stepCount();

    /** Sets the step count (when restoring a checkpoint). */
    void setStepCount(long step);

    /** The step size the next {@link #step()} uses. */
    double learningRate();

    /** Sets the step size of the next steps (a learning-rate schedule). */
    void setLearningRate(double learningRate);

    /** Live first moments (Adam's m; zeros for RMSprop, which has none). */
    List<DMatrixRMaj> firstMoments();

    /** Live second moments (Adam's v; RMSprop's running average of g²). */
    List<DMatrixRMaj> secondMoments();

    /** A new optimiser of this kind over these parameters and gradients. */
    static Optimiser of(Kind kind, double learningRate, double epsilon, double rmspropAlpha,
                        List<DMatrixRMaj> parameters, List<DMatrixRMaj> gradients) {
        return kind == Kind.ADAM ? new Adam(learningRate, epsilon, parameters, gradients)
                : new RmsProp(learningRate, rmspropAlpha, epsilon, parameters, gradients);
    }

    /**
     * @throws IllegalArgumentException "{name} must be positive and finite, was {value}"
     */
    static void checkPositive(String name, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be positive and finite, was "
                    + value);
        }
    }

    /**
     * Zero matrices shaped like {@code parameters}, one each: an optimiser's moments.
     *
     * @throws IllegalArgumentException if the counts or a gradient's shape do not match
     */
    static DMatrixRMaj[] zerosLike(List<DMatrixRMaj> parameters, List<DMatrixRMaj> gradients) {
        if (parameters.size() != gradients.size()) {
            throw new IllegalArgumentException(parameters.size() + " parameters but "
                    + gradients.size() + " gradients");
        }
        DMatrixRMaj[] zeros = new DMatrixRMaj[parameters.size()];
        for (int i = 0; i < zeros.length; i++) {
            DMatrixRMaj p = parameters.get(i);
            DMatrixRMaj g = gradients.get(i);
            if (p.numRows != g.numRows || p.numCols != g.numCols) {
                throw new IllegalArgumentException("parameter " + i + " is " + p.numRows + "×"
                        + p.numCols + " but its gradient is " + g.numRows + "×" + g.numCols);
            }
            zeros[i] = new DMatrixRMaj(p.numRows, p.numCols);
        }
        return zeros;
    }

    /** Checks a learning rate: positive and finite. */
    static void checkLearningRate(double learningRate) {
        if (!(learningRate >= 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learningRate must be ≥ 0 and finite, was "
                    + learningRate);
        }
    }
}
