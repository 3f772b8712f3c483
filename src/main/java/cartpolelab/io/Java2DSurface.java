package cartpolelab.io;

import cartpolelab.plot.Surface;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;

/**
 * The plot painter's {@link Surface} over a Java2D {@link Graphics2D}: a {@code BufferedImage}
 * for PNG files, JFreeSVG's {@code SVGGraphics2D} for SVG files.
 */
public final class Java2DSurface implements Surface {

    private final Graphics2D g;
    private Color fill = Color.BLACK;
    private Color strokeColour = Color.BLACK;
    private BasicStroke stroke = new BasicStroke(1f);
    private final Line2D.Double line = new Line2D.Double();
    private final Rectangle2D.Double rect = new Rectangle2D.Double();

    public Java2DSurface(Graphics2D g) {
        this.g = g;
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING,
                RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS,
                RenderingHints.VALUE_FRACTIONALMETRICS_ON);
    }

    private static Color colour(int argb) {
        return new Color(argb, true);
    }

    @Override
    public void fill(int argb) {
        fill = colour(argb);
    }

    @Override
    public void stroke(int argb, double width, double[] dash) {
        strokeColour = colour(argb);
        float[] d = null;
        if (dash != null) {
            d = new float[dash.length];
            for (int i = 0; i < dash.length; i++) {
                d[i] = (float) dash[i];
            }
        }
        stroke = new BasicStroke((float) width, d == null ? BasicStroke.CAP_ROUND
                : BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, d, 0f);
    }

    @Override
    public void font(double size, boolean bold) {
        g.setFont(new Font(Font.SANS_SERIF, bold ? Font.BOLD : Font.PLAIN, 1)
                .deriveFont((float) size));
    }

    @Override
    public double textWidth(String text) {
        return g.getFont().getStringBounds(text, g.getFontRenderContext()).getWidth();
    }

    @Override
    public void fillRect(double x, double y, double w, double h) {
        g.setColor(fill);
        rect.setRect(x, y, w, h);
        g.fill(rect);
    }

    @Override
    public void line(double x1, double y1, double x2, double y2) {
        g.setColor(strokeColour);
        g.setStroke(stroke);
        line.setLine(x1, y1, x2, y2);
        g.draw(line);
    }

    @Override
    public void polyline(double[] xs, double[] ys, int n) {
        if (n < 2) {
            return;
        }
        g.setColor(strokeColour);
        g.setStroke(stroke);
        g.draw(path(xs, ys, n, false));
    }

    @Override
    public void fillPolygon(double[] xs, double[] ys, int n) {
        if (n < 3) {
            return;
        }
        g.setColor(fill);
        g.fill(path(xs, ys, n, true));
    }

    private static Path2D.Double path(double[] xs, double[] ys, int n, boolean close) {
        Path2D.Double p = new Path2D.Double(Path2D.WIND_NON_ZERO, n);
        p.moveTo(xs[0], ys[0]);
        for (int i = 1; i < n; i++) {
            p.lineTo(xs[i], ys[i]);
        }
        if (close) {
            p.closePath();
        }
        return p;
    }

    @Override
    public void text(String text, double x, double y) {
        g.setColor(fill);
        g.drawString(text, (float) x, (float) y);
    }

    @Override
    public void verticalText(String text, double cx, double cy) {
        AffineTransform saved = g.getTransform();
        g.translate(cx, cy);
        g.rotate(-Math.PI / 2);
        g.setColor(fill);
        double w = textWidth(text);
        g.drawString(text, (float) (-w / 2), (float) (g.getFont().getSize2D() * 0.35));
        g.setTransform(saved);
    }

    @Override
    public void clip(double x, double y, double w, double h) {
        g.setClip(new Rectangle2D.Double(x, y, w, h));
    }

    @Override
    public void unclip() {
        g.setClip(null);
    }
}
