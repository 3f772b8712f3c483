package cartpolelab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cartpolelab.agent.Hyperparameters;
import cartpolelab.plot.XAxis;
import cartpolelab.ui.chart.PlotCanvas;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.ChoiceBox;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The charts over environment steps in the window: the x-axis box switches every chart, the
 * hover names the step and the episode, a click replays the episode finished by that step.
 * The scripted trainer's episode i + 1 ends at step 100 i.
 */
@ExtendWith(ApplicationExtension.class)
class StepAxisWindowTest {

    private final TestDialogs dialogs = new TestDialogs();
    private ScriptedTrainer trainer;
    private MainView view;
    private PlotCanvas reward;

    @Start
    void start(Stage stage) {
        view = CartPoleLabApp.open(stage, Hyperparameters.DEFAULTS, hp -> {
            trainer = new ScriptedTrainer(hp);
            return trainer;
        }, dialogs, dialogs, () -> { });
        reward = view.charts().reward();
    }

    @AfterEach
    void tearDown() throws Exception {
        WaitForAsyncUtils.asyncFx(view::shutdown).get(60, TimeUnit.SECONDS);
    }

    private static void waitFor(String what, Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition); // generous: CI may be busy
        } catch (TimeoutException e) {
            throw new AssertionError("timed out waiting for " + what, e);
        }
    }

    @Test
    void theChartsSwitchToStepsAndHoverAndClickNameTheEpisode(FxRobot robot) {
        trainer.addEpisodes(41, i -> 10 + i);
        waitFor("41 episodes painted", () -> reward.figure().length() == 41
                && reward.plotLayout() != null);
        @SuppressWarnings("unchecked")
        ChoiceBox<XAxis> box = robot.lookup("#xAxisChoice").queryAs(ChoiceBox.class);
        robot.interact(() -> box.setValue(XAxis.STEPS));
        // episode 41 ends at step 4,000: 40 points of 100 steps
        waitFor("the reward chart over steps", () -> reward.figure().xLabel
                .equals(XAxis.STEPS.label()) && reward.figure().length() == 40
                && view.charts().training().figure().xLabel.equals(XAxis.STEPS.label())
                && reward.plotLayout() != null);
        robot.moveTo(ChartInteractionTest.at(robot, reward, 10));
        waitFor("the readout at step 1,000", () -> !ChartInteractionTest.readout(robot, reward).isEmpty()
                && ChartInteractionTest.readout(robot, reward).get(0).equals("Step 1,000 \u00b7 episode 11"));

        List<Integer> clicked = new java.util.concurrent.CopyOnWriteArrayList<>();
        robot.interact(() -> view.charts().view().setOnEpisodeClicked(clicked::add));
        robot.clickOn(ChartInteractionTest.at(robot, reward, 25), MouseButton.PRIMARY);
        waitFor("the click", () -> !clicked.isEmpty());
        assertEquals(List.of(26), clicked, "step 2,500 falls in episode 26 (ended at 2,500)");

        robot.interact(() -> box.setValue(XAxis.EPISODES));
        waitFor("back over episodes", () -> reward.figure().xLabel.equals("Episode")
                && reward.figure().length() == 41);
    }
}
