package cartpolelab.ui.chart;

import java.util.function.IntToDoubleFunction;

/**
 * Picks the points of a long series worth drawing: the first and the last point, and in each of
 * equal-width buckets between them the point with the smallest and the one with the largest
 * value, in index order. A spike is the extreme of its bucket, so it is never dropped; a flat
 * stretch costs two points per bucket. Non-finite values are skipped.
 *
 * <p>Pure and allocation-free per call: the caller owns the output array. No JavaFX here; the
 * chart code turns the chosen indexes into {@code XYChart.Data} it updates in place.
 */
public final class MinMaxReducer {

    private final int maxPoints;

    /** @param maxPoints the most indexes {@link #reduce} returns; at least 4 */
    public MinMaxReducer(int maxPoints) {
        if (maxPoints < 4) {
            throw new IllegalArgumentException("maxPoints must be at least 4, was " + maxPoints);
        }
        this.maxPoints = maxPoints;
    }

    public int maxPoints() {
        return maxPoints;
    }

    /**
     * Writes the indexes to draw, ascending, into {@code out} and returns how many. When the
     * series has at most {@code maxPoints} finite points, every finite point is kept.
     *
     * @param values value at index i, for 0 &le; i &lt; size
     * @param size   number of points in the series
     * @param out    receives the indexes; length at least {@link #maxPoints()}
     */
    public int reduce(IntToDoubleFunction values, int size, int[] out) {
        if (out.length < maxPoints) {
            throw new IllegalArgumentException("out must hold " + maxPoints + " indexes");
        }
        if (size <= maxPoints) {
            int n = 0;
            for (int i = 0; i < size; i++) {
                if (Double.isFinite(values.applyAsDouble(i))) {
                    out[n++] = i;
                }
            }
            return n;
        }
        int n = 0;
        int first = 0;
        while (first < size && !Double.isFinite(values.applyAsDouble(first))) {
            first++;
        }
        int last = size - 1;
        while (last > first && !Double.isFinite(values.applyAsDouble(last))) {
            last--;
        }
        if (first >= size) {
            return 0;
        }
        out[n++] = first;
        if (last == first) {
            return n;
        }
        // Interior (first, last) split into buckets; each contributes at most its min and max.
        int buckets = (maxPoints - 2) / 2;
        long interior = last - first - 1L;
        for (int b = 0; b < buckets && interior > 0; b++) {
            int from = (int) (first + 1 + interior * b / buckets);
            int to = (int) (first + 1 + interior * (b + 1) / buckets); // exclusive
            int minIndex = -1;
            int maxIndex = -1;
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (int i = from; i < to; i++) {
                double v = values.applyAsDouble(i);
                if (!Double.isFinite(v)) {
                    continue;
                }
                if (v < min) {
                    min = v;
                    minIndex = i;
                }
                if (v > max) {
                    max = v;
                    maxIndex = i;
                }
            }
            if (minIndex < 0) {
                continue;
            }
            if (minIndex == maxIndex) {
                out[n++] = minIndex;
            } else {
                out[n++] = Math.min(minIndex, maxIndex);
                out[n++] = Math.max(minIndex, maxIndex);
            }
        }
        out[n++] = last;
        return n;
    }
}
