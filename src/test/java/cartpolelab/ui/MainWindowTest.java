package cartpolelab.ui;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class MainWindowTest {

    @Start
    void start(Stage stage) {
        new CartPoleLabApp().start(stage);
    }

    @Test
    void theMainWindowOpens(FxRobot robot) {
        assertNotNull(robot.lookup("#root").query());
    }
}
