package cartpolelab.agent;

import cartpolelab.env.CartPole;
import org.ejml.data.DMatrixRMaj;

/**
 * What one learning update learns from: the steps since the last update, like Spinning Up's
 * PPO buffer but for one actor and one update at a time. Every array is allocated once for
 * {@code capacity} steps (the episode's step limit, or n for n-step A2C); recording allocates
 * nothing.
 *
 * <p>Stored per step t = 0 … T−1 (row t of each array):
 * <ul>
 *   <li>s_t, the observation acted on ({@link #states()}, 4 columns);</li>
 *   <li>a_t, the sampled action, and r_t, the reward it earned;</li>
 *   <li>h_t, the actor's hidden activations relu(s_t W1 + b1) from acting, so that the
 *       update's backward pass need not run the actor forward again ({@link #actorHidden()});
 *       </li>
 *   <li>π(·|s_t) and log π(·|s_t), the policy a_t was sampled from
 *       ({@link #probabilities()}, {@link #logProbabilities()}, 2 per step).</li>
 * </ul>
 * plus one more state row, s_T, the observation after the last step: the bootstrap row,
 * whose value V(s_T) the critic estimates once per update ({@link #statesWithBootstrap()}).
 * How the last step ended ({@link EpisodeEnd}) is kept with it.
 *
 * <p>The bootstrap rule is {@link Advantages}'s, the one home of returns and advantages: the
 * value after the last step is V(s_T) when the rollout stopped with the pole still up (the
 * episode was cut by the time limit or max steps, {@link EpisodeEnd#CUT_OFF}, or n-step A2C
 * reached an n-step boundary in a running episode, {@link EpisodeEnd#RUNNING}), and 0 when the
 * pole fell or the cart left the track ({@link EpisodeEnd#FELL}). {@link #end()} says which.
 *
 * <p>Protocol: {@link #startStep} (s_t) and {@link #recordOutcome} (r_t, s_{t+1}) alternate,
 * the policy and action of step t are stored between them; {@link #clear()} empties the buffer
 * after an update or to drop a partial rollout. Used by one thread.
 */
final class RolloutBuffer {

    private static final int IN = CartPole.OBSERVATION_SIZE;
    private static final int ACTIONS = CartPole.ACTION_COUNT;

    private final int capacity;
    private final int hidden;
    private final DMatrixRMaj states;
    private final int[] actions;
    private final double[] rewards;
    private final DMatrixRMaj actorHidden;
    private final double[] probabilities;
    private final double[] logProbabilities;
    /** Per step: s_{t+1} as the environment returned it and how step t ended (PPO's rollouts
     *  span episodes, so the row after t may be the next episode's first state). */
    private final DMatrixRMaj nextStates;
    private final EpisodeEnd[] ends;
    private int size;
    private boolean awaitingOutcome;
    private EpisodeEnd end = EpisodeEnd.RUNNING;

    RolloutBuffer(int capacity, int hidden) {
        if (capacity < 1 || hidden < 1) {
            throw new IllegalArgumentException("capacity and hidden must be ≥ 1, were "
                    + capacity + " and " + hidden);
        }
        this.capacity = capacity;
        this.hidden = hidden;
        this.states = new DMatrixRMaj(capacity + 1, IN);
        this.actions = new int[capacity];
        this.rewards = new double[capacity];
        this.actorHidden = new DMatrixRMaj(capacity, hidden);
        this.probabilities = new double[capacity * ACTIONS];
        this.logProbabilities = new double[capacity * ACTIONS];
        this.nextStates = new DMatrixRMaj(capacity, IN);
        this.ends = new EpisodeEnd[capacity];
    }

    /**
     * Stores s_t as the next row and returns t.
     *
     * @throws IllegalStateException if the previous step's outcome was not recorded yet
     */
    int startStep(double[] observation) {
        if (awaitingOutcome) {
            throw new IllegalStateException("act called twice: call observe with the outcome "
                    + "of the previous action first");
        }
        System.arraycopy(observation, 0, states.data, size * IN, IN);
        return size;
    }

    /** Stores h_t (the first {@code hidden} values of {@code hiddenRow}) for row t. */
    void storeHidden(int t, double[] hiddenRow) {
        System.arraycopy(hiddenRow, 0, actorHidden.data, t * hidden, hidden);
    }

    /** Stores a_t; step t now awaits its outcome. */
    void storeAction(int t, int action) {
        actions[t] = action;
        size = t + 1;
        awaitingOutcome = true;
    }

    /**
     * Stores r_t and s_{t+1} (the bootstrap row, until a further step overwrites it) and how
     * the step ended.
     *
     * @throws IllegalStateException if no step awaits its outcome
     */
    void recordOutcome(double reward, double[] nextObservation, EpisodeEnd end) {
        if (!awaitingOutcome) {
            throw new IllegalStateException("observe called without a preceding act");
        }
        rewards[size - 1] = reward;
        System.arraycopy(nextObservation, 0, states.data, size * IN, IN);
        System.arraycopy(nextObservation, 0, nextStates.data, (size - 1) * IN, IN);
        ends[size - 1] = end;
        this.end = end;
        awaitingOutcome = false;
    }

    /** Empties the buffer (after an update, or to drop a partial rollout unlearned). */
    void clear() {
        size = 0;
        awaitingOutcome = false;
        end = EpisodeEnd.RUNNING;
    }

    /**
     * Keeps only the first {@code steps} steps (drops a partly recorded episode of a rollout
     * that spans episodes).
     */
    void truncate(int steps) {
        if (steps < 0 || steps > size) {
            throw new IllegalArgumentException("cannot truncate " + size + " steps to " + steps);
        }
        size = steps;
        awaitingOutcome = false;
        end = steps == 0 ? EpisodeEnd.RUNNING : ends[steps - 1];
    }

    /** s_{t+1} of each step t as the environment returned it (T × 4); a view. */
    DMatrixRMaj nextStates() {
        nextStates.reshape(size, IN);
        return nextStates;
    }

    /** How each step t ended; entries past {@link #size()} are stale. */
    EpisodeEnd[] ends() {
        return ends;
    }

    /** T, the steps recorded. */
    int size() {
        return size;
    }

    int capacity() {
        return capacity;
    }

    boolean full() {
        return size == capacity;
    }

    /** How the last recorded step ended. */
    EpisodeEnd end() {
        return end;
    }

    /** s_0 … s_{T−1} (T × 4); a view of the buffer's storage. */
    DMatrixRMaj states() {
        states.reshape(size, IN);
        return states;
    }

    /** s_0 … s_T, the bootstrap row last ((T + 1) × 4); a view of the buffer's storage. */
    DMatrixRMaj statesWithBootstrap() {
        states.reshape(size + 1, IN);
        return states;
    }

    /** h_0 … h_{T−1} (T × hidden). */
    DMatrixRMaj actorHidden() {
        actorHidden.reshape(size, hidden);
        return actorHidden;
    }

    /** a_t at [t]. */
    int[] actions() {
        return actions;
    }

    /** r_t at [t]. */
    double[] rewards() {
        return rewards;
    }

    /** π(k|s_t) at [2t + k]. */
    double[] probabilities() {
        return probabilities;
    }

    /** log π(k|s_t) at [2t + k]. */
    double[] logProbabilities() {
        return logProbabilities;
    }
}
