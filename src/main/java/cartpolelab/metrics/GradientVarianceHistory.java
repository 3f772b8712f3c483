package cartpolelab.metrics;

/**
 * The gradient-variance measurements of a run, in the order taken: sparse (one every K
 * updates) and append-only, next to the run's {@link EpisodeHistory} rather than inside it, so
 * the history stays 64 bytes an episode and runs without measurements pay nothing. 48 bytes a
 * measurement, in primitive columns.
 *
 * <p>Threads as in {@link EpisodeHistory}: one writer (the run's thread), any number of readers
 * (the window, a CSV export), without locks, through a {@link ColumnStore}. Measurements are added after the episode they belong to, so every
 * {@link GradientVariance#episode()} a reader sees is already in the episode history.
 */
public final class GradientVarianceHistory {

    private static final int INITIAL_CAPACITY = 64;

    /** The columns, one array each. */
    private static final class Columns implements ColumnStore.Columns {
        final int[] episode;
        final long[] update;
        final double[] reinforce;
        final double[] baseline;
        final double[] td;
        final double[] learner;
        final int[] samples;

        Columns(int capacity) {
            episode = new int[capacity];
            update = new long[capacity];
            reinforce = new double[capacity];
            baseline = new double[capacity];
            td = new double[capacity];
            learner = new double[capacity];
            samples = new int[capacity];
        }

        @Override
        public Object[] arrays() {
            return new Object[] {episode, update, reinforce, baseline, td, learner, samples};
        }
    }

    private final ColumnStore<Columns> store;

    public GradientVarianceHistory() {
        this(new ColumnStore<>(Columns::new, INITIAL_CAPACITY));
    }

    private GradientVarianceHistory(ColumnStore<Columns> store) {
        this.store = store;
    }

    /**
     * Appends a measurement. Writer thread only.
     *
     * @throws IllegalArgumentException if its episode is not after the last one's
     */
    public void add(GradientVariance g) {
        Columns c = store.forRow();
        int n = store.size();
        if (n > 0 && g.episode() <= c.episode[n - 1]) {
            throw new IllegalArgumentException("a measurement at episode " + g.episode()
                    + " added after one at episode " + c.episode[n - 1]);
        }
        c.episode[n] = g.episode();
        c.update[n] = g.update();
        c.reinforce[n] = g.reinforce();
        c.baseline[n] = g.baseline();
        c.td[n] = g.td();
        c.learner[n] = g.learner();
        c.samples[n] = g.samples();
        store.publish();
    }

    /** Measurements taken; indexes 0 .. size()-1 are readable. */
    public int size() {
        return store.size();
    }

    /** The measurements that exist when the call starts, as a new history. */
    public GradientVarianceHistory copy() {
        return new GradientVarianceHistory(store.copy(INITIAL_CAPACITY));
    }

    /** Appends the measurements {@code other} has when the call starts. Writer thread only. */
    public void addAll(GradientVarianceHistory other) {
        int n = other.size();
        for (int i = 0; i < n; i++) {
            add(other.get(i));
        }
    }

    /** The measurement at {@code index} (0 = the first taken). */
    public GradientVariance get(int index) {
        Columns c = checked(index);
        return new GradientVariance(c.episode[index], c.update[index], c.reinforce[index],
                c.baseline[index], c.td[index], c.learner[index], c.samples[index]);
    }

    /** The episode number (1-based) of the measurement at {@code index}: a chart's x. */
    public int episode(int index) {
        return checked(index).episode[index];
    }

    public double reinforce(int index) {
        return checked(index).reinforce[index];
    }

    public double baseline(int index) {
        return checked(index).baseline[index];
    }

    public double td(int index) {
        return checked(index).td[index];
    }

    /** The run's own learner's estimator (see {@link GradientVariance#learner()}). */
    public double learner(int index) {
        return checked(index).learner[index];
    }

    /**
     * The index of the measurement taken at {@code episode}, or −1 if none was (binary search;
     * episodes only grow).
     */
    public int indexOfEpisode(int episode) {
        int n = store.size();
        int[] e = store.columns().episode;
        int lo = 0;
        int hi = n - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (e[mid] < episode) {
                lo = mid + 1;
            } else if (e[mid] > episode) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        return -1;
    }

    private Columns checked(int index) {
        return store.checked(index, "measurement");
    }
}
