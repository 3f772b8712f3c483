package cartpolelab.ui.canvas;

import static org.junit.jupiter.api.Assertions.assertTrue;

import cartpolelab.train.Frame;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Draws known frames and looks for the cart, the pole and the limit marks where they belong. */
@ExtendWith(ApplicationExtension.class)
class CartPoleCanvasTest {

    private CartPoleCanvas canvas;
    private double W;
    private double H;

    @Start
    void start(Stage stage) {
        canvas = new CartPoleCanvas();
        canvas.setMessage(null);
        // The primary stage is shared with other test classes: size it fully.
        stage.setMinWidth(0);
        stage.setMinHeight(0);
        stage.setScene(new Scene(new StackPane(canvas), 960, 320));
        stage.sizeToScene();
        stage.show();
    }

    private static Frame frame(double x, double theta, boolean terminated) {
        return new Frame(x, 0, theta, 0, 1, 0.3, 0.7, 4.2, 12, 3, 12, terminated, false, false);
    }

    private Image draw(FxRobot robot, Frame f) {
        Image[] shot = new Image[1];
        robot.interact(() -> {
            canvas.setFrame(f);
            canvas.layout();
            canvas.paintIfDirty(); // what the window's refresh does once per frame
            shot[0] = canvas.snapshot(null, null);
            W = canvas.getWidth();
            H = canvas.getHeight();
        });
        return shot[0];
    }

    private double scale() {
        return Math.min(W / (2 * (CartPoleCanvas.TRACK_HALF + CartPoleCanvas.MARGIN_X)),
                H / CartPoleCanvas.VIEW_HEIGHT);
    }

    private static boolean near(Color c, String web) {
        Color e = Color.web(web);
        return Math.abs(c.getRed() - e.getRed()) + Math.abs(c.getGreen() - e.getGreen())
                + Math.abs(c.getBlue() - e.getBlue()) < 0.12;
    }

    /** True if a pixel of colour {@code web} lies within {@code r} px of (x, y). */
    private static boolean colourAround(Image img, double x, double y, int r, String web) {
        for (int dy = -r; dy <= r; dy++) {
            for (int dx = -r; dx <= r; dx++) {
                int px = (int) Math.round(x) + dx;
                int py = (int) Math.round(y) + dy;
                if (px >= 0 && py >= 0 && px < img.getWidth() && py < img.getHeight()
                        && near(img.getPixelReader().getColor(px, py), web)) {
                    return true;
                }
            }
        }
        return false;
    }

    @Test
    void cartAndPoleSitWhereTheStateSays(FxRobot robot) {
        double x = 1.0;
        double theta = 0.15;
        Image img = draw(robot, frame(x, theta, false));
        double s = scale();
        double cartX = W / 2 + x * s;
        double trackY = Math.min(H - 0.32 * s, H / 2 + 0.55 * s);
        assertTrue(colourAround(img, cartX, trackY + 0.06 * s, 2, "#2f3b4c"), "cart body");
        // Pole: 2 × half-length = 1.0 world unit from the axle, leaning right by theta.
        double axleY = trackY - CartPoleCanvas.CART_HEIGHT * s / 4;
        double midX = cartX + Math.sin(theta) * 0.5 * s;
        double midY = axleY - Math.cos(theta) * 0.5 * s;
        assertTrue(colourAround(img, midX, midY, 2, "#d9822b"), "pole middle");
        double tipX = cartX + Math.sin(theta) * 0.95 * s;
        double tipY = axleY - Math.cos(theta) * 0.95 * s;
        assertTrue(colourAround(img, tipX, tipY, 2, "#d9822b"), "pole near its tip");
        double beyondX = cartX + Math.sin(theta) * 1.08 * s;
        double beyondY = axleY - Math.cos(theta) * 1.08 * s;
        assertTrue(!colourAround(img, beyondX, beyondY, 1, "#d9822b"), "pole ends at 1.0");
        // ±2.4 limit marks.
        assertTrue(colourAround(img, W / 2 - 2.4 * s, trackY - 0.3 * s, 2, "#d64545"), "−2.4");
        assertTrue(colourAround(img, W / 2 + 2.4 * s, trackY - 0.3 * s, 2, "#d64545"), "+2.4");
    }

    @Test
    void aFallenPoleIsDrawnInRedAndTheCanvasFollowsItsSize(FxRobot robot) {
        Image img = draw(robot, frame(-0.5, -0.2, true));
        double s = scale();
        double trackY = Math.min(H - 0.32 * s, H / 2 + 0.55 * s);
        double axleY = trackY - CartPoleCanvas.CART_HEIGHT * s / 4;
        double cartX = W / 2 - 0.5 * s;
        assertTrue(colourAround(img, cartX + Math.sin(-0.2) * 0.5 * s,
                axleY - Math.cos(-0.2) * 0.5 * s, 2, "#c8433a"), "fallen pole in red");
        robot.interact(() -> canvas.getScene().getWindow().setWidth(500));
        robot.interact(() -> assertTrue(canvas.getWidth() < 520));
    }

    @Test
    void theNumbersNeverCoverTheCart(FxRobot robot) {
        for (double x : new double[] {-2.3, -1.6, 0, 1.6, 2.3, -2.3}) {
            Image img = draw(robot, frame(x, 0.1, false));
            double s = scale();
            double trackY = Math.min(H - 0.32 * s, H / 2 + 0.55 * s);
            double cartX = W / 2 + x * s;
            double half = CartPoleCanvas.CART_WIDTH * s / 2 - 3;
            for (double dx : new double[] {-half, 0, half}) {
                assertTrue(colourAround(img, cartX + dx, trackY + 0.06 * s, 1, "#2f3b4c"),
                        "the cart at x = " + x + " is in plain sight at " + dx);
            }
            double axleY = trackY - CartPoleCanvas.CART_HEIGHT * s / 4;
            assertTrue(colourAround(img, cartX + Math.sin(0.1) * 0.9 * s,
                    axleY - Math.cos(0.1) * 0.9 * s, 2, "#d9822b"), "the pole's tip at " + x);
        }
    }

    /**
     * A short canvas (900 × 600 window: 120 to 150 px) keeps the one-line numbers in a strip
     * above the scene: the upright pole's tip is below the strip, not hidden under it. The
     * scale is read off the picture (the cart's height is 0.24 world units).
     */
    @Test
    void onAShortCanvasThePolesTipIsBelowTheNumbersStrip(FxRobot robot) {
        robot.interact(() -> canvas.getScene().getWindow().setHeight(120
                + canvas.getScene().getWindow().getHeight() - canvas.getScene().getHeight()));
        robot.interact(() -> assertTrue(canvas.getHeight() < Overlay.MIN_HEIGHT,
                "short: " + canvas.getHeight()));
        Image img = draw(robot, frame(0, 0, false));
        int col = (int) Math.round(W / 2 + 7); // inside the cart, beside the pole and axle
        int top = -1;
        int bottom = -1;
        for (int y = 0; y < H; y++) {
            if (near(img.getPixelReader().getColor(col, y), "#2f3b4c")) {
                top = top < 0 ? y : top;
                bottom = y;
            }
        }
        assertTrue(top > 0, "the cart is drawn");
        double s = (bottom - top + 1) / CartPoleCanvas.CART_HEIGHT;
        double axleY = top + CartPoleCanvas.CART_HEIGHT * s / 4;
        double tipY = axleY - CartPoleCanvas.POLE_LENGTH * s;
        assertTrue(tipY >= 6 + Overlay.LINE_HEIGHT, "the tip at y = " + tipY
                + " is below the one-line numbers (to y = " + (6 + Overlay.LINE_HEIGHT) + ")");
        assertTrue(colourAround(img, W / 2, tipY + 0.05 * s, 1, "#d9822b"), "the tip is seen");
        robot.interact(() -> canvas.getScene().getWindow().setHeight(320
                + canvas.getScene().getWindow().getHeight() - canvas.getScene().getHeight()));
    }

    /** True if a pixel darker than the panel's muted notes' antialiased edge is in the box. */
    private static boolean inkIn(Image img, double x0, double x1, double y0, double y1) {
        for (int y = (int) y0; y < y1 && y < img.getHeight(); y++) {
            for (int x = (int) Math.max(0, x0); x < x1 && x < img.getWidth(); x++) {
                if (img.getPixelReader().getColor(x, y).getBrightness() < 0.6) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * During a replay the notes ("return: ∇log π × this" under REINFORCE, a long multiplier's
     * name under the baseline) stay {@link Overlay#PAD} inside the panel: nothing is drawn in
     * the panel's last columns or past its edge.
     */
    @Test
    void theReplayNumbersStayInsideTheirPanel(FxRobot robot) {
        Frame f = new Frame(1.9, 0, 0, 0, 1, 0.3, 0.7, 4.2, 12_345, 199, 199, true, false, false);
        for (boolean critic : new boolean[] {false, true}) {
            Overlay.Explanation e = new Overlay.Explanation(critic, critic
                    ? "REINFORCE with baseline" : "REINFORCE", 123.45, -123.45,
                    "G\u209c \u2212 V(s\u209c)");
            robot.interact(() -> {
                canvas.setReplaying(true);
                canvas.setExplanation(e.critic(), e.algorithm(), e.ret(), e.multiplier(),
                        e.multiplierName());
            });
            Image img = draw(robot, f);
            double pw = Overlay.width(f, true, e);
            double left = Overlay.MARGIN; // the cart is on the right: the panel on the left
            assertTrue(inkIn(img, left, left + pw, Overlay.MARGIN, Overlay.MARGIN + 60),
                    "the panel is drawn");
            assertTrue(!inkIn(img, left + pw - Overlay.PAD / 2, left + pw + 40, Overlay.MARGIN,
                    Overlay.MARGIN + Overlay.height(e) - 26), "text at the edge of the "
                    + pw + " px panel (critic " + critic + ")");
        }
        robot.interact(() -> {
            canvas.setReplaying(false);
            canvas.setExplanation(true, "A2C", Double.NaN, Double.NaN, "");
        });
    }

    /** The lesson's link: the row of a formula's term is highlighted, and only while asked. */
    @Test
    void aFormulasTermHighlightsItsRow(FxRobot robot) {
        Frame f = frame(1.9, 0, false);
        robot.interact(() -> {
            canvas.setReplaying(true);
            canvas.setExplanation(true, "A2C", 20.5, 0.37, "\u00c2\u209c");
        });
        double pw = Overlay.width(f, true, new Overlay.Explanation(true, "A2C", 20.5, 0.37,
                "\u00c2\u209c"));
        for (Term t : Term.values()) {
            robot.interact(() -> canvas.setHighlight(t));
            Image img = draw(robot, f);
            int found = 0;
            for (int y = 0; y < 220; y++) {
                if (colourAround(img, Overlay.MARGIN + pw / 2, y, 0, "#ffdb6b")) {
                    found = y;
                }
            }
            assertTrue(found > 0, t + " highlighted");
        }
        robot.interact(() -> canvas.setHighlight(null));
        Image img = draw(robot, f);
        for (int y = 0; y < 220; y++) {
            assertTrue(!colourAround(img, Overlay.MARGIN + pw / 2, y, 0, "#ffdb6b"), "none");
        }
        robot.interact(() -> {
            canvas.setReplaying(false);
            canvas.setExplanation(true, "A2C", Double.NaN, Double.NaN, "");
        });
    }
}
