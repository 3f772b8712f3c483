package cartpolelab.agent;

import cartpolelab.env.CartPole;
import cartpolelab.nn.Activations;
import cartpolelab.nn.Categorical;
import cartpolelab.nn.Mlp;
import java.util.List;
import java.util.random.RandomGenerator;
import org.ejml.data.DMatrixRMaj;

/**
 * The study notebook's claim, measured: how noisy each of its three policy-gradient estimators
 * is on the current policy and critic. Nothing here learns.
 *
 * <p>A measurement ({@link #measure}) copies the agent's actor and critic into this probe's own
 * networks, runs M episodes of its own {@link CartPole} sampling from π with its own random
 * stream ({@link RandomStreams#gradientProbe}), and computes for each episode, with T its
 * length, the three estimates of ∇_θ J over the actor's parameters θ (flattened in the order
 * actor.w1, b1, w2, b2):
 * <pre>
 *   REINFORCE   g = Σ_t ∇ log π(a_t|s_t) · G_t            G_t = r_t + γ G_{t+1},  G_T = 0
 *   baseline    g = Σ_t ∇ log π(a_t|s_t) · (G_t − V(s_t))
 *   TD          g = Σ_t ∇ log π(a_t|s_t) · δ_t            δ_t = r_t + γ V(s_{t+1}) − V(s_t)
 * </pre>
 * (r_t is the notebook's r_{t+1}, the reward a_t earned). In δ, V(s_T) is replaced by 0 when
 * the pole fell or the cart left the track, and kept when the episode was cut by the time or
 * step limit ({@link EpisodeEnd}). G_t is the Monte-Carlo return of the notebook's first two
 * formulas, never bootstrapped. Each estimator's variance is the trace of the sample covariance
 * of its M gradients, tr Σ̂ = Σ_i (1/(M−1)) Σ_m (g_mi − ḡ_i)², accumulated with Welford's update.
 * With REINFORCE as the algorithm the critic never learns, and V is its initial network.
 *
 * <p>Isolation: the probe reads the agent's parameters and nothing else; it owns its networks,
 * gradients, environment and buffers, so training (parameters, Adam's moments, the episode
 * stream) is the same bit for bit with or without it. Every buffer is allocated in the
 * constructor; a measurement allocates only its random stream. One thread at a time.
 */
public final class GradientVarianceProbe {

    /** Index of each estimator in {@link #gradient(int)} and {@link #variance(int)}. */
    public static final int REINFORCE = 0;
    public static final int BASELINE = 1;
    public static final int TD = 2;
    private static final int ESTIMATORS = 3;

    private static final int IN = CartPole.OBSERVATION_SIZE;
    private static final int ACTIONS = CartPole.ACTION_COUNT;

    /**
     * When and how much to measure; not a {@link Hyperparameters} field, since it changes
     * nothing that is learned (nor checkpoints, nor the settings' equality).
     *
     * @param everyUpdates K: a measurement after every K learning updates, in [1, 10⁷]
     * @param episodes     M: episodes per measurement, in [2, 10,000]
     */
    public record Settings(int everyUpdates, int episodes) {

        /** K of {@link #DEFAULT}: 30 measurements over a default 3000-episode run. */
        public static final int DEFAULT_EVERY = 100;
        /** M of {@link #DEFAULT}: about 8 % of the training throughput at the defaults. */
        public static final int DEFAULT_EPISODES = 8;
        public static final Settings DEFAULT = new Settings(DEFAULT_EVERY, DEFAULT_EPISODES);
        public static final int MAX_EVERY = Hyperparameters.MAX_EPISODES;
        public static final int MAX_EPISODES = 10_000;

        public Settings {
            if (everyUpdates < 1 || everyUpdates > MAX_EVERY) {
                throw new IllegalArgumentException("gradient-variance interval must be in [1, "
                        + MAX_EVERY + "] updates, was " + everyUpdates);
            }
            if (episodes < 2 || episodes > MAX_EPISODES) {
                throw new IllegalArgumentException("gradient-variance episodes must be in [2, "
                        + MAX_EPISODES + "] (a variance needs two), was " + episodes);
            }
        }
    }

    /**
     * One measurement: the variance (trace of the covariance) of each estimator over
     * {@code episodes} episodes, taken after learning update {@code update}.
     */
    public record Measurement(long update, double reinforce, double baseline, double td,
                              int episodes) {
    }

    private final Hyperparameters hp;
    private final Settings settings;
    private final Mlp actor;
    private final Mlp critic;
    private final List<DMatrixRMaj> actorParameters;
    private final List<DMatrixRMaj> criticParameters;
    private final List<DMatrixRMaj> actorGradients;
    private final CartPole env;
    private final int parameterCount;

    private final Mlp.Workspace actWorkspace;
    private final Mlp.Workspace actorWorkspace;
    private final Mlp.Workspace criticWorkspace;
    private final double[] observation = new double[IN];
    private final double[] policy = new double[ACTIONS];

    // ---- the episode: s_0 … s_T, a_t, r_t, how it ended ----
    private final DMatrixRMaj states;
    private final int[] actions;
    private final double[] rewards;
    private int size;
    private EpisodeEnd end = EpisodeEnd.RUNNING;

    // ---- per-episode work and the estimators' gradients and running moments ----
    private final double[] probabilities;
    private final double[] weights;
    private final DMatrixRMaj logitGradient;
    private final double[][] gradient;
    private final double[][] mean;
    private final double[][] squares;

    public GradientVarianceProbe(Hyperparameters hp, Settings settings) {
        if (hp == null || settings == null) {
            throw new IllegalArgumentException("settings must not be null");
        }
        this.hp = hp;
        this.settings = settings;
        int hidden = hp.hiddenSize();
        int capacity = hp.episodeStepLimit();
        this.actor = new Mlp(IN, hidden, ACTIONS);
        this.critic = new Mlp(IN, hidden, 1);
        this.actorParameters = actor.parameters();
        this.criticParameters = critic.parameters();
        this.actorGradients = actor.gradients();
        this.env = new CartPole(hp.version());
        int count = 0;
        for (DMatrixRMaj p : actorParameters) {
            count += p.getNumElements();
        }
        this.parameterCount = count;
        this.actWorkspace = actor.newWorkspace(1, 1);
        this.actorWorkspace = actor.newWorkspace(capacity, capacity);
        this.criticWorkspace = critic.newWorkspace(capacity + 1, 1);
        this.states = new DMatrixRMaj(capacity + 1, IN);
        this.actions = new int[capacity];
        this.rewards = new double[capacity];
        this.probabilities = new double[capacity * ACTIONS];
        this.weights = new double[capacity];
        this.logitGradient = new DMatrixRMaj(capacity, ACTIONS);
        this.gradient = new double[ESTIMATORS][count];
        this.mean = new double[ESTIMATORS][count];
        this.squares = new double[ESTIMATORS][count];
    }

    public Settings settings() {
        return settings;
    }

    /** True when a measurement is due after {@code before} → {@code after} updates. */
    public boolean due(long before, long after) {
        return after / settings.everyUpdates() > before / settings.everyUpdates();
    }

    /**
     * Measures the three variances on {@code agent}'s current actor and critic, with the
     * stream of ({@code hp.seed()}, {@code update}). The agent is only read.
     */
    public Measurement measure(Agent agent, long update) {
        load(agent);
        RandomGenerator random = RandomStreams.gradientProbe(hp.seed(), update);
        int m = settings.episodes();
        for (int e = 0; e < ESTIMATORS; e++) {
            java.util.Arrays.fill(mean[e], 0.0);
            java.util.Arrays.fill(squares[e], 0.0);
        }
        for (int n = 1; n <= m; n++) {
            runEpisode(random);
            computeGradients();
            accumulate(n);
        }
        return new Measurement(update, variance(REINFORCE), variance(BASELINE), variance(TD), m);
    }

    // ---- the parts of a measurement (the tests drive them one by one) ----

    /** Copies the agent's actor and critic parameters into this probe's networks. */
    void load(Agent agent) {
        if (agent.hyperparameters().hiddenSize() != hp.hiddenSize()) {
            throw new IllegalArgumentException("the probe was built for hidden size "
                    + hp.hiddenSize() + ", the agent has " + agent.hyperparameters().hiddenSize());
        }
        List<DMatrixRMaj> p = agent.parameters();
        for (int i = 0; i < 4; i++) {
            actorParameters.get(i).setTo(p.get(i));
            criticParameters.get(i).setTo(p.get(4 + i));
        }
    }

    /** One episode on the probe's environment with a ~ π(·|s) drawn from {@code random}. */
    int runEpisode(RandomGenerator random) {
        env.reset(random);
        env.observe(observation, 0);
        System.arraycopy(observation, 0, states.data, 0, IN);
        int t = 0;
        EpisodeEnd e;
        do {
            // π = softmax(relu(s W1 + b1) W2ᵀ + b2),  a ~ π(·|s)
            actor.forwardRow(observation, 0, actWorkspace);
            Activations.softmax(actWorkspace.output().data, 0, ACTIONS, policy, null, 0);
            int a = Categorical.sample(policy, 0, ACTIONS, random);
            actions[t] = a;
            rewards[t] = env.advance(a);
            env.observe(observation, 0);
            t++;
            System.arraycopy(observation, 0, states.data, t * IN, IN);
            e = EpisodeEnd.after(env, hp.maxSteps());
        } while (!e.ended());
        size = t;
        end = e;
        return t;
    }

    /** A given episode instead of a sampled one: s_0 … s_T, a_t, r_t and how it ended. */
    void setEpisode(double[][] episodeStates, int[] episodeActions, double[] episodeRewards,
                    EpisodeEnd episodeEnd) {
        int t = episodeActions.length;
        if (episodeStates.length != t + 1 || episodeRewards.length != t || t < 1
                || t > actions.length || !episodeEnd.ended()) {
            throw new IllegalArgumentException("an ended episode of 1.." + actions.length
                    + " steps needs T + 1 states, T actions and T rewards");
        }
        for (int i = 0; i <= t; i++) {
            System.arraycopy(episodeStates[i], 0, states.data, i * IN, IN);
        }
        System.arraycopy(episodeActions, 0, actions, 0, t);
        System.arraycopy(episodeRewards, 0, rewards, 0, t);
        size = t;
        end = episodeEnd;
    }

    /** The three estimators' gradients of the episode into {@link #gradient(int)}. */
    void computeGradients() {
        final int steps = size;
        final double gamma = hp.discount();
        // ---- V(s_0) … V(s_T) ----
        states.reshape(steps + 1, IN);
        critic.forward(states, criticWorkspace);
        double[] v = criticWorkspace.output().data;
        // ---- h_t and π(·|s_t) for t < T ----
        states.reshape(steps, IN);
        actor.forward(states, actorWorkspace);
        double[] z = actorWorkspace.output().data;
        for (int t = 0; t < steps; t++) {
            Activations.softmax(z, t * ACTIONS, ACTIONS, probabilities, null, t * ACTIONS);
        }
        // V(s_T) in δ_{T−1}: 0 when the pole fell, the critic's when the episode was cut
        double lastValue = end == EpisodeEnd.FELL ? 0 : v[steps];
        for (int e = 0; e < ESTIMATORS; e++) {
            // ---- Ψ_t of this estimator ----
            double g = 0;
            for (int t = steps - 1; t >= 0; t--) {
                // G_t = r_t + γ G_{t+1}, G_T = 0
                g = rewards[t] + gamma * g;
                double next = t == steps - 1 ? lastValue : v[t + 1];
                weights[t] = switch (e) {
                    case REINFORCE -> g;                              // Ψ_t = G_t
                    case BASELINE -> g - v[t];                        // Ψ_t = G_t − V(s_t)
                    default -> rewards[t] + gamma * next - v[t];      // Ψ_t = δ_t
                };
            }
            // ---- Σ_t Ψ_t ∇ log π(a_t|s_t): ∂/∂z_tk = Ψ_t (1[k = a_t] − π_tk), then backward ----
            logitGradient.reshape(steps, ACTIONS);
            double[] dz = logitGradient.data;
            for (int t = 0; t < steps; t++) {
                for (int k = 0; k < ACTIONS; k++) {
                    double indicator = k == actions[t] ? 1 : 0;
                    dz[t * ACTIONS + k] = weights[t] * (indicator - probabilities[t * ACTIONS + k]);
                }
            }
            actor.backward(states, actorWorkspace.hidden(), logitGradient, actorWorkspace);
            int offset = 0;
            for (DMatrixRMaj d : actorGradients) {
                int n = d.getNumElements();
                System.arraycopy(d.data, 0, gradient[e], offset, n);
                offset += n;
            }
        }
    }

    /** Adds the gradients of the n-th episode of the measurement (n from 1) to the moments. */
    private void accumulate(int n) {
        for (int e = 0; e < ESTIMATORS; e++) {
            double[] x = gradient[e];
            double[] mu = mean[e];
            double[] m2 = squares[e];
            // Welford: μ += (x − μ)/n,  M2 += (x − μ_old)(x − μ_new)
            for (int i = 0; i < parameterCount; i++) {
                double d = x[i] - mu[i];
                mu[i] += d / n;
                m2[i] += d * (x[i] - mu[i]);
            }
        }
    }

    /** tr Σ̂ = Σ_i M2_i / (M − 1) of the measurement just taken. */
    double variance(int estimator) {
        double sum = 0;
        for (double s : squares[estimator]) {
            sum += s;
        }
        return sum / (settings.episodes() - 1);
    }

    /** The flattened gradient of an estimator for the last episode (live; do not keep). */
    double[] gradient(int estimator) {
        return gradient[estimator];
    }

    /** Length of the actor's flattened parameter vector. */
    int parameterCount() {
        return parameterCount;
    }

    @Override
    public String toString() {
        return "GradientVarianceProbe(every " + settings.everyUpdates() + " updates, "
                + settings.episodes() + " episodes, " + parameterCount + " actor parameters)";
    }
}
