package cartpolelab.ui.chart;

import cartpolelab.plot.LineLayer;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.SnapshotParameters;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;

/**
 * The rasters of one canvas's {@link LineLayer}s (its faint runs): each layer is stroked once
 * into a transparent image, at the canvas's render scale, and that image is drawn again for
 * every later frame whose layer is the same (the same points, styles and clip) in the same
 * chart colours. With thirty runs this is the difference between stroking thirty translucent
 * lines per repaint and copying one image. A changed layer (new data, another size, zoom or
 * x axis) or another {@link FxSurface#schemeVersion() scheme} (theme, palette) is simply
 * not found and is stroked anew: directly on the canvas the first time it is seen (a layer
 * that changes every paint, as while a window is resized, costs what it did without rasters),
 * into a kept raster when the next paint brings the same layer again. FX thread only.
 */
final class LayerRasters {

    /** Layers kept: a few panels' worth (the painter paints one layer per panel). */
    private static final int KEPT = 4;

    private record Raster(LineLayer layer, int scheme, double scale, WritableImage image,
                          double x, double y, double w, double h) {
    }

    /** Most recently drawn first. */
    private final List<Raster> rasters = new ArrayList<>();
    /** The layer last stroked directly, with its scheme and scale: rasterised if seen again. */
    private LineLayer seen;
    private int seenScheme;
    private double seenScale;
    private int made;

    /**
     * Draws {@code layer} on {@code g}: its kept raster, one made now and kept when the last
     * layer stroked was the same, else its lines through {@code surface} (g's surface).
     */
    void draw(GraphicsContext g, FxSurface surface, LineLayer layer) {
        double scale = renderScale(g.getCanvas());
        int scheme = FxSurface.schemeVersion();
        Raster found = null;
        for (Raster r : rasters) {
            if (r.scheme == scheme && r.scale == scale && r.layer.sameAs(layer)) {
                found = r;
                break;
            }
        }
        if (found == null) {
            if (seen == null || seenScheme != scheme || seenScale != scale
                    || !seen.sameAs(layer)) {
                seen = layer.copy();
                seenScheme = scheme;
                seenScale = scale;
                layer.stroke(surface); // inside the clip the painter set
                return;
            }
            seen = null;
            found = rasterise(layer.copy(), scheme, scale);
            if (rasters.size() == KEPT) {
                rasters.remove(KEPT - 1);
            }
        } else {
            rasters.remove(found);
        }
        rasters.add(0, found);
        g.drawImage(found.image, found.x, found.y, found.w, found.h);
    }

    /** How many rasters were made (tests: a repaint with unchanged runs makes none). */
    int made() {
        return made;
    }

    /**
     * Strokes the layer on a scratch canvas of the clip's whole pixels, at {@code scale}
     * device pixels per unit, and snapshots it with a transparent background.
     */
    private Raster rasterise(LineLayer layer, int scheme, double scale) {
        double x0 = Math.floor(layer.clipX());
        double y0 = Math.floor(layer.clipY());
        double w = Math.max(1, Math.ceil(layer.clipX() + layer.clipWidth()) - x0);
        double h = Math.max(1, Math.ceil(layer.clipY() + layer.clipHeight()) - y0);
        Canvas scratch = new Canvas(Math.ceil(w * scale), Math.ceil(h * scale));
        GraphicsContext sg = scratch.getGraphicsContext2D();
        sg.scale(scale, scale);
        sg.translate(-x0, -y0);
        FxSurface s = new FxSurface(sg);
        s.clip(layer.clipX(), layer.clipY(), layer.clipWidth(), layer.clipHeight());
        layer.stroke(s);
        s.unclip();
        SnapshotParameters p = new SnapshotParameters();
        p.setFill(Color.TRANSPARENT);
        WritableImage image = scratch.snapshot(p, null);
        made++;
        return new Raster(layer, scheme, scale, image, x0, y0,
                image.getWidth() / scale, image.getHeight() / scale);
    }

    private static double renderScale(Canvas c) {
        if (c == null || c.getScene() == null || c.getScene().getWindow() == null) {
            return 1;
        }
        return Math.max(1, c.getScene().getWindow().getRenderScaleX());
    }
}
