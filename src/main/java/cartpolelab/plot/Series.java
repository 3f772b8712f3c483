package cartpolelab.plot;

/**
 * One line of a plot: a growing {@link Column} (value i at x = i + 1, the episode number), its
 * style, and how it is thinned when there are more values than pixel columns:
 * {@link Kind#NOISY} draws each pixel column's minimum and maximum (a spike is never hidden),
 * {@link Kind#SMOOTH} draws each column's mean (a moving average stays one thin line),
 * {@link Kind#FAINT} draws the mean of every {@link #FAINT_PIXELS} pixel columns (one of many
 * runs drawn faintly under their band and mean: context, cheap to paint thirty times).
 *
 * <p>Holds the buffers of its last {@link #decimate}, reused frame after frame.
 */
public final class Series {

    public enum Kind {
        /** A main noisy series (reward, a loss): min and max per pixel column. */
        NOISY,
        /** A smooth series (a moving average, a mean of runs): the mean per pixel column. */
        SMOOTH,
        /**
         * One of many runs drawn faintly behind a band and a mean: the mean per
         * {@link #FAINT_PIXELS} pixel columns. Its spikes are the band's to show, not its
         * own; in exchange 30 such lines cost what 10 full ones do (the painter's time goes
         * into the length of stroked, blended line, and a run's per-pixel mean zigzags).
         */
        FAINT
    }

    /** Pixel columns per point of a {@link Kind#FAINT} series. */
    public static final int FAINT_PIXELS = 3;

    public final String label;
    public final int argb;
    public final double width;
    public final double[] dash;
    public final Kind kind;
    final Pyramid data;
    /** A name for the hover readout only (one of many runs), or null. */
    String tag;

    // the last decimation: count entries of x (data units), low, high, mean
    double[] x = new double[0];
    double[] lo = new double[0];
    double[] hi = new double[0];
    double[] mean = new double[0];
    int count;
    boolean columns;

    /**
     * @param label shown in the legend and the hover readout; null for neither
     * @param dash  null for a solid line
     */
    public Series(String label, Column column, int argb, double width, double[] dash,
                  Kind kind) {
        this.label = label;
        this.argb = argb;
        this.width = width;
        this.dash = dash;
        this.kind = kind;
        this.data = new Pyramid(column);
    }

    /**
     * Names this unlabelled series for the hover readout only: when the pointer is on it, the
     * readout says which one it is (the run under the cursor among many faint ones).
     */
    public Series tagged(String name) {
        this.tag = name;
        return this;
    }

    /** Brings the summary up to date with the column; returns its size. */
    public int catchUp() {
        return data.catchUp();
    }

    public int size() {
        return data.size();
    }

    /** The value of episode {@code index + 1}, or NaN beyond the data. */
    public double valueAt(int index) {
        return index >= 0 && index < data.size() ? data.column().value(index) : Double.NaN;
    }

    /**
     * Thins the values with x in [from, to] to at most {@code pixels} columns (two entries of
     * {@link #lo}/{@link #hi} per column for a noisy series), or every value, plus one on each
     * side so lines run to the plot's edges, when fewer than {@code pixels} are visible.
     * A {@link Kind#FAINT} series takes {@link #FAINT_PIXELS} pixels for one.
     */
    void decimate(double from, double to, int pixels) {
        if (kind == Kind.FAINT) {
            pixels = Math.max(1, pixels / FAINT_PIXELS);
        }
        int n = data.size();
        int first = Math.max(0, (int) Math.ceil(from) - 2);
        int last = Math.min(n - 1, (int) Math.floor(to));
        count = 0;
        columns = last - first + 1 > pixels;
        if (!columns) {
            ensure(Math.max(0, last - first + 1));
            for (int i = first; i <= last; i++) {
                double v = data.column().value(i);
                if (Double.isFinite(v)) {
                    x[count] = i + 1;
                    lo[count] = hi[count] = mean[count] = v;
                    count++;
                }
            }
            return;
        }
        ensure(pixels);
        double step = (to - from) / pixels;
        int start = Math.max(0, (int) Math.ceil(from) - 1);
        for (int c = 0; c < pixels; c++) {
            int end = Math.min(n, (int) Math.ceil(from + (c + 1) * step) - 1);
            if (c == pixels - 1) {
                end = Math.min(n, (int) Math.floor(to));
            }
            if (end > start) {
                data.aggregate(start, end);
                if (!Double.isNaN(data.lo)) {
                    x[count] = from + (c + 0.5) * step;
                    lo[count] = data.lo;
                    hi[count] = data.hi;
                    mean[count] = data.mean;
                    count++;
                }
                start = end;
            }
        }
    }

    private void ensure(int n) {
        if (x.length < n) {
            int cap = Math.max(n, 64);
            x = new double[cap];
            lo = new double[cap];
            hi = new double[cap];
            mean = new double[cap];
        }
    }

    /** Lowest value drawn by the last decimation (NaN if none). */
    double drawnMin() {
        double m = Double.POSITIVE_INFINITY;
        double[] v = kind == Kind.NOISY ? lo : mean;
        for (int i = 0; i < count; i++) {
            m = Math.min(m, v[i]);
        }
        return count == 0 ? Double.NaN : m;
    }

    double drawnMax() {
        double m = Double.NEGATIVE_INFINITY;
        double[] v = kind == Kind.NOISY ? hi : mean;
        for (int i = 0; i < count; i++) {
            m = Math.max(m, v[i]);
        }
        return count == 0 ? Double.NaN : m;
    }
}
