package cartpolelab.ui;

import static cartpolelab.ui.Waits.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cartpolelab.agent.Hyperparameters;
import cartpolelab.library.RunLibrary;
import cartpolelab.library.StoredRun;
import cartpolelab.train.RecordedEpisode;
import cartpolelab.train.Speed;
import cartpolelab.train.TrainerState;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A run trained in the window keeps its milestone episodes in the run library; opened again
 * from the Runs view (from its checkpoint after episode 500), those up to its checkpoint are
 * the recorder's again and the replay bar plays them as it does a live run's.
 */
@ExtendWith(ApplicationExtension.class)
class MilestoneReplayTest {

    @TempDir
    static Path dir;

    private final TestDialogs dialogs = new TestDialogs();
    private MainView view;
    private Path file;

    @Start
    void start(Stage stage) {
        file = dir.resolve("runs-" + System.nanoTime() + ".db");
        view = CartPoleLabApp.open(stage, Hyperparameters.DEFAULTS.withHiddenSize(16)
                .withEpisodes(AppRecorder.CHECKPOINT_EVERY + 20), cartpolelab.train.Trainer::new,
                dialogs, dialogs, () -> { });
        view.viewModel().speedProperty().set(Speed.MAXIMUM);
        view.openLibrary(file);
    }

    @AfterEach
    void tearDown() throws Exception {
        WaitForAsyncUtils.asyncFx(view::shutdown).get(60, TimeUnit.SECONDS);
    }

    private String line(FxRobot robot) {
        return robot.lookup("#replayText").queryAs(Label.class).getText();
    }

    @SuppressWarnings("unchecked")
    @Test
    void milestonesOfAnAppRunAreReplayableWhenItIsOpenedFromTheRunsView(FxRobot robot)
            throws Exception {
        waitFor("the library to open", () -> view.library.recorder() != null);
        TrainingViewModel vm = view.viewModel();
        robot.clickOn("#startPauseButton");
        waitFor("FINISHED", () -> vm.statusProperty().get().state() == TrainerState.FINISHED);
        // the periodic checkpoint: taken at the first frame after episode 500
        java.util.concurrent.atomic.AtomicInteger stored = new java.util.concurrent.atomic
                .AtomicInteger();
        waitFor("the run and its checkpoint stored", () -> {
            try (RunLibrary lib = RunLibrary.open(file)) {
                List<StoredRun> runs = lib.reader().runs();
                var c = runs.size() != 1 ? null : lib.reader().latestCheckpoint(runs.get(0).id());
                stored.set(c == null ? 0 : c.episode());
                return c != null;
            }
        });
        int checkpoint = stored.get();
        List<Integer> expected = WaitForAsyncUtils.asyncFx(() -> List.copyOf(vm.run().recorder()
                .milestones().headMap(checkpoint, true).keySet())).get();
        assertTrue(expected.size() >= 2 && expected.get(0) == 1, expected.toString());
        waitFor("its milestones stored", () -> {
            try (RunLibrary lib = RunLibrary.open(file)) {
                return lib.reader().milestones(lib.reader().runs().get(0).id()).stream()
                        .filter(m -> m.episode() <= checkpoint).count() == expected.size();
            }
        });

        robot.clickOn("#viewMenu").clickOn("#runsItem");
        TableView<StoredRun> table = robot.lookup("#runsTable").queryAs(TableView.class);
        waitFor("the run listed", () -> table.getItems().size() == 1);
        robot.interact(() -> table.getSelectionModel().select(0));
        robot.interact(() -> robot.lookup("#runsOpen").queryButton().fire());
        waitFor("the run opened with its milestones", () -> WaitForAsyncUtils.asyncFx(() ->
                vm.history().size() == checkpoint && vm.run().recorder() != null
                && List.copyOf(vm.run().recorder().milestones().keySet()).equals(expected))
                .get());
        assertTrue(dialogs.errors.isEmpty(), dialogs.errors.toString());

        // the replay bar plays the newest milestone, then steps back to the one before it
        int last = expected.get(expected.size() - 1);
        int before = expected.get(expected.size() - 2);
        waitFor("the opened run in the replay bar", () -> {
            robot.interact(() -> robot.lookup("#replayPlay").queryButton().fire());
            return line(robot).startsWith(String.format(java.util.Locale.ROOT,
                    "latest episode %,d \u00b7 frame ", last));
        });
        robot.interact(() -> robot.lookup("#replayPrevious").queryButton().fire());
        waitFor("the milestone before it", () -> line(robot).startsWith(String.format(
                java.util.Locale.ROOT, "episode %,d \u00b7 frame 0/", before)));
        RecordedEpisode shown = WaitForAsyncUtils.asyncFx(() -> vm.run().recorder()
                .recordings().get(before)).get();
        assertEquals(before, shown.episode());
    }
}
