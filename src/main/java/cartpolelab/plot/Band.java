package cartpolelab.plot;

/**
 * A filled area between two smooth columns (say the 10th and 90th percentile of many runs),
 * thinned like a {@link Series.Kind#SMOOTH} series.
 */
public final class Band {

    public final String label;
    public final int argb;
    final Series lower;
    final Series upper;

    public Band(String label, Column lower, Column upper, int argb) {
        this.label = label;
        this.argb = argb;
        this.lower = new Series(null, lower, argb, 0, null, Series.Kind.SMOOTH);
        this.upper = new Series(null, upper, argb, 0, null, Series.Kind.SMOOTH);
    }

    public int catchUp() {
        return Math.max(lower.catchUp(), upper.catchUp());
    }
}
