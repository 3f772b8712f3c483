package cartpolelab.ui;

import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Window sizes for the window tests, set the one way Monocle's headless screen accepts. */
final class TestStages {

    private TestStages() {
    }

    /**
     * Resizes {@code stage} to {@code width} × {@code height} at the screen's corner, while
     * hidden: a frame rendered at the old size must not be in flight (Monocle's framebuffer then
     * overflows), and the window must lie inside the headless screen.
     */
    static void resize(FxRobot robot, Stage stage, double width, double height) {
        robot.interact(() -> {
            stage.hide();
            stage.setMinWidth(0);
            stage.setMinHeight(0);
            stage.setX(0);
            stage.setY(0);
            stage.setWidth(width);
            stage.setHeight(height);
            stage.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }
}
