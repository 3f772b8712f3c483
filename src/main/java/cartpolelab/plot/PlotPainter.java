package cartpolelab.plot;

import java.util.ArrayList;
import java.util.List;

/**
 * Lays out and paints a {@link Figure} on a {@link Surface}: title and subtitle, the legend in
 * rows of its own above the plots (never over them), each panel with a grid, round y ticks,
 * bands, lines, threshold lines and markers, and one x axis under the last panel. The same
 * code paints the window's canvas and the PNG and SVG files, so they look alike.
 *
 * <p>Sizes are in pixels at scale 1 (a file drawn at scale 2 doubles them). Painting costs
 * O(width) per line, whatever the length of the data. Not thread-safe: one painter per thread
 * (it keeps its point buffers between frames).
 */
public final class PlotPainter {

    public static final double TITLE_SIZE = 15;
    public static final double SUBTITLE_SIZE = 12;
    public static final double LEGEND_SIZE = 12;
    public static final double TICK_SIZE = 11;
    public static final double LABEL_SIZE = 12;
    static final double PAD = 10;
    static final double PANEL_GAP = 12;
    static final double[] THRESHOLD_DASH = {7, 5};
    static final double[] MARKER_DASH = {2, 3};
    /** Height of the strip above a panel with markers, for their labels. */
    static final double MARKER_STRIP = TICK_SIZE + 7;
    static final int BACKGROUND = Palette.argb(Palette.BACKGROUND);
    static final int TEXT = Palette.argb(Palette.TEXT);
    static final int MUTED = Palette.argb(Palette.MUTED);
    static final int GRID = Palette.argb(Palette.GRID);
    static final int AXIS = Palette.argb(Palette.AXIS);

    private final SeriesPainter lines = new SeriesPainter();

    /** Paints the whole run (the x range of {@link Figure#fullRange()}). */
    public Layout paint(Surface s, Figure f, double width, double height) {
        double[] r = f.fullRange();
        return paint(s, f, width, height, r[0], r[1]);
    }

    /** Paints {@code f} into (0, 0, width, height), showing x from {@code xFrom} to {@code xTo}. */
    public Layout paint(Surface s, Figure f, double width, double height, double xFrom,
                        double xTo) {
        if (!(xTo > xFrom)) {
            xTo = xFrom + 1;
        }
        s.fill(BACKGROUND);
        s.fillRect(0, 0, width, height);
        double y = PAD;
        // a short figure (the losses card in a small window) gives its subtitle's row to its
        // panels; a crowded one its title and legend too (ShortFigure)
        boolean crowded = ShortFigure.crowded(f, height);
        if (!crowded) {
            s.font(TITLE_SIZE, true);
            s.fill(TEXT);
            centred(s, fit(s, f.title, width - 2 * PAD), width / 2, y + TITLE_SIZE);
            y += TITLE_SIZE * 1.4;
        }
        double axisBand = LABEL_SIZE * 1.5 + TICK_SIZE * 1.6 + PAD;
        boolean room = height - y - axisBand - 3 * LABEL_SIZE >= 45.0 * f.panels.size();
        if (room && f.subtitle != null && !f.subtitle.isEmpty()) {
            s.font(SUBTITLE_SIZE, false);
            s.fill(MUTED);
            centred(s, fit(s, f.subtitle, width - 2 * PAD), width / 2, y + SUBTITLE_SIZE);
            y += SUBTITLE_SIZE * 1.45;
        }
        y = crowded ? y : Legend.paint(s, f, PAD, y + 4, width - 2 * PAD) + 6;

        int n = f.panels.size();
        double top = y;
        double bottom = height - PAD - LABEL_SIZE * 1.5 - TICK_SIZE * 1.6;
        double right = width - PAD - 10;
        double labelBand = PAD + LABEL_SIZE * 1.6;
        int pixels = (int) Math.max(1, right - labelBand - 44);
        for (Panel p : f.panels) {
            for (Band b : p.bands) {
                b.lower.decimate(xFrom, xTo, pixels);
                b.upper.decimate(xFrom, xTo, pixels);
            }
            for (Series se : p.series) {
                se.decimate(xFrom, xTo, pixels);
            }
        }
        // Panel heights by weight; y ranges and ticks per panel; the widest label sets the left.
        double weights = 0;
        for (Panel p : f.panels) {
            weights += p.weight;
        }
        double avail = Math.max(20.0 * n, bottom - top - PANEL_GAP * (n - 1));
        double[] tops = new double[n];
        double[] bottoms = new double[n];
        double[][] ranges = new double[n][];
        Ticks[] yTicks = new Ticks[n];
        double widest = 0;
        s.font(TICK_SIZE, false);
        double at = top;
        for (int i = 0; i < n; i++) {
            Panel p = f.panels.get(i);
            bottoms[i] = at + avail * p.weight / weights;
            // a panel with markers keeps a strip above its plot for their labels ("solved at
            // 918"), so no label is drawn over the data
            tops[i] = at + (p.markers.isEmpty() ? 0
                    : Math.min(MARKER_STRIP, (bottoms[i] - at) / 3));
            at = bottoms[i] + PANEL_GAP;
            double h = bottoms[i] - tops[i];
            double[] range = YRange.of(p);
            Ticks t = p.logY
                    ? Ticks.chooseWhole(range[0], range[1], h, TICK_SIZE * 0.8, str -> TICK_SIZE)
                    : Ticks.choose(range[0], range[1], h, TICK_SIZE * 0.8, str -> TICK_SIZE);
            ranges[i] = range;
            yTicks[i] = t;
            for (int k = 0; k < t.count; k++) {
                widest = Math.max(widest, s.textWidth(tickLabel(p, t, k)));
            }
        }
        double left = labelBand + widest + 6;
        double unit = f.xUnit();
        Ticks xTicks = Ticks.chooseWhole(xFrom * unit, xTo * unit, right - left, 16,
                s::textWidth);
        Layout layout = new Layout(xFrom, xTo, left, right, tops, bottoms, ranges, xTicks,
                unit);
        for (int i = 0; i < n; i++) {
            paintPanel(s, layout, i, f.panels.get(i), yTicks[i]);
        }
        paintXAxis(s, layout, f, height);
        ShortFigure.nameLines(s, layout, f, crowded);
        if (f.length() == 0 && !crowded) { // a crowded one's panel names would run into it
            s.font(LABEL_SIZE, false);
            s.fill(MUTED);
            centred(s, "No episodes yet", (left + right) / 2, (tops[0] + bottoms[0]) / 2);
        }
        return layout;
    }

    private void paintPanel(Surface s, Layout l, int i, Panel p, Ticks yTicks) {
        double top = l.tops[i];
        double bottom = l.bottoms[i];
        s.stroke(GRID, 1, null);
        for (int k = 0; k < yTicks.count; k++) {
            double y = Math.round(l.py(i, yTicks.value(k))) + 0.5;
            s.line(l.left, y, l.right, y);
        }
        for (int k = 0; k < l.xTicks.count; k++) {
            double x = Math.round(l.px(l.xTick(k))) + 0.5;
            s.line(x, top, x, bottom);
        }
        s.clip(l.left, top - 1, l.right - l.left + 1, bottom - top + 2);
        for (Band b : p.bands) {
            lines.paintBand(s, l, i, b);
        }
        lines.paintSeries(s, l, i, p.series, l.left, top - 1, l.right - l.left + 1,
                bottom - top + 2);
        for (Panel.Threshold t : p.thresholds) {
            s.stroke(t.argb(), 1.6, THRESHOLD_DASH);
            // on a pixel row's centre, like the grid: crisp at any chart height
            double y = Math.floor(l.py(i, t.value())) + 0.5;
            s.line(l.left, y, l.right, y);
        }
        for (Panel.Marker m : p.markers) {
            double x = l.px(m.x());
            if (x >= l.left && x <= l.right) {
                s.stroke(m.argb(), 1.4, MARKER_DASH);
                s.line(x, top, x, bottom);
            }
        }
        if (p.note != null) {
            s.font(LABEL_SIZE, false);
            s.fill(TEXT);
            centred(s, fit(s, p.note, l.right - l.left - 8), (l.left + l.right) / 2,
                    (top + bottom) / 2 + LABEL_SIZE * 0.36);
        }
        s.unclip();
        paintMarkerLabels(s, l, p, top);
        s.stroke(AXIS, 1, null);
        s.line(l.left + 0.5, top, l.left + 0.5, bottom);
        s.line(l.left, bottom + 0.5, l.right, bottom + 0.5);
        s.fill(TEXT);
        for (int k = 0; k < yTicks.count; k++) {
            String label = tickLabel(p, yTicks, k);
            s.text(label, l.left - 6 - s.textWidth(label), l.py(i, yTicks.value(k))
                    + TICK_SIZE * 0.36);
        }
        // whole words, at the tick labels' size if need be; none rather than "E…" (the
        // legend names the line)
        s.font(LABEL_SIZE, false);
        String label = firstWords(s, p.yLabel, bottom - top);
        if (label.endsWith("\u2026") || label.isEmpty()) {
            s.font(TICK_SIZE, false);
            label = firstWords(s, p.yLabel, bottom - top);
        }
        if (!label.endsWith("\u2026") && !label.isEmpty()) {
            s.verticalText(label, PAD + LABEL_SIZE * 0.6, (top + bottom) / 2);
        }
    }

    /**
     * The markers' labels in the strip above the plot, beside their line, never over it. A
     * label that would run into one already drawn is left out (its line stays): runs that
     * stop close together ("N=5", "N=4") would otherwise print as one "N=5N=4N=3".
     */
    private static void paintMarkerLabels(Surface s, Layout l, Panel p, double top) {
        s.font(TICK_SIZE, false);
        List<double[]> drawn = new ArrayList<>();
        for (Panel.Marker m : p.markers) {
            double x = l.px(m.x());
            if (x < l.left || x > l.right) {
                continue;
            }
            s.stroke(m.argb(), 1.4, null);
            s.line(x, top - 4, x, top); // the line reaches up to its label
            double w = s.textWidth(m.label());
            double at = x + 4 + w > l.right ? Math.max(l.left, x - 4 - w) : x + 4;
            String label = fit(s, m.label(), l.right - at);
            double end = at + s.textWidth(label);
            if (label.isEmpty() || overlaps(drawn, at - 3, end + 3)) {
                continue;
            }
            drawn.add(new double[] {at, end});
            s.fill(m.argb());
            s.text(label, at, top - 4);
        }
    }

    private static boolean overlaps(List<double[]> boxes, double from, double to) {
        for (double[] b : boxes) {
            if (from < b[1] && to > b[0]) {
                return true;
            }
        }
        return false;
    }

    private void paintXAxis(Surface s, Layout l, Figure f, double height) {
        double bottom = l.bottoms[l.bottoms.length - 1];
        s.font(TICK_SIZE, false);
        s.fill(TEXT);
        for (int k = 0; k < l.xTicks.count; k++) {
            String label = l.xTicks.label(k);
            double x = l.px(l.xTick(k));
            s.stroke(AXIS, 1, null);
            s.line(Math.round(x) + 0.5, bottom, Math.round(x) + 0.5, bottom + 4);
            centred(s, label, x, bottom + 5 + TICK_SIZE);
        }
        s.font(LABEL_SIZE, false);
        double y = height - PAD - LABEL_SIZE * 0.3;
        if (y - LABEL_SIZE >= bottom + 5 + TICK_SIZE) { // a cramped figure: none over a panel
            centred(s, f.xLabel, (l.left + l.right) / 2, y);
        }
    }

    /** A y tick's label: its value, or 10ⁿ on a log axis. */
    static String tickLabel(Panel p, Ticks t, int k) {
        return p.logY ? powerOfTen((int) Math.round(t.value(k))) : t.label(k);
    }

    /** "10⁵", "10⁻²". */
    static String powerOfTen(int n) {
        String digits = "\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079";
        StringBuilder b = new StringBuilder("10");
        if (n < 0) {
            b.append('\u207b');
        }
        for (char c : Integer.toString(Math.abs(n)).toCharArray()) {
            b.append(digits.charAt(c - '0'));
        }
        return b.toString();
    }

    static void centred(Surface s, String text, double cx, double baseline) {
        s.text(text, cx - s.textWidth(text) / 2, baseline);
    }

    /** {@code text}, or as many of its first words as fit ("Actor" of "Actor loss"), else cut. */
    static String firstWords(Surface s, String text, double width) {
        String t = text == null ? "" : text;
        while (s.textWidth(t) > width && t.lastIndexOf(' ') > 0) {
            t = t.substring(0, t.lastIndexOf(' '));
        }
        return fit(s, t, width);
    }

    /** {@code text}, shortened with an ellipsis to fit {@code width} in the current font. */
    static String fit(Surface s, String text, double width) {
        if (text == null || s.textWidth(text) <= width) {
            return text == null ? "" : text;
        }
        int n = text.length();
        while (n > 0 && s.textWidth(text.substring(0, n) + "…") > width) {
            n--;
        }
        return n == 0 ? "" : text.substring(0, n) + "…";
    }
}
