package cartpolelab.agent;

import cartpolelab.env.CartPole;
import cartpolelab.nn.Activations;
import cartpolelab.nn.GradientClipping;
import cartpolelab.nn.Mlp;
import cartpolelab.nn.Optimiser;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.ejml.data.DMatrixRMaj;

/**
 * One learning update on a {@link RolloutBuffer}, for every {@link Algorithm}: returns,
 * advantages, actor loss, critic loss, gradient clipping, the learning-rate schedule, the
 * optimiser step and the NaN/Inf checks, in that order,
 * the equation above each block. The algorithms differ only through {@link Algorithm}'s
 * properties; the formulas and their sources are in {@link Algorithm}'s class comment.
 *
 * <p>The critic's forward pass and both backward passes run once per update on the whole
 * rollout as matrices; the actor's activations h_t were kept from acting. Every work matrix
 * is allocated in the constructor: an update allocates nothing.
 */
final class PolicyGradientUpdate {

    private static final int ACTIONS = CartPole.ACTION_COUNT;

    private final Hyperparameters hp;
    private final Algorithm algorithm;
    private final Mlp actor;
    private final Mlp critic;
    private final Optimiser adam;
    private final List<DMatrixRMaj> allGradients;
    private final List<String> parameterNames;
    private final List<DMatrixRMaj> criticGradients;

    private final Mlp.Workspace actorWorkspace;
    private final Mlp.Workspace criticWorkspace;
    /** V(s') of every row, for rollouts of several environments (null for one). */
    private final Mlp.Workspace nextCritic;
    private final DMatrixRMaj logitGradient;
    private final DMatrixRMaj valueGradient;
    private final double[] advantages;
    /** The actor's Ψ_t: the advantages, normalised when the settings say so. */
    private final double[] actorAdvantages;
    private final double criticLossScale;

    private int lastSteps;
    private double actorLoss;
    private double criticLoss;
    private double entropy;

    /**
     * @param parameterNames the names of the matrices {@code adam} moves, in its order (for
     *                       the NaN message)
     * @param capacity   rows of the largest rollout: envs × steps per environment
     */
    PolicyGradientUpdate(Hyperparameters hp, Mlp actor, Mlp critic, Optimiser adam,
                         List<String> parameterNames, List<DMatrixRMaj> gradients,
                         int capacity) {
        this.hp = hp;
        this.algorithm = hp.algorithm();
        this.actor = actor;
        this.critic = critic;
        this.adam = adam;
        this.parameterNames = parameterNames;
        this.allGradients = gradients;
        this.criticGradients = critic.gradients();
        // one hidden layer: its activations come from acting, backward rows only; deeper
        // networks run the actor forward on the rollout again for the earlier layers
        this.actorWorkspace = actor.hiddenLayers() == 1 ? actor.newWorkspace(1, capacity)
                : actor.newWorkspace(capacity, capacity);
        this.criticWorkspace = critic.newWorkspace(capacity + 1);
        this.nextCritic = hp.envs() > 1 && algorithm.usesCritic()
                ? critic.newWorkspace(capacity, 1) : null;
        this.logitGradient = new DMatrixRMaj(capacity, ACTIONS);
        this.valueGradient = new DMatrixRMaj(capacity, 1);
        this.advantages = new double[capacity];
        this.actorAdvantages = hp.normaliseAdvantage() ? new double[capacity] : advantages;
        // k of the critic loss: A2C's is a setting (default ½, the notebook's and SB3's)
        this.criticLossScale = algorithm == Algorithm.A2C ? hp.valueCoefficient()
                : algorithm.criticLossScale();
    }

    /**
     * Losses and gradients of the rollout, then the checked optimiser step.
     *
     * @param stepsSoFar environment steps taken, this rollout's included (for a schedule)
     */
    void apply(RolloutBuffer rollout, long stepsSoFar) {
        computeLossesAndGradients(rollout);
        step(stepsSoFar);
    }

    /**
     * Computes the losses of the rollout ({@link #actorLoss()} and friends) and writes
     * dLoss/dθ into the networks' gradients. Does not move the parameters.
     */
    void computeLossesAndGradients(RolloutBuffer rollout) {
        // T: the rows of the rollout, N environments × their steps
        final int steps = rollout.rows();
        if (rollout.size() == 0) {
            throw new IllegalStateException("no steps recorded: nothing to learn from");
        }
        final double invT = 1.0 / steps;
        lastSteps = steps;
        final double gamma = hp.discount();
        final double c = algorithm.usesEntropy() ? hp.entropyCoefficient() : 0;
        final int[] actions = rollout.actions();
        final double[] probabilities = rollout.probabilities();
        final double[] logProbabilities = rollout.logProbabilities();

        // ---- V(s_0) … V(s_T): the critic on the whole rollout plus the bootstrap row ----
        // (several environments: V(s') of every row instead of one bootstrap row)
        boolean oneEnv = rollout.envs() == 1;
        double[] v = null;
        if (algorithm.usesCritic()) {
            critic.forward(oneEnv ? rollout.statesWithBootstrap() : rollout.states(),
                    criticWorkspace);
            v = criticWorkspace.output().data;
        }

        // ---- advantages Ψ_t (constants for the actor) and the critic's targets ----
        // GAE(λ) in Advantages: δ_t = r_t + γ V(s_{t+1}) − V(s_t),  Â_t = Σ_l (γλ)^l δ_{t+l},
        // V(s_T) = 0 if the pole fell. A2C: λ from the settings, V(s_T) bootstraps a cut.
        // REINFORCE + baseline: λ = 1, no bootstrap, so Ψ_t = G_t − V(s_t) (Monte Carlo).
        // REINFORCE: no critic (V ≡ 0), so Ψ_t = G_t.
        // Several environments: GAE per environment's block, split at its episodes' ends.
        boolean bootstraps = algorithm.bootstraps();
        if (oneEnv) {
            Advantages.gae(rollout.rewards(), v, steps, rollout.end(),
                    bootstraps ? v[steps] : 0, gamma, bootstraps ? hp.gaeLambda() : 1,
                    advantages, null);
        } else {
            critic.forward(rollout.nextStates(), nextCritic);
            Advantages.gaeBlocks(rollout, v, nextCritic.output().data, gamma, hp.gaeLambda(),
                    advantages, null);
        }

        // ---- SB3's normalize_advantage: Ψ_t ← (Ψ_t − mean Ψ) / (std Ψ + 1e-8) for the actor ----
        if (hp.normaliseAdvantage()) {
            normalise(advantages, actorAdvantages, steps);
        }

        // ---- actor loss and dL/dz at the logits ----
        // L_actor = −(1/T) Σ_t log π(a_t|s_t) Ψ_t            H_t = −Σ_k π_tk log π_tk
        // ∂L_actor/∂z_tk = −(1/T) Ψ_t (1[k = a_t] − π_tk)
        // ∂(−c (1/T) Σ_t H_t)/∂z_tk = (c/T) π_tk (log π_tk + H_t)     (c = 0 without entropy)
        logitGradient.reshape(steps, ACTIONS);
        double[] dz = logitGradient.data;
        double actorSum = 0;
        double entropySum = 0;
        for (int t = 0; t < steps; t++) {
            int base = t * ACTIONS;
            double psi = actorAdvantages[t];
            double h = Activations.entropy(probabilities, logProbabilities, base, ACTIONS);
            entropySum += h;
            actorSum -= logProbabilities[base + actions[t]] * psi;
            for (int k = 0; k < ACTIONS; k++) {
                double p = probabilities[base + k];
                double indicator = k == actions[t] ? 1 : 0;
                double entropyTerm = p > 0 ? p * (logProbabilities[base + k] + h) : 0;
                dz[base + k] = -invT * psi * (indicator - p) + c * invT * entropyTerm;
            }
        }
        actorLoss = actorSum * invT;
        entropy = entropySum * invT;
        // dW, db of the actor from dz, with h_t kept from acting (deeper networks: forward again)
        if (actor.hiddenLayers() == 1) {
            actor.backward(rollout.states(), rollout.actorHidden(), logitGradient,
                    actorWorkspace);
        } else {
            actor.forward(rollout.states(), actorWorkspace);
            actor.backward(rollout.states(), actorWorkspace.hidden(), logitGradient,
                    actorWorkspace);
        }

        // ---- critic loss and dL/dV ----
        // L_critic = k (1/T) Σ_t (G^λ_t − V(s_t))² = k (1/T) Σ_t Â_t²,
        // ∂L_critic/∂V_t = −2k (1/T) Â_t   (target G^λ_t = Â_t + V(s_t) held constant;
        // k = 1 for the baseline, ½ for A2C)
        if (algorithm.usesCritic()) {
            double scale = criticLossScale;
            valueGradient.reshape(steps, 1);
            double[] dv = valueGradient.data;
            double criticSum = 0;
            for (int t = 0; t < steps; t++) {
                double a = advantages[t];
                criticSum += a * a;
                dv[t] = -2 * scale * invT * a;
            }
            criticLoss = scale * criticSum * invT;
            // the bootstrap row s_T takes no gradient: backward over the first T rows only
            critic.backward(rollout.states(), criticWorkspace.hidden(steps), valueGradient,
                    criticWorkspace);
        } else {
            criticLoss = 0;
            // an index loop: a for-each would allocate an iterator per update
            for (int i = 0; i < criticGradients.size(); i++) {
                criticGradients.get(i).zero();
            }
        }
    }

    /**
     * Ψ_t ← (Ψ_t − mean) / (std + 1e-8), std with Bessel's correction (torch's {@code std()}),
     * over the first {@code n} values; one value is left as it is (SB3 skips a batch of one).
     */
    static void normalise(double[] in, double[] out, int n) {
        if (n < 2) {
            System.arraycopy(in, 0, out, 0, n);
            return;
        }
        double mean = 0;
        for (int t = 0; t < n; t++) {
            mean += in[t];
        }
        mean /= n;
        double sumSquares = 0;
        for (int t = 0; t < n; t++) {
            double d = in[t] - mean;
            sumSquares += d * d;
        }
        double std = Math.sqrt(sumSquares / (n - 1));
        for (int t = 0; t < n; t++) {
            out[t] = (in[t] - mean) / (std + 1e-8);
        }
    }

    /**
     * The NaN/Inf check of the losses, gradient clipping, the learning-rate schedule, the
     * optimiser step, the NaN/Inf check of the parameters.
     */
    private void step(long stepsSoFar) {
        // ---- L = L_actor + L_critic − c · mean H; stop before a non-finite loss moves θ ----
        double total = actorLoss + criticLoss
                - (algorithm.usesEntropy() ? hp.entropyCoefficient() * entropy : 0);
        checkFinite("actor loss", actorLoss);
        checkFinite("critic loss", criticLoss);
        checkFinite("entropy", entropy);
        checkFinite("total loss", total);

        // ---- g ← g · min(1, max_norm / (‖g‖ + 1e-6)), one norm over all parameters ----
        if (hp.maxGradNorm() > 0) {
            GradientClipping.clipGlobalNorm(allGradients, hp.maxGradNorm());
        }

        // ---- lr_k = lr · (1 − steps / schedule steps), linear schedule only ----
        if (hp.learningRateSchedule() != Schedule.CONSTANT) {
            adam.setLearningRate(hp.learningRateSchedule().at(hp.learningRate(), stepsSoFar,
                    hp.scheduleSteps()));
        }

        // ---- optimiser step: Adam θ ← θ − lr · m̂ / (√v̂ + ε), RMSprop θ ← θ − lr g / (√v + ε)
        adam.step();

        // ---- NaN/Inf check of the parameters ----
        int bad = adam.firstNonFinite();
        if (bad >= 0) {
            throw new IllegalStateException(parameterNames.get(bad) + " became NaN or "
                    + "infinite at update " + adam.stepCount() + "; lower the learning rate (now "
                    + hp.learningRate() + ")");
        }
    }

    private void checkFinite(String what, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalStateException(String.format(Locale.ROOT,
                    "%s became %s at update %d; lower the learning rate (now %s) or the "
                            + "discount (now %s)", what, value, adam.stepCount() + 1, hp.learningRate(),
                    hp.discount()));
        }
    }

    /** Ψ_t of the last update's steps, a copy. */
    double[] multipliers() {
        return Arrays.copyOf(advantages, lastSteps);
    }

    double actorLoss() {
        return actorLoss;
    }

    double criticLoss() {
        return criticLoss;
    }

    double entropy() {
        return entropy;
    }
}
