package cartpolelab.ui;

import static cartpolelab.ui.Waits.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cartpolelab.agent.Hyperparameters;
import cartpolelab.agent.Preset;
import cartpolelab.ui.settings.SettingsPane;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The preset box above the settings and the fields of SB3's knobs: a preset fills every field,
 * an edit shows Custom, bad values (a list with a hole, a minibatch larger than the rollout)
 * mark their field and disable Start, PPO-only fields are disabled for the other algorithms.
 */
@ExtendWith(ApplicationExtension.class)
class PresetBoxTest {

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

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(TextField.class).getText();
    }

    @Test
    void aPresetFillsEveryFieldAndAnEditShowsCustom(FxRobot robot) {
        @SuppressWarnings("unchecked")
        ComboBox<Object> preset = robot.lookup("#presetField").queryAs(ComboBox.class);
        SettingsPane pane = robot.lookup("#settingsPane").queryAs(SettingsPane.class);
        waitFor("the notebook's defaults shown as Notebook", () -> preset.getValue()
                == Preset.NOTEBOOK);

        robot.interact(() -> preset.setValue(Preset.SB3_PPO));
        waitFor("SB3 PPO's settings in the form", () -> Preset.SB3_PPO.hyperparameters()
                .equals(pane.valueProperty().get()));
        assertEquals("64,64", text(robot, "#hiddenSizeField"));
        assertEquals("20", text(robot, "#epochsField"));
        assertEquals("256", text(robot, "#minibatchField"));
        assertEquals("0.00001", text(robot, "#optimiserEpsilonField"));
        assertEquals("0.2", text(robot, "#clipRangeField"));
        assertFalse(robot.lookup("#epochsField").query().isDisabled(), "PPO uses epochs");

        TextField epochs = robot.lookup("#epochsField").queryAs(TextField.class);
        robot.interact(() -> epochs.setText("5"));
        waitFor("Custom after an edit", () -> "Custom".equals(preset.getValue()));
        assertEquals(5, pane.valueProperty().get().epochs());
        robot.interact(() -> epochs.setText("20"));
        waitFor("SB3 PPO again once the field is back", () -> preset.getValue()
                == Preset.SB3_PPO);

        robot.interact(() -> preset.setValue(Preset.SB3_A2C));
        waitFor("SB3 A2C's settings", () -> Preset.SB3_A2C.hyperparameters()
                .equals(pane.valueProperty().get()));
        // A2C has no epochs, minibatches or clipping: greyed out, saying why
        assertTrue(robot.lookup("#epochsField").query().isDisabled());
        assertTrue(robot.lookup("#clipRangeField").query().isDisabled());
        assertFalse(robot.lookup("#rmspropAlphaField").query().isDisabled(), "RMSprop's α");
        robot.interact(() -> preset.setValue(Preset.NOTEBOOK));
        waitFor("the notebook's settings", () -> Hyperparameters.DEFAULTS
                .equals(pane.valueProperty().get()));
        assertTrue(robot.lookup("#rmspropAlphaField").query().isDisabled(), "Adam has no α");
    }

    @Test
    void aListWithAHoleAndAMinibatchLargerThanTheRolloutAreMarked(FxRobot robot) {
        Button start = robot.lookup("#startPauseButton").queryButton();
        TextField hidden = robot.lookup("#hiddenSizeField").queryAs(TextField.class);
        Label hiddenError = robot.lookup("#hiddenSizeFieldError").queryAs(Label.class);
        robot.interact(() -> hidden.setText("64,,64"));
        waitFor("64,,64 marked", () -> hidden.getStyleClass().contains("invalid")
                && start.isDisabled());
        assertTrue(hiddenError.isVisible() && hiddenError.getText().contains("64,,64")
                && hiddenError.getText().contains("e.g. 256 or 64,64"), hiddenError.getText());
        robot.interact(() -> hidden.setText("64,64"));
        waitFor("64,64 accepted", () -> !hidden.getStyleClass().contains("invalid")
                && !start.isDisabled());

        // PPO with n 256 (N = 1 environment): a minibatch of 512 is more than N × n
        @SuppressWarnings("unchecked")
        ComboBox<Object> preset = robot.lookup("#presetField").queryAs(ComboBox.class);
        robot.interact(() -> preset.setValue(Preset.SB3_PPO));
        TextField minibatch = robot.lookup("#minibatchField").queryAs(TextField.class);
        Label error = robot.lookup("#minibatchFieldError").queryAs(Label.class);
        waitFor("SB3 PPO filled", () -> "256".equals(minibatch.getText()));
        robot.interact(() -> minibatch.setText("512"));
        waitFor("512 marked", () -> minibatch.getStyleClass().contains("invalid")
                && start.isDisabled());
        assertTrue(error.isVisible() && error.getText().contains("at most the rollout's 256"),
                error.getText());
        assertTrue(robot.lookup("#advancedSettings").queryAs(TitledPane.class).isExpanded(),
                "a marked field is never folded away");
        robot.interact(() -> minibatch.setText("128"));
        waitFor("128 accepted", () -> !minibatch.getStyleClass().contains("invalid")
                && !start.isDisabled());
    }
}
