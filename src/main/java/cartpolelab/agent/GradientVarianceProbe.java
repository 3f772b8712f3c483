package cartpolelab.agent;

import cartpolelab.env.CartPole;
import cartpolelab.nn.Mlp;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;
import org.ejml.data.DMatrixRMaj;

/**
 * The study notebook's claim, measured: how noisy each of its three policy-gradient estimators
 * is on the current policy and critic, and beside them the run's own learner's. Nothing here
 * learns.
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
 * and a fourth, the learner's: g = Σ_t ∇ log π(a_t|s_t) · Ψ_t with Ψ_t exactly as the run's
 * update computes it ({@link Advantages}: G_t for REINFORCE, G_t − V(s_t) for the baseline,
 * GAE(λ) at the run's λ for A2C, split into n-step rollouts as n-step A2C splits them), so the
 * chart measures the estimator the run really uses, not only the notebook's three. (r_t is the
 * notebook's r_{t+1}, the reward a_t earned). In δ, V(s_T) is replaced by 0 when
 * the pole fell or the cart left the track, and kept when the episode was cut by the time or
 * step limit ({@link EpisodeEnd}). G_t is the Monte-Carlo return of the notebook's first two
 * formulas, never bootstrapped. Each estimator's variance is the trace of the sample covariance
 * of its M gradients, tr Σ̂ = Σ_i (1/(M−1)) Σ_m (g_mi − ḡ_i)², accumulated with Welford's update.
 * With REINFORCE as the algorithm the critic never learns, and V is its initial network.
 *
 * <p>Isolation: the probe reads the agent's parameters and nothing else; it owns its networks,
 * gradients, environment and buffers, so training (parameters, Adam's moments, the episode
 * stream) is the same bit for bit with or without it. Every buffer is allocated in the
 * constructor; a measurement allocates only its random stream. One thread at a time. The
 * episode and the gradients of all three estimators in one pass: {@link EstimatorGradients}.
 */
public final class GradientVarianceProbe {

    /** Index of each estimator in {@link #gradient(int)} and {@link #variance(int)}. */
    public static final int REINFORCE = 0;
    public static final int BASELINE = 1;
    public static final int TD = 2;
    /** The run's own learner: its algorithm's Ψ_t, through {@link Advantages}, at its λ. */
    public static final int LEARNER = 3;
    static final int ESTIMATORS = 4;

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

        /** K of {@link #DEFAULT}: 20 measurements over a default 3000-episode run. */
        public static final int DEFAULT_EVERY = 150;
        /** M of {@link #DEFAULT}: with K = 150, about 7 % of the training time at defaults. */
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
                              double learner, int episodes) {
    }

    private final Hyperparameters hp;
    private final Settings settings;
    private final List<DMatrixRMaj> actorParameters;
    private final List<DMatrixRMaj> criticParameters;
    private final CartPole env;
    private final double[] observation = new double[IN];
    private final EstimatorGradients episode;
    private final int parameterCount;
    /** Welford's running mean and sum of squared deviations, per estimator and parameter. */
    private final double[][] mean;
    private final double[][] squares;

    public GradientVarianceProbe(Hyperparameters hp, Settings settings) {
        if (hp == null || settings == null) {
            throw new IllegalArgumentException("settings must not be null");
        }
        this.hp = hp;
        this.settings = settings;
        Mlp actor = new Mlp(IN, hp.hiddenSize(), ACTIONS);
        Mlp critic = new Mlp(IN, hp.hiddenSize(), 1);
        this.actorParameters = actor.parameters();
        this.criticParameters = critic.parameters();
        this.env = new CartPole(hp.version());
        this.episode = new EstimatorGradients(hp, actor, critic);
        this.parameterCount = episode.parameterCount();
        this.mean = new double[ESTIMATORS][parameterCount];
        this.squares = new double[ESTIMATORS][parameterCount];
    }

    public Settings settings() {
        return settings;
    }

    /** True when a measurement is due after {@code before} → {@code after} updates. */
    public boolean due(long before, long after) {
        return after / settings.everyUpdates() > before / settings.everyUpdates();
    }

    /**
     * Measures the four variances on {@code agent}'s current actor and critic, with the
     * stream of ({@code hp.seed()}, {@code update}). The agent is only read.
     */
    public Measurement measure(Agent agent, long update) {
        load(agent);
        RandomGenerator random = RandomStreams.gradientProbe(hp.seed(), update);
        int m = settings.episodes();
        for (int e = 0; e < ESTIMATORS; e++) {
            Arrays.fill(mean[e], 0.0);
            Arrays.fill(squares[e], 0.0);
        }
        for (int n = 1; n <= m; n++) {
            runEpisode(random);
            computeGradients();
            accumulate(n);
        }
        return new Measurement(update, variance(REINFORCE), variance(BASELINE), variance(TD),
                variance(LEARNER), m);
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
        episode.begin(observation);
        EpisodeEnd e;
        do {
            int a = episode.act(random, -1);
            double reward = env.advance(a);
            env.observe(observation, 0);
            e = EpisodeEnd.after(env, hp.maxSteps());
            episode.outcome(reward, observation, e);
        } while (!e.ended());
        return episode.size();
    }

    /** A given episode instead of a sampled one: s_0 … s_T, a_t, r_t and how it ended. */
    void setEpisode(double[][] states, int[] actions, double[] rewards, EpisodeEnd end) {
        int t = actions.length;
        if (states.length != t + 1 || rewards.length != t || t < 1
                || t > hp.episodeStepLimit() || !end.ended()) {
            throw new IllegalArgumentException("an ended episode of 1.." + hp.episodeStepLimit()
                    + " steps needs T + 1 states, T actions and T rewards");
        }
        episode.begin(states[0]);
        for (int i = 0; i < t; i++) {
            episode.act(null, actions[i]);
            episode.outcome(rewards[i], states[i + 1], i == t - 1 ? end : EpisodeEnd.RUNNING);
        }
    }

    /** The estimators' gradients of the episode into {@link #gradient(int)}. */
    void computeGradients() {
        episode.computeGradients();
    }

    /** Adds the gradients of the n-th episode of the measurement (n from 1) to the moments. */
    private void accumulate(int n) {
        for (int e = 0; e < ESTIMATORS; e++) {
            double[] x = episode.gradient(e);
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
        return episode.gradient(estimator);
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
