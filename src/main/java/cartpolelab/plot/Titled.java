package cartpolelab.plot;

import java.util.function.Consumer;

/**
 * A title line over a picture painted by someone else: the title at the top, the rest of the
 * drawing moved down by {@link #HEIGHT} (a {@link Surface} that shifts every y). For pictures
 * that leave the window without the window's own headings (the network maps).
 */
public final class Titled {

    /** Pixels the title takes at the top. */
    public static final double HEIGHT = 30;

    private Titled() {
    }

    /** Paints {@code title} and then {@code body} on the rest of {@code s}, shifted down. */
    public static void paint(Surface s, String title, double width, Consumer<Surface> body) {
        s.fill(0xffffffff);
        s.fillRect(0, 0, width, HEIGHT);
        s.fill(0xff1f2933);
        s.font(15, true);
        s.text(title, 12, HEIGHT - 9);
        body.accept(new Shifted(s, HEIGHT));
    }

    /** Every y moved down by {@code dy}. */
    private record Shifted(Surface s, double dy) implements Surface {

        @Override
        public void fill(int argb) {
            s.fill(argb);
        }

        @Override
        public void stroke(int argb, double width, double[] dash) {
            s.stroke(argb, width, dash);
        }

        @Override
        public void font(double size, boolean bold) {
            s.font(size, bold);
        }

        @Override
        public double textWidth(String text) {
            return s.textWidth(text);
        }

        @Override
        public void fillRect(double x, double y, double w, double h) {
            s.fillRect(x, y + dy, w, h);
        }

        @Override
        public void line(double x1, double y1, double x2, double y2) {
            s.line(x1, y1 + dy, x2, y2 + dy);
        }

        @Override
        public void polyline(double[] xs, double[] ys, int n) {
            s.polyline(xs, shifted(ys, n), n);
        }

        @Override
        public void fillPolygon(double[] xs, double[] ys, int n) {
            s.fillPolygon(xs, shifted(ys, n), n);
        }

        @Override
        public void text(String text, double x, double y) {
            s.text(text, x, y + dy);
        }

        @Override
        public void verticalText(String text, double cx, double cy) {
            s.verticalText(text, cx, cy + dy);
        }

        @Override
        public void clip(double x, double y, double w, double h) {
            s.clip(x, y + dy, w, h);
        }

        @Override
        public void unclip() {
            s.unclip();
        }

        private double[] shifted(double[] ys, int n) {
            double[] out = new double[n];
            for (int i = 0; i < n; i++) {
                out[i] = ys[i] + dy;
            }
            return out;
        }
    }
}
