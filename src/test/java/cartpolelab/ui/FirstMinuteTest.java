package cartpolelab.ui;

import static cartpolelab.ui.Waits.waitFor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cartpolelab.agent.Hyperparameters;
import cartpolelab.env.CartPoleVersion;
import cartpolelab.metrics.EpisodeHistory;
import cartpolelab.train.Speed;
import cartpolelab.train.Trainer;
import cartpolelab.train.TrainerState;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToolBar;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window as a new user meets it in the first minute, against the real trainer: small
 * windows, keys and focus, settings that cannot work, extending and resetting a run, and
 * status lines that stay true.
 */
@ExtendWith(ApplicationExtension.class)
class FirstMinuteTest {

    private static final Hyperparameters SETTINGS = Hyperparameters.DEFAULTS.withHiddenSize(16)
            .withEpisodes(3);

    private final TestDialogs dialogs = new TestDialogs();
    private MainView view;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        view = CartPoleLabApp.open(stage, SETTINGS, Trainer::new, dialogs, dialogs, () -> { });
        view.viewModel().speedProperty().set(Speed.MAXIMUM);
    }

    @AfterEach
    void tearDown() throws Exception {
        WaitForAsyncUtils.asyncFx(view::shutdown).get(60, TimeUnit.SECONDS);
    }

    private TrainerState state() {
        return view.viewModel().statusProperty().get().state();
    }

    @Test
    void everyControlIsReachableAt900x600AndUp(FxRobot robot) {
        for (double[] size : new double[][] {{900, 600}, {1280, 800}, {1920, 1080}}) {
            TestStages.resize(robot, stage, size[0], size[1]);
            double w = view.getScene().getWidth();
            double h = view.getScene().getHeight();
            assertTrue(view.minWidth(-1) <= w, "content fits " + size[0] + " wide: min "
                    + view.minWidth(-1));
            Bounds status = view.lookup("#statusBar").localToScene(
                    view.lookup("#statusBar").getBoundsInLocal());
            assertTrue(status.getMaxX() <= w + 0.5 && status.getMaxY() <= h + 0.5,
                    "status bar inside the window at " + size[0] + "x" + size[1] + ": " + status);
            Node toolbar = view.lookup("#toolbar");
            Bounds bar = toolbar.localToScene(toolbar.getBoundsInLocal());
            assertTrue(bar.getMaxX() <= w + 0.5, "toolbar inside the window: " + bar);
            Node overflow = toolbar.lookup(".tool-bar-overflow-button");
            for (Node n : ((ToolBar) toolbar).getItems()) {
                // an item is on the bar, inside the window, or in the overflow menu (then it
                // is out of the scene graph and the overflow arrow shows)
                boolean onBar = n.getScene() != null && n.isVisible();
                if (onBar) {
                    Bounds b = n.localToScene(n.getBoundsInLocal());
                    assertTrue(b.getMaxX() <= w + 0.5, n.getId() + " inside at " + size[0]);
                } else {
                    assertTrue(overflow != null && overflow.isVisible()
                            && overflow.localToScene(overflow.getBoundsInLocal()).getMaxX()
                            <= w + 0.5, n.getId() + " reachable through the overflow arrow");
                }
            }
        }
    }

    @Test
    void spaceInAFieldNeverReplacesItsValue(FxRobot robot) {
        TextField hidden = robot.lookup("#hiddenSizeField").queryAs(TextField.class);
        robot.interact(() -> {
            hidden.requestFocus();
            hidden.selectAll(); // as Tab leaves it
        });
        robot.type(KeyCode.SPACE);
        assertEquals("16", hidden.getText());
        assertFalse(robot.lookup("#startPauseButton").queryButton().isDisabled());
    }

    @Test
    void clickingTheCanvasGivesTheKeysBackToTheShortcuts(FxRobot robot) {
        robot.clickOn("#seedField");
        robot.clickOn("#cartPoleCanvas");
        robot.type(KeyCode.F);
        assertEquals("1", robot.lookup("#seedField").queryAs(TextField.class).getText());
        waitFor("one step", () -> view.viewModel().statusProperty().get().totalSteps() == 1);
    }

    @Test
    void maxStepsFollowsTheVersionUntilTheUserSetsIt(FxRobot robot) {
        @SuppressWarnings("unchecked")
        ComboBox<CartPoleVersion> version = robot.lookup("#versionField")
                .queryAs(ComboBox.class);
        TextField maxSteps = robot.lookup("#maxStepsField").queryAs(TextField.class);
        Label note = robot.lookup("#settingsUnsolvableNote").queryAs(Label.class);
        robot.interact(() -> version.setValue(CartPoleVersion.V1));
        assertEquals("500", maxSteps.getText(), "v1's limit, so 475 can be reached");
        assertFalse(note.isVisible());
        robot.interact(() -> maxSteps.setText("300"));
        assertTrue(note.isVisible(), "300 steps can never average 475");
        assertTrue(note.getText().contains("475"), note.getText());
        robot.interact(() -> version.setValue(CartPoleVersion.V0));
        assertEquals("300", maxSteps.getText(), "a value the user typed stays");
        assertFalse(note.isVisible());
    }

    @Test
    void anInvalidFieldForTheNextRunDoesNotBlockThePausedOne(FxRobot robot) {
        robot.clickOn("#stepEpisodeButton");
        waitFor("one episode", () -> view.viewModel().history().size() == 1
                && state() == TrainerState.PAUSED);
        robot.interact(() -> robot.lookup("#hiddenSizeField").queryAs(TextField.class)
                .setText("lots"));
        Button start = robot.lookup("#startPauseButton").queryButton();
        // Resume continues with the run's own settings
        waitFor("Resume, enabled", () -> "Resume".equals(start.getText())
                && !start.isDisabled());
        assertFalse(robot.lookup("#stepEpisodeButton").queryButton().isDisabled());
        assertTrue(robot.lookup("#resetButton").queryButton().isDisabled(),
                "Reset would use the form: it waits for a valid value");
        robot.clickOn("#stepEpisodeButton");
        waitFor("two episodes", () -> view.viewModel().history().size() == 2);
    }

    @Test
    void raisingEpisodesLetsAFinishedRunGoOn(FxRobot robot) {
        robot.clickOn("#startPauseButton");
        waitFor("FINISHED", () -> state() == TrainerState.FINISHED);
        EpisodeHistory run = view.viewModel().history();
        assertEquals(3, run.size());
        robot.interact(() -> robot.lookup("#episodesField").queryAs(TextField.class)
                .setText("5"));
        waitFor("the budget raised", () -> state() == TrainerState.PAUSED);
        assertFalse(robot.lookup("#settingsResetNote").queryAs(Label.class).isVisible(),
                "a new budget needs no reset");
        robot.clickOn("#startPauseButton");
        waitFor("FINISHED again", () -> state() == TrainerState.FINISHED
                && view.viewModel().history().size() == 5);
        assertSame(run, view.viewModel().history(), "the same run went on");
    }

    @Test
    void resetAsksBeforeThrowingAwayEpisodesThatAreInNoCheckpoint(FxRobot robot) {
        robot.clickOn("#stepEpisodeButton");
        waitFor("one episode", () -> view.viewModel().history().size() == 1
                && state() == TrainerState.PAUSED);
        dialogs.confirmAnswer = false;
        robot.clickOn("#resetButton");
        assertEquals(1, dialogs.questions.size());
        assertTrue(dialogs.questions.get(0).contains("1 episodes"), dialogs.questions.get(0));
        assertEquals(1, view.viewModel().history().size(), "kept: the user said no");
        dialogs.confirmAnswer = true;
        robot.type(KeyCode.R);
        assertEquals(2, dialogs.questions.size(), "the R key asks too");
        waitFor("reset", () -> view.viewModel().history().size() == 0);
        robot.clickOn("#resetButton");
        assertEquals(2, dialogs.questions.size(), "nothing to lose: no question");
    }

    @Test
    void theChartsSayWhatEachCurveMeans(FxRobot robot) {
        String training = robot.lookup("#trainingChartInfo").queryAs(Label.class).getTooltip()
                .getText();
        for (String curve : new String[] {"Actor loss", "Critic loss", "Entropy"}) {
            assertTrue(training.contains(curve), curve + " in " + training);
        }
        String reward = robot.lookup("#rewardChartInfo").queryAs(Label.class).getTooltip()
                .getText();
        assertTrue(reward.contains("Moving average") && reward.contains("195"), reward);
    }

    @Test
    void theAlgorithmBoxShowsEveryNameWhole(FxRobot robot) {
        @SuppressWarnings("unchecked")
        ComboBox<cartpolelab.agent.Algorithm> box = robot.lookup("#algorithmField")
                .queryAs(ComboBox.class);
        for (cartpolelab.agent.Algorithm a : cartpolelab.agent.Algorithm.values()) {
            javafx.scene.text.Text text = new javafx.scene.text.Text(a.displayName());
            text.setFont(javafx.scene.text.Font.getDefault());
            double arrowAndPadding = 36;
            assertTrue(text.getLayoutBounds().getWidth() + arrowAndPadding <= box.getWidth(),
                    a.displayName() + " fits in " + box.getWidth());
        }
    }

    @Test
    void theMaximumSpeedLineGoesWhenTheRunEnds(FxRobot robot) {
        robot.clickOn("#startPauseButton");
        waitFor("FINISHED", () -> state() == TrainerState.FINISHED);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(null, ((cartpolelab.ui.canvas.CartPoleCanvas) robot
                .lookup("#cartPoleCanvas").query()).message(), "nothing trains any more");
    }

    @Test
    void statusLinesStayTrue(FxRobot robot) {
        robot.clickOn("#stepEpisodeButton");
        waitFor("one episode", () -> view.viewModel().history().size() == 1
                && state() == TrainerState.PAUSED);
        robot.clickOn("#watchButton");
        waitFor("watching", () -> view.viewModel().controlsProperty().get().watching());
        waitFor("the watching line", () -> StatusMessages.WATCHING.equals(
                view.viewModel().messageProperty().get()));
        robot.clickOn("#startPauseButton");
        waitFor("paused", () -> state() == TrainerState.PAUSED);
        waitFor("Watch's line gone", () -> "".equals(view.viewModel().messageProperty().get()));
        waitFor("no rate while paused", () -> "\u2014 steps/s".equals(
                robot.lookup("#statusSpeed").queryAs(Label.class).getText()));
        robot.clickOn("#startPauseButton");
        waitFor("FINISHED", () -> state() == TrainerState.FINISHED);
        waitFor("the overlay shows the last episode", () -> view.viewModel().frameProperty()
                .get().episode() == 3);
    }
}
