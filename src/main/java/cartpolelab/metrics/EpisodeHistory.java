package cartpolelab.metrics;

import java.util.Arrays;

/**
 * Every finished episode of a run, column by column in primitive arrays: 80 bytes an episode,
 * so 100,000 episodes take about 8 MB (an {@code ArrayList<EpisodeStats>} would take ~3x that).
 *
 * <p>One writer (the trainer's thread) and any number of readers, without locks: the writer
 * fills index {@code n} of every column, then publishes {@code size = n + 1} through a volatile
 * write. A reader reads {@link #size()} first and then any index below it; growing copies the
 * columns into new arrays before publishing them, so what a reader sees below the size it read
 * never changes.
 */
public final class EpisodeHistory {

    private static final int INITIAL_CAPACITY = 1024;

    /** Columns; replaced (never mutated below size) when they grow. */
    private static final class Columns {
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

        Columns grow(int capacity, int used) {
            Columns c = new Columns(capacity);
            System.arraycopy(reward, 0, c.reward, 0, used);
            System.arraycopy(length, 0, c.length, 0, used);
            System.arraycopy(movingAverage, 0, c.movingAverage, 0, used);
            System.arraycopy(actorLoss, 0, c.actorLoss, 0, used);
            System.arraycopy(criticLoss, 0, c.criticLoss, 0, used);
            System.arraycopy(entropy, 0, c.entropy, 0, used);
            System.arraycopy(totalSteps, 0, c.totalSteps, 0, used);
            System.arraycopy(wallSeconds, 0, c.wallSeconds, 0, used);
            System.arraycopy(stepsPerSecond, 0, c.stepsPerSecond, 0, used);
            System.arraycopy(approxKl, 0, c.approxKl, 0, used);
            System.arraycopy(clipFraction, 0, c.clipFraction, 0, used);
            return c;
        }
    }

    private volatile Columns columns;
    private volatile int size;
    /** A read-only view ({@link #view()}): {@link #add} refuses. */
    private boolean readOnly;

    public EpisodeHistory() {
        this(true);
    }

    private EpisodeHistory(boolean allocate) {
        columns = allocate ? new Columns(INITIAL_CAPACITY) : null;
    }

    /**
     * Appends the next episode. Writer thread only.
     *
     * @throws IllegalArgumentException if its number is not {@code size() + 1}
     */
    public void add(EpisodeStats s) {
        if (readOnly) {
            throw new IllegalStateException("a read-only view of a history cannot grow");
        }
        int n = size;
        if (s.episode() != n + 1) {
            throw new IllegalArgumentException(
                    "episode " + s.episode() + " added after episode " + n);
        }
        Columns c = columns;
        if (n == c.reward.length) {
            c = c.grow(n * 2, n);
            columns = c;
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
        size = n + 1; // publishes the writes above
    }

    /** Finished episodes; indexes 0 .. size()-1 are readable. */
    public int size() {
        return size;
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
        int n = size;
        return Arrays.copyOf(columns.reward, n);
    }

    /**
     * A copy of the episodes that exist when the call starts, which only its owner appends
     * to: what a restored run starts from. One array copy per column.
     */
    public EpisodeHistory copy() {
        int n = size;
        EpisodeHistory c = new EpisodeHistory(false);
        c.columns = columns.grow(Math.max(INITIAL_CAPACITY, n), n);
        c.size = n;
        return c;
    }

    /**
     * The episodes that exist when the call starts, read-only, without copying anything: the
     * view shares this history's columns, whose entries below its size never change (growing
     * copies them into new arrays). What a snapshot of a run holds, so taking one costs no
     * memory in proportion to the history. {@link #copy()} it to append.
     */
    public EpisodeHistory view() {
        EpisodeHistory v = new EpisodeHistory(false);
        v.size = size;      // read size first, then the columns: they hold at least size rows
        v.columns = columns;
        v.readOnly = true;
        return v;
    }

    /** The last finished episode, or null before the first. */
    public EpisodeStats last() {
        int n = size;
        return n == 0 ? null : get(n - 1);
    }

    private Columns checked(int index) {
        int n = size;
        if (index < 0 || index >= n) {
            throw new IndexOutOfBoundsException("episode index " + index + " of " + n);
        }
        return columns;
    }
}
