package cartpolelab.plot;

import java.util.Arrays;

/**
 * Many thin lines painted as one layer: the faint runs of a panel (thirty of them, say), in
 * pixels, clipped to the panel's plot. The painter fills one per panel and frame, reusing its
 * buffers, and hands it to {@link Surface#lines}. A surface may keep the layer's raster and
 * draw that again while each next layer {@link #sameAs is the same} (the same points, colours,
 * widths, dashes and clip): stroking thirty translucent lines costs far more than copying an
 * image. Files ({@code Java2DSurface}) stroke them as vectors, exactly as before.
 */
public final class LineLayer {

    private double clipX;
    private double clipY;
    private double clipW;
    private double clipH;
    private int lines;
    private int points;
    private double[] xs = new double[256];
    private double[] ys = new double[256];
    /** Line i is points [ends[i - 1], ends[i]) (from 0 for the first). */
    private int[] ends = new int[8];
    private int[] argb = new int[8];
    private double[] width = new double[8];
    private double[][] dash = new double[8][];
    private double[] lineXs = new double[64];
    private double[] lineYs = new double[64];

    /** Empties the layer for a new frame; later lines are clipped to this rectangle. */
    void start(double x, double y, double w, double h) {
        clipX = x;
        clipY = y;
        clipW = w;
        clipH = h;
        lines = 0;
        points = 0;
    }

    /** Adds the line through the first {@code n} of these points, in this style. */
    void add(double[] px, double[] py, int n, int colour, double lineWidth, double[] lineDash) {
        if (points + n > xs.length) {
            xs = Arrays.copyOf(xs, 2 * (points + n));
            ys = Arrays.copyOf(ys, 2 * (points + n));
        }
        if (lines == ends.length) {
            ends = Arrays.copyOf(ends, 2 * lines);
            argb = Arrays.copyOf(argb, 2 * lines);
            width = Arrays.copyOf(width, 2 * lines);
            dash = Arrays.copyOf(dash, 2 * lines);
        }
        System.arraycopy(px, 0, xs, points, n);
        System.arraycopy(py, 0, ys, points, n);
        points += n;
        ends[lines] = points;
        argb[lines] = colour;
        width[lines] = lineWidth;
        dash[lines] = lineDash;
        lines++;
    }

    /** Lines in the layer. */
    public int size() {
        return lines;
    }

    public double clipX() {
        return clipX;
    }

    public double clipY() {
        return clipY;
    }

    public double clipWidth() {
        return clipW;
    }

    public double clipHeight() {
        return clipH;
    }

    /**
     * Strokes every line as a vector, each in its own style, on {@code s} (whose clip the
     * caller sets): what {@link Surface#lines} does unless the surface keeps rasters.
     */
    public void stroke(Surface s) {
        int from = 0;
        for (int i = 0; i < lines; i++) {
            int n = ends[i] - from;
            if (lineXs.length < n) {
                lineXs = new double[2 * n];
                lineYs = new double[2 * n];
            }
            System.arraycopy(xs, from, lineXs, 0, n);
            System.arraycopy(ys, from, lineYs, 0, n);
            s.stroke(argb[i], width[i], dash[i]);
            s.polyline(lineXs, lineYs, n);
            from = ends[i];
        }
    }

    /** True when {@code o} would paint exactly the same pixels: points, styles and clip. */
    public boolean sameAs(LineLayer o) {
        if (o == null || o.lines != lines || o.points != points || o.clipX != clipX
                || o.clipY != clipY || o.clipW != clipW || o.clipH != clipH
                || !Arrays.equals(ends, 0, lines, o.ends, 0, lines)
                || !Arrays.equals(argb, 0, lines, o.argb, 0, lines)
                || !Arrays.equals(width, 0, lines, o.width, 0, lines)
                || !Arrays.equals(xs, 0, points, o.xs, 0, points)
                || !Arrays.equals(ys, 0, points, o.ys, 0, points)) {
            return false;
        }
        for (int i = 0; i < lines; i++) {
            if (!Arrays.equals(dash[i], o.dash[i])) {
                return false;
            }
        }
        return true;
    }

    /** A copy that later frames' changes to this layer leave alone (a raster's key). */
    public LineLayer copy() {
        LineLayer c = new LineLayer();
        c.start(clipX, clipY, clipW, clipH);
        c.lines = lines;
        c.points = points;
        c.xs = Arrays.copyOf(xs, points);
        c.ys = Arrays.copyOf(ys, points);
        c.ends = Arrays.copyOf(ends, Math.max(1, lines));
        c.argb = Arrays.copyOf(argb, Math.max(1, lines));
        c.width = Arrays.copyOf(width, Math.max(1, lines));
        c.dash = Arrays.copyOf(dash, Math.max(1, lines));
        return c;
    }
}
