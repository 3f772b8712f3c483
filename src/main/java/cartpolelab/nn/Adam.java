package cartpolelab.nn;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.ejml.data.DMatrixRMaj;

/**
 * Adam (Kingma and Ba 2015, "Adam: A Method for Stochastic Optimization"), bias-corrected,
 * updating parameter matrices in place, written like PyTorch's {@code torch.optim.Adam}.
 *
 * <p>Lifecycle: construct with the live parameter matrices and the matrices their gradients
 * are written to (same order, same shapes); the moments are allocated once here, zero.
 * Each {@link #step()} reads the gradients and moves the parameters. To continue a run, copy
 * the moments into {@link #firstMoments()} and {@link #secondMoments()} and set
 * {@link #setStepCount}; a new run takes a new Adam. Nothing is allocated per step. Each step
 * notes whether every parameter matrix stayed finite ({@link #firstNonFinite()}).
 *
 * <p>Settings: β1 = {@value #BETA1}, β2 = {@value #BETA2}, ε ({@value #EPSILON} unless given:
 * PyTorch's default; SB3's policies use 1e-5), the learning rate given at construction and
 * changed by {@link #setLearningRate} (a schedule).
 */
public final class Adam implements Optimiser {

    public static final double BETA1 = 0.9;
    public static final double BETA2 = 0.999;
    public static final double EPSILON = 1e-8;

    private double learningRate;
    private final double epsilon;
    private final DMatrixRMaj[] parameters;
    private final DMatrixRMaj[] gradients;
    private final DMatrixRMaj[] firstMoments;
    private final DMatrixRMaj[] secondMoments;
    private final List<DMatrixRMaj> firstMomentList;
    private final List<DMatrixRMaj> secondMomentList;
    private long step;
    private int firstNonFinite = -1;

    public Adam(double learningRate, List<DMatrixRMaj> parameters, List<DMatrixRMaj> gradients) {
        this(learningRate, EPSILON, parameters, gradients);
    }

    /** Adam with ε = {@code epsilon} (in the denominator, √v̂ + ε, like PyTorch). */
    public Adam(double learningRate, double epsilon, List<DMatrixRMaj> parameters,
                List<DMatrixRMaj> gradients) {
        Optimiser.checkPositive("learningRate", learningRate);
        Optimiser.checkPositive("epsilon", epsilon);
        this.learningRate = learningRate;
        this.epsilon = epsilon;
        this.firstMoments = Optimiser.zerosLike(parameters, gradients);
        this.secondMoments = Optimiser.zerosLike(parameters, gradients);
        this.parameters = parameters.toArray(new DMatrixRMaj[0]);
        this.gradients = gradients.toArray(new DMatrixRMaj[0]);
        this.firstMomentList = Collections.unmodifiableList(Arrays.asList(firstMoments));
        this.secondMomentList = Collections.unmodifiableList(Arrays.asList(secondMoments));
    }

    /** One Adam step over every parameter, in place. */
    @Override
    public void step() {
        final double eps = epsilon;
        step++;
        // bias corrections c1 = 1 − β1^t, c2 = 1 − β2^t
        double c1 = 1 - power(BETA1, step);
        double c2 = 1 - power(BETA2, step);
        double stepSize = learningRate / c1;
        double sqrtC2 = Math.sqrt(c2);
        int bad = -1;
        for (int i = 0; i < parameters.length; i++) {
            double[] p = parameters[i].data;
            double[] g = gradients[i].data;
            double[] m = firstMoments[i].data;
            double[] v = secondMoments[i].data;
            int n = parameters[i].getNumElements();
            for (int j = 0; j < n; j++) {
                double gj = g[j];
                // m ← β1 m + (1 − β1) g
                m[j] = BETA1 * m[j] + (1 - BETA1) * gj;
                // v ← β2 v + (1 − β2) g²
                v[j] = BETA2 * v[j] + (1 - BETA2) * gj * gj;
                // θ ← θ − (lr / c1) · m / (√v / √c2 + ε)
                p[j] -= stepSize * m[j] / (Math.sqrt(v[j]) / sqrtC2 + eps);
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

    /**
     * base^exponent by repeated squaring: a function of t alone (so a run restored from a
     * checkpoint continues bit for bit), reproducible on every JVM, and allocation-free
     * (JDK 17's {@code StrictMath.pow} allocates on every call). Within a few ulps of pow.
     */
    static double power(double base, long exponent) {
        double result = 1;
        double square = base;
        for (long e = exponent; e > 0; e >>= 1) {
            if ((e & 1) != 0) {
                result *= square;
            }
            square *= square;
        }
        return result;
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

    /** The step count t used in the bias correction. */
    @Override
    public long stepCount() {
        return step;
    }

    /** Sets t (when restoring a checkpoint). */
    @Override
    public void setStepCount(long step) {
        if (step < 0) {
            throw new IllegalArgumentException("Adam step must be ≥ 0, was " + step);
        }
        this.step = step;
    }

    /** The live first moments m, in the order of the parameters. */
    @Override
    public List<DMatrixRMaj> firstMoments() {
        return firstMomentList;
    }

    /** The live second moments v, in the order of the parameters. */
    @Override
    public List<DMatrixRMaj> secondMoments() {
        return secondMomentList;
    }

    @Override
    public String toString() {
        return "Adam(lr=" + learningRate + ", β1=" + BETA1 + ", β2=" + BETA2 + ", ε=" + epsilon
                + ", t=" + step + ")";
    }
}
