package cartpolelab.ui;

import static cartpolelab.ui.Waits.waitFor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cartpolelab.agent.Hyperparameters;
import cartpolelab.train.Speed;
import cartpolelab.train.Trainer;
import cartpolelab.train.TrainerState;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Button;
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

/** Replaying recorded episodes in the window, and keys that never wedge it. */
@ExtendWith(ApplicationExtension.class)
class ReplayWindowTest {

    private static final Hyperparameters SETTINGS = Hyperparameters.DEFAULTS.withHiddenSize(16)
            .withEpisodes(6);

    private final TestDialogs dialogs = new TestDialogs();
    private MainView view;

    @Start
    void start(Stage stage) {
        view = CartPoleLabApp.open(stage, SETTINGS, Trainer::new, dialogs, dialogs, () -> { });
        view.viewModel().speedProperty().set(Speed.MAXIMUM);
    }

    @AfterEach
    void tearDown() throws Exception {
        WaitForAsyncUtils.asyncFx(view::shutdown).get(60, TimeUnit.SECONDS);
    }

    private String line(FxRobot robot) {
        return robot.lookup("#replayText").queryAs(Label.class).getText();
    }

    private void trainSix(FxRobot robot) {
        robot.clickOn("#startPauseButton");
        waitFor("FINISHED", () -> view.viewModel().statusProperty().get().state()
                == TrainerState.FINISHED);
    }

    @Test
    void keysReplayScrubAndJumpBetweenRecordedEpisodes(FxRobot robot) {
        trainSix(robot);
        robot.type(KeyCode.P);
        waitFor("replaying", () -> line(robot).startsWith("latest episode 6"));
        robot.type(KeyCode.RIGHT);
        waitFor("paused", () -> "Play".equals(robot.lookup("#replayPlay").queryButton()
                .getText()));
        // from a known frame: on a loaded machine the replay may have played to its end
        // before the key paused it, and there is no frame on from the last one
        javafx.scene.control.Slider timeline = robot.lookup("#replayTimeline")
                .queryAs(javafx.scene.control.Slider.class);
        robot.interact(() -> timeline.setValue(0));
        waitFor("the first frame", () -> line(robot).startsWith(
                "latest episode 6 \u00b7 frame 0/"));
        robot.type(KeyCode.RIGHT);
        waitFor("a frame on", () -> line(robot).startsWith(
                "latest episode 6 \u00b7 frame 1/"));
        robot.interact(() -> timeline.setValue(timeline.getMax()));
        waitFor("scrubbed to the end", () -> line(robot).matches(
                "latest episode 6 \u00b7 frame (\\d+)/\\1 .*"));
        robot.type(KeyCode.PAGE_UP);
        waitFor("episode 5", () -> line(robot).startsWith("episode 5 \u00b7 frame 0/"));
        robot.type(KeyCode.PAGE_DOWN);
        waitFor("episode 6", () -> line(robot).startsWith("episode 6 \u00b7 frame 0/"));
        robot.type(KeyCode.ESCAPE);
        waitFor("live", () -> line(robot).startsWith("Replay recorded episodes"));
        waitFor("the timeline back at its start", () -> timeline.getValue() == 0
                && timeline.isDisabled());
        @SuppressWarnings("unchecked")
        javafx.scene.control.ChoiceBox<Integer> keep = robot.lookup("#replayKeep")
                .queryAs(javafx.scene.control.ChoiceBox.class);
        robot.interact(() -> keep.setValue(100));
        waitFor("the run keeps 100", () -> view.viewModel().run().recorder().keep() == 100);
    }

    @Test
    void aClickOnTheRewardChartReplaysThatEpisode(FxRobot robot) {
        trainSix(robot);
        Node chart = robot.lookup("#rewardChart").query();
        Bounds b = chart.localToScreen(chart.getBoundsInLocal());
        // the middle of the plot is about episode 3 or 4 of six
        robot.clickOn(b.getMinX() + b.getWidth() * 0.55, b.getMinY() + b.getHeight() * 0.6);
        waitFor("a chosen episode", () -> line(robot).startsWith("episode "));
        int episode = Integer.parseInt(line(robot).split(" ")[1]);
        assertTrue(episode >= 2 && episode <= 5, line(robot));
    }

    @Test
    void theSpeedBoxOffersEverySpeedSaysWhatEachDoesAndPacesTheTrainer(FxRobot robot)
            throws Exception {
        @SuppressWarnings("unchecked")
        javafx.scene.control.ChoiceBox<Speed> box = robot.lookup("#speedChoice")
                .queryAs(javafx.scene.control.ChoiceBox.class);
        assertEquals(java.util.List.of(Speed.values()), box.getItems());
        String tip = box.getTooltip().getText();
        for (Speed s : Speed.values()) {
            assertTrue(tip.contains(s.displayName() + ": " + s.description()), tip);
        }
        robot.interact(() -> box.setValue(Speed.X16));
        assertEquals(Speed.X16, view.viewModel().speedProperty().get());
        robot.interact(() -> robot.lookup("#episodesField")
                .queryAs(javafx.scene.control.TextField.class).setText("1000"));
        long t0 = System.nanoTime();
        robot.clickOn("#startPauseButton");
        Thread.sleep(500);
        robot.clickOn("#startPauseButton");
        waitFor("paused", () -> view.viewModel().statusProperty().get().state()
                == TrainerState.PAUSED);
        double seconds = (System.nanoTime() - t0) / 1e9;
        long steps = view.viewModel().statusProperty().get().totalSteps();
        assertTrue(steps > 0 && steps <= 800 * seconds + 10,
                steps + " steps in " + seconds + " s at ×16");
    }

    @Test
    void hundredsOfRandomShortcutsNeverWedgeTheWindow(FxRobot robot) throws Exception {
        dialogs.confirmAnswer = true;
        KeyCode[] keys = {KeyCode.SPACE, KeyCode.N, KeyCode.F, KeyCode.R, KeyCode.P,
            KeyCode.LEFT, KeyCode.RIGHT, KeyCode.PAGE_UP, KeyCode.PAGE_DOWN, KeyCode.ESCAPE};
        String[] buttons = {"#stepEpisodeButton", "#stepFrameButton", "#watchButton",
            "#replayPlay", "#replayNext", "#replayPrevious"};
        Random random = new Random(11);
        for (int i = 0; i < 300; i++) {
            if (random.nextInt(10) == 0) {
                Button b = robot.lookup(buttons[random.nextInt(buttons.length)]).queryButton();
                robot.interact(b::fire);
            } else {
                robot.type(keys[random.nextInt(keys.length)]);
            }
        }
        // still answering: the FX thread runs a task at once, and a fresh run trains
        assertEquals(Boolean.TRUE, WaitForAsyncUtils.asyncFx(() -> true)
                .get(60, TimeUnit.SECONDS));
        robot.type(KeyCode.ESCAPE);
        robot.interact(() -> view.viewModel().speedProperty().set(Speed.MAXIMUM));
        robot.clickOn("#resetButton");
        waitFor("reset", () -> view.viewModel().history().size() == 0);
        robot.type(KeyCode.N);
        waitFor("one episode after all that", () -> view.viewModel().history().size() == 1);
    }

    @Test
    void inASmallWindowTheBarShowsArrowsAndCutsNoControl(FxRobot robot) {
        Stage stage = (Stage) robot.lookup("#replayBar").query().getScene().getWindow();
        TestStages.resize(robot, stage, 900, 600);
        trainSix(robot);
        robot.type(KeyCode.P);
        waitFor("replaying", () -> line(robot).startsWith("latest episode 6"));
        ReplayBar bar = robot.lookup("#replayBar").queryAs(ReplayBar.class);
        waitFor("compact", bar::compact);
        assertEquals("\u00ab", robot.lookup("#replayPrevious").queryButton().getText());
        Label text = robot.lookup("#replayText").queryAs(Label.class);
        assertTrue(text.getParent() == bar, "the line has a row of its own");
        waitFor("the line is not cut", () -> shown(text).equals(text.getText()));
        robot.type(KeyCode.ESCAPE);
        waitFor("the idle line", () -> line(robot).startsWith("Replay recorded episodes"));
        waitFor("the idle line is not cut", () -> shown(text).equals(text.getText()));
        robot.type(KeyCode.P);
        waitFor("replaying", () -> line(robot).startsWith("latest episode 6"));
        waitFor("the bar laid out", () -> WaitForAsyncUtils.asyncFx(() -> {
            for (String id : new String[] {"#replayPrevious", "#replayPlay", "#replayKeep"}) {
                javafx.scene.control.Control c = robot.lookup(id).queryAs(
                        javafx.scene.control.Control.class);
                if (c.getWidth() < c.prefWidth(-1) - 0.5) {
                    return false;
                }
            }
            return true;
        }).get(60, TimeUnit.SECONDS));
        for (String id : new String[] {"#replayPrevious", "#replayBack", "#replayPlay",
            "#replayForward", "#replayNext", "#replayLive", "#replaySpeed", "#replayKeep"}) {
            javafx.scene.control.Control c = robot.lookup(id).queryAs(
                    javafx.scene.control.Control.class);
            assertTrue(c.getWidth() >= c.prefWidth(-1) - 0.5, id + " is cut: "
                    + c.getWidth() + " < " + c.prefWidth(-1));
            if (c instanceof javafx.scene.control.Labeled l) {
                assertEquals(l.getText(), shown(l), id + " is cut");
            }
            Bounds cb = c.localToScene(c.getBoundsInLocal());
            assertTrue(cb.getMaxX() <= stage.getScene().getWidth(), id + " off the window");
        }
        TestStages.resize(robot, stage, 1600, 900);
        waitFor("full labels", () -> !bar.compact()
                && robot.lookup("#replayPrevious").queryButton().getText().contains("Episode"));
        assertTrue(text.getParent() == bar, "the line keeps its own row");
        waitFor("the whole line shown", () -> shown(text).equals(text.getText()));
    }

    /** What a label actually shows: its text, or the text cut with an ellipsis. */
    private static String shown(javafx.scene.control.Labeled l) {
        javafx.scene.text.Text t = (javafx.scene.text.Text) l.lookup(".text");
        return t == null ? "" : t.getText();
    }
}
