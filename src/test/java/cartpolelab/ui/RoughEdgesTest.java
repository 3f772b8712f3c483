package cartpolelab.ui;

import static cartpolelab.ui.Waits.waitFor;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cartpolelab.agent.Algorithm;
import cartpolelab.agent.Hyperparameters;
import cartpolelab.plot.RunFigures;
import cartpolelab.train.Speed;
import cartpolelab.train.Trainer;
import cartpolelab.train.TrainerState;
import cartpolelab.ui.canvas.CartPoleCanvas;
import cartpolelab.ui.chart.PlotCanvas;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Rough edges found on screen (issue 22, point 4), each fixed and kept fixed. */
@ExtendWith(ApplicationExtension.class)
class RoughEdgesTest {

    private Stage stage;
    private MainView view;
    private final TestDialogs dialogs = new TestDialogs();

    /** Each test opens the window itself, with the settings it needs. */
    @Start
    void start(Stage s) {
        stage = s;
    }

    private void open(FxRobot robot, Hyperparameters hp) {
        robot.interact(() -> {
            view = CartPoleLabApp.open(stage, hp, Trainer::new, dialogs, dialogs, () -> { });
            view.viewModel().speedProperty().set(Speed.UNPACED);
        });
    }

    @AfterEach
    void tearDown() throws Exception {
        if (view != null) {
            WaitForAsyncUtils.asyncFx(view::shutdown).get(60, TimeUnit.SECONDS);
        }
    }

    @Test
    void escapeAfterAReplayWhilePausedPutsTheLiveFrameBackOnTheCanvas(FxRobot robot) {
        open(robot, Hyperparameters.DEFAULTS.withHiddenSize(16).withEpisodes(6));
        robot.clickOn("#startPauseButton");
        waitFor("FINISHED", () -> view.viewModel().statusProperty().get().state()
                == TrainerState.FINISHED);
        CartPoleCanvas canvas = robot.lookup("#cartPoleCanvas").queryAs(CartPoleCanvas.class);
        robot.type(KeyCode.P);
        waitFor("replaying", () -> canvas.frame() != null
                && canvas.frame() != view.viewModel().frameProperty().get());
        robot.type(KeyCode.RIGHT); // pause the replay on one of its frames
        robot.type(KeyCode.ESCAPE);
        waitFor("live", () -> robot.lookup("#replayText").queryAs(Label.class).getText()
                .startsWith("Replay recorded episodes"));
        WaitForAsyncUtils.sleep(100, TimeUnit.MILLISECONDS); // a few frames of the pump
        WaitForAsyncUtils.waitForFxEvents();
        assertSame(view.viewModel().frameProperty().get(), canvas.frame(),
                "the canvas shows the live frame again, not the replay's: "
                        + canvas.overlayText());
    }

    @Test
    void reinforceChartsNameNoEntropyAndSayWhyTheTdLineIsLow(FxRobot robot) {
        open(robot, Hyperparameters.DEFAULTS.withAlgorithm(Algorithm.REINFORCE)
                .withHiddenSize(16).withEpisodes(6));
        PlotCanvas reward = robot.lookup("#rewardChart").query();
        waitFor("the reward chart", () -> reward.figure() != null);
        assertFalse(reward.figure().subtitle.contains("entropy"),
                "REINFORCE uses no entropy bonus: " + reward.figure().subtitle);
        robot.clickOn("#showVarianceChart");
        PlotCanvas variance = robot.lookup("#varianceChart").query();
        waitFor("the variance chart", () -> variance.figure() != null);
        assertTrue(variance.figure().subtitle.contains(RunFigures.NO_CRITIC_VARIANCE),
                variance.figure().subtitle);
        assertTrue(variance.figure().panels().get(0).series().stream()
                .anyMatch(s -> s.label.equals(RunFigures.VARIANCE_TD + RunFigures.UNTRAINED_V)));
    }

    @Test
    void a2cChartsStillNameTheEntropyCoefficient(FxRobot robot) {
        open(robot, Hyperparameters.DEFAULTS.withHiddenSize(16).withEpisodes(6));
        PlotCanvas reward = robot.lookup("#rewardChart").query();
        waitFor("the reward chart", () -> reward.figure() != null);
        assertTrue(reward.figure().subtitle.contains("entropy 0.001"), reward.figure().subtitle);
        robot.clickOn("#showVarianceChart");
        PlotCanvas variance = robot.lookup("#varianceChart").query();
        waitFor("the variance chart", () -> variance.figure() != null);
        assertFalse(variance.figure().subtitle.contains("no critic"));
    }

    /**
     * The "x: episodes" box sits above the reward chart, never over its title or subtitle:
     * at 900 × 600, at 853 × 480 (1280 × 720 at 150 %) and 1440 wide.
     */
    @Test
    void theXAxisBoxNeverCoversTheRewardChartsTitle(FxRobot robot) {
        open(robot, Hyperparameters.DEFAULTS.withHiddenSize(16).withEpisodes(6));
        for (double[] size : new double[][] {{900, 600}, {853, 480}, {1440, 900}}) {
            robot.interact(() -> {
                stage.setWidth(size[0]);
                stage.setHeight(size[1]);
            });
            javafx.scene.Node box = robot.lookup("#xAxisChoice").query();
            PlotCanvas reward = robot.lookup("#rewardChart").query();
            waitFor("laid out at " + size[0] + " x " + size[1], () -> {
                javafx.geometry.Bounds b = box.localToScene(box.getLayoutBounds());
                javafx.geometry.Bounds c = reward.localToScene(reward.getLayoutBounds());
                return Math.abs(stage.getWidth() - size[0]) < 1 && b.getHeight() > 0
                        && c.getHeight() > 0 && b.getMaxY() <= c.getMinY() + 0.5;
            });
        }
    }
}
