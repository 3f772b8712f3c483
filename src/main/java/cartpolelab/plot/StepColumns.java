package cartpolelab.plot;

import java.util.function.IntSupplier;
import java.util.function.IntToDoubleFunction;
import java.util.function.IntToLongFunction;

/**
 * Per-episode columns seen over environment steps: index k stands for step (k + 1) · {@link
 * #UNIT} and holds the value of the last episode finished by that step (NaN before the first).
 * A bucket only exists once some episode has finished at or after its step, so no later
 * episode can change it: the columns only grow, as {@link Column} requires. Reads go through a
 * binary search on the episodes' cumulative steps, so nothing is copied.
 */
public final class StepColumns {

    /** Environment steps per point of a chart over steps. */
    public static final int UNIT = 100;

    private final IntToLongFunction totalSteps;
    private final IntSupplier episodes;

    /**
     * @param totalSteps environment steps taken by the end of episode index i (growing)
     * @param episodes   the episodes that exist now
     */
    public StepColumns(IntToLongFunction totalSteps, IntSupplier episodes) {
        this.totalSteps = totalSteps;
        this.episodes = episodes;
    }

    /** Points that exist now: whole buckets up to the last finished episode's steps. */
    public int size() {
        int n = episodes.getAsInt();
        return n == 0 ? 0 : (int) Math.min(Integer.MAX_VALUE - 1,
                totalSteps.applyAsLong(n - 1) / UNIT);
    }

    /**
     * The index of the last episode finished by step (k + 1) · UNIT, or −1 when none had.
     */
    public int episodeAt(int k) {
        long step = (k + 1L) * UNIT;
        int lo = 0;
        int hi = episodes.getAsInt() - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (totalSteps.applyAsLong(mid) <= step) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found;
    }

    /** The point (x in units of {@link #UNIT}) at which episode index {@code e} ended. */
    public double pointOf(int e) {
        return (double) totalSteps.applyAsLong(e) / UNIT;
    }

    /** The per-episode {@code values} over steps. */
    public Column of(IntToDoubleFunction values) {
        return Column.of(k -> {
            int e = episodeAt(k);
            return e < 0 ? Double.NaN : values.applyAsDouble(e);
        }, this::size);
    }

    /** Fixed columns over the first {@code n} episodes of a finished run (a file). */
    public static StepColumns fixed(IntToLongFunction totalSteps, int n) {
        return new StepColumns(totalSteps, () -> n);
    }
}
