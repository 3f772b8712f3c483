package cartpolelab.ui.canvas;

import cartpolelab.env.CartPole;
import cartpolelab.train.Frame;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * With several environments ({@code --envs N}), a strip of N small live carts under the big
 * one, which shows environment 1: each cell is one environment's track with its cart and pole
 * (red on the step its pole fell), numbered 1 … N. Up to 16 cells a row, more rows beyond, so
 * that 8 environments stay readable in a 900-pixel window and 64 in a 1920-pixel one. Drawn
 * from the frame's {@link Frame#envs()}; hidden (height 0) for one environment.
 */
final class CartStrip {

    static final int PER_ROW = 16;
    static final double ROW_HEIGHT = 46;
    private static final Color CELL = Color.web("#eef2f7");
    private static final Color TRACK = Color.web("#4a5566");
    private static final Color CART = Color.web("#2f3b4c");
    private static final Color POLE = Color.web("#d9822b");
    private static final Color FALLEN = Color.web("#c8433a");
    private static final Color LABEL = Color.web("#5b6675");

    final Canvas canvas = new Canvas();

    private CartStrip() {
    }

    static CartStrip create() {
        CartStrip s = new CartStrip();
        s.canvas.setId("cartStrip");
        s.canvas.setAccessibleText("Every environment's cart and pole, numbered");
        return s;
    }

    /** The strip's height for a frame: 0 for one environment, a row per 16 otherwise. */
    static double height(Frame f) {
        int n = f == null ? 0 : f.envCount();
        return n < 2 ? 0 : Math.ceil(n / (double) PER_ROW) * ROW_HEIGHT;
    }

    /** Draws {@code f}'s environments into a canvas of width {@code w}. */
    void draw(Frame f, double w) {
        double h = height(f);
        canvas.setWidth(w);
        canvas.setHeight(h);
        if (h == 0) {
            return;
        }
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, w, h);
        int n = f.envCount();
        int columns = Math.min(n, PER_ROW);
        double cellW = w / columns;
        double[] e = f.envs();
        g.setFont(Font.font(11));
        g.setTextBaseline(VPos.TOP);
        g.setTextAlign(TextAlignment.LEFT);
        for (int i = 0; i < n; i++) {
            double left = (i % columns) * cellW;
            double top = (i / columns) * ROW_HEIGHT;
            drawCell(g, left + 2, top + 2, cellW - 4, ROW_HEIGHT - 4, e[3 * i], e[3 * i + 1],
                    e[3 * i + 2] != 0, i + 1);
        }
    }

    /** One environment: the ±2.4 track across the cell, the cart at x, the pole at θ. */
    private static void drawCell(GraphicsContext g, double left, double top, double w, double h,
                                 double x, double theta, boolean fell, int number) {
        g.setFill(CELL);
        g.fillRoundRect(left, top, w, h, 6, 6);
        double scale = (w - 12) / (2 * CartPole.X_THRESHOLD);
        double trackY = top + h - 9;
        g.setStroke(TRACK);
        g.setLineWidth(1);
        g.strokeLine(left + 6, trackY, left + w - 6, trackY);
        double cx = left + w / 2 + Math.max(-CartPole.X_THRESHOLD,
                Math.min(CartPole.X_THRESHOLD, x)) * scale;
        double cartW = Math.max(8, 0.4 * scale);
        double cartH = 6;
        g.setFill(CART);
        g.fillRect(cx - cartW / 2, trackY - cartH, cartW, cartH);
        double pole = Math.min(h - 14, 1.0 * scale * 2);
        g.setStroke(fell ? FALLEN : POLE);
        g.setLineWidth(2.5);
        double ax = cx;
        double ay = trackY - cartH;
        g.strokeLine(ax, ay, ax + pole * Math.sin(theta), ay - pole * Math.cos(theta));
        g.setFill(LABEL);
        g.fillText(Integer.toString(number), left + 4, top + 2);
    }
}
