package cartpolelab.plot;

import java.util.ArrayList;
import java.util.List;

/** A surface that records what was drawn where; text is 0.6 × size wide per character. */
final class RecordingSurface implements Surface {

    record Text(String text, double x, double y, double width, double size) {
    }

    record Polyline(int argb, double[] xs, double[] ys) {
    }

    record Rect(int argb, double x, double y, double w, double h) {
    }

    final List<Text> texts = new ArrayList<>();
    /** Vertical texts (y-axis labels), centred at (x, y); width is their length. */
    final List<Text> verticals = new ArrayList<>();
    final List<Polyline> polylines = new ArrayList<>();
    final List<double[]> polygons = new ArrayList<>();
    final List<Rect> rects = new ArrayList<>();
    private int strokeArgb;
    private int fillArgb;
    private double size = 12;

    @Override
    public void fill(int argb) {
        fillArgb = argb;
    }

    @Override
    public void stroke(int argb, double width, double[] dash) {
        strokeArgb = argb;
    }

    @Override
    public void font(double size, boolean bold) {
        this.size = size;
    }

    @Override
    public double textWidth(String text) {
        return text.length() * size * 0.6;
    }

    @Override
    public void fillRect(double x, double y, double w, double h) {
        rects.add(new Rect(fillArgb, x, y, w, h));
    }

    @Override
    public void line(double x1, double y1, double x2, double y2) {
    }

    @Override
    public void polyline(double[] xs, double[] ys, int n) {
        polylines.add(new Polyline(strokeArgb, java.util.Arrays.copyOf(xs, n),
                java.util.Arrays.copyOf(ys, n)));
    }

    @Override
    public void fillPolygon(double[] xs, double[] ys, int n) {
        polygons.add(java.util.Arrays.copyOf(ys, n));
    }

    @Override
    public void text(String text, double x, double y) {
        texts.add(new Text(text, x, y, textWidth(text), size));
    }

    @Override
    public void verticalText(String text, double cx, double cy) {
        verticals.add(new Text(text, cx, cy, textWidth(text), size));
    }

    @Override
    public void clip(double x, double y, double w, double h) {
    }

    @Override
    public void unclip() {
    }
}
