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
 * <p><b>Several environments</b> ({@code --envs N}): the buffer holds N blocks of
 * {@code capacity} rows, environment-major like SB3's flattened rollout buffer: step t of
 * environment e is row {@code e · capacity + t} ({@link #row}), so each environment's steps are
 * consecutive rows and its episode segments are runs of rows. The N environments step in
 * lockstep, so every block holds the same number of steps ({@link #size()}); the rows in use are
 * {@code [0, rows())}. With N = 1 this is the single-environment buffer, row t = step t. The
 * bootstrap row s_T is kept for N = 1 only (row T); with N &gt; 1 the update reads the state
 * after each block's last step from {@link #nextStates()}.
 *
 * <p>Protocol, per lockstep: {@link #startStep} (s_t of each environment), then the policy and
 * action of each ({@link #storeHidden}, {@link #storeAction}), {@link #actionsStored()};
 * then {@link #recordOutcome} (r_t, s_{t+1}) of each and {@link #outcomesRecorded()}. The
 * one-environment calls ({@link #startStep(double[])}, {@link #storeAction(int, int)},
 * {@link #recordOutcome(double, double[], EpisodeEnd)}) do all of it for N = 1.
 * {@link #clear()} empties the buffer after an update or to drop a partial rollout. Used by
 * one thread.
 */
final class RolloutBuffer {

    private static final int IN = CartPole.OBSERVATION_SIZE;
    private static final int ACTIONS = CartPole.ACTION_COUNT;

    private final int capacity;
    private final int envs;
    private final int hidden;
    /** s_t of every row, then s_T (one environment): what both state views read. */
    private final double[] stateData;
    /** Two headers over {@link #stateData}, each reshaped by its own getter only, so that
     *  holding one while asking for the other cannot change its row count. */
    private final DMatrixRMaj states;
    private final DMatrixRMaj statesWithBootstrap;
    private final int[] actions;
    private final double[] rewards;
    private final DMatrixRMaj actorHidden;
    private final double[] probabilities;
    private final double[] logProbabilities;
    /** Per step: s_{t+1} as the environment returned it and how step t ended (rollouts that
     *  span episodes: the row after t may be the next episode's first state). */
    private final DMatrixRMaj nextStates;
    private final EpisodeEnd[] ends;
    private int size;
    private boolean awaitingOutcome;
    private EpisodeEnd end = EpisodeEnd.RUNNING;

    /** One environment, {@code capacity} steps. */
    RolloutBuffer(int capacity, int hidden) {
        this(capacity, 1, hidden);
    }

    /** {@code envs} environments of {@code capacity} steps each. */
    RolloutBuffer(int capacity, int envs, int hidden) {
        if (capacity < 1 || envs < 1 || hidden < 1) {
            throw new IllegalArgumentException("capacity, envs and hidden must be ≥ 1, were "
                    + capacity + ", " + envs + " and " + hidden);
        }
        this.capacity = capacity;
        this.envs = envs;
        this.hidden = hidden;
        int rows = capacity * envs;
        this.stateData = new double[(rows + 1) * IN];
        this.states = DMatrixRMaj.wrap(rows, IN, stateData);
        this.statesWithBootstrap = DMatrixRMaj.wrap(rows + 1, IN, stateData);
        this.actions = new int[rows];
        this.rewards = new double[rows];
        this.actorHidden = new DMatrixRMaj(rows, hidden);
        this.probabilities = new double[rows * ACTIONS];
        this.logProbabilities = new double[rows * ACTIONS];
        this.nextStates = new DMatrixRMaj(rows, IN);
        this.ends = new EpisodeEnd[rows];
    }

    /** The row of step t of environment {@code env}: {@code env · capacity + t}. */
    int row(int env, int t) {
        return env * capacity + t;
    }

    /**
     * Stores s_t of environment {@code env} from {@code observations[offset..offset+4)} as
     * its next row and returns that row.
     *
     * @throws IllegalStateException if the previous step's outcome was not recorded yet
     */
    int startStep(int env, double[] observations, int offset) {
        if (awaitingOutcome) {
            throw new IllegalStateException("act called twice: call observe with the outcome "
                    + "of the previous action first");
        }
        int r = row(env, size);
        System.arraycopy(observations, offset, stateData, r * IN, IN);
        return r;
    }

    /** One environment: stores s_t and returns t. */
    int startStep(double[] observation) {
        return startStep(0, observation, 0);
    }

    /** Stores h_t (the first {@code hidden} values of {@code hiddenRow[offset..)}) for a row. */
    void storeHidden(int row, double[] hiddenRow, int offset) {
        System.arraycopy(hiddenRow, offset, actorHidden.data, row * hidden, hidden);
    }

    /** Stores h_t (the first {@code hidden} values of {@code hiddenRow}) for row t. */
    void storeHidden(int t, double[] hiddenRow) {
        storeHidden(t, hiddenRow, 0);
    }

    /** Stores a_t of a row (the action must follow {@link #startStep} of the same lockstep). */
    void storeAction(int row, int action) {
        actions[row] = action;
        if (envs == 1) {
            actionsStored();
        }
    }

    /** Every environment's a_t is stored: the lockstep now awaits its outcomes. */
    void actionsStored() {
        size++;
        awaitingOutcome = true;
    }

    /**
     * Stores r_t and s_{t+1} of environment {@code env} (from {@code nextObservations[offset..)})
     * and how its step ended. With one environment s_{t+1} is also the bootstrap row, until a
     * further step overwrites it.
     *
     * @throws IllegalStateException if no step awaits its outcome
     */
    void recordOutcome(int env, double reward, double[] nextObservations, int offset,
                       EpisodeEnd end) {
        if (!awaitingOutcome) {
            throw new IllegalStateException("observe called without a preceding act");
        }
        int r = row(env, size - 1);
        rewards[r] = reward;
        if (envs == 1) {
            System.arraycopy(nextObservations, offset, stateData, size * IN, IN);
        }
        System.arraycopy(nextObservations, offset, nextStates.data, r * IN, IN);
        ends[r] = end;
        if (envs == 1) {
            this.end = end;
            outcomesRecorded();
        }
    }

    /** One environment: {@link #recordOutcome(int, double, double[], int, EpisodeEnd)}. */
    void recordOutcome(double reward, double[] nextObservation, EpisodeEnd end) {
        recordOutcome(0, reward, nextObservation, 0, end);
    }

    /** Every environment's outcome is recorded: the next lockstep may start. */
    void outcomesRecorded() {
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
     * that spans episodes). One environment only.
     */
    void truncate(int steps) {
        if (steps < 0 || steps > size || envs > 1) {
            throw new IllegalArgumentException("cannot truncate " + size + " steps to " + steps
                    + (envs > 1 ? " with " + envs + " environments" : ""));
        }
        size = steps;
        awaitingOutcome = false;
        end = steps == 0 ? EpisodeEnd.RUNNING : ends[steps - 1];
    }

    /** s_{t+1} of each row as the environment returned it ({@link #rows()} × 4); a view. */
    DMatrixRMaj nextStates() {
        nextStates.reshape(rows(), IN);
        return nextStates;
    }

    /** How each row's step ended; entries of rows not in use are stale. */
    EpisodeEnd[] ends() {
        return ends;
    }

    /** T, the steps recorded in each environment. */
    int size() {
        return size;
    }

    /** The rows in use: {@code (envs − 1) · capacity + T}, all N · T rows when full. */
    int rows() {
        return (envs - 1) * capacity + size;
    }

    /** Steps each environment's block holds. */
    int capacity() {
        return capacity;
    }

    int envs() {
        return envs;
    }

    boolean full() {
        return size == capacity;
    }

    /** How the last recorded step ended (one environment). */
    EpisodeEnd end() {
        return end;
    }

    /**
     * s_0 … s_{T−1} of every block ({@link #rows()} × 4): a view of the buffer's storage, its
     * own header (valid until the next step is recorded).
     */
    DMatrixRMaj states() {
        states.reshape(rows(), IN);
        return states;
    }

    /**
     * One environment: s_0 … s_T, the bootstrap row last ((T + 1) × 4): a view of the same
     * storage as {@link #states()} through a header of its own.
     */
    DMatrixRMaj statesWithBootstrap() {
        if (envs > 1) {
            throw new IllegalStateException("with " + envs + " environments the states after "
                    + "each block are in nextStates()");
        }
        statesWithBootstrap.reshape(size + 1, IN);
        return statesWithBootstrap;
    }

    /** h of each row ({@link #rows()} × hidden). */
    DMatrixRMaj actorHidden() {
        actorHidden.reshape(rows(), hidden);
        return actorHidden;
    }

    /** a of each row. */
    int[] actions() {
        return actions;
    }

    /** r of each row. */
    double[] rewards() {
        return rewards;
    }

    /** π(k|s) of row i at [2i + k]. */
    double[] probabilities() {
        return probabilities;
    }

    /** log π(k|s) of row i at [2i + k]. */
    double[] logProbabilities() {
        return logProbabilities;
    }
}
