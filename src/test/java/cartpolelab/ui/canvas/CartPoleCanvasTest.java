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
}
