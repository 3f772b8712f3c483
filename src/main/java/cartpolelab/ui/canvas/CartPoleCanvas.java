package cartpolelab.ui.canvas;

import cartpolelab.env.CartPole;
import cartpolelab.train.EpisodeSignals;
import cartpolelab.train.Frame;
import java.util.Locale;
import javafx.geometry.VPos;
import javafx.scene.AccessibleRole;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.CycleMethod;
import javafx.scene.paint.LinearGradient;
import javafx.scene.paint.Stop;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/**
 * Draws the cart, the pole and the track from a {@link Frame}, in Gymnasium's proportions:
 * cart 0.4 × 0.24 world units, pole 2 × half-length = 1.0 long and 0.08 wide, axle a quarter
 * of the cart's height above the track. The track from −2.4 to +2.4 spans the canvas width
 * less a margin of one cart width on each side, so that the ±2.4 limit marks and a cart
 * standing on them stay visible; the view shrinks to fit a short canvas.
 *
 * <p>The canvas follows its region's size. As the charts do, it paints at most once per
 * screen refresh: every setter and a new size only mark it dirty, and its owner calls
 * {@link #paintIfDirty()} once per refresh (a frame that changes twice within one refresh is
 * painted once). Over the scene: a translucent panel with episode, step, reward so far, the action
 * just taken, π(left)/π(right) as two bars, and the critic's V(s).
 */
public final class CartPoleCanvas extends Region {

    private boolean replaying;
    private boolean panelRight;
    private Overlay.Explanation explanation = Overlay.Explanation.LIVE;
    private Term highlight;

    static final double TRACK_HALF = CartPole.X_THRESHOLD;           // 2.4
    static final double POLE_LENGTH = 2 * CartPole.LENGTH;           // 1.0 (Gymnasium draws 2l)
    static final double CART_WIDTH = 0.4;                            // 50 px of 600 / 4.8 × 4.8
    static final double CART_HEIGHT = 0.24;                          // 30 px
    static final double POLE_WIDTH = 0.08;                           // 10 px
    static final double MARGIN_X = CART_WIDTH;                       // each side, world units
    static final double VIEW_HEIGHT = 1.75;                          // world units that must fit

    private static final Color SKY_TOP = Color.web("#f8fafc");
    private static final Color SKY_BOTTOM = Color.web("#e8eef5");
    private static final Color GROUND = Color.web("#d5dde7");
    private static final Color TRACK = Color.web("#4a5566");
    private static final Color LIMIT = Color.web("#d64545");
    private static final Color CART = Color.web("#2f3b4c");
    private static final Color POLE = Color.web("#d9822b");
    private static final Color POLE_FALLEN = Color.web("#c8433a");
    private static final Color AXLE = Color.web("#8184cb");
    private static final Color TEXT = Overlay.TEXT;
    private static final Color MUTED = Overlay.MUTED;

    private final Canvas canvas = new Canvas();
    /** All environments' carts, under the scene, with --envs N (N > 1). */
    private final CartStrip strip = CartStrip.create();
    private Frame frame;
    private String placeholder = "Press Start (Space) to train, or F to take one step.";
    /** True while {@link #placeholder} replaces the numbers panel. */
    private boolean messageShown = true;
    /** Something shown changed since the last paint. */
    private boolean dirty = true;

    public CartPoleCanvas() {
        setId("cartPoleCanvas");
        setAccessibleRole(AccessibleRole.IMAGE_VIEW);
        setAccessibleText("The cart and pole, with the numbers of the frame shown");
        getStyleClass().add("cartpole-canvas");
        getChildren().addAll(canvas, strip.canvas);
        setMinSize(200, 120);
        setPrefSize(900, 320);
    }

    @Override
    protected void layoutChildren() {
        double w = snapSizeX(getWidth());
        // environment 1 above, the strip of all environments under it
        double stripH = Math.min(CartStrip.height(frame), snapSizeY(getHeight()) / 2);
        double h = snapSizeY(getHeight()) - stripH;
        strip.canvas.relocate(0, h);
        if (canvas.getWidth() != w || canvas.getHeight() != h
                || strip.canvas.getHeight() != stripH) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            dirty = true;
        }
    }

    /** Shows {@code f} (null: the idle scene with the placeholder text). */
    public void setFrame(Frame f) {
        if (f != frame) {
            boolean resize = CartStrip.height(f) != CartStrip.height(frame);
            frame = f;
            if (resize) {
                requestLayout();
            }
            dirty = true;
        }
    }

    public Frame frame() {
        return frame;
    }

    /** True while the frames shown are a recorded episode's, not live training's. */
    public void setReplaying(boolean replaying) {
        if (this.replaying != replaying) {
            this.replaying = replaying;
            dirty = true;
        }
    }

    /**
     * What the overlay says beyond the frame: whether {@code algorithm} has a critic (without
     * one, no V(s) is shown) and, during a replay, the return G_t from the state shown and
     * what ∇log π was multiplied by ({@code ret} NaN: none).
     */
    public void setExplanation(boolean critic, String algorithm, double ret, double multiplier,
                               String multiplierName) {
        setExplanation(critic, algorithm, ret, multiplier, multiplierName, Double.NaN,
                Double.NaN);
    }

    /**
     * What the overlay says about frame {@code k} of a replay with signals {@code s} (null
     * when not replaying): G_t, Ψ_t and, for PPO, ρ and clip(ρ, 1 ± ε)Â.
     */
    public void setExplanation(boolean critic, String algorithm,
                               EpisodeSignals s, int k) {
        if (s == null) {
            setExplanation(critic, algorithm, Double.NaN, Double.NaN, "");
        } else {
            setExplanation(critic, algorithm, s.returnAt(k), s.multiplierAt(k),
                    s.multiplierName(), s.ratioAt(k), s.clippedTermAt(k));
        }
    }

    /** As above, with PPO's ρ and clipped term clip(ρ, 1 ± ε)Â (NaN when unknown). */
    public void setExplanation(boolean critic, String algorithm, double ret, double multiplier,
                               String multiplierName, double ratio, double clipped) {
        Overlay.Explanation e = new Overlay.Explanation(critic, algorithm, ret, multiplier,
                multiplierName, ratio, clipped);
        if (!e.equals(explanation)) {
            explanation = e;
            dirty = true;
        }
    }

    /**
     * Highlights the numbers panel's row for {@code term} (null: none): the lesson calls this
     * while the pointer is over that term of a formula.
     */
    public void setHighlight(Term term) {
        if (term != highlight) {
            highlight = term;
            dirty = true;
        }
    }

    public Term highlight() {
        return highlight;
    }

    /** What the numbers panel says about the frame shown, on one line; null without one. */
    public String overlayText() {
        return frame == null ? null : Overlay.line(frame, replaying, explanation);
    }

    /** The message shown instead of the numbers panel, or null when the panel shows. */
    public String message() {
        return messageShown ? placeholder : null;
    }

    /**
     * A message that replaces the numbers panel: while nothing has run yet ("Press Start"),
     * or while the frame shown is stale (maximum speed publishes none). Null: the panel.
     */
    public void setMessage(String text) {
        boolean show = text != null;
        if (show != messageShown || show && !text.equals(placeholder)) {
            messageShown = show;
            if (show) {
                placeholder = text;
            }
            dirty = true;
        }
    }

    /** Paints if anything shown changed since the last paint. FX thread, once per refresh. */
    public void paintIfDirty() {
        if (dirty) {
            dirty = false;
            paint(canvas.getGraphicsContext2D(), canvas.getWidth(), canvas.getHeight(), frame,
                    messageShown || frame == null ? placeholder : null);
            strip.draw(frame, canvas.getWidth());
        }
    }

    /**
     * The drawing itself: pure, for any graphics context and size. With a {@code placeholder}
     * the text replaces the numbers panel.
     */
    void paint(GraphicsContext g, double w, double h, Frame f, String placeholder) {
        if (w < 1 || h < 1) {
            return;
        }
        // a short canvas keeps a strip at the top for the one-line numbers (or the message),
        // and the scene fits below it, so the upright pole's tip is never under the text
        double strip = h < Overlay.MIN_HEIGHT ? Overlay.STRIP : 0;
        double sh = h - strip;
        double scale = Math.min(w / (2 * (TRACK_HALF + MARGIN_X)), sh / VIEW_HEIGHT);
        double cx = w / 2;
        // Track line: leaves room below for the scale labels and above for the pole.
        double trackY = strip + Math.min(sh - 0.32 * scale, sh / 2 + 0.55 * scale);

        g.setFill(new LinearGradient(0, 0, 0, 1, true, CycleMethod.NO_CYCLE,
                new Stop(0, SKY_TOP), new Stop(1, SKY_BOTTOM)));
        g.fillRect(0, 0, w, h);
        g.setFill(GROUND);
        g.fillRect(0, trackY, w, h - trackY);

        // Track with a tick every metre and the ±2.4 limits.
        double left = cx - TRACK_HALF * scale;
        double right = cx + TRACK_HALF * scale;
        g.setStroke(TRACK);
        g.setLineWidth(2);
        g.strokeLine(0, trackY, w, trackY);
        double fontSize = clamp(scale * 0.075, 10, 14);
        g.setFont(Font.font("System", fontSize));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        g.setLineWidth(1);
        for (int m = -2; m <= 2; m++) {
            double x = cx + m * scale;
            g.setStroke(TRACK);
            g.strokeLine(x, trackY, x, trackY + 0.06 * scale);
            g.setFill(MUTED);
            g.fillText(m == 0 ? "0" : String.format(Locale.ROOT, "%+d", m), x,
                    trackY + 0.16 * scale);
        }
        g.setStroke(LIMIT);
        g.setLineWidth(2);
        g.setLineDashes(6, 4);
        for (double x : new double[] {left, right}) {
            g.strokeLine(x, trackY - 0.5 * scale, x, trackY + 0.1 * scale);
        }
        g.setLineDashes((double[]) null);
        g.setFill(LIMIT);
        g.fillText("\u22122.4", left, trackY + 0.16 * scale);
        g.fillText("+2.4", right, trackY + 0.16 * scale);

        double x = f == null ? 0 : f.x();
        double theta = f == null ? 0 : f.theta();
        boolean fell = f != null && f.terminated();

        // Cart: centred on the track line; axle a quarter of its height above the line.
        double cartX = cx + x * scale;
        double cartW = CART_WIDTH * scale;
        double cartH = CART_HEIGHT * scale;
        g.setFill(CART);
        g.fillRoundRect(cartX - cartW / 2, trackY - cartH / 2, cartW, cartH,
                cartH * 0.25, cartH * 0.25);

        double axleY = trackY - cartH / 4;
        double poleLen = POLE_LENGTH * scale;
        double tipX = cartX + Math.sin(theta) * poleLen;
        double tipY = axleY - Math.cos(theta) * poleLen;
        g.setStroke(fell ? POLE_FALLEN : POLE);
        g.setLineWidth(Math.max(2, POLE_WIDTH * scale));
        g.setLineCap(StrokeLineCap.BUTT);
        g.strokeLine(cartX, axleY, tipX, tipY);
        double r = Math.max(2, POLE_WIDTH * scale / 2);
        g.setFill(AXLE);
        g.fillOval(cartX - r, axleY - r, 2 * r, 2 * r);

        if (placeholder != null) {
            drawCentredMessage(g, w, strip > 0 ? 6 : 14, placeholder);
        } else if (f != null) {
            // the cart and pole's box this frame: the numbers never cover them
            drawOverlay(g, f, w, h, Math.min(tipY, trackY - cartH / 2) - 4, trackY + cartH / 2,
                    Math.min(cartX - cartW / 2, tipX) - 4, Math.max(cartX + cartW / 2, tipX) + 4);
        }
    }

    /**
     * The numbers panel in the top corner the cart is not under (the one it used last while
     * both are free, so it does not jump about), or one line when the canvas is too short or
     * the cart is under both corners: at the top, or at the bottom when that leaves the pole's
     * tip clear and the cart too (a tiny canvas may have no such place: the top it is).
     */
    private void drawOverlay(GraphicsContext g, Frame f, double w, double h, double top,
                             double bottom, double left, double right) {
        double m = Overlay.MARGIN;
        double pw = Overlay.width(f, replaying, explanation);
        boolean tall = m + Overlay.height(explanation) <= top;
        boolean leftFree = tall || right < m || left > m + pw;
        boolean rightFree = tall || right < w - m - pw || left > w - m;
        if (h >= Overlay.MIN_HEIGHT && (leftFree || rightFree)) {
            panelRight = rightFree && (panelRight || !leftFree);
            Overlay.draw(g, f, panelRight ? w - m - pw : m, pw, replaying, explanation,
                    highlight);
        } else {
            // at the top, or at the bottom if that leaves the pole clear and the cart too
            double low = h - 6 - Overlay.LINE_HEIGHT;
            boolean down = 6 + Overlay.LINE_HEIGHT >= top && low > bottom;
            Overlay.drawCompact(g, f, w, down ? low : 6, replaying, explanation);
        }
    }

    private static void drawCentredMessage(GraphicsContext g, double w, double top,
                                           String text) {
        if (text == null || text.isEmpty()) {
            return;
        }
        g.setFont(Font.font("System", FontWeight.NORMAL, 15));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        double boxW = Math.min(w - 20, 7.5 * text.length() + 40);
        g.setFill(Color.rgb(255, 255, 255, 0.85));
        double boxH = top < 14 ? Overlay.LINE_HEIGHT : 34; // the strip of a short canvas
        g.fillRoundRect(w / 2 - boxW / 2, top, boxW, boxH, 10, 10);
        g.setFill(TEXT);
        g.fillText(text, w / 2, top + boxH / 2, w - 40);
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
