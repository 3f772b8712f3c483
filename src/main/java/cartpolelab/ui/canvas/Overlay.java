package cartpolelab.ui.canvas;

import cartpolelab.train.Frame;
import java.util.Locale;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/**
 * The numbers panel over the cart-pole scene: episode and step, what is happening, reward so
 * far, the action just taken, the critic's V(s) (or that the algorithm has none), the state,
 * and π(left)/π(right) as two bars. During a replay it also says what the update multiplied
 * ∇log π by at this step ({@link Explanation}). A short canvas gets one line instead.
 */
final class Overlay {

    /** Below this canvas height the full overlay would cover the cart: one line instead. */
    static final double MIN_HEIGHT = 250;

    static final Color TEXT = Color.web("#333333");
    static final Color MUTED = Color.web("#6b7280");
    private static final Color BAR_LEFT = Color.web("#4c78a8");
    private static final Color BAR_RIGHT = Color.web("#f58518");
    private static final Color SIGNAL = Color.web("#1f6f4a");

    /**
     * What the overlay adds to a frame: whether the run's algorithm has a critic, and during a
     * replay the return G_t from the state shown and the multiplier Ψ_t of ∇log π (NaN when
     * not replaying or at the last frame).
     */
    record Explanation(boolean critic, String algorithm, double ret, double multiplier,
                       String multiplierName, double ratio, double clipped) {

        static final Explanation LIVE = new Explanation(true, "", Double.NaN, Double.NaN, "");

        Explanation(boolean critic, String algorithm, double ret, double multiplier,
                    String multiplierName) {
            this(critic, algorithm, ret, multiplier, multiplierName, Double.NaN, Double.NaN);
        }

        boolean hasSignals() {
            return !Double.isNaN(ret);
        }

        /** PPO's ρ and clipped term are known at this frame. */
        boolean hasRatio() {
            return hasSignals() && !Double.isNaN(ratio);
        }
    }

    private Overlay() {
    }

    /** The full panel's width and its margin from the canvas's edges. */
    static final double PANEL_WIDTH = 250;
    static final double MARGIN = 10;
    /** The one-line overlay's height. */
    static final double LINE_HEIGHT = 22;
    private static final double ROW = 19;

    /** The full panel's height for {@code e} (more rows during a replay). */
    static double height(Explanation e) {
        int rows = (e.hasSignals() ? (e.critic() ? 8 : 7) : 6) + (e.hasRatio() ? 1 : 0);
        return 8 + ROW * rows + 24 + 6;
    }

    /** The overlay's essentials on one line at {@code top}, for a short or narrow canvas. */
    static void drawCompact(GraphicsContext g, Frame f, double w, double top, boolean replaying,
                            Explanation e) {
        g.setFont(Font.font("System", 12));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        g.setFill(Color.rgb(255, 255, 255, 0.85));
        g.fillRoundRect(6, top, w - 12, LINE_HEIGHT, 8, 8);
        g.setFill(TEXT);
        g.fillText(line(f, replaying, e), 14, top + LINE_HEIGHT / 2, w - 28);
    }

    /** Everything the overlay says about {@code f}, on one line. */
    static String line(Frame f, boolean replaying, Explanation e) {
        String action = switch (f.action()) {
            case 0 -> "\u2190";
            case 1 -> "\u2192";
            default -> "\u2014";
        };
        String value = e.critic() ? String.format(Locale.ROOT, "V(s) %.1f", f.value())
                : "no critic";
        String signals = !e.hasSignals() ? ""
                : String.format(Locale.ROOT, " \u00b7 G\u209c %.1f", e.ret())
                + (e.critic() ? String.format(Locale.ROOT, " \u00b7 %s %+.2f",
                e.multiplierName(), e.multiplier()) : "") + (e.hasRatio() ? String.format(
                Locale.ROOT, " \u00b7 \u03c1 %.3f \u00b7 clip(\u03c1)\u00c2 %+.2f", e.ratio(),
                e.clipped()) : "");
        return String.format(Locale.ROOT, "%s %,d \u00b7 step %,d%s \u00b7 reward %,.0f "
                        + "\u00b7 action %s \u00b7 %s%s \u00b7 \u03c0 \u2190%.2f \u2192%.2f",
                f.greedy() ? "Watch" : replaying ? "Replay" : "Episode", f.episode(), f.step(),
                outcome(f), f.episodeReward(), action, value, signals, f.probLeft(),
                f.probRight());
    }

    /** The full panel, its left edge at {@code px}. */
    static void draw(GraphicsContext g, Frame f, double px, boolean replaying, Explanation e) {
        double py = MARGIN;
        double pw = PANEL_WIDTH;
        double lh = ROW;
        double ph = height(e);
        g.setFill(Color.rgb(255, 255, 255, 0.85));
        g.fillRoundRect(px, py, pw, ph, 10, 10);
        g.setStroke(Color.rgb(0, 0, 0, 0.12));
        g.setLineWidth(1);
        g.strokeRoundRect(px + 0.5, py + 0.5, pw - 1, ph - 1, 10, 10);

        double tx = px + 12;
        double y = py + 8;
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.setFill(TEXT);
        g.setFont(Font.font("System", FontWeight.BOLD, 13));
        g.fillText(String.format(Locale.ROOT, "%s %,d  \u00b7  step %,d",
                f.greedy() ? "Watch episode" : "Episode", f.episode(), f.step()), tx, y);
        y += lh;
        g.setFont(Font.font("System", 12.5));
        String mode = f.greedy() ? "watching (greedy, not learning)"
                : replaying ? "replay of a recorded episode"
                : f.done() ? "training" : "training, in progress";
        g.setFill(MUTED);
        g.fillText(mode + outcome(f), tx, y);
        y += lh;
        g.setFill(TEXT);
        g.fillText(String.format(Locale.ROOT, "Reward so far  %,.0f", f.episodeReward()), tx, y);
        y += lh;
        String action = switch (f.action()) {
            case 0 -> "\u2190 push left";
            case 1 -> "push right \u2192";
            default -> "\u2014 (reset)";
        };
        g.fillText("Action  " + action, tx, y);
        y += lh;
        if (e.critic()) {
            g.fillText(String.format(Locale.ROOT, "V(s)  %.2f", f.value()), tx, y);
            g.setFill(MUTED);
            g.fillText("critic's estimate", tx + 110, y);
        } else {
            g.setFill(MUTED);
            g.fillText("V(s)  \u2014  " + e.algorithm() + " has no critic", tx, y);
        }
        y += lh;
        if (e.hasSignals()) {
            y = drawSignals(g, e, tx, y, lh);
        }
        g.setFill(MUTED);
        g.fillText(String.format(Locale.ROOT, "x %+.2f   \u03b8 %+.1f\u00b0", f.x(),
                Math.toDegrees(f.theta())), tx, y);
        g.setFill(TEXT);
        y += lh + 2;
        drawPolicyBars(g, f, px, pw, tx, y);
    }

    /** G_t, and Ψ_t when it differs from G_t: what the update multiplied ∇log π by. */
    private static double drawSignals(GraphicsContext g, Explanation e, double tx, double y,
                                      double lh) {
        g.setFill(SIGNAL);
        g.fillText(String.format(Locale.ROOT, "G\u209c  %.2f", e.ret()), tx, y);
        g.setFill(MUTED);
        g.fillText(e.critic() ? "return from here" : "return: \u2207log \u03c0 \u00d7 this",
                tx + 110, y);
        y += lh;
        if (e.critic()) {
            g.setFill(SIGNAL);
            g.fillText(String.format(Locale.ROOT, "%s  %+.2f", e.multiplierName(),
                    e.multiplier()), tx, y);
            g.setFill(MUTED);
            g.fillText("\u2207log \u03c0 \u00d7 this", tx + 140, y);
            y += lh;
        }
        if (e.hasRatio()) { // PPO: ρ = π_θ/π_old after the update, and clip(ρ, 1 ± ε)Â
            g.setFill(SIGNAL);
            g.fillText(String.format(Locale.ROOT, "\u03c1  %.3f   clip(\u03c1)\u00c2  %+.2f",
                    e.ratio(), e.clipped()), tx, y);
            y += lh;
        }
        return y;
    }

    /** π(left) and π(right) as two bars meeting in the middle: "← 0.48 | 0.52 →". */
    private static void drawPolicyBars(GraphicsContext g, Frame f, double px, double pw,
                                       double tx, double y) {
        g.setFont(Font.font("System", 12));
        double labelW = 46;
        double barMax = (pw - 24 - 2 * labelW) / 2;
        double mid = tx + labelW + barMax;
        double barH = 12;
        double barY = y + 4;
        g.setFill(Color.rgb(0, 0, 0, 0.07));
        g.fillRect(mid - barMax, barY, 2 * barMax, barH);
        g.setFill(BAR_LEFT);
        double pl = clamp(f.probLeft());
        double pr = clamp(f.probRight());
        g.fillRect(mid - barMax * pl, barY, barMax * pl, barH);
        g.setFill(BAR_RIGHT);
        g.fillRect(mid, barY, barMax * pr, barH);
        g.setStroke(TEXT);
        g.strokeLine(mid, barY - 2, mid, barY + barH + 2);
        g.setFill(TEXT);
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.LEFT);
        g.fillText(String.format(Locale.ROOT, "\u2190 %.2f", pl), tx, barY + barH / 2);
        g.setTextAlign(TextAlignment.RIGHT);
        g.fillText(String.format(Locale.ROOT, "%.2f \u2192", pr), px + pw - 12, barY + barH / 2);
    }

    static String outcome(Frame f) {
        if (f.terminated()) {
            return Math.abs(f.x()) > CartPoleCanvas.TRACK_HALF ? "  \u00b7  cart left the track"
                    : "  \u00b7  pole fell";
        }
        if (f.truncated()) {
            return "  \u00b7  time limit reached";
        }
        return "";
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(1, v));
    }
}
