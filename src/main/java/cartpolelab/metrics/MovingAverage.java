package cartpolelab.metrics;

/**
 * The mean of the last {@code window} values, in O(1) per value with a ring buffer; over fewer
 * values while fewer than {@code window} have been seen. The sum is recomputed from the ring
 * every {@code window} values, so rounding errors do not build up over long runs.
 */
public final class MovingAverage {

    /** The notebook's window: 50 episodes. */
    public static final int DEFAULT_WINDOW = 50;

    private final double[] ring;
    private int count;
    private double sum;

    public MovingAverage(int window) {
        if (window < 1) {
            throw new IllegalArgumentException("window must be at least 1, was " + window);
        }
        ring = new double[window];
    }

    /** Adds a value and returns the mean of the last min(window, count) values. */
    public double add(double value) {
        int slot = count % ring.length;
        sum += value - ring[slot];
        ring[slot] = value;
        count++;
        if (slot == ring.length - 1) {
            sum = 0;
            for (double v : ring) {
                sum += v;
            }
        }
        return mean();
    }

    public double mean() {
        return count == 0 ? Double.NaN : sum / Math.min(count, ring.length);
    }

    /** True once a whole window of values has been seen. */
    public boolean full() {
        return count >= ring.length;
    }

    public int window() {
        return ring.length;
    }
}
