package cartpolelab.agent;

import cartpolelab.env.CartPole;
import java.util.SplittableRandom;

/**
 * The episode loop, written once: the only place that decides when an episode starts and
 * ends (with {@link EpisodeEnd}), and in which order random numbers are drawn.
 *
 * <p>Random stream ({@link RandomStreams#episodes}): each episode draws 4 doubles for
 * {@code env.reset}, then each step draws exactly 1 double to sample the action; nothing else
 * draws from it. A trainer that calls {@link #step()} one at a time, pauses, or runs whole
 * episodes with {@link #runEpisode()} therefore produces the same run.
 *
 * <p>An episode ends as {@link EpisodeEnd#after} says: when the pole falls or the cart leaves
 * the track ({@code terminated}: returns bootstrap from 0), or when the environment's time
 * limit or {@code hp.maxSteps()} is reached ({@code cutOff}: A2C bootstraps from V(s_T)). If
 * both happen on the same step, it counts as terminated.
 *
 * <p>Not thread-safe: the runner, its agent and its environment belong to one thread.
 * {@link #step()} allocates nothing.
 */
public final class EpisodeRunner {

    private final Agent agent;
    private final CartPole env;
    private final SplittableRandom random;
    private final int maxSteps;
    private final double[] observation = new double[CartPole.OBSERVATION_SIZE];
    private final double[] nextObservation = new double[CartPole.OBSERVATION_SIZE];
    private final double[] probabilities = new double[CartPole.ACTION_COUNT];

    private boolean inEpisode;
    private int lastAction = -1;
    private double episodeReward;
    private int episodeSteps;
    private EpisodeEnd lastEnd = EpisodeEnd.RUNNING;
    private long totalSteps;
    private long randomDraws;
    private long episodeStartSteps;
    private long episodeStartDraws;

    /** A runner over a fresh {@code CartPole(hp.version())} and the episode random stream. */
    public EpisodeRunner(Agent agent) {
        this(agent, 0);
    }

    /**
     * A runner whose episode stream has already delivered {@code randomDraws} numbers, so a run
     * restored from a checkpoint taken between episodes continues exactly as it would have
     * (see {@link #randomDraws()}).
     */
    public EpisodeRunner(Agent agent, long randomDraws) {
        if (agent == null) {
            throw new IllegalArgumentException("agent must not be null");
        }
        if (randomDraws < 0) {
            throw new IllegalArgumentException("randomDraws must be >= 0, was " + randomDraws);
        }
        this.agent = agent;
        Hyperparameters hp = agent.hyperparameters();
        this.env = new CartPole(hp.version());
        this.random = RandomStreams.episodes(hp.seed());
        this.maxSteps = hp.maxSteps();
        for (long i = 0; i < randomDraws; i++) {
            random.nextDouble();
        }
        this.randomDraws = randomDraws;
        this.episodeStartDraws = randomDraws;
    }

    public Agent agent() {
        return agent;
    }

    /** Starts an episode: {@code env.reset(random)}; a partly run episode is dropped unlearned. */
    public void beginEpisode() {
        agent.discardRollout();
        episodeStartSteps = totalSteps;
        episodeStartDraws = randomDraws;
        env.reset(random);
        randomDraws += CartPole.OBSERVATION_SIZE;
        env.observe(observation, 0);
        inEpisode = true;
        lastAction = -1;
        episodeReward = 0;
        episodeSteps = 0;
        lastEnd = EpisodeEnd.RUNNING;
    }

    /** True between {@link #beginEpisode()} and the step that ends the episode. */
    public boolean inEpisode() {
        return inEpisode;
    }

    /**
     * One environment step with learning: act, advance, observe (the agent updates when due).
     * Begins an episode first if none is in progress.
     *
     * @return true when this step ended the episode (its update has run)
     * @throws IllegalStateException if the update found NaN or Inf (the episode is then over)
     */
    public boolean step() {
        if (!inEpisode) {
            beginEpisode();
        }
        int action = agent.act(observation, random);
        randomDraws++;
        agent.lastProbabilities(probabilities);
        lastAction = action;
        double reward = env.advance(action);
        env.observe(nextObservation, 0);
        episodeSteps++;
        totalSteps++;
        episodeReward += reward;
        EpisodeEnd end = EpisodeEnd.after(env, maxSteps);
        lastEnd = end;
        boolean ended = end.ended();
        if (ended) {
            inEpisode = false;
            episodeStartSteps = totalSteps;
            episodeStartDraws = randomDraws;
        }
        agent.observe(reward, nextObservation, end);
        System.arraycopy(nextObservation, 0, observation, 0, CartPole.OBSERVATION_SIZE);
        return ended;
    }

    /**
     * Begins a new episode (an episode in progress is dropped unlearned) and steps until it
     * ends; returns its reward (= its length).
     */
    public double runEpisode() {
        beginEpisode();
        return finishEpisode();
    }

    /**
     * Steps until the episode in progress ends (beginning one if none is), e.g. after a few
     * single steps; returns its reward. Same random draws as stepping one at a time.
     */
    public double finishEpisode() {
        while (!step()) {
            // the step does the work
        }
        return episodeReward;
    }

    /** The environment, for reading its state on the runner's thread. Do not step it. */
    public CartPole env() {
        return env;
    }

    /** The action of the last step, -1 before the first step of an episode. */
    public int lastAction() {
        return lastAction;
    }

    /** π(·|s) the last action was sampled from, into out[0..1]. */
    public void lastProbabilities(double[] out) {
        System.arraycopy(probabilities, 0, out, 0, CartPole.ACTION_COUNT);
    }

    /** Reward collected in the current (or just ended) episode. */
    public double episodeReward() {
        return episodeReward;
    }

    /** Steps taken in the current (or just ended) episode. */
    public int episodeSteps() {
        return episodeSteps;
    }

    /** How the last step left the episode ({@link EpisodeEnd#RUNNING} before the first). */
    public EpisodeEnd lastEnd() {
        return lastEnd;
    }

    /** The last step ended the episode because the pole fell or the cart left the track. */
    public boolean lastTerminated() {
        return lastEnd == EpisodeEnd.FELL;
    }

    /** The last step ended the episode at the time limit or {@code hp.maxSteps()}. */
    public boolean lastCutOff() {
        return lastEnd == EpisodeEnd.CUT_OFF;
    }

    /** The agent's update statistics since the last call (see {@link Agent#takeEpisodeStats}). */
    public UpdateStats takeEpisodeStats() {
        return agent.takeEpisodeStats();
    }

    /**
     * Numbers drawn from the episode stream so far (4 per reset, 1 per step, counting those
     * skipped at construction): what a checkpoint stores to continue the same run.
     */
    public long randomDraws() {
        return randomDraws;
    }

    /**
     * {@link #randomDraws()} before the reset of the episode in progress, or now between
     * episodes: a runner built with this many draws replays that episode from its start.
     */
    public long episodeStartDraws() {
        return episodeStartDraws;
    }

    /** {@link #totalSteps()} at the start of the episode in progress, or now between episodes. */
    public long episodeStartSteps() {
        return episodeStartSteps;
    }

    /** Environment steps taken by this runner since construction. */
    public long totalSteps() {
        return totalSteps;
    }
}
