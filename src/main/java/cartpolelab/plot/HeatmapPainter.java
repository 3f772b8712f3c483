package cartpolelab.plot;

import java.util.ArrayList;
import java.util.List;

/**
 * Paints {@link Heatmap}s side by side on a {@link Surface}: per map a title, the cells, the
 * marker lines and the path over them, round ticks on both axes and a colour bar with its own
 * ticks. The same picture in the window and in PNG/SVG files, in the fonts and colours of the
 * {@link PlotPainter}.
 */
public final class HeatmapPainter {

    private static final double TITLE = 13;
    private static final double TICK = PlotPainter.TICK_SIZE;
    private static final double LABEL = PlotPainter.LABEL_SIZE;
    private static final double BAR = 12;
    private static final double[] DASH = {5, 4};

    /** Paints {@code maps} left to right over {@code width} × {@code height} pixels. */
    public void paint(Surface s, List<Heatmap> maps, double width, double height) {
        paint(s, maps, width, height, true);
    }

    /**
     * Paints {@code maps}, their paths only if {@code withPaths} (the window draws the moving
     * path on a layer of its own, {@link #paintPath}).
     *
     * @return each map's cell area {left, top, right, bottom}, or null where it did not fit
     */
    public List<double[]> paint(Surface s, List<Heatmap> maps, double width, double height,
                                boolean withPaths) {
        s.fill(Palette.argb(Palette.BACKGROUND));
        s.fillRect(0, 0, width, height);
        List<double[]> areas = new ArrayList<>();
        double w = maps.isEmpty() ? width : width / maps.size();
        for (int i = 0; i < maps.size(); i++) {
            areas.add(paint(s, maps.get(i), i * w, 0, w, height, withPaths));
        }
        return areas;
    }

    /** The episode's path of {@code m} over its cell area {left, top, right, bottom}. */
    public static void paintPath(Surface s, Heatmap m, double[] area) {
        if (area == null) {
            return;
        }
        s.clip(area[0], area[1], area[2] - area[0], area[3] - area[1]);
        paintPath(s, m, area[0], area[1], area[2], area[3]);
        s.unclip();
    }

    private double[] paint(Surface s, Heatmap m, double x0, double y0, double w, double h,
                           boolean withPath) {
        double pad = PlotPainter.PAD;
        s.font(TITLE, true);
        s.fill(PlotPainter.TEXT);
        PlotPainter.centred(s, PlotPainter.fit(s, m.title, w - 2 * pad), x0 + w / 2,
                y0 + pad + TITLE);
        s.font(TICK, false);
        double top = y0 + pad + TITLE + 10;
        double bottom = y0 + h - pad - LABEL - TICK - 10;
        double left = x0 + pad + LABEL + 6 + s.textWidth("-0.0") + 6;
        double right = x0 + w - pad - BAR - 8 - s.textWidth("0.00") - 4;
        if (bottom - top < 20 || right - left < 20) {
            return null;
        }
        paintCells(s, m, left, top, right, bottom);
        s.clip(left, top, right - left, bottom - top);
        for (Heatmap.Line line : m.lines) {
            double x = left + (line.x() - m.xMin) / (m.xMax - m.xMin) * (right - left);
            s.stroke(line.argb(), 1.5, DASH);
            s.line(x, top, x, bottom);
        }
        if (withPath) {
            paintPath(s, m, left, top, right, bottom);
        }
        s.unclip();
        paintAxes(s, m, left, top, right, bottom, x0, y0 + h);
        paintColourBar(s, m.scale(), right + 8, top, bottom);
        return new double[] {left, top, right, bottom};
    }

    private static void paintCells(Surface s, Heatmap m, double left, double top, double right,
                                   double bottom) {
        double cw = (right - left) / m.columns;
        double ch = (bottom - top) / m.rows;
        for (int r = 0; r < m.rows; r++) {
            for (int c = 0; c < m.columns; c++) {
                s.fill(m.scale.argb(m.value(c, r)));
                // a hair wider than the cell: no seams between neighbours
                s.fillRect(left + c * cw, top + r * ch, cw + 0.6, ch + 0.6);
            }
        }
    }

    private static void paintPath(Surface s, Heatmap m, double left, double top, double right,
                                  double bottom) {
        int n = m.pathLength;
        if (n == 0) {
            return;
        }
        double[] xs = new double[n];
        double[] ys = new double[n];
        for (int k = 0; k < n; k++) {
            xs[k] = left + (m.pathX[k] - m.xMin) / (m.xMax - m.xMin) * (right - left);
            ys[k] = top + (m.yMax - m.pathY[k]) / (m.yMax - m.yMin) * (bottom - top);
        }
        s.stroke(0xCCFFFFFF, 3.5, null); // a halo: the path reads on every colour
        s.polyline(xs, ys, n);
        s.stroke(0xFF111111, 1.5, null);
        s.polyline(xs, ys, n);
        s.fill(0xFF111111);
        s.fillRect(xs[n - 1] - 3, ys[n - 1] - 3, 6, 6);
    }

    private static void paintAxes(Surface s, Heatmap m, double left, double top, double right,
                                  double bottom, double x0, double yEnd) {
        s.stroke(PlotPainter.AXIS, 1, null);
        s.line(left, bottom + 0.5, right, bottom + 0.5);
        s.line(left - 0.5, top, left - 0.5, bottom);
        s.font(TICK, false);
        s.fill(PlotPainter.TEXT);
        Ticks xt = Ticks.choose(m.xMin, m.xMax, right - left, 10, s::textWidth);
        for (int k = 0; k < xt.count; k++) {
            double x = left + (xt.value(k) - m.xMin) / (m.xMax - m.xMin) * (right - left);
            s.line(x, bottom, x, bottom + 4);
            PlotPainter.centred(s, xt.label(k), x, bottom + 5 + TICK);
        }
        Ticks yt = Ticks.choose(m.yMin, m.yMax, bottom - top, 6, t -> TICK);
        for (int k = 0; k < yt.count; k++) {
            double y = top + (m.yMax - yt.value(k)) / (m.yMax - m.yMin) * (bottom - top);
            s.line(left - 4, y, left, y);
            String label = yt.label(k);
            s.text(label, left - 6 - s.textWidth(label), y + TICK * 0.36);
        }
        s.font(LABEL, false);
        PlotPainter.centred(s, m.xLabel, (left + right) / 2, yEnd - PlotPainter.PAD);
        s.verticalText(shortened(s, m.yLabel, bottom - top), x0 + PlotPainter.PAD
                + LABEL * 0.6, (top + bottom) / 2);
    }

    /**
     * {@code label}, or as many of its last words as fit ("θ̇ (rad/s)" of "angular velocity
     * θ̇ (rad/s)": the symbol and unit say more than half a word with an ellipsis).
     */
    static String shortened(Surface s, String label, double width) {
        String text = label;
        while (s.textWidth(text) > width && text.indexOf(' ') > 0
                && text.indexOf(' ') < text.lastIndexOf(" (")) {
            text = text.substring(text.indexOf(' ') + 1);
        }
        return PlotPainter.fit(s, text, width);
    }

    private static void paintColourBar(Surface s, Heatmap.Scale scale, double x, double top,
                                       double bottom) {
        int steps = 48;
        double h = (bottom - top) / steps;
        for (int k = 0; k < steps; k++) {
            double v = scale.hi() - (k + 0.5) / steps * (scale.hi() - scale.lo());
            s.fill(scale.argb(v));
            s.fillRect(x, top + k * h, BAR, h + 0.6);
        }
        s.stroke(PlotPainter.AXIS, 1, null);
        s.line(x, top, x + BAR, top);
        s.line(x, bottom, x + BAR, bottom);
        s.font(TICK, false);
        s.fill(PlotPainter.TEXT);
        Ticks t = Ticks.choose(scale.lo(), scale.hi(), bottom - top, 6, v -> TICK);
        for (int k = 0; k < t.count; k++) {
            double y = top + (scale.hi() - t.value(k)) / (scale.hi() - scale.lo())
                    * (bottom - top);
            s.line(x + BAR, y, x + BAR + 3, y);
            s.text(t.label(k), x + BAR + 5, y + TICK * 0.36);
        }
    }
}
