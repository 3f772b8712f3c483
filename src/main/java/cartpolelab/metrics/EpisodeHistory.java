package cartpolelab.metrics;

import java.util.Arrays;

/**
 * Every finished episode of a run, column by column in primitive arrays: 80 bytes an episode,
 * so 100,000 episodes take about 8 MB (an {@code ArrayList<EpisodeStats>} would take ~3x that).
 *
 * <p>One writer (the trainer's thread) and any number of readers, without locks: the rows
 * live in a {@link ColumnStore}, whose publication order makes that safe.
 */
public final class EpisodeHistory {

    private static final int INITIAL_CAPACITY = 1024;

    /** The columns, one array each. */
    private static final class Columns implements ColumnStore.Columns {
        final double[] reward;
        final int[] length;
        final double[] movingAverage;
        final double[] actorLoss;
        final double[] criticLoss;
        final double[] entropy;
        final long[] totalSteps;
        final double[] wallSeconds;
        final double[] stepsPerSecond;
        final double[] approxKl;
        final double[] clipFraction;

        Columns(int capacity) {
            reward = new double[capacity];
            length = new int[capacity];
            movingAverage = new double[capacity];
            actorLoss = new double[capacity];
            criticLoss = new double[capacity];
            entropy = new double[capacity];
            totalSteps = new long[capacity];
            wallSeconds = new double[capacity];
            stepsPerSecond = new double[capacity];
            approxKl = new double[capacity];
            clipFraction = new double[capacity];
        }

        @Override
        public Object[] arrays() {
            return new Object[] {reward, length, movingAverage, actorLoss, criticLoss, entropy,
                    totalSteps, wallSeconds, stepsPerSecond, approxKl, clipFraction};
        }
    }

    private final ColumnStore<Columns> store;
    /** Episodes it began with: those it was copied from (a restored run's), else 0. */
    private final int base;

    public EpisodeHistory() {
        this(new ColumnStore<>(Columns::new, INITIAL_CAPACITY));
    }

    private EpisodeHistory(ColumnStore<Columns> store) {
        this.store = store;
        this.base = store.size();
    }

    /**
     * The episodes this history began with: a {@link #copy()}'s (a restored run's, which its
     * window did not train), 0 for a new one. The rest were added to this history.
     */
    public int base() {
        return base;
    }

    /**
     * Appends the next episode. Writer thread only.
     *
     * @throws IllegalArgumentException if its number is not {@code size() + 1}
     */
    public void add(EpisodeStats s) {
        Columns c = store.forRow(); // refuses on a read-only view
        int n = store.size();
        if (s.episode() != n + 1) {
            throw new IllegalArgumentException(
                    "episode " + s.episode() + " added after episode " + n);
        }
        c.reward[n] = s.reward();
        c.length[n] = s.length();
        c.movingAverage[n] = s.movingAverage();
        c.actorLoss[n] = s.actorLoss();
        c.criticLoss[n] = s.criticLoss();
        c.entropy[n] = s.entropy();
        c.totalSteps[n] = s.totalSteps();
        c.wallSeconds[n] = s.wallSeconds();
        c.stepsPerSecond[n] = s.stepsPerSecond();
        c.approxKl[n] = s.approxKl();
        c.clipFraction[n] = s.clipFraction();
        store.publish();
    }

    /** Finished episodes; indexes 0 .. size()-1 are readable. */
    public int size() {
        return store.size();
    }

    /** The episode at {@code index} (episode number index + 1). */
    public EpisodeStats get(int index) {
        Columns c = checked(index);
        return new EpisodeStats(index + 1, c.reward[index], c.length[index],
                c.movingAverage[index], c.actorLoss[index], c.criticLoss[index],
                c.entropy[index], c.totalSteps[index], c.wallSeconds[index],
                c.stepsPerSecond[index], c.approxKl[index], c.clipFraction[index]);
    }

    public double reward(int index) {
        return checked(index).reward[index];
    }

    public double movingAverage(int index) {
        return checked(index).movingAverage[index];
    }

    public double actorLoss(int index) {
        return checked(index).actorLoss[index];
    }

    public double criticLoss(int index) {
        return checked(index).criticLoss[index];
    }

    public double entropy(int index) {
        return checked(index).entropy[index];
    }

    /** PPO's mean approx_kl of the episode's updates; NaN when none (or not PPO). */
    public double approxKl(int index) {
        return checked(index).approxKl[index];
    }

    /** PPO's mean clip fraction of the episode's updates; NaN when none (or not PPO). */
    public double clipFraction(int index) {
        return checked(index).clipFraction[index];
    }

    /** Environment steps taken by the end of the episode at {@code index}. */
    public long totalSteps(int index) {
        return checked(index).totalSteps[index];
    }

    /** Rewards of episodes 1 .. size() as a new array (tests, CSV, summaries). */
    public double[] rewards() {
        int n = store.size();
        return Arrays.copyOf(store.columns().reward, n);
    }

    /**
     * A copy of the episodes that exist when the call starts, which only its owner appends
     * to: what a restored run starts from. One array copy per column.
     */
    public EpisodeHistory copy() {
        return new EpisodeHistory(store.copy(INITIAL_CAPACITY));
    }

    /**
     * The episodes that exist when the call starts, read-only, without copying anything: the
     * view shares this history's columns, whose entries below its size never change (growing
     * copies them into new arrays). What a snapshot of a run holds, so taking one costs no
     * memory in proportion to the history. {@link #copy()} it to append.
     */
    public EpisodeHistory view() {
        return new EpisodeHistory(store.view());
    }

    /** The last finished episode, or null before the first. */
    public EpisodeStats last() {
        int n = store.size();
        return n == 0 ? null : get(n - 1);
    }

    private Columns checked(int index) {
        return store.checked(index, "episode");
    }
}
