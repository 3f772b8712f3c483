package cartpolelab.agent;

import cartpolelab.env.CartPole;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * The episode loop, written once: the only place that decides when an episode starts and
 * ends (with {@link EpisodeEnd}), and in which order random numbers are drawn.
 *
 * <p>Random streams: environment e draws from its own stream ({@link
 * RandomStreams#environment}; environment 0's is {@link RandomStreams#episodes}, so one
 * environment is exactly the single-environment run). Each episode draws 4 doubles for
 * {@code env.reset}, then each step draws exactly 1 double to sample the action; nothing else
 * draws from it. A trainer that calls {@link #step()} one at a time, pauses, or runs whole
 * episodes with {@link #runEpisode()} therefore produces the same run.
 *
 * <p>Several environments ({@code hp.envs()} = N): one {@link #step()} is one lockstep: each
 * environment whose episode has ended is reset (from its own stream), the actor acts on all N
 * states at once ({@link Agent#act(double[], RandomGenerator[], int[])}, one matrix product),
 * every environment advances, and the agent observes all N outcomes (updating every n
 * locksteps on the N × n rollout). Episodes that ended in a lockstep are reported in
 * environment order ({@link #ended(int)}). The one-argument-less accessors
 * ({@link #env()}, {@link #episodeReward()}, …) are environment 0's.
 *
 * <p>An episode ends as {@link EpisodeEnd#after} says: when the pole falls or the cart leaves
 * the track ({@code terminated}: returns bootstrap from 0), or when the environment's time
 * limit or {@code hp.maxSteps()} is reached ({@code cutOff}: A2C bootstraps from V(s_T)). If
 * both happen on the same step, it counts as terminated.
 *
 * <p>Not thread-safe: the runner, its agent and its environments belong to one thread.
 * {@link #step()} allocates nothing.
 */
public final class EpisodeRunner {

    private static final int IN = CartPole.OBSERVATION_SIZE;
    private static final int ACTIONS = CartPole.ACTION_COUNT;

    private final Agent agent;
    private final int count;
    private final CartPole[] envs;
    private final SplittableRandom[] randoms;
    private final int maxSteps;
    private final double[] observations;
    private final double[] nextObservations;
    private final double[] probabilities;
    private final int[] actions;
    private final double[] rewards;
    private final EpisodeEnd[] ends;

    private final boolean[] inEpisode;
    private final int[] lastAction;
    private final double[] episodeReward;
    private final int[] episodeSteps;
    private long totalSteps;
    /** Environment 0's stream position, for snapshots of a single-environment run. */
    private long randomDraws;
    private long episodeStartSteps;
    private long episodeStartDraws;

    /** A runner over fresh {@code CartPole(hp.version())}s and their random streams. */
    public EpisodeRunner(Agent agent) {
        this(agent, 0);
    }

    /**
     * A runner whose episode streams have already delivered {@code randomDraws} numbers each,
     * so a single-environment run restored from a checkpoint taken between episodes continues
     * exactly as it would have (see {@link #randomDraws()}). With several environments every
     * stream skips as many: a restored run is reproducible, not the original's continuation.
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
        this.count = hp.envs();
        this.maxSteps = hp.maxSteps();
        this.envs = new CartPole[count];
        this.randoms = new SplittableRandom[count];
        for (int e = 0; e < count; e++) {
            envs[e] = new CartPole(hp.version());
            randoms[e] = RandomStreams.environment(hp.seed(), e);
            for (long i = 0; i < randomDraws; i++) {
                randoms[e].nextDouble();
            }
        }
        this.observations = new double[count * IN];
        this.nextObservations = new double[count * IN];
        this.probabilities = new double[count * ACTIONS];
        this.actions = new int[count];
        this.rewards = new double[count];
        this.ends = new EpisodeEnd[count];
        this.inEpisode = new boolean[count];
        this.lastAction = new int[count];
        this.episodeReward = new double[count];
        this.episodeSteps = new int[count];
        Arrays.fill(ends, EpisodeEnd.RUNNING);
        Arrays.fill(lastAction, -1);
        this.randomDraws = randomDraws;
        this.episodeStartDraws = randomDraws;
    }

    public Agent agent() {
        return agent;
    }

    /** N, the environments stepped in lockstep. */
    public int envCount() {
        return count;
    }

    /**
     * Starts an episode in every environment ({@code env.reset(random)}); partly run episodes
     * are dropped unlearned.
     */
    public void beginEpisode() {
        agent.discardRollout();
        episodeStartSteps = totalSteps;
        episodeStartDraws = randomDraws;
        for (int e = 0; e < count; e++) {
            reset(e);
        }
    }

    /** env.reset from environment e's stream: 4 draws. */
    private void reset(int e) {
        envs[e].reset(randoms[e]);
        if (e == 0) {
            randomDraws += IN;
        }
        envs[e].observe(observations, e * IN);
        inEpisode[e] = true;
        lastAction[e] = -1;
        episodeReward[e] = 0;
        episodeSteps[e] = 0;
        ends[e] = EpisodeEnd.RUNNING;
    }

    /**
     * Resets each environment whose episode has ended (4 draws from its stream), as the next
     * {@link #step()} would first; lets a caller see the new episodes' start states.
     */
    public void resetEnded() {
        for (int e = 0; e < count; e++) {
            if (!inEpisode[e]) {
                reset(e);
            }
        }
    }

    /** True between environment 0's reset and the step that ends its episode. */
    public boolean inEpisode() {
        return inEpisode[0];
    }

    /**
     * One lockstep with learning: every environment whose episode ended is reset, the actor
     * acts on all states, each environment advances, the agent observes (and updates when due).
     *
     * @return true when this step ended an episode in some environment ({@link #ended(int)})
     * @throws IllegalStateException if the update found NaN or Inf
     */
    public boolean step() {
        if (count == 1 && !inEpisode[0]) {
            beginEpisode();
        }
        resetEnded();
        // a_e ~ π(·|s_e) for every environment, one forward pass
        agent.act(observations, randoms, actions);
        agent.lastProbabilities(probabilities);
        randomDraws++;
        boolean anyEnded = false;
        for (int e = 0; e < count; e++) {
            CartPole env = envs[e];
            lastAction[e] = actions[e];
            rewards[e] = env.advance(actions[e]);
            env.observe(nextObservations, e * IN);
            episodeSteps[e]++;
            episodeReward[e] += rewards[e];
            EpisodeEnd end = EpisodeEnd.after(env, maxSteps);
            ends[e] = end;
            if (end.ended()) {
                inEpisode[e] = false;
                anyEnded = true;
            }
        }
        totalSteps += count;
        if (!inEpisode[0]) {
            episodeStartSteps = totalSteps;
            episodeStartDraws = randomDraws;
        }
        agent.observe(rewards, nextObservations, ends);
        System.arraycopy(nextObservations, 0, observations, 0, count * IN);
        return anyEnded;
    }

    /**
     * Begins a new episode (an episode in progress is dropped unlearned) and steps until it
     * ends; returns its reward (= its length). One environment only.
     */
    public double runEpisode() {
        beginEpisode();
        return finishEpisode();
    }

    /**
     * Steps until environment 0's episode in progress ends (beginning one if none is), e.g.
     * after a few single steps; returns its reward. Same random draws as stepping one at a
     * time.
     */
    public double finishEpisode() {
        while (!(step() && ended(0))) {
            // the step does the work
        }
        return episodeReward[0];
    }

    /** Environment 0, for reading its state on the runner's thread. Do not step it. */
    public CartPole env() {
        return envs[0];
    }

    /** Environment e, for reading its state on the runner's thread. Do not step it. */
    public CartPole env(int e) {
        return envs[e];
    }

    /**
     * A new array of every environment's (x, θ, fell on the last step ? 1 : 0), for a
     * picture of all of them; empty with one environment.
     */
    public double[] positions() {
        double[] out = new double[count == 1 ? 0 : 3 * count];
        for (int e = 0; count > 1 && e < count; e++) {
            out[3 * e] = envs[e].x();
            out[3 * e + 1] = envs[e].theta();
            out[3 * e + 2] = ends[e] == EpisodeEnd.FELL ? 1 : 0;
        }
        return out;
    }

    /** The last lockstep ended environment e's episode. */
    public boolean ended(int e) {
        return ends[e].ended();
    }

    /** Environment 0's action of the last step, -1 before the first step of an episode. */
    public int lastAction() {
        return lastAction[0];
    }

    /** Environment e's action of the last step, -1 before the first step of an episode. */
    public int lastAction(int e) {
        return lastAction[e];
    }

    /** π(·|s) environment 0's last action was sampled from, into out[0..1]. */
    public void lastProbabilities(double[] out) {
        System.arraycopy(probabilities, 0, out, 0, ACTIONS);
    }

    /** Reward collected in environment 0's current (or just ended) episode. */
    public double episodeReward() {
        return episodeReward[0];
    }

    /** Reward collected in environment e's current (or just ended) episode. */
    public double episodeReward(int e) {
        return episodeReward[e];
    }

    /** Steps taken in environment 0's current (or just ended) episode. */
    public int episodeSteps() {
        return episodeSteps[0];
    }

    /** Steps taken in environment e's current (or just ended) episode. */
    public int episodeSteps(int e) {
        return episodeSteps[e];
    }

    /** How the last step left environment 0's episode ({@link EpisodeEnd#RUNNING} first). */
    public EpisodeEnd lastEnd() {
        return ends[0];
    }

    /** How the last step left environment e's episode. */
    public EpisodeEnd lastEnd(int e) {
        return ends[e];
    }

    /** Environment 0's last step ended its episode by a fall or leaving the track. */
    public boolean lastTerminated() {
        return ends[0] == EpisodeEnd.FELL;
    }

    /** Environment 0's last step ended its episode at the time limit or max steps. */
    public boolean lastCutOff() {
        return ends[0] == EpisodeEnd.CUT_OFF;
    }

    /** The agent's update statistics since the last call (see {@link Agent#takeEpisodeStats}). */
    public UpdateStats takeEpisodeStats() {
        return agent.takeEpisodeStats();
    }

    /**
     * Numbers drawn from environment 0's stream so far (4 per reset, 1 per step, counting
     * those skipped at construction): what a checkpoint stores to continue the same run.
     */
    public long randomDraws() {
        return randomDraws;
    }

    /**
     * {@link #randomDraws()} before the reset of environment 0's episode in progress, or now
     * between episodes: a runner built with this many draws replays that episode from its
     * start (one environment).
     */
    public long episodeStartDraws() {
        return episodeStartDraws;
    }

    /** {@link #totalSteps()} at the start of environment 0's episode, or now between episodes. */
    public long episodeStartSteps() {
        return episodeStartSteps;
    }

    /** Environment steps taken by this runner since construction, all environments'. */
    public long totalSteps() {
        return totalSteps;
    }
}
