package cartpolelab.agent;

import cartpolelab.env.CartPole;
import cartpolelab.nn.Activations;
import cartpolelab.nn.Categorical;
import cartpolelab.nn.Mlp;
import java.util.random.RandomGenerator;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * One episode of the {@link GradientVarianceProbe} and the estimators' gradients of it:
 * s_0 … s_T, a_t, r_t, how it ended, and h_t and π(·|s_t) kept from acting. The formulas are in
 * the probe's class comment and above {@link #computeGradients()}. Reads the networks it is
 * given (the probe's copies); every buffer is allocated in the constructor.
 */
final class EstimatorGradients {

    private static final int IN = CartPole.OBSERVATION_SIZE;
    private static final int ACTIONS = CartPole.ACTION_COUNT;
    private static final int ESTIMATORS = GradientVarianceProbe.ESTIMATORS;

    private final Hyperparameters hp;
    private final Mlp actor;
    private final Mlp critic;
    private final DMatrixRMaj secondWeights;
    private final Mlp.Workspace actWorkspace;
    private final Mlp.Workspace criticWorkspace;
    private final int parameterCount;

    // ---- the episode ----
    private final DMatrixRMaj states;
    private final int[] actions;
    private final double[] rewards;
    private final DMatrixRMaj hidden;
    private final double[] probabilities;
    private int size;
    private EpisodeEnd end = EpisodeEnd.RUNNING;

    // ---- work (see computeGradients) and the result ----
    private final double[][] weights;
    private final DMatrixRMaj scores;
    private final DMatrixRMaj unitGradient;
    private final DMatrixRMaj firstLayerFactors;
    private final DMatrixRMaj secondLayerFactors;
    private final DMatrixRMaj firstLayerGradients;
    private final DMatrixRMaj secondLayerGradients;
    private final double[][] gradient;

    /** For {@code actor} (4 → hidden → 2) and {@code critic} (4 → hidden → 1) of {@code hp}. */
    EstimatorGradients(Hyperparameters hp, Mlp actor, Mlp critic) {
        this.hp = hp;
        this.actor = actor;
        this.critic = critic;
        this.secondWeights = actor.parameters().get(2);
        int h = hp.hiddenSize();
        int capacity = hp.episodeStepLimit();
        int count = 0;
        for (DMatrixRMaj p : actor.parameters()) {
            count += p.getNumElements();
        }
        this.parameterCount = count;
        this.actWorkspace = actor.newWorkspace(1, 1);
        this.criticWorkspace = critic.newWorkspace(capacity + 1, 1);
        this.states = new DMatrixRMaj(capacity + 1, IN);
        this.actions = new int[capacity];
        this.rewards = new double[capacity];
        this.hidden = new DMatrixRMaj(capacity, h);
        this.probabilities = new double[capacity * ACTIONS];
        this.weights = new double[ESTIMATORS][capacity];
        this.scores = new DMatrixRMaj(capacity, ACTIONS);
        this.unitGradient = new DMatrixRMaj(capacity, h);
        this.firstLayerFactors = new DMatrixRMaj(capacity, ESTIMATORS * (IN + 1));
        this.secondLayerFactors = new DMatrixRMaj(capacity, ESTIMATORS * ACTIONS);
        this.firstLayerGradients = new DMatrixRMaj(ESTIMATORS * (IN + 1), h);
        this.secondLayerGradients = new DMatrixRMaj(ESTIMATORS * ACTIONS, h);
        this.gradient = new double[ESTIMATORS][count];
    }

    /** Starts an episode at s_0. */
    void begin(double[] observation) {
        size = 0;
        end = EpisodeEnd.RUNNING;
        System.arraycopy(observation, 0, states.data, 0, IN);
    }

    /**
     * a_t ~ π(·|s_t) for the latest state (one {@code nextDouble()}), keeping h_t and π(·|s_t);
     * with {@code random} null, takes {@code given} instead.
     */
    int act(RandomGenerator random, int given) {
        int t = size;
        if (t == actions.length) {
            throw new IllegalStateException("the episode ran past " + t + " steps");
        }
        // h = relu(s W1 + b1),  π = softmax(h W2ᵀ + b2)
        actor.forwardRow(states.data, t * IN, actWorkspace);
        int h = hidden.numCols;
        System.arraycopy(actWorkspace.hidden().data, 0, hidden.data, t * h, h);
        Activations.softmax(actWorkspace.output().data, 0, ACTIONS, probabilities, null,
                t * ACTIONS);
        int a = random == null ? given
                : Categorical.sample(probabilities, t * ACTIONS, ACTIONS, random);
        actions[t] = a;
        return a;
    }

    /** r_t and s_{t+1} of the last action, and how the episode stands after it. */
    void outcome(double reward, double[] nextObservation, EpisodeEnd after) {
        rewards[size] = reward;
        size++;
        System.arraycopy(nextObservation, 0, states.data, size * IN, IN);
        end = after;
    }

    /** T, the steps of the episode. */
    int size() {
        return size;
    }

    /**
     * The estimators' gradients of the episode into {@link #gradient(int)}, in one pass for
     * all of them. With e_t = onehot(a_t) − π(·|s_t) (∂ log π(a_t|s_t)/∂z_t) and Ψ^e_t the
     * estimator's weight, Σ_t Ψ_t ∇ log π(a_t|s_t) is, layer by layer (W2 is outputs × hidden):
     * <pre>
     *   dW2 = Σ_t Ψ_t e_tᵀ h_t        db2 = Σ_t Ψ_t e_t
     *   dW1 = Σ_t Ψ_t s_tᵀ u_t        db1 = Σ_t Ψ_t u_t       u_t = (e_t W2) ⊙ [h_t > 0]
     * </pre>
     * u_t does not depend on the estimator, so all of them are two matrix products:
     * [Ψ^e s_t, Ψ^e]ᵀ U and [Ψ^e e_t]ᵀ H, with the estimators side by side in the columns.
     */
    void computeGradients() {
        final int steps = size;
        final double gamma = hp.discount();
        // ---- V(s_0) … V(s_T) ----
        states.reshape(steps + 1, IN);
        critic.forward(states, criticWorkspace);
        double[] v = criticWorkspace.output().data;

        // ---- Ψ_t of each estimator ----
        // G_t = r_t + γ G_{t+1}, G_T = 0;  δ_t = r_t + γ V(s_{t+1}) − V(s_t), V(s_T) → 0 if fell
        double lastValue = end == EpisodeEnd.FELL ? 0 : v[steps];
        double g = 0;
        for (int t = steps - 1; t >= 0; t--) {
            g = rewards[t] + gamma * g;
            double next = t == steps - 1 ? lastValue : v[t + 1];
            weights[GradientVarianceProbe.REINFORCE][t] = g;
            weights[GradientVarianceProbe.BASELINE][t] = g - v[t];
            weights[GradientVarianceProbe.TD][t] = rewards[t] + gamma * next - v[t];
        }
        // the learner's own Ψ_t: its rule in Advantages, per update-sized rollout (the
        // episode, or n steps for n-step A2C, bootstrapping at each boundary), with its λ
        Algorithm algorithm = hp.algorithm();
        boolean bootstraps = algorithm.bootstraps();
        int rollout = hp.maxStepsPerUpdate();
        for (int start = 0; start < steps; start += rollout) {
            int stop = Math.min(steps, start + rollout);
            Advantages.gae(rewards, algorithm.usesCritic() ? v : null, start, stop - start, 1,
                    stop < steps ? EpisodeEnd.RUNNING : end, bootstraps ? v[stop] : 0, gamma,
                    bootstraps ? hp.gaeLambda() : 1, weights[GradientVarianceProbe.LEARNER],
                    null);
        }

        // ---- e_t = onehot(a_t) − π(·|s_t);  U = (E W2) ⊙ [H > 0] ----
        scores.reshape(steps, ACTIONS);
        double[] e = scores.data;
        for (int t = 0; t < steps; t++) {
            for (int k = 0; k < ACTIONS; k++) {
                e[t * ACTIONS + k] = (k == actions[t] ? 1 : 0) - probabilities[t * ACTIONS + k];
            }
        }
        hidden.reshape(steps, hidden.numCols);
        CommonOps_DDRM.mult(scores, secondWeights, unitGradient);
        double[] u = unitGradient.data;
        double[] h = hidden.data;
        for (int i = 0, n = steps * hidden.numCols; i < n; i++) {
            u[i] = h[i] > 0 ? u[i] : 0;
        }

        // ---- factors: row t holds [Ψ^e_t s_t, Ψ^e_t] and [Ψ^e_t e_t] for each estimator e ----
        int wide = IN + 1;
        firstLayerFactors.reshape(steps, ESTIMATORS * wide);
        secondLayerFactors.reshape(steps, ESTIMATORS * ACTIONS);
        double[] x = firstLayerFactors.data;
        double[] y = secondLayerFactors.data;
        double[] s = states.data;
        for (int t = 0; t < steps; t++) {
            for (int est = 0; est < ESTIMATORS; est++) {
                double psi = weights[est][t];
                int at = (t * ESTIMATORS + est) * wide;
                for (int i = 0; i < IN; i++) {
                    x[at + i] = psi * s[t * IN + i];
                }
                x[at + IN] = psi;
                for (int k = 0; k < ACTIONS; k++) {
                    y[(t * ESTIMATORS + est) * ACTIONS + k] = psi * e[t * ACTIONS + k];
                }
            }
        }
        // [dW1; db1] of estimator e = rows 5e … 5e+4 of Xᵀ U;  dW2 = rows 2e, 2e+1 of Yᵀ H
        CommonOps_DDRM.multTransA(firstLayerFactors, unitGradient, firstLayerGradients);
        CommonOps_DDRM.multTransA(secondLayerFactors, hidden, secondLayerGradients);

        // ---- flatten: w1, b1, w2, b2 ----
        int firstBlock = wide * hidden.numCols;
        int secondBlock = ACTIONS * hidden.numCols;
        for (int est = 0; est < ESTIMATORS; est++) {
            double[] out = gradient[est];
            System.arraycopy(firstLayerGradients.data, est * firstBlock, out, 0, firstBlock);
            System.arraycopy(secondLayerGradients.data, est * secondBlock, out, firstBlock,
                    secondBlock);
            for (int k = 0; k < ACTIONS; k++) {
                double db2 = 0;
                for (int t = 0; t < steps; t++) {
                    db2 += y[(t * ESTIMATORS + est) * ACTIONS + k];
                }
                out[firstBlock + secondBlock + k] = db2;
            }
        }
    }

    /** The flattened gradient (w1, b1, w2, b2) of an estimator for the episode; live. */
    double[] gradient(int estimator) {
        return gradient[estimator];
    }

    /** Length of the actor's flattened parameter vector. */
    int parameterCount() {
        return parameterCount;
    }
}
