package cartpolelab.nn;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.ejml.data.DMatrixRMaj;

/**
 * RMSprop (Tieleman and Hinton 2012, lecture 6.5 of "Neural Networks for Machine Learning"),
 * written like PyTorch's {@code torch.optim.RMSprop} without momentum, centring or weight
 * decay, which is what Stable-Baselines3's A2C uses ({@code RMSprop(alpha=0.99,
 * eps=rms_prop_eps)}):
 * <pre>
 *   v ← α v + (1 − α) g²
 *   θ ← θ − lr · g / (√v + ε)        ε outside the root (PyTorch's placement; TensorFlow's
 *                                     RMSprop, SB3's RMSpropTFLike, puts it inside: √(v + ε))
 * </pre>
 * Lifecycle as {@link Adam}'s: the running averages v are allocated once, zero; {@link #step()}
 * moves the parameters in place; nothing is allocated per step. It has no first moment:
 * {@link #firstMoments()} are zero matrices, kept so a checkpoint has one shape for both
 * optimisers.
 */
public final class RmsProp implements Optimiser {

    private double learningRate;
    private final double alpha;
    private final double epsilon;
    private final DMatrixRMaj[] parameters;
    private final DMatrixRMaj[] gradients;
    private final DMatrixRMaj[] squareAverages;
    private final List<DMatrixRMaj> zeroList;
    private final List<DMatrixRMaj> squareList;
    private long step;
    private int firstNonFinite = -1;

    /**
     * @param alpha   smoothing constant α of the running average of g², in [0, 1]
     * @param epsilon ε added to √v, positive
     */
    public RmsProp(double learningRate, double alpha, double epsilon,
                   List<DMatrixRMaj> parameters, List<DMatrixRMaj> gradients) {
        Optimiser.checkPositive("learningRate", learningRate);
        Optimiser.checkPositive("epsilon", epsilon);
        if (!(alpha >= 0 && alpha <= 1)) {
            throw new IllegalArgumentException("alpha must be in [0, 1], was " + alpha);
        }
        this.learningRate = learningRate;
        this.alpha = alpha;
        this.epsilon = epsilon;
        this.squareAverages = Optimiser.zerosLike(parameters, gradients);
        this.parameters = parameters.toArray(new DMatrixRMaj[0]);
        this.gradients = gradients.toArray(new DMatrixRMaj[0]);
        this.zeroList = Collections.unmodifiableList(
                Arrays.asList(Optimiser.zerosLike(parameters, gradients)));
        this.squareList = Collections.unmodifiableList(Arrays.asList(squareAverages));
    }

    /** One RMSprop step over every parameter, in place. */
    @Override
    public void step() {
        step++;
        final double lr = learningRate;
        final double a = alpha;
        final double eps = epsilon;
        int bad = -1;
        for (int i = 0; i < parameters.length; i++) {
            double[] p = parameters[i].data;
            double[] g = gradients[i].data;
            double[] v = squareAverages[i].data;
            int n = parameters[i].getNumElements();
            for (int j = 0; j < n; j++) {
                double gj = g[j];
                // v ← α v + (1 − α) g²
                v[j] = a * v[j] + (1 - a) * gj * gj;
                // θ ← θ − lr · g / (√v + ε)
                p[j] -= lr * gj / (Math.sqrt(v[j]) + eps);
            }
            if (bad < 0 && !Kernels.allFinite(p, n)) {
                bad = i;
            }
        }
        firstNonFinite = bad;
    }

    @Override
    public int firstNonFinite() {
        return firstNonFinite;
    }

    @Override
    public long stepCount() {
        return step;
    }

    @Override
    public void setStepCount(long step) {
        if (step < 0) {
            throw new IllegalArgumentException("RMSprop step must be ≥ 0, was " + step);
        }
        this.step = step;
    }

    @Override
    public double learningRate() {
        return learningRate;
    }

    @Override
    public void setLearningRate(double learningRate) {
        Optimiser.checkLearningRate(learningRate);
        this.learningRate = learningRate;
    }

    /** Zero matrices: RMSprop keeps no first moment (see the class comment). */
    @Override
    public List<DMatrixRMaj> firstMoments() {
        return zeroList;
    }

    /** The live running averages of g². */
    @Override
    public List<DMatrixRMaj> secondMoments() {
        return squareList;
    }

    @Override
    public String toString() {
        return "RMSprop(lr=" + learningRate + ", α=" + alpha + ", ε=" + epsilon + ", t=" + step
                + ")";
    }
}
