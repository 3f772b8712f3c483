package cartpolelab.plot;

import java.util.List;

/**
 * The {@link PlotPainter}'s lines and bands: each decimated series turned into pixel points
 * and stroked, each band filled. Consecutive {@link Series.Kind#FAINT} series (the many runs
 * of a comparison) go to the surface together as one {@link LineLayer}, which a window's
 * surface keeps as an image while they do not change. Keeps its point buffers between frames.
 */
final class SeriesPainter {

    private double[] xs = new double[256];
    private double[] ys = new double[256];
    private final LineLayer layer = new LineLayer();

    /**
     * Paints {@code series} of panel {@code panel} in order, each run of consecutive faint
     * ones as one layer clipped to the given rectangle (the panel's clip, already set).
     */
    void paintSeries(Surface s, Layout l, int panel, List<Series> series, double clipX,
                     double clipY, double clipW, double clipH) {
        int k = 0;
        while (k < series.size()) {
            Series se = series.get(k);
            if (se.kind != Series.Kind.FAINT) {
                int n = points(l, panel, se);
                s.stroke(se.argb, se.width, se.dash);
                s.polyline(xs, ys, n);
                k++;
                continue;
            }
            layer.start(clipX, clipY, clipW, clipH);
            while (k < series.size() && series.get(k).kind == Series.Kind.FAINT) {
                Series faint = series.get(k++);
                int n = points(l, panel, faint); // first: it may grow xs and ys
                layer.add(xs, ys, n, faint.argb, faint.width, faint.dash);
            }
            s.lines(layer);
        }
    }

    /** Fills {@link #xs}, {@link #ys} with the pixels of {@code se}'s last decimation. */
    private int points(Layout l, int panel, Series se) {
        int n = 0;
        boolean minMax = se.columns && se.kind == Series.Kind.NOISY;
        ensure(minMax ? 2 * se.count + 2 : se.count + 2);
        double last = Double.NaN;
        for (int k = 0; k < se.count; k++) {
            double x = l.px(se.x[k]);
            if (minMax) {
                double hi = l.py(panel, se.hi[k]);
                double lo = l.py(panel, se.lo[k]);
                boolean hiFirst = Double.isNaN(last) || Math.abs(hi - last) < Math.abs(lo - last);
                xs[n] = x;
                ys[n++] = hiFirst ? hi : lo;
                xs[n] = x;
                ys[n++] = hiFirst ? lo : hi;
                last = ys[n - 1];
            } else {
                xs[n] = x;
                ys[n++] = l.py(panel, se.mean[k]);
            }
        }
        if (n == 1) { // one point: a short stub, so it shows
            xs[1] = xs[0] + 1;
            ys[1] = ys[0];
            n = 2;
        }
        return n;
    }

    void paintBand(Surface s, Layout l, int panel, Band b) {
        Series up = b.upper;
        Series low = b.lower;
        ensure(up.count + low.count);
        int n = 0;
        for (int k = 0; k < up.count; k++) {
            xs[n] = l.px(up.x[k]);
            ys[n++] = l.py(panel, up.mean[k]);
        }
        for (int k = low.count - 1; k >= 0; k--) {
            xs[n] = l.px(low.x[k]);
            ys[n++] = l.py(panel, low.mean[k]);
        }
        if (n >= 3) {
            s.fill(b.argb);
            s.fillPolygon(xs, ys, n);
        }
    }

    private void ensure(int n) {
        if (xs.length < n) {
            xs = new double[n * 2];
            ys = new double[n * 2];
        }
    }
}
