package cartpolelab.ui;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cartpolelab.agent.Hyperparameters;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The GAE λ field: values outside [0, 1], NaN or a comma decimal mark it red and say why. */
@ExtendWith(ApplicationExtension.class)
class GaeLambdaFieldTest {

    private final TestDialogs dialogs = new TestDialogs();
    private MainView view;

    @Start
    void start(Stage stage) {
        view = CartPoleLabApp.open(stage, Hyperparameters.DEFAULTS, ScriptedTrainer::new,
                dialogs, dialogs, () -> { });
    }

    @AfterEach
    void tearDown() throws Exception {
        WaitForAsyncUtils.asyncFx(view::shutdown).get(60, TimeUnit.SECONDS);
    }

    @Test
    void badLambdasAreMarkedAndTheRangeIsNamed(FxRobot robot) {
        Button start = robot.lookup("#startPauseButton").queryButton();
        TextField lambda = robot.lookup("#gaeLambdaField").queryAs(TextField.class);
        Label error = robot.lookup("#gaeLambdaFieldError").queryAs(Label.class);
        for (String bad : new String[] {"1.5", "-0.1", "NaN", "0,5"}) {
            robot.interact(() -> lambda.setText(bad));
            assertTrue(lambda.getStyleClass().contains("invalid"), bad);
            assertTrue(start.isDisabled(), bad);
            assertTrue(error.isVisible() && error.getText().contains("[0, 1]"),
                    bad + ": " + error.getText());
        }
        robot.interact(() -> lambda.setText("0.95"));
        assertFalse(lambda.getStyleClass().contains("invalid"));
        assertFalse(start.isDisabled());
    }
}
