package cartpolelab.train;

import cartpolelab.agent.Agent;
import cartpolelab.agent.EpisodeRunner;
import cartpolelab.agent.Hyperparameters;
import cartpolelab.env.CartPole;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Records the episodes of a run to replay them: the last {@code keep} episodes, plus
 * milestones kept for the whole run (the first episode, every episode that set a new best
 * reward, and the first episode of the window that solved the task). The last episode of the
 * run is always among the recent ones.
 *
 * <p>Written by the thread that trains (one frame per step into preallocated arrays, one
 * compact {@link RecordedEpisode} per finished episode); read from any thread: the map of
 * finished recordings is concurrent and holds only immutable episodes.
 *
 * <p>Neutral: it reads the environment and asks the agent for π and V through the agent's
 * inspection buffers, which neither draw random numbers nor touch the rollout, so a run is
 * bit for bit the same with and without it (tested).
 */
public final class EpisodeRecorder {

    /** Recent episodes kept by default. */
    public static final int DEFAULT_KEEP = 1000;

    /** Recent episodes kept; set from any thread, read by the training thread. */
    private volatile int keep;
    private final ConcurrentSkipListMap<Integer, RecordedEpisode> recorded =
            new ConcurrentSkipListMap<>();
    private final ArrayDeque<Integer> recent = new ArrayDeque<>();
    private final Set<Integer> milestones = new HashSet<>();
    /** The recordings of the milestones, published for other threads (the library's writer). */
    private final ConcurrentSkipListMap<Integer, RecordedEpisode> milestoneRecordings =
            new ConcurrentSkipListMap<>();
    private volatile RecordedEpisode latest;
    private volatile long bytes;

    // ---- the episode being recorded (trainer's thread) ----
    private final double[] observation = new double[CartPole.OBSERVATION_SIZE];
    private final double[] pi = new double[CartPole.ACTION_COUNT];
    private float[] states;
    private byte[] actions;
    private float[] probRight;
    private float[] values;
    private float[] rewardSoFar;
    private int frames;
    /** V(s) of the state last recorded, NaN when it did not fit: {@link #lastValue()}. */
    private double lastValue = Double.NaN;
    private double bestReward = Double.NEGATIVE_INFINITY;
    // ---- PPO's ratio ρ: the states in full precision, π_old of each action, the updates ----
    private double[] exactStates;
    private double[] oldRight;
    private Agent agent;
    private long updatesSeen;
    /** Frames at which the last and the one-before-last update of this episode ran, or -1. */
    private int lastUpdateFrame;
    private int previousUpdateFrame;
    private double clipAtUpdate = Double.NaN;

    /** @param keep recent episodes to keep, at least 1 */
    public EpisodeRecorder(int keep) {
        if (keep < 1) {
            throw new IllegalArgumentException("keep must be at least 1, was " + keep);
        }
        this.keep = keep;
    }

    /** The start state of an episode (before its first step). */
    void begin(CartPole env, Agent agent, int maxFrames) {
        if (states == null || actions.length < maxFrames) {
            states = new float[maxFrames * 4];
            actions = new byte[maxFrames];
            probRight = new float[maxFrames];
            values = new float[maxFrames];
            rewardSoFar = new float[maxFrames];
            exactStates = new double[maxFrames * 4];
            oldRight = new double[maxFrames];
        }
        frames = 0;
        this.agent = agent;
        updatesSeen = agent.updates();
        lastUpdateFrame = -1;
        previousUpdateFrame = -1;
        env.observe(observation, 0);
        agent.probabilities(observation, pi);
        add(env, agent, -1, pi[1], 0);
    }

    /** The state after the runner's last step, its action, π(right) it came from, reward. */
    void step(EpisodeRunner runner, Agent agent, double probRightOfAction) {
        CartPole env = runner.env();
        env.observe(observation, 0);
        add(env, agent, runner.lastAction(), probRightOfAction, runner.episodeReward());
        if (agent.updates() != updatesSeen && frames > 0) {
            // an update learned from the rollout up to this step (PPO: every n steps)
            updatesSeen = agent.updates();
            previousUpdateFrame = lastUpdateFrame;
            lastUpdateFrame = frames - 1;
            Hyperparameters hp = agent.hyperparameters();
            clipAtUpdate = hp.clipRangeSchedule().at(hp.clipRange(), runner.totalSteps(),
                    hp.scheduleSteps());
        }
    }

    private void add(CartPole env, Agent agent, int action, double right, double reward) {
        if (frames == actions.length) {
            lastValue = Double.NaN;
            return; // longer than the step limit said: keep what fits
        }
        int s = frames * 4;
        states[s] = (float) env.x();
        states[s + 1] = (float) env.xDot();
        states[s + 2] = (float) env.theta();
        states[s + 3] = (float) env.thetaDot();
        actions[frames] = (byte) action;
        probRight[frames] = (float) right;
        oldRight[frames] = right;
        System.arraycopy(observation, 0, exactStates, s, 4);
        lastValue = agent.value(observation);
        values[frames] = (float) lastValue;
        rewardSoFar[frames] = (float) reward;
        frames++;
    }

    /** The critic's V(s) of the state last recorded, or NaN if it was not recorded. */
    double lastValue() {
        return lastValue;
    }

    /**
     * The episode ended: keeps its recording, marks milestones, and lets the oldest recent
     * one go. {@code solvedWindowStart} is the first episode of the solving window, or -1.
     */
    void end(int episode, boolean fell, int solvedWindowStart) {
        if (frames == 0) {
            return;
        }
        float[] ratios = ratios();
        RecordedEpisode e = new RecordedEpisode(episode, frames, states, actions, probRight,
                values, rewardSoFar, fell, ratios, ratios == null ? Double.NaN : clipAtUpdate);
        if (episode == 1 || e.reward() > bestReward) {
            milestones.add(episode);
            milestoneRecordings.put(episode, e);
        }
        bestReward = Math.max(bestReward, e.reward());
        recorded.put(episode, e);
        if (solvedWindowStart > 0 && milestones.add(solvedWindowStart)
                && recorded.containsKey(solvedWindowStart)) {
            milestoneRecordings.put(solvedWindowStart, recorded.get(solvedWindowStart));
        }
        bytes += e.bytes();
        recent.addLast(episode);
        while (recent.size() > keep) {
            int old = recent.removeFirst();
            if (!milestones.contains(old)) {
                RecordedEpisode gone = recorded.remove(old);
                bytes -= gone == null ? 0 : gone.bytes();
            }
        }
        latest = e;
        frames = 0;
    }

    /**
     * PPO: ρ_k = π_θ(a_k|s_k) / π_old(a_k|s_k) for the steps the episode's last update learned
     * from (those after the update before it, if any): π_old is the policy that chose a_k (no
     * update ran in between), π_θ the agent's now, after that update and no other. Null for
     * other algorithms and episodes without an update; NaN elsewhere.
     */
    private float[] ratios() {
        if (agent == null || !agent.hyperparameters().algorithm().clipped()
                || lastUpdateFrame < 1) {
            return null;
        }
        float[] r = new float[frames];
        Arrays.fill(r, Float.NaN);
        for (int k = Math.max(previousUpdateFrame, 0); k < lastUpdateFrame; k++) {
            System.arraycopy(exactStates, 4 * k, observation, 0, 4);
            agent.probabilities(observation, pi);
            int a = actions[k + 1];
            r[k] = (float) (pi[a] / (a == 1 ? oldRight[k + 1] : 1 - oldRight[k + 1]));
        }
        return r;
    }

    /** The newest finished recording, or null. */
    public RecordedEpisode latest() {
        return latest;
    }

    /** The recording of {@code episode}, or the nearest recorded one (null if none yet). */
    public RecordedEpisode nearest(int episode) {
        Map.Entry<Integer, RecordedEpisode> below = recorded.floorEntry(episode);
        Map.Entry<Integer, RecordedEpisode> above = recorded.ceilingEntry(episode);
        if (below == null) {
            return above == null ? null : above.getValue();
        }
        if (above == null) {
            return below.getValue();
        }
        return episode - below.getKey() <= above.getKey() - episode ? below.getValue()
                : above.getValue();
    }

    /** The recorded episode before {@code episode}, or null. */
    public RecordedEpisode before(int episode) {
        Map.Entry<Integer, RecordedEpisode> e = recorded.lowerEntry(episode);
        return e == null ? null : e.getValue();
    }

    /** The recorded episode after {@code episode}, or null. */
    public RecordedEpisode after(int episode) {
        Map.Entry<Integer, RecordedEpisode> e = recorded.higherEntry(episode);
        return e == null ? null : e.getValue();
    }

    /** Every recording, by episode (a live, read-only view). */
    public NavigableMap<Integer, RecordedEpisode> recordings() {
        return Collections.unmodifiableNavigableMap(recorded);
    }

    /**
     * The milestones recorded so far, by episode (a live, read-only view that only grows):
     * what the run library keeps of a run's recordings.
     */
    public NavigableMap<Integer, RecordedEpisode> milestones() {
        return Collections.unmodifiableNavigableMap(milestoneRecordings);
    }

    /**
     * Takes {@code kept} (a restored run's milestones, kept elsewhere) as this run's milestones,
     * except those after its {@code episodes} finished episodes; the newest becomes the latest
     * recording. Before the run trains: on the thread that will train it.
     */
    void restoreMilestones(Collection<RecordedEpisode> kept, int episodes) {
        for (RecordedEpisode e : kept) {
            if (e.episode() <= episodes && milestones.add(e.episode())) {
                recorded.put(e.episode(), e);
                milestoneRecordings.put(e.episode(), e);
                bytes += e.bytes();
                bestReward = Math.max(bestReward, e.reward());
            }
        }
        latest = recorded.isEmpty() ? latest : recorded.lastEntry().getValue();
    }

    /** Bytes held by the recordings. */
    public long bytes() {
        return bytes;
    }

    public int keep() {
        return keep;
    }

    /**
     * Keeps the last {@code keep} episodes from the next finished one on (older recent ones go
     * then); milestones stay. Safe from any thread.
     */
    public void setKeep(int keep) {
        if (keep < 1) {
            throw new IllegalArgumentException("keep must be at least 1, was " + keep);
        }
        this.keep = keep;
    }
}
