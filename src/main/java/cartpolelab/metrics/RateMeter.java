package cartpolelab.metrics;

/**
 * A rate over wall-clock windows: how many things (environment steps, episodes) per second
 * recently. The rate is refreshed once a window has passed, so it neither flickers per call
 * nor lags for long. One thread updates it.
 */
public final class RateMeter {

    private final long windowNanos;
    private long markNanos;
    private long markCount;
    private double perSecond;

    public RateMeter(long windowNanos) {
        this.windowNanos = windowNanos;
    }

    /** Records that the running count is {@code count} at {@code nowNanos}. */
    public void update(long nowNanos, long count) {
        if (markNanos == 0) {
            markNanos = nowNanos;
            markCount = count;
        } else if (nowNanos - markNanos >= windowNanos) {
            perSecond = (count - markCount) * 1e9 / (nowNanos - markNanos);
            markNanos = nowNanos;
            markCount = count;
        }
    }

    /** Forgets the past (after a pause): the next window starts at the next update. */
    public void restart() {
        markNanos = 0;
        perSecond = 0;
    }

    /** The rate over the last whole window; 0 before one has passed. */
    public double perSecond() {
        return perSecond;
    }
}
