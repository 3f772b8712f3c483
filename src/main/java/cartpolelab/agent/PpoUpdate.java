package cartpolelab.agent;

import cartpolelab.env.CartPole;
import cartpolelab.nn.Activations;
import cartpolelab.nn.GradientClipping;
import cartpolelab.nn.Mlp;
import cartpolelab.nn.Optimiser;
import java.util.List;
import org.ejml.data.DMatrixRMaj;

/**
 * PPO's update (Schulman, Wolski, Dhariwal, Radford and Klimov 2017, "Proximal policy
 * optimization algorithms"), written to read like CleanRL's {@code ppo.py} and SB3's
 * {@code ppo.py}: on a rollout of T steps that may span episodes, GAE(λ) advantages once, then
 * {@code epochs} passes over the rollout in shuffled minibatches of M steps, one optimiser
 * step per minibatch, with the clipped surrogate, the value loss and the entropy bonus.
 * The quantities of the rollout (log π_old, Â, the critic's targets R) are constants.
 *
 * <p>Per update it reports the means over its minibatches of the policy loss, the value loss,
 * the entropy, {@code ppo/approx_kl} (SB3's estimator mean((ρ − 1) − log ρ)) and
 * {@code ppo/clip_fraction} (mean of [|ρ − 1| &gt; ε]). Every work array is allocated in the
 * constructor: an update allocates nothing (the shuffling generator is a long).
 */
final class PpoUpdate {

    private static final int IN = CartPole.OBSERVATION_SIZE;
    private static final int ACTIONS = CartPole.ACTION_COUNT;

    private final Hyperparameters hp;
    private final Mlp actor;
    private final Mlp critic;
    private final Optimiser optimiser;
    private final List<String> parameterNames;
    private final List<DMatrixRMaj> gradients;

    private final Mlp.Workspace rolloutCritic;
    private final Mlp.Workspace actorWorkspace;
    private final Mlp.Workspace criticWorkspace;
    private final double[] values;
    private final double[] nextValues;
    private final double[] advantages;
    private final double[] returns;
    private final int[] order;
    private final long[] shuffleState = new long[1];
    private final DMatrixRMaj batchStates;
    private final double[] batchAdvantages;
    private final double[] probabilities;
    private final double[] logProbabilities;
    private final DMatrixRMaj logitGradient;
    private final DMatrixRMaj valueGradient;

    private double policyLoss;
    private double valueLoss;
    private double entropy;
    private double approxKl;
    private double clipFraction;

    PpoUpdate(Hyperparameters hp, Mlp actor, Mlp critic, Optimiser optimiser,
              List<String> parameterNames, List<DMatrixRMaj> gradients, int capacity) {
        this.hp = hp;
        this.actor = actor;
        this.critic = critic;
        this.optimiser = optimiser;
        this.parameterNames = parameterNames;
        this.gradients = gradients;
        int m = Math.min(hp.minibatch(), capacity);
        this.rolloutCritic = critic.newWorkspace(capacity, 1);
        this.actorWorkspace = actor.newWorkspace(m);
        this.criticWorkspace = critic.newWorkspace(m);
        this.values = new double[capacity];
        this.nextValues = new double[capacity];
        this.advantages = new double[capacity];
        this.returns = new double[capacity];
        this.order = new int[capacity];
        this.batchStates = new DMatrixRMaj(m, IN);
        this.batchAdvantages = new double[m];
        this.probabilities = new double[m * ACTIONS];
        this.logProbabilities = new double[m * ACTIONS];
        this.logitGradient = new DMatrixRMaj(m, ACTIONS);
        this.valueGradient = new DMatrixRMaj(m, 1);
    }

    /**
     * One PPO update on the rollout.
     *
     * @param stepsSoFar environment steps taken, this rollout's included (for the schedules)
     */
    void apply(RolloutBuffer rollout, long stepsSoFar) {
        prepare(rollout);
        final int steps = rollout.rows();

        // ---- schedules: lr_k, ε_k = start · (1 − steps / schedule steps) when linear ----
        if (hp.learningRateSchedule() != Schedule.CONSTANT) {
            optimiser.setLearningRate(hp.learningRateSchedule().at(hp.learningRate(),
                    stepsSoFar, hp.scheduleSteps()));
        }
        double clip = hp.clipRangeSchedule().at(hp.clipRange(), stepsSoFar, hp.scheduleSteps());

        // ---- epochs × shuffled minibatches, one optimiser step each ----
        shuffleState[0] = RandomStreams.minibatchSeed(hp.seed(), optimiser.stepCount());
        int minibatch = Math.min(hp.minibatch(), steps);
        int count = 0;
        double sumPolicy = 0;
        double sumValue = 0;
        double sumEntropy = 0;
        double sumKl = 0;
        double sumClipped = 0;
        for (int epoch = 0; epoch < hp.epochs(); epoch++) {
            shuffle(order, steps, shuffleState);
            for (int from = 0; from < steps; from += minibatch) {
                int size = Math.min(minibatch, steps - from);
                minibatchGradients(rollout, from, size, clip);
                sumPolicy += policyLoss;
                sumValue += valueLoss;
                sumEntropy += entropy;
                sumKl += approxKl;
                sumClipped += clipFraction;
                count++;
                step();
            }
        }
        policyLoss = sumPolicy / count;
        valueLoss = sumValue / count;
        entropy = sumEntropy / count;
        approxKl = sumKl / count;
        clipFraction = sumClipped / count;
    }

    /**
     * The rollout's values, GAE advantages Â_t and targets R_t, and the identity order: the
     * constants of the epochs that follow.
     */
    void prepare(RolloutBuffer rollout) {
        final int steps = rollout.rows();
        if (rollout.size() == 0) {
            throw new IllegalStateException("no steps recorded: nothing to learn from");
        }
        // ---- V(s_t) and V(s_{t+1}) of every step, one critic pass each ----
        critic.forward(rollout.states(), rolloutCritic);
        System.arraycopy(rolloutCritic.output().data, 0, values, 0, steps);
        critic.forward(rollout.nextStates(), rolloutCritic);
        System.arraycopy(rolloutCritic.output().data, 0, nextValues, 0, steps);

        // ---- GAE(λ) per episode segment: Â_t = Σ_l (γλ)^l δ_{t+l}, R_t = Â_t + V(s_t) ----
        // a segment ends where its episode ended (fell → 0, cut → V of the real last state)
        // or at its environment's last step of the rollout (V of the state after it)
        Advantages.gaeBlocks(rollout, values, nextValues, hp.discount(), hp.gaeLambda(),
                advantages, returns);
        for (int i = 0; i < steps; i++) {
            order[i] = i;
        }
    }

    /**
     * Fisher–Yates on {@code order[0..n)}, one SplitMix64 draw per position from
     * {@code state} ({@link RandomStreams#nextLong}), which it advances.
     */
    static void shuffle(int[] order, int n, long[] state) {
        for (int i = n - 1; i > 0; i--) {
            int j = (int) Long.remainderUnsigned(RandomStreams.nextLong(state), i + 1);
            int tmp = order[i];
            order[i] = order[j];
            order[j] = tmp;
        }
    }

    /**
     * The losses of the minibatch {@code order[from..from+size)} and their gradients in the
     * networks' gradient matrices.
     */
    void minibatchGradients(RolloutBuffer rollout, int from, int size, double clip) {
        final double invM = 1.0 / size;
        final double c = hp.entropyCoefficient();
        final double k = hp.valueCoefficient();
        double[] s = rollout.states().data;
        int[] actions = rollout.actions();
        double[] oldLogProbabilities = rollout.logProbabilities();
        // gather the minibatch's states and advantages
        batchStates.reshape(size, IN);
        for (int i = 0; i < size; i++) {
            int t = order[from + i];
            System.arraycopy(s, t * IN, batchStates.data, i * IN, IN);
            batchAdvantages[i] = advantages[t];
        }
        // Â ← (Â − mean Â) / (std Â + 1e-8) over the minibatch (SB3's normalize_advantage)
        if (hp.normaliseAdvantage()) {
            PolicyGradientUpdate.normalise(batchAdvantages, batchAdvantages, size);
        }

        // ---- π_θ(·|s) of the minibatch: z = actor(s), log π = log softmax(z) ----
        actor.forward(batchStates, actorWorkspace);
        double[] z = actorWorkspace.output().data;
        logitGradient.reshape(size, ACTIONS);
        double[] dz = logitGradient.data;
        double policySum = 0;
        double entropySum = 0;
        double klSum = 0;
        int clipped = 0;
        for (int i = 0; i < size; i++) {
            int t = order[from + i];
            int base = i * ACTIONS;
            int a = actions[t];
            Activations.softmax(z, base, ACTIONS, probabilities, logProbabilities, base);
            // ρ = π_θ(a|s) / π_old(a|s) = exp(log π_θ − log π_old)
            double logRatio = logProbabilities[base + a] - oldLogProbabilities[t * ACTIONS + a];
            double ratio = StrictMath.exp(logRatio);
            double adv = batchAdvantages[i];
            // L_clip = −min(ρ Â, clip(ρ, 1 − ε, 1 + ε) Â)
            double surrogate = ratio * adv;
            double clippedSurrogate = Math.min(Math.max(ratio, 1 - clip), 1 + clip) * adv;
            policySum -= Math.min(surrogate, clippedSurrogate);
            // ∂L_clip/∂log π_θ(a|s) = −ρ Â where the unclipped term is the minimum, else 0
            double dLogPi = surrogate <= clippedSurrogate ? -ratio * adv * invM : 0;
            // approx_kl = mean((ρ − 1) − log ρ);  clip_fraction = mean([|ρ − 1| > ε])
            klSum += (ratio - 1) - logRatio;
            if (Math.abs(ratio - 1) > clip) {
                clipped++;
            }
            double h = Activations.entropy(probabilities, logProbabilities, base, ACTIONS);
            entropySum += h;
            // ∂/∂z_k: dLogPi (1[k = a] − π_k)  +  (c/M) π_k (log π_k + H)   (bonus −c mean H)
            for (int j = 0; j < ACTIONS; j++) {
                double p = probabilities[base + j];
                double entropyTerm = p > 0 ? p * (logProbabilities[base + j] + h) : 0;
                dz[base + j] = dLogPi * ((j == a ? 1 : 0) - p) + c * invM * entropyTerm;
            }
        }
        policyLoss = policySum * invM;
        entropy = entropySum * invM;
        approxKl = klSum * invM;
        clipFraction = clipped * invM;
        actor.backward(batchStates, actorWorkspace.hidden(), logitGradient, actorWorkspace);

        // ---- value loss k · mean (R_t − V_θ(s_t))²,  ∂/∂V_t = −2k (R_t − V_t) / M ----
        critic.forward(batchStates, criticWorkspace);
        double[] v = criticWorkspace.output().data;
        valueGradient.reshape(size, 1);
        double valueSum = 0;
        for (int i = 0; i < size; i++) {
            double error = returns[order[from + i]] - v[i];
            valueSum += error * error;
            valueGradient.data[i] = -2 * k * invM * error;
        }
        valueLoss = k * valueSum * invM;
        critic.backward(batchStates, criticWorkspace.hidden(), valueGradient, criticWorkspace);
    }

    /** Clipping, the optimiser step and the NaN/Inf checks. */
    private void step() {
        // L = L_clip + L_value − c · mean H; stop before a non-finite loss moves θ
        double total = policyLoss + valueLoss - hp.entropyCoefficient() * entropy;
        if (!Double.isFinite(total)) {
            throw new IllegalStateException("PPO's loss became " + total + " at update "
                    + (optimiser.stepCount() + 1) + "; lower the learning rate (now " + hp.learningRate() + ")");
        }
        // g ← g · min(1, max_norm / (‖g‖ + 1e-6))
        if (hp.maxGradNorm() > 0) {
            GradientClipping.clipGlobalNorm(gradients, hp.maxGradNorm());
        }
        optimiser.step();
        int bad = optimiser.firstNonFinite();
        if (bad >= 0) {
            throw new IllegalStateException(parameterNames.get(bad) + " became NaN or "
                    + "infinite at update " + optimiser.stepCount() + "; lower the learning "
                    + "rate (now " + hp.learningRate() + ")");
        }
    }

    /** Â_t of the last update's rollout (before any normalisation). */
    double[] advantages() {
        return advantages;
    }

    /** R_t = Â_t + V(s_t) of the last update's rollout. */
    double[] returns() {
        return returns;
    }

    /** The order of the rollout's steps in the last epoch's minibatches. */
    int[] order() {
        return order;
    }

    double policyLoss() {
        return policyLoss;
    }

    double valueLoss() {
        return valueLoss;
    }

    double entropy() {
        return entropy;
    }

    double approxKl() {
        return approxKl;
    }

    double clipFraction() {
        return clipFraction;
    }
}
