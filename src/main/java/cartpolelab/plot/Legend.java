package cartpolelab.plot;

import java.util.ArrayList;
import java.util.List;

/**
 * The legend: one entry per named line, band and threshold of every panel, in rows centred
 * above the plots. Rows are measured first and the plots start below the last one, so a long
 * legend takes another row instead of covering data or squeezing the plot sideways.
 */
final class Legend {

    static final double SWATCH = 18;
    static final double GAP = 16;

    private record Entry(String label, int argb, double width, double[] dash, boolean area) {
    }

    private Legend() {
    }

    /** Paints the legend in rows within [x, x + width] from {@code y}; returns its bottom. */
    static double paint(Surface s, Figure f, double x, double y, double width) {
        List<Entry> entries = entries(f);
        if (entries.isEmpty()) {
            return y;
        }
        s.font(PlotPainter.LEGEND_SIZE, false);
        double rowHeight = PlotPainter.LEGEND_SIZE * 1.5;
        int from = 0;
        while (from < entries.size()) {
            double used = 0;
            int to = from;
            while (to < entries.size()) {
                double w = entryWidth(s, entries.get(to));
                if (to > from && used + GAP + w > width) {
                    break;
                }
                used += (to > from ? GAP : 0) + w;
                to++;
            }
            double cx = x + Math.max(0, (width - used) / 2);
            double mid = y + rowHeight / 2;
            for (int i = from; i < to; i++) {
                Entry e = entries.get(i);
                if (e.area()) {
                    s.fill(e.argb());
                    s.fillRect(cx, mid - 5, SWATCH, 10);
                } else {
                    s.stroke(e.argb(), Math.max(2, e.width()), e.dash());
                    s.line(cx, mid, cx + SWATCH, mid);
                }
                s.fill(PlotPainter.TEXT);
                String label = PlotPainter.fit(s, e.label(), width - SWATCH - 5);
                s.text(label, cx + SWATCH + 5, mid + PlotPainter.LEGEND_SIZE * 0.36);
                cx += entryWidth(s, e) + GAP;
            }
            y += rowHeight;
            from = to;
        }
        return y;
    }

    private static double entryWidth(Surface s, Entry e) {
        return SWATCH + 5 + s.textWidth(e.label());
    }

    private static List<Entry> entries(Figure f) {
        List<Entry> out = new ArrayList<>();
        if (f.key != null) {
            for (Figure.Key k : f.key) {
                out.add(new Entry(k.label(), k.argb(), k.width(), k.dash(), false));
            }
            return out;
        }
        for (Panel p : f.panels) {
            for (Series se : p.series) {
                if (se.label != null) {
                    out.add(new Entry(se.label, Palette.withAlpha(se.argb, 1), se.width,
                            se.dash, false));
                }
            }
            for (Band b : p.bands) {
                if (b.label != null) {
                    out.add(new Entry(b.label, b.argb, 0, null, true));
                }
            }
            for (Panel.Threshold t : p.thresholds) {
                out.add(new Entry(t.label(), t.argb(), 1.6, PlotPainter.THRESHOLD_DASH, false));
            }
        }
        return out;
    }
}
