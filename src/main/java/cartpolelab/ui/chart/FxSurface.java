package cartpolelab.ui.chart;

import cartpolelab.plot.ChartScheme;
import cartpolelab.plot.LineLayer;
import cartpolelab.plot.Surface;
import java.util.HashMap;
import java.util.Map;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.shape.StrokeLineJoin;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;

/**
 * The plot painter's {@link Surface} over a JavaFX {@code Canvas}'s {@link GraphicsContext}.
 * Colours and fonts are cached by value, so an unchanged frame allocates almost nothing.
 * FX thread only.
 */
public final class FxSurface implements Surface {

    private static final String FAMILY = "SansSerif";

    /**
     * How every chart of the window shows the palette (FX thread only, like every surface);
     * files are painted by other surfaces, always in the standard colours.
     */
    private static ChartScheme scheme = ChartScheme.STANDARD;
    /** Counts scheme changes, so a canvas painted in an older scheme knows to repaint. */
    private static int schemeVersion;

    private final GraphicsContext g;
    private final Text measure = new Text();
    /**
     * Widths already measured, per font: tick labels and legends repeat frame after frame,
     * and laying out a {@link Text} is the dearest part of a label (it also shares JavaFX's
     * font caches with every other text, so measuring less is also safer).
     */
    private final Map<String, Double> widths = new HashMap<>();
    private int fillArgb = 1;
    private int strokeArgb = 1;
    private double fontSize;
    private boolean fontBold;
    private Font font = Font.font(FAMILY, 12);
    private boolean clipped;
    /** Kept images of the faint runs, made on the first {@link #lines} that needs them. */
    private LayerRasters rasters;

    public FxSurface(GraphicsContext g) {
        this.g = g;
        g.setLineJoin(StrokeLineJoin.ROUND);
        g.setLineCap(StrokeLineCap.BUTT);
        g.setFont(font);
        measure.setFont(font);
    }

    /** Shows every chart of the window in {@code s} from their next paint on. FX thread. */
    public static void setScheme(ChartScheme s) {
        if (s != scheme) {
            scheme = s;
            schemeVersion++;
        }
    }

    public static ChartScheme scheme() {
        return scheme;
    }

    /** Changes with every {@link #setScheme}: a canvas repaints when it differs. */
    public static int schemeVersion() {
        return schemeVersion;
    }

    private static Color colour(int argb) {
        return Color.rgb(argb >> 16 & 0xFF, argb >> 8 & 0xFF, argb & 0xFF,
                (argb >>> 24) / 255.0);
    }

    @Override
    public void fill(int paletteArgb) {
        int argb = scheme.map(paletteArgb);
        if (argb != fillArgb) {
            fillArgb = argb;
            g.setFill(colour(argb));
        }
    }

    @Override
    public void stroke(int paletteArgb, double width, double[] dash) {
        int argb = scheme.map(paletteArgb);
        if (argb != strokeArgb) {
            strokeArgb = argb;
            g.setStroke(colour(argb));
        }
        g.setLineWidth(width);
        g.setLineDashes(dash);
    }

    @Override
    public void font(double size, boolean bold) {
        if (size != fontSize || bold != fontBold) {
            fontSize = size;
            fontBold = bold;
            font = Font.font(FAMILY, bold ? FontWeight.BOLD : FontWeight.NORMAL, size);
            g.setFont(font);
            measure.setFont(font);
        }
    }

    @Override
    public double textWidth(String text) {
        String key = (fontBold ? "b" : "") + fontSize + '\u0000' + text;
        Double known = widths.get(key);
        if (known != null) {
            return known;
        }
        if (widths.size() >= 4096) {
            widths.clear(); // labels of a long-gone zoom level
        }
        measure.setText(text);
        double w = measure.getLayoutBounds().getWidth();
        widths.put(key, w);
        return w;
    }

    @Override
    public void fillRect(double x, double y, double w, double h) {
        g.fillRect(x, y, w, h);
    }

    @Override
    public void line(double x1, double y1, double x2, double y2) {
        g.strokeLine(x1, y1, x2, y2);
    }

    @Override
    public void polyline(double[] xs, double[] ys, int n) {
        if (n >= 2) {
            g.strokePolyline(xs, ys, n);
        }
    }

    @Override
    public void fillPolygon(double[] xs, double[] ys, int n) {
        if (n >= 3) {
            g.fillPolygon(xs, ys, n);
        }
    }

    /** Draws the layer from a kept image while it is unchanged (see {@link LayerRasters}). */
    @Override
    public void lines(LineLayer layer) {
        if (rasters == null) {
            rasters = new LayerRasters();
        }
        rasters.draw(g, this, layer);
    }

    /** Rasters made of line layers so far (tests: an unchanged repaint makes none). */
    int rastersMade() {
        return rasters == null ? 0 : rasters.made();
    }

    @Override
    public void text(String text, double x, double y) {
        g.fillText(text, x, y);
    }

    @Override
    public void verticalText(String text, double cx, double cy) {
        g.save();
        g.translate(cx, cy);
        g.rotate(-90);
        g.fillText(text, -textWidth(text) / 2, fontSize * 0.35);
        g.restore();
    }

    @Override
    public void clip(double x, double y, double w, double h) {
        if (clipped) {
            g.restore();
        }
        g.save();
        g.beginPath();
        g.rect(x, y, w, h);
        g.clip();
        clipped = true;
    }

    @Override
    public void unclip() {
        if (clipped) {
            g.restore();
            clipped = false;
            // restore() brings back the state saved before the clip: re-apply ours.
            g.setFill(colour(fillArgb));
            g.setStroke(colour(strokeArgb));
            g.setFont(font);
        }
    }
}
