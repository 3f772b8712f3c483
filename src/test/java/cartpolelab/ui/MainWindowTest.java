package cartpolelab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cartpolelab.agent.Hyperparameters;
import cartpolelab.train.Frame;
import cartpolelab.train.Speed;
import cartpolelab.train.TrainerState;
import cartpolelab.train.TrainerStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window over the real trainer: each control and shortcut does what it says. Waits are
 * bounded polls of the trainer's published state; nothing asserts on timing.
 */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {

    /**
     * Small networks keep the tests quick; the window does not care about the size. The
     * trainer runs thousands of episodes a second here, so the budget is large and
     * stop-when-solved is off: a run must not end by itself between two clicks.
     */
    private static final Hyperparameters SETTINGS = Hyperparameters.DEFAULTS.withHiddenSize(32)
            .withEpisodes(Hyperparameters.MAX_EPISODES);

    private final TestDialogs dialogs = new TestDialogs();
    private MainView view;
    private Stage stage;
    private Set<Thread> threadsBefore;

    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        threadsBefore = Thread.getAllStackTraces().keySet();
        view = CartPoleLabApp.open(stage, SETTINGS, cartpolelab.train.Trainer::new, dialogs, dialogs,
                () -> { });
        view.viewModel().stopWhenSolvedProperty().set(false);
    }

    @AfterEach
    void tearDown() throws Exception {
        WaitForAsyncUtils.asyncFx(view::shutdown).get(60, TimeUnit.SECONDS);
    }

    // ---- helpers ------------------------------------------------------------------------

    private TrainingViewModel vm() {
        return view.viewModel();
    }

    private TrainerStatus status() {
        return vm().statusProperty().get();
    }

    private int episodes() {
        return status().episodes();
    }

    private void waitFor(String what, Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition);
        } catch (TimeoutException e) {
            throw new AssertionError("timed out waiting for " + what + "; status " + status()
                    + ", button " + view.lookup("#startPauseButton"), e);
        }
    }

    /**
     * Clicks a control, then moves the pointer off the toolbar, so that the tooltip the
     * control shows after a moment cannot sit under the next click.
     */
    private static void click(FxRobot robot, String id) {
        robot.clickOn(id);
        robot.moveTo("#rewardChart");
    }

    /** Episodes the reward chart's figure holds. */
    private int chartedEpisodes() {
        return view.charts().reward().figure().length();
    }

    /** The rewards the reward chart draws from, compared with the trainer's history. */
    private void assertChartShowsTheTrainersRun(FxRobot robot) {
        robot.interact(() -> {
            var h = vm().history();
            assertTrue(view.charts().boundHistory() == h, "bound to the trainer's history");
            var reward = view.charts().reward().figure().panels().get(0).series().get(0);
            assertEquals(h.size(), reward.size());
            for (int i = 0; i < h.size(); i++) {
                assertEquals(h.reward(i), reward.valueAt(i), "episode " + (i + 1));
            }
        });
    }

    private void waitForState(TrainerState state) {
        waitFor(state.name(), () -> status().state() == state);
    }

    /** Lets the trainer run for a while (no assertion on time: it only gives it a chance). */
    private static void settle() {
        WaitForAsyncUtils.sleep(400, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void runAndPause(FxRobot robot, int atLeast) {
        click(robot, "#startPauseButton");
        waitFor(atLeast + " episodes", () -> episodes() >= atLeast);
        click(robot, "#startPauseButton");
        waitForState(TrainerState.PAUSED);
    }

    // ---- controls -----------------------------------------------------------------------

    @Test
    void startTrainsAndPauseStopsTheEpisodes(FxRobot robot) {
        assertEquals("Start", robot.lookup("#startPauseButton").queryButton().getText());
        click(robot, "#startPauseButton");
        waitFor("episodes to arrive", () -> episodes() >= 5);
        waitFor("the button to say Pause", () -> "Pause".equals(
                robot.lookup("#startPauseButton").queryButton().getText()));
        waitFor("the chart to show them", () -> chartedEpisodes() >= 5);

        click(robot, "#startPauseButton");
        waitForState(TrainerState.PAUSED);
        waitFor("the button to say Resume", () -> "Resume".equals(
                robot.lookup("#startPauseButton").queryButton().getText()));
        int paused = episodes();
        settle();
        assertEquals(paused, episodes(), "no episodes arrive while paused");
        assertEquals(paused, vm().history().size());

        click(robot, "#startPauseButton");
        waitFor("training to resume", () -> episodes() > paused);
    }

    @Test
    void stepEpisodeRunsExactlyOneMoreEpisode(FxRobot robot) {
        runAndPause(robot, 2);
        int before = episodes();
        click(robot, "#stepEpisodeButton");
        waitFor("one more episode", () -> episodes() == before + 1);
        waitForState(TrainerState.PAUSED);
        settle();
        assertEquals(before + 1, episodes(), "exactly one");
        assertEquals(before + 1, vm().history().size());
    }

    @Test
    void stepFrameTakesExactlyOneStep(FxRobot robot) {
        click(robot, "#stepFrameButton");
        waitFor("a first frame", () -> vm().frameProperty().get() != null);
        click(robot, "#stepFrameButton");
        waitFor("a second step", () -> vm().frameProperty().get().step() >= 2);
        Frame before = vm().frameProperty().get();
        assertFalse(before.done());
        click(robot, "#stepFrameButton");
        waitFor("one more step", () -> vm().frameProperty().get() != before);
        settle();
        Frame after = vm().frameProperty().get();
        assertEquals(before.episode(), after.episode());
        assertEquals(before.step() + 1, after.step(), "exactly one step");
        assertEquals(TrainerState.PAUSED, status().state());
        assertEquals(0, episodes(), "no episode finished");
    }

    @Test
    void keyboardShortcutsDoWhatTheButtonsDo(FxRobot robot) {
        robot.clickOn("#cartPoleCanvas"); // focus away from the text fields
        robot.type(KeyCode.SPACE);
        waitFor("Space starts", () -> episodes() >= 2);
        robot.type(KeyCode.SPACE);
        waitForState(TrainerState.PAUSED);

        int before = episodes();
        robot.type(KeyCode.N);
        waitFor("N steps an episode", () -> episodes() == before + 1);
        waitForState(TrainerState.PAUSED);

        robot.type(KeyCode.F);
        waitFor("F steps a frame", () -> {
            Frame f = vm().frameProperty().get();
            return f != null && f.episode() == before + 2 && f.step() == 1;
        });

        robot.type(KeyCode.R);
        waitFor("R resets", () -> status().state() == TrainerState.IDLE && episodes() == 0);
    }

    @Test
    void resetStartsAFreshRunWithTheFormsSettings(FxRobot robot) {
        runAndPause(robot, 3);
        robot.interact(() -> robot.lookup("#versionField")
                .<javafx.scene.control.ComboBox<cartpolelab.env.CartPoleVersion>>query()
                .setValue(cartpolelab.env.CartPoleVersion.V1));
        assertTrue(robot.lookup("#settingsResetNote").queryAs(Label.class).isVisible());
        click(robot, "#resetButton");
        waitFor("a fresh run", () -> episodes() == 0 && status().state() == TrainerState.IDLE);
        waitFor("the v1 settings", () -> vm().runSettingsProperty().get().version()
                == cartpolelab.env.CartPoleVersion.V1);
        waitFor("the charts of the new v1 run", () -> chartedEpisodes() == 0
                && view.charts().settings().version() == cartpolelab.env.CartPoleVersion.V1
                && view.charts().reward().figure().title.startsWith("CartPole-v1"));
        waitFor("the reset note gone", () -> !robot.lookup("#settingsResetNote")
                .queryAs(Label.class).isVisible());
    }

    @Test
    void speedChoiceAndWatchReachTheTrainer(FxRobot robot) {
        ChoiceBox<?> speed = robot.lookup("#speedChoice").queryAs(ChoiceBox.class);
        robot.interact(() -> vm().speedProperty().set(Speed.MAXIMUM));
        assertEquals(Speed.MAXIMUM, speed.getValue());
        click(robot, "#startPauseButton");
        waitFor("episodes at maximum speed", () -> episodes() >= 3);
        click(robot, "#startPauseButton");
        waitForState(TrainerState.PAUSED);

        robot.interact(() -> vm().speedProperty().set(Speed.UNPACED));
        int before = episodes();
        click(robot, "#watchButton");
        waitFor("greedy frames", () -> {
            Frame f = vm().frameProperty().get();
            return f != null && f.greedy();
        });
        waitFor("the Watching state",
                () -> robot.lookup("#statusState").queryAs(Label.class).getText()
                        .equals("Watching"));
        assertEquals(before, episodes(), "watching does not train");
        click(robot, "#startPauseButton");
        waitForState(TrainerState.PAUSED);
    }

    @Test
    void exportCsvWritesEveryEpisode(FxRobot robot) throws Exception {
        runAndPause(robot, 4);
        int n = episodes();
        dialogs.csv = dir.resolve("metrics");
        click(robot, "#exportCsvButton");
        Path csv = dir.resolve("metrics.csv");
        waitFor("the CSV", () -> Files.exists(csv)
                && vm().messageProperty().get().startsWith("Metrics written"));
        List<String> lines = Files.readAllLines(csv);
        assertTrue(lines.get(0).startsWith("episode"), lines.get(0));
        assertEquals(n + 1, lines.size());
    }

    @Test
    void checkpointsSaveAndLoad(FxRobot robot) throws Exception {
        for (int k = 1; k <= 3; k++) {
            int expected = k;
            click(robot, "#stepEpisodeButton");
            waitFor(k + " episodes", () -> episodes() == expected
                    && status().state() == TrainerState.PAUSED);
        }
        Path ckpt = dir.resolve("run.cplb"); // the extension is added when missing
        dialogs.checkpointSave = dir.resolve("run");
        click(robot, "#saveCheckpointButton");
        waitFor("the checkpoint", () -> !dialogs.errors.isEmpty() || Files.exists(ckpt)
                && vm().messageProperty().get().startsWith("Checkpoint saved"));
        assertEquals(List.of(), dialogs.errors);

        int saved = episodes();
        // A shorter run with another seed, then the checkpoint: the charts must show the
        // loaded run only, and the form its settings.
        robot.interact(() -> robot.lookup("#seedField")
                .queryAs(javafx.scene.control.TextField.class).setText("7"));
        click(robot, "#resetButton");
        waitFor("a fresh run", () -> episodes() == 0);
        click(robot, "#stepEpisodeButton");
        waitFor("one episode", () -> episodes() == 1);
        waitFor("the chart to show it", () -> chartedEpisodes() == 1);
        dialogs.checkpointLoad = ckpt;
        click(robot, "#loadCheckpointButton");
        waitFor("loaded", () -> !dialogs.errors.isEmpty()
                || vm().messageProperty().get().startsWith("Checkpoint loaded"));
        assertEquals(List.of(), dialogs.errors);
        waitFor("the loaded run", () -> episodes() == saved);
        waitFor("the form to show the checkpoint's seed", () -> "1".equals(robot
                .lookup("#seedField").queryAs(javafx.scene.control.TextField.class).getText()));
        waitForState(TrainerState.PAUSED); // a loaded checkpoint waits paused
        waitFor("the charts to show it", () -> chartedEpisodes() == saved
                && view.charts().reward().figure().title.endsWith("seed 1"));
        assertChartShowsTheTrainersRun(robot);
    }

    /**
     * Loading a checkpoint of the very same settings: only the history object tells the runs
     * apart, and the chart must show the loaded one (3 episodes), not the 6 trained since.
     */
    @Test
    void loadingACheckpointWithTheSameSettingsShowsItsHistory(FxRobot robot) throws Exception {
        for (int k = 1; k <= 3; k++) {
            int expected = k;
            click(robot, "#stepEpisodeButton");
            waitFor(k + " episodes", () -> episodes() == expected);
        }
        Path ckpt = dir.resolve("same.cplb");
        dialogs.checkpointSave = ckpt;
        click(robot, "#saveCheckpointButton");
        waitFor("the checkpoint", () -> Files.exists(ckpt)
                && vm().messageProperty().get().startsWith("Checkpoint saved"));
        for (int k = 4; k <= 6; k++) {
            int expected = k;
            click(robot, "#stepEpisodeButton");
            waitFor(k + " episodes", () -> episodes() == expected);
        }
        waitFor("the chart to show 6", () -> chartedEpisodes() == 6);
        dialogs.checkpointLoad = ckpt;
        click(robot, "#loadCheckpointButton");
        waitFor("loaded", () -> vm().messageProperty().get().startsWith("Checkpoint loaded"));
        waitFor("the loaded run's 3 episodes", () -> episodes() == 3);
        waitFor("the chart to show them", () -> chartedEpisodes() == 3);
        assertChartShowsTheTrainersRun(robot);
    }

    /**
     * Reset with another seed and version: at once (before the trainer has even replaced its
     * run) both charts are empty under the new title, and the next episodes are the new run's.
     */
    @Test
    void resetStartsBothChartsOverAtOnceWithTheNewSettings(FxRobot robot) {
        runAndPause(robot, 30);
        waitFor("the chart to show them", () -> chartedEpisodes() >= 30);
        robot.interact(() -> {
            robot.lookup("#seedField").queryAs(javafx.scene.control.TextField.class)
                    .setText("7");
            robot.lookup("#versionField")
                    .<javafx.scene.control.ComboBox<cartpolelab.env.CartPoleVersion>>query()
                    .setValue(cartpolelab.env.CartPoleVersion.V1);
        });
        robot.interact(() -> {
            robot.lookup("#resetButton").queryButton().fire();
            // same FX pulse as the click: nothing of the old run may be drawn
            assertEquals(0, view.charts().reward().figure().length());
            assertEquals(0, view.charts().training().figure().length());
            assertTrue(view.charts().reward().figure().title.contains("seed 7"));
            assertTrue(view.charts().reward().figure().title.startsWith("CartPole-v1"));
        });
        settle();
        assertEquals(0, chartedEpisodes(), "the old run never comes back");
        click(robot, "#stepEpisodeButton");
        waitFor("one episode of the new run", () -> episodes() == 1);
        waitFor("the chart to show it", () -> chartedEpisodes() == 1);
        assertChartShowsTheTrainersRun(robot);
    }

    @Test
    void aCheckpointThatCannotBeLoadedGivesADialogAndTheRunGoesOn(FxRobot robot)
            throws Exception {
        runAndPause(robot, 2);
        int before = episodes();
        Path bad = dir.resolve("bad.cplb");
        Files.writeString(bad, "not a checkpoint");
        dialogs.checkpointLoad = bad;
        click(robot, "#loadCheckpointButton");
        waitFor("the error dialog", () -> !dialogs.errors.isEmpty());
        assertTrue(dialogs.errors.get(0).startsWith("Could not load the checkpoint"),
                dialogs.errors.get(0));
        waitFor("the status line", () -> vm().messageProperty().get()
                .startsWith("Could not load the checkpoint"));
        assertEquals(before, vm().history().size(), "the run is untouched");
        click(robot, "#startPauseButton");
        waitFor("training to go on", () -> episodes() > before);
    }

    @Test
    void aCraftedCheckpointsTextIsShownEscapedAndCut(FxRobot robot) throws Exception {
        Path evil = dir.resolve("evil.cplb");
        Files.write(evil, cartpolelab.io.CraftedCheckpoints.withAlgorithmName(dir,
                "A2C\n\u001b[31m" + "X".repeat(60_000)));
        dialogs.checkpointLoad = evil;
        click(robot, "#loadCheckpointButton");
        waitFor("the error dialog", () -> !dialogs.errors.isEmpty());
        waitFor("the status line", () -> statusMessage(robot).startsWith("Could not load"));
        for (String shown : new String[] {dialogs.errors.get(0), statusMessage(robot)}) {
            assertTrue(shown.contains("unknown algorithm 'A2C\\n\\e[31mXXX"), shown);
            assertTrue(shown.chars().noneMatch(c -> c < 0x20), "no raw control: " + shown);
            assertTrue(shown.length() < 1200, "cut: " + shown.length() + " characters");
        }
    }

    private static String statusMessage(FxRobot robot) {
        String text = robot.lookup("#statusMessage").queryAs(Label.class).getText();
        return text == null ? "" : text;
    }

    @Test
    void closingTheWindowEndsTheTrainerThread(FxRobot robot) {
        click(robot, "#startPauseButton");
        waitFor("training", () -> episodes() >= 1);
        Set<Thread> started = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> !threadsBefore.contains(t) && t.getName().contains("rainer"))
                .collect(Collectors.toSet());
        assertFalse(started.isEmpty(), "the trainer thread is found by its name");
        assertTrue(started.stream().anyMatch(t -> t.getName().equals("cartpole-trainer")),
                started.toString());
        assertTrue(started.stream().allMatch(Thread::isDaemon),
                "trainer threads are daemons: they never keep the JVM alive");
        robot.interact(() -> stage.fireEvent(
                new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST)));
        // Closing does not join the thread on the FX thread; it ends shortly after.
        for (Thread t : started) {
            waitFor(t.getName() + " to end", () -> !t.isAlive());
        }
    }
}
