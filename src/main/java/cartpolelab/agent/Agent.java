package cartpolelab.agent;

import cartpolelab.env.CartPole;
import cartpolelab.nn.Activations;
import cartpolelab.nn.Adam;
import cartpolelab.nn.Categorical;
import cartpolelab.nn.Mlp;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.MatrixFeatures_DDRM;

/**
 * The actor and critic networks with their optimiser and the selected policy-gradient
 * algorithm, as in the study notebook.
 *
 * <p>Networks (two separate ones, as in the notebook): actor {@code 4 → hidden → 2} with a
 * softmax, critic {@code 4 → hidden → 1}; both initialised like PyTorch's {@code nn.Linear}
 * from {@link RandomStreams#weights}. One Adam (Kingma and Ba 2015) over all eight parameter
 * matrices, like the notebook's {@code optim.Adam(ac.parameters())}; since Adam works
 * elementwise this equals one Adam per network.
 *
 * <p>Algorithms (T = steps in the rollout, γ = discount, c = entropy coefficient):
 * <ul>
 *   <li>{@link Algorithm#REINFORCE} (Williams 1992) — the notebook's first formula,
 *       ∇J = E[Σ_t ∇ log π(a_t|s_t) G_t]: Monte-Carlo returns G_t = r_t + γ G_{t+1}, G_T = 0,
 *       loss = −(1/T) Σ_t log π(a_t|s_t) G_t. The critic is not used.</li>
 *   <li>{@link Algorithm#REINFORCE_BASELINE} — the notebook's "introduce a baseline b(s)",
 *       ∇J = E[Σ_t ∇ log π(a_t|s_t) (G_t − b(s_t))] with b = V: actor loss
 *       −(1/T) Σ_t log π(a_t|s_t) (G_t − V(s_t)) with the advantage held constant, critic loss
 *       (1/T) Σ_t (G_t − V(s_t))².</li>
 *   <li>{@link Algorithm#A2C} (Mnih et al. 2016, the synchronous variant of A3C) — the
 *       notebook's A(s_t, a_t) = Q(s_t, a_t) − V(s_t) with bootstrapped returns
 *       Q_t = r_t + γ Q_{t+1}; Q_T = V(s_T) when the episode was cut by the time or step limit
 *       (or at an n-step boundary), Q_T = 0 when the pole fell or the cart left the track.
 *       loss = −(1/T) Σ log π(a_t|s_t) A_t  +  ½ (1/T) Σ A_t²  −  c (1/T) Σ H(π(·|s_t)),
 *       with A held constant in the actor term and Q held constant in the critic term. The
 *       notebook writes the one-step form A = r_{t+1} + γ V(s_{t+1}) − V(s_t); its code, like
 *       this one, uses the discounted return to the end of the rollout, bootstrapped once
 *       from V(s_T) (n-step returns when {@code hp.nSteps() > 0}).</li>
 * </ul>
 * Two bugs of the notebook's source article are not reproduced: it detached the values (so its
 * critic never learned) and added the entropy with the wrong sign (a penalty, not a bonus).
 * It also bootstrapped from V(s_T) after the pole fell; here that is 0.
 *
 * <p>Speed: per step only the actor runs, on one row, and its hidden activations and
 * probabilities are kept in the rollout; the critic's forward pass and both backward passes
 * run once per update on the whole rollout as matrices. Every work matrix is allocated in the
 * constructor: {@link #act} and {@link #observe} allocate nothing.
 *
 * <p>Used by one thread at a time (the trainer's). The trainer drives it like this:
 * <pre>
 *   env.reset(random); env.observe(obs, 0);
 *   loop: a = agent.act(obs, random); r = env.advance(a); env.observe(next, 0);
 *         agent.observe(r, next, env.terminated(), cutOff);   // updates when due
 *         obs ← next; until terminated or cutOff
 *   stats = agent.takeEpisodeStats();
 * </pre>
 * {@code cutOff} is true when the episode was ended by the time limit or max steps (not by the
 * pole falling); then returns bootstrap from V(s_T), otherwise from 0. {@link EpisodeRunner}
 * is that loop, written once.
 */
public final class Agent {

    private static final int IN = CartPole.OBSERVATION_SIZE;
    private static final int ACTIONS = CartPole.ACTION_COUNT;
    private static final List<String> PARAMETER_NAMES = List.of(
            "actor.w1", "actor.b1", "actor.w2", "actor.b2",
            "critic.w1", "critic.b1", "critic.w2", "critic.b2");

    private final Hyperparameters hp;
    private final Algorithm algorithm;
    private final int hidden;
    /** Rows the rollout holds: the episode's step limit, or n for n-step A2C. */
    private final int capacity;
    private final boolean nStepUpdates;

    private final Mlp actor;
    private final Mlp critic;
    private final Adam adam;
    private final List<DMatrixRMaj> parameters;
    private final List<DMatrixRMaj> gradients;

    // ---- acting (one row) ----
    private final Mlp.Workspace actWorkspace;
    private final double[] lastProbabilities = new double[ACTIONS];

    // ---- the rollout: row t = step t; states has one more row for s_T ----
    private final DMatrixRMaj states;
    private final int[] actions;
    private final double[] rewards;
    /** The actor's hidden activations h_t, kept from acting for the backward pass. */
    private final DMatrixRMaj actorHidden;
    private final double[] probabilities;
    private final double[] logProbabilities;
    private int count;
    private boolean awaitingOutcome;

    // ---- the update (whole rollout as matrices) ----
    private final Mlp.Workspace actorUpdateWorkspace;
    private final Mlp.Workspace criticUpdateWorkspace;
    private final DMatrixRMaj logitGradient;
    private final DMatrixRMaj valueGradient;
    private final double[] returns;
    private final double[] advantages;

    // ---- inspection: own buffers, never the rollout's ----
    private final Mlp.Workspace inspectActor;
    private final Mlp.Workspace inspectCritic;
    private final double[] inspectProbabilities = new double[ACTIONS];

    // ---- statistics ----
    private long updates;
    private double lastActorLoss;
    private double lastCriticLoss;
    private double lastEntropy;
    private double sumActorLoss;
    private double sumCriticLoss;
    private double sumEntropy;
    private int updatesSinceTake;

    /** Networks initialised like PyTorch's nn.Linear from {@link RandomStreams#weights}. */
    public Agent(Hyperparameters hyperparameters) {
        if (hyperparameters == null) {
            throw new IllegalArgumentException("hyperparameters must not be null");
        }
        this.hp = hyperparameters;
        this.algorithm = hp.algorithm();
        this.hidden = hp.hiddenSize();
        this.nStepUpdates = algorithm == Algorithm.A2C && hp.nSteps() > 0;
        this.capacity = nStepUpdates
                ? Math.min(hp.nSteps(), hp.episodeStepLimit()) : hp.episodeStepLimit();

        this.actor = new Mlp(IN, hidden, ACTIONS);
        this.critic = new Mlp(IN, hidden, 1);
        RandomGenerator init = RandomStreams.weights(hp.seed());
        actor.initLikePyTorch(init);
        critic.initLikePyTorch(init);

        List<DMatrixRMaj> p = new ArrayList<>(actor.parameters());
        p.addAll(critic.parameters());
        List<DMatrixRMaj> g = new ArrayList<>(actor.gradients());
        g.addAll(critic.gradients());
        this.parameters = List.copyOf(p);
        this.gradients = List.copyOf(g);
        this.adam = new Adam(hp.learningRate(), parameters, gradients);

        this.actWorkspace = actor.newWorkspace(1, 1);
        this.states = new DMatrixRMaj(capacity + 1, IN);
        this.actions = new int[capacity];
        this.rewards = new double[capacity];
        this.actorHidden = new DMatrixRMaj(capacity, hidden);
        this.probabilities = new double[capacity * ACTIONS];
        this.logProbabilities = new double[capacity * ACTIONS];

        // the actor's activations come from acting (actorHidden): backward rows only
        this.actorUpdateWorkspace = actor.newWorkspace(1, capacity);
        this.criticUpdateWorkspace = critic.newWorkspace(capacity + 1);
        this.logitGradient = new DMatrixRMaj(capacity, ACTIONS);
        this.valueGradient = new DMatrixRMaj(capacity, 1);
        this.returns = new double[capacity];
        this.advantages = new double[capacity];

        this.inspectActor = actor.newWorkspace(1, 1);
        this.inspectCritic = critic.newWorkspace(1, 1);
    }

    public Hyperparameters hyperparameters() {
        return hp;
    }

    // ---- the learning loop; no allocation per call ----

    /**
     * Samples a ~ π(·|s) with {@code random} (exactly one {@code nextDouble()}), remembers
     * (s, a) for the next update.
     *
     * @throws IllegalStateException if the previous action's outcome was not observed yet
     */
    public int act(double[] observation, RandomGenerator random) {
        if (awaitingOutcome) {
            throw new IllegalStateException("act called twice: call observe with the outcome "
                    + "of the previous action first");
        }
        int t = count;
        System.arraycopy(observation, 0, states.data, t * IN, IN);
        // z = relu(s W1 + b1) W2ᵀ + b2,  π = softmax(z)
        actor.forwardRow(observation, 0, actWorkspace);
        Activations.softmax(actWorkspace.output().data, 0, ACTIONS, probabilities,
                logProbabilities, t * ACTIONS);
        // keep h_t for the batched backward pass
        System.arraycopy(actWorkspace.hidden().data, 0, actorHidden.data, t * hidden, hidden);
        // a ~ π(·|s)
        int a = Categorical.sample(probabilities, t * ACTIONS, ACTIONS, random);
        System.arraycopy(probabilities, t * ACTIONS, lastProbabilities, 0, ACTIONS);
        actions[t] = a;
        count = t + 1;
        awaitingOutcome = true;
        return a;
    }

    /** π(·|s) of the last {@link #act} call, copied into out[0..1]. */
    public void lastProbabilities(double[] out) {
        System.arraycopy(lastProbabilities, 0, out, 0, ACTIONS);
    }

    /**
     * Records the reward of the last action and the state it led to, and runs the learning
     * update when one is due (the episode's end, or every n steps for n-step A2C).
     *
     * @param terminated the pole fell or the cart left the track (bootstrap from 0)
     * @param cutOff     the time limit or max steps ended the episode (bootstrap from V(s_T))
     * @return true if an update ran
     * @throws IllegalStateException if a loss or a parameter became NaN or infinite, if no
     *                               action is awaiting its outcome, or if the episode ran
     *                               past {@code hp.episodeStepLimit()} without a cut-off
     */
    public boolean observe(double reward, double[] nextObservation, boolean terminated,
                           boolean cutOff) {
        recordOutcome(reward, nextObservation);
        if (terminated || cutOff || (nStepUpdates && count == capacity)) {
            try {
                update(terminated);
            } finally {
                count = 0;
            }
            return true;
        }
        if (count == capacity) {
            count = 0;
            throw new IllegalStateException("the episode ran " + capacity + " steps without "
                    + "ending: pass cutOff = true at hp.episodeStepLimit() = "
                    + hp.episodeStepLimit() + " steps");
        }
        return false;
    }

    /** Stores r_t and s_{t+1} (as the bootstrap row) without updating. */
    void recordOutcome(double reward, double[] nextObservation) {
        if (!awaitingOutcome) {
            throw new IllegalStateException("observe called without a preceding act");
        }
        rewards[count - 1] = reward;
        System.arraycopy(nextObservation, 0, states.data, count * IN, IN);
        awaitingOutcome = false;
    }

    /** Means over the updates since the last call; resets the accumulators. */
    public UpdateStats takeEpisodeStats() {
        if (updatesSinceTake == 0) {
            return UpdateStats.NONE;
        }
        UpdateStats stats = new UpdateStats(sumActorLoss / updatesSinceTake,
                sumCriticLoss / updatesSinceTake, sumEntropy / updatesSinceTake,
                updatesSinceTake);
        sumActorLoss = 0;
        sumCriticLoss = 0;
        sumEntropy = 0;
        updatesSinceTake = 0;
        return stats;
    }

    /** Drops a partly recorded rollout without learning from it. */
    public void discardRollout() {
        count = 0;
        awaitingOutcome = false;
    }

    /** Steps recorded in the current rollout (since the last update or discard). */
    public int rolloutLength() {
        return count;
    }

    /** Learning updates run so far. */
    public long updates() {
        return updates;
    }

    // ---- the update ----

    /** Losses, gradients, Adam step and the NaN/Inf checks, on the recorded rollout. */
    void update(boolean terminated) {
        computeLossesAndGradients(terminated);
        double total = lastActorLoss + lastCriticLoss
                - (algorithm == Algorithm.A2C ? hp.entropyCoefficient() * lastEntropy : 0);
        checkFinite("actor loss", lastActorLoss);
        checkFinite("critic loss", lastCriticLoss);
        checkFinite("entropy", lastEntropy);
        checkFinite("total loss", total);
        adam.step();
        updates++;
        for (int i = 0; i < parameters.size(); i++) {
            if (MatrixFeatures_DDRM.hasUncountable(parameters.get(i))) {
                throw new IllegalStateException(PARAMETER_NAMES.get(i) + " became NaN or "
                        + "infinite at update " + updates + "; lower the learning rate (now "
                        + hp.learningRate() + ")");
            }
        }
        sumActorLoss += lastActorLoss;
        sumCriticLoss += lastCriticLoss;
        sumEntropy += lastEntropy;
        updatesSinceTake++;
    }

    private void checkFinite(String what, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalStateException(String.format(Locale.ROOT,
                    "%s became %s at update %d; lower the learning rate (now %s) or the "
                            + "discount (now %s)", what, value, updates + 1, hp.learningRate(),
                    hp.discount()));
        }
    }

    /**
     * Computes the losses of the recorded rollout (in {@link #lastActorLoss} and friends) and
     * writes dLoss/dθ into the networks' gradients. Does not move the parameters.
     */
    void computeLossesAndGradients(boolean terminated) {
        final int t1 = count;
        if (t1 == 0) {
            throw new IllegalStateException("no steps recorded: nothing to learn from");
        }
        final double invT = 1.0 / t1;
        final double gamma = hp.discount();
        final boolean usesCritic = algorithm != Algorithm.REINFORCE;
        final double c = algorithm == Algorithm.A2C ? hp.entropyCoefficient() : 0;

        // ---- critic forward on the whole rollout plus s_T: V(s_0) … V(s_T) ----
        double[] v = null;
        if (usesCritic) {
            states.reshape(t1 + 1, IN);
            critic.forward(states, criticUpdateWorkspace);
            v = criticUpdateWorkspace.output().data;
        }

        // ---- returns ----
        // REINFORCE, baseline: G_t = r_t + γ G_{t+1},  G_T = 0                 (Monte Carlo)
        // A2C:                 Q_t = r_t + γ Q_{t+1},  Q_T = 0 if terminated, else V(s_T)
        double next = (algorithm == Algorithm.A2C && !terminated) ? v[t1] : 0;
        for (int t = t1 - 1; t >= 0; t--) {
            next = rewards[t] + gamma * next;
            returns[t] = next;
        }

        // ---- advantages (constants for the actor) ----
        // REINFORCE: Ψ_t = G_t;  baseline: Ψ_t = G_t − V(s_t);  A2C: A_t = Q_t − V(s_t)
        for (int t = 0; t < t1; t++) {
            advantages[t] = usesCritic ? returns[t] - v[t] : returns[t];
        }

        // ---- actor loss and dLoss/dz at the logits ----
        // L_actor = −(1/T) Σ_t log π(a_t|s_t) Ψ_t            H_t = −Σ_k π_tk log π_tk
        // ∂L_actor/∂z_tk = −(1/T) Ψ_t (1[k = a_t] − π_tk)
        // ∂(−c (1/T) Σ H_t)/∂z_tk = (c/T) π_tk (log π_tk + H_t)
        logitGradient.reshape(t1, ACTIONS);
        double[] dz = logitGradient.data;
        double actorSum = 0;
        double entropySum = 0;
        for (int t = 0; t < t1; t++) {
            int base = t * ACTIONS;
            double psi = advantages[t];
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
        lastActorLoss = actorSum * invT;
        lastEntropy = entropySum * invT;

        // dW, db of the actor from dz (h_t kept from acting)
        states.reshape(t1, IN);
        actorHidden.reshape(t1, hidden);
        actor.backward(states, actorHidden, logitGradient, actorUpdateWorkspace);

        // ---- critic loss and dLoss/dV ----
        // baseline: L_critic = (1/T) Σ (G_t − V(s_t))²,   ∂/∂V_t = −(2/T)(G_t − V(s_t))
        // A2C:      L_critic = ½ (1/T) Σ A_t²,            ∂/∂V_t = −(1/T) A_t
        if (usesCritic) {
            double scale = algorithm == Algorithm.A2C ? 0.5 : 1.0;
            valueGradient.reshape(t1, 1);
            double[] dv = valueGradient.data;
            double criticSum = 0;
            for (int t = 0; t < t1; t++) {
                double a = advantages[t];
                criticSum += a * a;
                dv[t] = -2 * scale * invT * a;
            }
            lastCriticLoss = scale * criticSum * invT;
            // the bootstrap row s_T takes no gradient: backward over the first T rows only
            criticUpdateWorkspace.hidden().reshape(t1, hidden);
            critic.backward(states, criticUpdateWorkspace.hidden(), valueGradient,
                    criticUpdateWorkspace);
        } else {
            lastCriticLoss = 0;
            for (int i = 4; i < gradients.size(); i++) {
                gradients.get(i).zero();
            }
        }
    }

    double lastActorLoss() {
        return lastActorLoss;
    }

    double lastCriticLoss() {
        return lastCriticLoss;
    }

    double lastEntropy() {
        return lastEntropy;
    }

    /** The gradient matrices, in the order of {@link #parameters()} (tests). */
    List<DMatrixRMaj> gradients() {
        return gradients;
    }

    /** Rows of the rollout (tests, benchmark). */
    int capacity() {
        return capacity;
    }

    Adam adam() {
        return adam;
    }

    // ---- inspection: no learning, no random numbers, does not disturb a rollout ----

    /** The critic's V(s). */
    public double value(double[] observation) {
        critic.forwardRow(observation, 0, inspectCritic);
        return inspectCritic.output().data[0];
    }

    /** π(·|s) into out[0..1]. */
    public void probabilities(double[] observation, double[] out) {
        actor.forwardRow(observation, 0, inspectActor);
        Activations.softmax(inspectActor.output().data, 0, ACTIONS, out, null, 0);
    }

    /** argmax_a π(a|s), ties to 0. */
    public int greedyAction(double[] observation) {
        probabilities(observation, inspectProbabilities);
        return Categorical.argmax(inspectProbabilities, 0, ACTIONS);
    }

    /** a ~ π(·|s) without recording anything (one {@code nextDouble()}). */
    public int sampleAction(double[] observation, RandomGenerator random) {
        probabilities(observation, inspectProbabilities);
        return Categorical.sample(inspectProbabilities, 0, ACTIONS, random);
    }

    // ---- state, for snapshots and checkpoints ----

    /**
     * The shapes of the eight parameter matrices for these settings, in the order of
     * {@link #parameterNames()}, without building any network: what a checkpoint reader checks
     * a file against.
     */
    public static java.util.List<ParameterShape> parameterShapes(Hyperparameters hp) {
        int h = hp.hiddenSize();
        return List.of(
                new ParameterShape("actor.w1", IN, h), new ParameterShape("actor.b1", 1, h),
                new ParameterShape("actor.w2", ACTIONS, h),
                new ParameterShape("actor.b2", 1, ACTIONS),
                new ParameterShape("critic.w1", IN, h), new ParameterShape("critic.b1", 1, h),
                new ParameterShape("critic.w2", 1, h), new ParameterShape("critic.b2", 1, 1));
    }

    /** A deep copy of the parameters and Adam's state as they are now. */
    public AgentState state() {
        return new AgentState(parameters, adam.firstMoments(), adam.secondMoments(),
                adam.stepCount());
    }

    /**
     * An agent with these settings and exactly this learned state.
     *
     * @throws IllegalArgumentException if a matrix's shape does not fit these settings
     */
    public static Agent restore(Hyperparameters hp, AgentState state) {
        List<ParameterShape> shapes = parameterShapes(hp);
        if (state.parameters().size() != shapes.size()) {
            throw new IllegalArgumentException("the state holds " + state.parameters().size()
                    + " parameter matrices; these networks have " + shapes.size());
        }
        for (int i = 0; i < shapes.size(); i++) {
            ParameterShape want = shapes.get(i);
            for (List<DMatrixRMaj> list : List.of(state.parameters(), state.firstMoments(),
                    state.secondMoments())) {
                DMatrixRMaj m = list.get(i);
                if (m.numRows != want.rows() || m.numCols != want.cols()) {
                    throw new IllegalArgumentException(want.name() + " is " + m.numRows + "x"
                            + m.numCols + ", but these networks need " + want.rows() + "x"
                            + want.cols());
                }
            }
        }
        Agent agent = new Agent(hp);
        for (int i = 0; i < shapes.size(); i++) {
            agent.parameters.get(i).setTo(state.parameters().get(i));
            agent.adam.firstMoments().get(i).setTo(state.firstMoments().get(i));
            agent.adam.secondMoments().get(i).setTo(state.secondMoments().get(i));
        }
        agent.adam.setStepCount(state.adamStep());
        return agent;
    }

    // ---- live matrices in a fixed order ----

    /**
     * Names in the order of {@link #parameters()}: actor.w1, actor.b1, actor.w2, actor.b2,
     * critic.w1, critic.b1, critic.w2, critic.b2. Shapes: w1 is 4 × hidden (PyTorch's
     * transposed), w2 is outputs × hidden (PyTorch's layout), biases are 1 × outputs.
     */
    public List<String> parameterNames() {
        return PARAMETER_NAMES;
    }

    /** The live parameter matrices; writing into them changes the agent. */
    public List<DMatrixRMaj> parameters() {
        return parameters;
    }

    /** Adam's first moments, one per parameter, same order and shapes. */
    public List<DMatrixRMaj> adamFirstMoments() {
        return adam.firstMoments();
    }

    /** Adam's second moments, one per parameter, same order and shapes. */
    public List<DMatrixRMaj> adamSecondMoments() {
        return adam.secondMoments();
    }

    /** Adam's step count t (for the bias correction). */
    public long adamStep() {
        return adam.stepCount();
    }

    public void setAdamStep(long step) {
        adam.setStepCount(step);
    }

    @Override
    public String toString() {
        return "Agent(" + algorithm + ", actor " + actor + ", critic " + critic + ", " + adam
                + ")";
    }
}
