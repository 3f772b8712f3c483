package cartpolelab.plot;

import java.util.ArrayList;
import java.util.List;

/**
 * What the pointer adds over a painted figure: a vertical line at the hovered episode with
 * a dot on each line and a readout box of every named value there, and the shaded x range
 * being dragged out to zoom.
 */
public final class Hover {

    private static final double ROW = PlotPainter.TICK_SIZE * 1.45;

    private Hover() {
    }

    /**
     * Line and dots for episode {@code index + 1}; {@code withBox} adds a readout of the
     * named values of {@code readout} (this figure and, say, the window's other chart).
     *
     * @param pointerY the pointer's y: a tagged series (one of many runs) within
     *                 {@link #NEAR} pixels of it there is named in the readout; NaN for none
     * @return the readout's lines as painted ("Episode 12", "Episode reward  31", ...), or
     *         an empty list when no box was painted
     */
    public static List<String> paint(Surface s, Layout l, Figure f, int index, boolean withBox,
                                     List<Figure> readout, double pointerY) {
        double x = l.px(index + 1);
        if (x < l.left || x > l.right) {
            return List.of();
        }
        double top = l.tops[0];
        double bottom = l.bottoms[l.bottoms.length - 1];
        s.stroke(PlotPainter.AXIS, 1, null);
        s.line(Math.round(x) + 0.5, top, Math.round(x) + 0.5, bottom);
        List<String> lines = new ArrayList<>();
        List<Integer> colours = new ArrayList<>();
        lines.add(f.describeX(index));
        colours.add(PlotPainter.TEXT);
        for (int p = 0; p < f.panels.size(); p++) {
            for (Series se : f.panels.get(p).series) {
                double v = se.valueAt(index);
                if (se.label != null && Double.isFinite(v)) {
                    double y = l.py(p, v);
                    if (y >= l.tops[p] && y <= l.bottoms[p]) {
                        s.fill(Palette.withAlpha(se.argb, 1));
                        s.fillRect(x - 2.5, y - 2.5, 5, 5);
                    }
                }
            }
        }
        for (Figure r : readout) {
            for (Panel p : r.panels) {
                for (Series se : p.series) {
                    if (se.label != null) {
                        double v = se.valueAt(index);
                        lines.add(se.label + "  " + Ticks.compact(p.logY ? Math.pow(10, v) : v));
                        colours.add(Palette.withAlpha(se.argb, 1));
                    }
                }
            }
        }
        Series near = nearestTagged(l, f, index, x, pointerY);
        if (near != null) {
            lines.add(near.tag + "  " + Ticks.compact(near.valueAt(index)));
            colours.add(Palette.withAlpha(near.argb, 1));
        }
        if (!withBox) {
            return List.of();
        }
        s.font(PlotPainter.TICK_SIZE, false);
        double w = 0;
        for (String line : lines) {
            w = Math.max(w, s.textWidth(line));
        }
        w += 24;
        double h = lines.size() * ROW + 8;
        double bx = x + 12 + w <= l.right ? x + 12 : Math.max(l.left, x - 12 - w);
        double by = top + 6;
        s.fill(Palette.argb(Palette.BACKGROUND, 0.92));
        s.fillRect(bx, by, w, h);
        s.stroke(PlotPainter.AXIS, 1, null);
        double[] bxs = {bx, bx + w, bx + w, bx, bx};
        double[] bys = {by, by, by + h, by + h, by};
        s.polyline(bxs, bys, 5);
        for (int i = 0; i < lines.size(); i++) {
            double baseline = by + 4 + (i + 1) * ROW - ROW * 0.3;
            if (i > 0) {
                s.fill(colours.get(i));
                s.fillRect(bx + 8, baseline - 7, 8, 8);
            }
            s.fill(PlotPainter.TEXT);
            s.text(lines.get(i), bx + (i > 0 ? 20 : 8), baseline);
        }
        return List.copyOf(lines);
    }

    /** Pixels from the pointer within which a faint run's line counts as under it. */
    public static final double NEAR = 8;

    /** The tagged series whose line passes nearest the pointer at {@code index}, or null. */
    private static Series nearestTagged(Layout l, Figure f, int index, double x, double y) {
        Series best = null;
        double bestDistance = NEAR;
        for (int p = 0; p < f.panels.size() && !Double.isNaN(y); p++) {
            if (y < l.tops[p] || y > l.bottoms[p]) {
                continue;
            }
            for (Series se : f.panels.get(p).series) {
                double v = se.valueAt(index);
                double d = Math.abs(l.py(p, v) - y);
                if (se.tag != null && Double.isFinite(v) && d <= bestDistance) {
                    best = se;
                    bestDistance = d;
                }
            }
        }
        return best;
    }

    /** The x range [x0, x1] (data units) being dragged out, shaded over every panel. */
    public static void paintSelection(Surface s, Layout l, double x0, double x1) {
        double a = Math.max(l.left, Math.min(l.px(x0), l.px(x1)));
        double b = Math.min(l.right, Math.max(l.px(x0), l.px(x1)));
        double top = l.tops[0];
        double bottom = l.bottoms[l.bottoms.length - 1];
        s.fill(Palette.argb(Palette.REWARD, 0.15));
        s.fillRect(a, top, b - a, bottom - top);
        s.stroke(Palette.argb(Palette.REWARD, 0.6), 1, null);
        s.line(a, top, a, bottom);
        s.line(b, top, b, bottom);
    }
}
