package cartpolelab.plot;

import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * Round tick marks for an axis and their labels: steps of 1, 2, 2.5 or 5 × 10^k, the smallest
 * whose labels fit the axis without touching (each label measured with the surface's font).
 * Labels of one axis share a unit and a number of decimals ("0.25 0.5 0.75", "250k 500k",
 * "1.5M"), so two ticks never read alike.
 */
public final class Ticks {

    private static final double[] MANTISSAS = {1, 2, 2.5, 5};

    /** The chosen step, the first tick and how many. */
    public final double step;
    public final double first;
    public final int count;
    private final double unit;
    private final String suffix;
    private final int decimals;
    private final boolean grouping;

    private Ticks(double step, double first, int count, double maxAbs) {
        this.step = step;
        this.first = first;
        this.count = count;
        if (maxAbs >= 1e9) {
            unit = 1e9;
            suffix = "G";
        } else if (maxAbs >= 1e6) {
            unit = 1e6;
            suffix = "M";
        } else if (maxAbs >= 1e4) {
            unit = 1e3;
            suffix = "k";
        } else {
            unit = 1;
            suffix = "";
        }
        decimals = decimalsOf(step / unit);
        grouping = unit == 1 && decimals == 0;
    }

    /** The i-th tick's value. */
    public double value(int i) {
        double v = first + i * step;
        return Math.abs(v) < step * 1e-9 ? 0 : v;
    }

    /** The i-th tick's label. */
    public String label(int i) {
        return format(value(i));
    }

    /** A value in this axis's unit and precision (also for a hover readout). */
    public String format(double v) {
        String pattern = grouping ? "%,." + decimals + "f" : "%." + decimals + "f";
        return String.format(Locale.ROOT, pattern, v / unit) + suffix;
    }

    /**
     * Ticks for [lo, hi] drawn over {@code pixels}, each label {@code minGap} pixels clear of
     * the next. {@code size} measures a label along the axis (its width on an x axis, the
     * font's height on a y axis).
     */
    public static Ticks choose(double lo, double hi, double pixels, double minGap,
                               ToDoubleFunction<String> size) {
        if (!(hi > lo)) {
            hi = lo + 1;
        }
        double span = hi - lo;
        double maxAbs = Math.max(Math.abs(lo), Math.abs(hi));
        // Start at a step giving at most one tick per 20 px, grow until the labels fit.
        double raw = span * 20 / Math.max(pixels, 1);
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        Ticks last = null;
        for (int guard = 0; guard < 60; guard++) {
            for (double m : MANTISSAS) {
                double step = m * magnitude;
                if (step < raw * 0.999) {
                    continue;
                }
                Ticks t = of(lo, hi, step, maxAbs);
                last = t;
                if (fits(t, span, pixels, minGap, size)) {
                    return t;
                }
            }
            magnitude *= 10;
        }
        return last;
    }

    /** Whole ticks only: for episodes, which have no fractions. */
    public static Ticks chooseWhole(double lo, double hi, double pixels, double minGap,
                                    ToDoubleFunction<String> size) {
        Ticks t = choose(lo, hi, pixels, minGap, size);
        if (t.step >= 1) {
            return t;
        }
        return of(lo, hi, 1, Math.max(Math.abs(lo), Math.abs(hi)));
    }

    private static Ticks of(double lo, double hi, double step, double maxAbs) {
        double first = Math.ceil(lo / step - 1e-9) * step;
        int count = (int) Math.floor((hi - first) / step + 1e-9) + 1;
        return new Ticks(step, first, Math.max(count, 0), maxAbs);
    }

    private static boolean fits(Ticks t, double span, double pixels, double minGap,
                                ToDoubleFunction<String> size) {
        double stepPx = t.step / span * pixels;
        double widest = 0;
        for (int i = 0; i < t.count; i++) {
            widest = Math.max(widest, size.applyAsDouble(t.label(i)));
            if (widest + minGap > stepPx) {
                return false;
            }
        }
        return true;
    }

    /** Decimals needed to write multiples of {@code step} exactly (at most 9). */
    static int decimalsOf(double step) {
        for (int d = 0; d < 9; d++) {
            double scaled = step * Math.pow(10, d);
            if (Math.abs(scaled - Math.rint(scaled)) < 1e-6 * Math.max(1, scaled)) {
                return d;
            }
        }
        return 9;
    }

    /** A value to about four significant digits (hover readouts, subtitles). */
    public static String compact(double v) {
        if (Double.isNaN(v)) {
            return "–";
        }
        double a = Math.abs(v);
        if (a == 0 || a >= 1e-3 && a < 1e5) {
            String s = String.format(Locale.ROOT, a >= 1000 ? "%,.0f" : a >= 100 ? "%.1f"
                    : a >= 1 ? "%.3f" : "%.4f", v);
            if (s.indexOf('.') >= 0) {
                s = s.replaceAll("0+$", "");
                s = s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
            }
            return s;
        }
        return String.format(Locale.ROOT, "%.3g", v);
    }
}
