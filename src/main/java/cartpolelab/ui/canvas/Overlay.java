package cartpolelab.ui.canvas;

import cartpolelab.train.Frame;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
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
    /** Behind the row of a formula's term the pointer is over (the lesson's link). */
    private static final Color HIGHLIGHT = Color.web("#ffd23f", 0.7);
    private static final Color HIGHLIGHT_EDGE = Color.web("#b7791f");
    /** Padding inside the panel, left and right: no text comes closer to the edge. */
    static final double PAD = 12;
    /** Gap between a row's number and its note. */
    private static final double GAP = 14;
    private static final Font BOLD = Font.font("System", FontWeight.BOLD, 13);
    private static final Font BODY = Font.font("System", 12.5);
    private static final Text MEASURE = new Text();

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

    /** The full panel's least width and its margin from the canvas's edges. */
    static final double PANEL_WIDTH = 250;
    static final double MARGIN = 10;
    /** The one-line overlay's height. */
    static final double LINE_HEIGHT = 22;
    /** The strip a short canvas keeps free above its scene for the one-line overlay. */
    static final double STRIP = 6 + LINE_HEIGHT + 4;
    private static final double ROW = 19;

    /** The full panel's height for {@code e} (more rows during a replay). */
    static double height(Explanation e) {
        int rows = (e.hasSignals() ? (e.critic() ? 8 : 7) : 6) + (e.hasRatio() ? 1 : 0);
        return 8 + ROW * rows + 24 + 6;
    }

    /** {@code text}'s width in {@code font}. */
    static double textWidth(String text, Font font) {
        MEASURE.setFont(font);
        MEASURE.setText(text);
        return MEASURE.getLayoutBounds().getWidth();
    }

    /** The rows' numbers and notes as drawn: [number, note] per row with a note. */
    private static String[][] notedRows(Frame f, Explanation e) {
        List<String[]> rows = new ArrayList<>();
        if (e.critic()) {
            rows.add(new String[] {String.format(Locale.ROOT, "V(s)  %.2f", f.value()),
                    "critic's estimate"});
        }
        if (e.hasSignals()) {
            rows.add(new String[] {String.format(Locale.ROOT, "G\u209c  %.2f", e.ret()),
                    e.critic() ? "return from here" : "return: \u2207log \u03c0 \u00d7 this"});
            if (e.critic()) {
                rows.add(new String[] {String.format(Locale.ROOT, "%s  %+.2f",
                        e.multiplierName(), e.multiplier()), "\u2207log \u03c0 \u00d7 this"});
            }
        }
        return rows.toArray(String[][]::new);
    }

    /** Where the notes start, from the panel's text edge: past the widest number. */
    private static double noteColumn(String[][] rows) {
        double c = 0;
        for (String[] r : rows) {
            c = Math.max(c, textWidth(r[0], BODY));
        }
        return Math.max(98, c + GAP);
    }

    /**
     * The full panel's width for {@code f}: at least {@link #PANEL_WIDTH}, wider when a row
     * would otherwise come closer than {@link #PAD} to the edge (a long multiplier's name, a
     * long outcome, "REINFORCE has no critic").
     */
    static double width(Frame f, boolean replaying, Explanation e) {
        String[][] rows = notedRows(f, e);
        double col = noteColumn(rows);
        double widest = textWidth(title(f), BOLD);
        widest = Math.max(widest, textWidth(mode(f, replaying) + outcome(f), BODY));
        widest = Math.max(widest, textWidth(noCritic(e), BODY));
        for (String[] r : rows) {
            widest = Math.max(widest, col + textWidth(r[1], BODY));
        }
        return Math.max(PANEL_WIDTH, Math.ceil(widest + 2 * PAD));
    }

    private static String title(Frame f) {
        return String.format(Locale.ROOT, "%s %,d  \u00b7  step %,d",
                f.greedy() ? "Watch episode" : "Episode", f.episode(), f.step());
    }

    private static String mode(Frame f, boolean replaying) {
        return f.greedy() ? "watching (greedy, not learning)"
                : replaying ? "replay of a recorded episode"
                : f.done() ? "training" : "training, in progress";
    }

    private static String noCritic(Explanation e) {
        return e.critic() ? "" : "V(s)  \u2014  " + e.algorithm() + " has no critic";
    }

    /** A highlight behind the row at {@code y}, from {@code x} for {@code w}. */
    private static void highlight(GraphicsContext g, double x, double y, double w, double h) {
        g.setFill(HIGHLIGHT);
        g.fillRoundRect(x, y - 1, w, h, 6, 6);
        g.setStroke(HIGHLIGHT_EDGE);
        g.setLineWidth(1.5);
        g.strokeRoundRect(x, y - 1, w, h, 6, 6);
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

    /**
     * The full panel, {@code pw} wide ({@link #width}), its left edge at {@code px}; the row
     * of {@code term} (null: none) highlighted.
     */
    static void draw(GraphicsContext g, Frame f, double px, double pw, boolean replaying,
                     Explanation e, Term term) {
        double py = MARGIN;
        double col = noteColumn(notedRows(f, e));
        double hx = px + PAD / 2;
        double hw = pw - PAD;
        double lh = ROW;
        double ph = height(e);
        g.setFill(Color.rgb(255, 255, 255, 0.85));
        g.fillRoundRect(px, py, pw, ph, 10, 10);
        g.setStroke(Color.rgb(0, 0, 0, 0.12));
        g.setLineWidth(1);
        g.strokeRoundRect(px + 0.5, py + 0.5, pw - 1, ph - 1, 10, 10);

        double tx = px + PAD;
        double y = py + 8;
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.setFill(TEXT);
        g.setFont(BOLD);
        g.fillText(title(f), tx, y);
        y += lh;
        g.setFont(BODY);
        g.setFill(MUTED);
        g.fillText(mode(f, replaying) + outcome(f), tx, y);
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
            if (term == Term.VALUE) {
                highlight(g, hx, y, hw, lh);
            }
            g.setFill(TEXT);
            g.fillText(String.format(Locale.ROOT, "V(s)  %.2f", f.value()), tx, y);
            g.setFill(MUTED);
            g.fillText("critic's estimate", tx + col, y);
        } else {
            g.setFill(MUTED);
            g.fillText(noCritic(e), tx, y);
        }
        y += lh;
        if (e.hasSignals()) {
            y = drawSignals(g, e, tx, y, lh, col, term, hx, hw);
        }
        g.setFill(MUTED);
        g.fillText(String.format(Locale.ROOT, "x %+.2f   \u03b8 %+.1f\u00b0", f.x(),
                Math.toDegrees(f.theta())), tx, y);
        g.setFill(TEXT);
        y += lh + 2;
        if (term == Term.GRAD_LOG_PI) {
            highlight(g, hx, y, hw, 22);
        }
        drawPolicyBars(g, f, px, pw, tx, y);
    }

    /** G_t, and Ψ_t when it differs from G_t: what the update multiplied ∇log π by. */
    private static double drawSignals(GraphicsContext g, Explanation e, double tx, double y,
                                      double lh, double col, Term term, double hx, double hw) {
        if (term == Term.RETURN) {
            highlight(g, hx, y, hw, lh);
        }
        g.setFill(SIGNAL);
        g.fillText(String.format(Locale.ROOT, "G\u209c  %.2f", e.ret()), tx, y);
        g.setFill(MUTED);
        g.fillText(e.critic() ? "return from here" : "return: \u2207log \u03c0 \u00d7 this",
                tx + col, y);
        y += lh;
        if (e.critic()) {
            if (term == Term.ADVANTAGE) {
                highlight(g, hx, y, hw, lh);
            }
            g.setFill(SIGNAL);
            g.fillText(String.format(Locale.ROOT, "%s  %+.2f", e.multiplierName(),
                    e.multiplier()), tx, y);
            g.setFill(MUTED);
            g.fillText("\u2207log \u03c0 \u00d7 this", tx + col, y);
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
        g.fillText(String.format(Locale.ROOT, "%.2f \u2192", pr), px + pw - PAD,
                barY + barH / 2);
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
