package cartpolelab.plot;

import java.util.ArrayList;
import java.util.List;

/**
 * One plot area of a {@link Figure}: its y axis, lines, bands, horizontal threshold lines and
 * vertical markers. Panels of one figure share the x axis and are stacked top to bottom.
 */
public final class Panel {

    /** A dashed horizontal line at {@code value}, named in the legend. */
    public record Threshold(double value, String label, int argb) {
    }

    /** A dotted vertical line at {@code x} with a short label at its top. */
    public record Marker(double x, String label, int argb) {
    }

    public final String yLabel;
    /** Share of the figure's height, relative to the other panels. */
    public final double weight;
    final List<Band> bands = new ArrayList<>();
    final List<Series> series = new ArrayList<>();
    final List<Threshold> thresholds = new ArrayList<>();
    final List<Marker> markers = new ArrayList<>();
    /** The y range always shown (data may widen it); NaN for none. */
    double shownLo = Double.NaN;
    double shownHi = Double.NaN;
    /** A line of text across the middle of the plot (why it is flat, say), or null. */
    String note;
    /** The panel's values are log₁₀ of what it shows: ticks at powers of ten. */
    boolean logY;

    public Panel(String yLabel, double weight) {
        this.yLabel = yLabel;
        this.weight = weight;
    }

    public Panel add(Series s) {
        series.add(s);
        return this;
    }

    public Panel add(Band b) {
        bands.add(b);
        return this;
    }

    public Panel add(Threshold t) {
        thresholds.add(t);
        return this;
    }

    public Panel add(Marker m) {
        markers.add(m);
        return this;
    }

    /**
     * A logarithmic y axis: the series of this panel hold log₁₀ of their values, the ticks
     * are whole powers of ten labelled 10ⁿ and the hover readout shows the value itself.
     */
    public Panel logY() {
        logY = true;
        return this;
    }

    /** Writes {@code text} across the middle of the plot, over the data. */
    public Panel note(String text) {
        note = text;
        return this;
    }

    public String note() {
        return note;
    }

    /** The y axis shows at least [lo, hi] (e.g. 0 up to the solved threshold). */
    public Panel alwaysShow(double lo, double hi) {
        shownLo = lo;
        shownHi = hi;
        return this;
    }

    public List<Series> series() {
        return List.copyOf(series);
    }

    int catchUp() {
        int n = 0;
        for (Series s : series) {
            n = Math.max(n, s.catchUp());
        }
        for (Band b : bands) {
            n = Math.max(n, b.catchUp());
        }
        return n;
    }
}
