package cartpolelab.plot;

import java.util.Arrays;

/**
 * An incremental summary of one growing {@link Column} for drawing: level k holds, for each
 * aligned block of {@code 16 · 2^k} values, its minimum, maximum and sum. New values are added
 * as they arrive ({@link #catchUp}, O(levels) each, never a rescan), and the minimum, maximum
 * and mean of any index range are read from at most a few blocks per level plus at most 30
 * raw values ({@link #aggregate}): a pixel column costs the same for 1,000 episodes as for
 * 10,000,000. About 3 bytes per value. Non-finite values are left out.
 *
 * <p>One thread (the one that draws); the column may grow concurrently.
 */
public final class Pyramid {

    private static final int SHIFT = 4;
    private static final int BASE = 1 << SHIFT;

    private final Column column;
    private double[][] min = new double[0][];
    private double[][] max = new double[0][];
    private double[][] sum = new double[0][];
    private int[] blocks = new int[0];
    private int counted;

    /** Results of the last {@link #aggregate}. */
    public double lo;
    public double hi;
    public double mean;

    public Pyramid(Column column) {
        this.column = column;
    }

    public Column column() {
        return column;
    }

    /** Values summarised so far. */
    public int size() {
        return counted;
    }

    /** Adds the values that arrived since the last call; returns the new size. */
    public int catchUp() {
        int n = column.size();
        for (int i = counted; i < n; i++) {
            add(i, column.value(i));
            counted = i + 1;
        }
        return counted;
    }

    private void add(int i, double v) {
        int levels = levelsFor(i + 1);
        if (levels > min.length) {
            growLevels(levels);
        }
        boolean finite = Double.isFinite(v);
        for (int k = 0; k < levels; k++) {
            int b = i >> (SHIFT + k);
            if (b == blocks[k]) {
                if (b == min[k].length) {
                    int cap = Math.max(16, b * 2);
                    min[k] = Arrays.copyOf(min[k], cap);
                    max[k] = Arrays.copyOf(max[k], cap);
                    sum[k] = Arrays.copyOf(sum[k], cap);
                }
                min[k][b] = finite ? v : Double.POSITIVE_INFINITY;
                max[k][b] = finite ? v : Double.NEGATIVE_INFINITY;
                sum[k][b] = finite ? v : 0;
                blocks[k] = b + 1;
            } else if (finite) {
                min[k][b] = Math.min(min[k][b], v);
                max[k][b] = Math.max(max[k][b], v);
                sum[k][b] += v;
            }
        }
    }

    /** Levels worth keeping for {@code n} values: each holds at least two blocks' worth. */
    private static int levelsFor(int n) {
        int levels = 0;
        while ((long) BASE << levels < n) {
            levels++;
        }
        return levels;
    }

    private void growLevels(int levels) {
        int old = min.length;
        min = Arrays.copyOf(min, levels);
        max = Arrays.copyOf(max, levels);
        sum = Arrays.copyOf(sum, levels);
        blocks = Arrays.copyOf(blocks, levels);
        for (int k = old; k < levels; k++) {
            // A new level starts from the level below (or the raw values): rebuild its blocks.
            min[k] = new double[16];
            max[k] = new double[16];
            sum[k] = new double[16];
            int size = BASE << k;
            for (int start = 0; start < counted; start += size) {
                int b = start / size;
                aggregate(start, Math.min(counted, start + size), k);
                if (b == min[k].length) {
                    min[k] = Arrays.copyOf(min[k], b * 2);
                    max[k] = Arrays.copyOf(max[k], b * 2);
                    sum[k] = Arrays.copyOf(sum[k], b * 2);
                }
                min[k][b] = lo;
                max[k][b] = hi;
                sum[k][b] = mean * (Math.min(counted, start + size) - start);
                blocks[k] = b + 1;
            }
        }
    }

    /**
     * Minimum, maximum and mean of the values at indexes [from, to), into {@link #lo},
     * {@link #hi} and {@link #mean}; NaN when the range holds no finite value.
     */
    public void aggregate(int from, int to) {
        aggregate(from, to, min.length);
    }

    private void aggregate(int from, int to, int levels) {
        double l = Double.POSITIVE_INFINITY;
        double h = Double.NEGATIVE_INFINITY;
        double s = 0;
        int p = Math.max(0, from);
        int end = Math.min(to, counted);
        while (p < end) {
            if ((p & (BASE - 1)) != 0 || p + BASE > end || levels == 0) {
                double v = column.value(p);
                if (Double.isFinite(v)) {
                    l = Math.min(l, v);
                    h = Math.max(h, v);
                    s += v;
                }
                p++;
                continue;
            }
            int k = 0;
            while (k + 1 < levels && (p & ((BASE << (k + 1)) - 1)) == 0
                    && p + (BASE << (k + 1)) <= end) {
                k++;
            }
            int b = p >> (SHIFT + k);
            l = Math.min(l, min[k][b]);
            h = Math.max(h, max[k][b]);
            s += sum[k][b];
            p += BASE << k;
        }
        int n = end - Math.max(0, from);
        if (n <= 0 || l > h) {
            lo = hi = mean = Double.NaN;
        } else {
            lo = l;
            hi = h;
            mean = s / n;
        }
    }
}
