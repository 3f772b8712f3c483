package cartpolelab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cartpolelab.agent.Hyperparameters;
import cartpolelab.cli.Cli;
import cartpolelab.library.RunLibrary;
import cartpolelab.library.StoredRun;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
 * The Runs window over a library of three runs: they are listed, filtered, deleted and
 * brought back, and one is opened in the main window; the window's own training is recorded.
 */
@ExtendWith(ApplicationExtension.class)
class RunsWindowTest {

    @TempDir
    static Path dir;

    private final TestDialogs dialogs = new TestDialogs();
    private MainView view;
    private Path file;

    @Start
    void start(Stage stage) {
        file = dir.resolve("runs-" + System.nanoTime() + ".db");
        for (String[] run : new String[][] {{"a2c", "1"}, {"a2c", "2"}, {"reinforce", "1"}}) {
            int code = Cli.run(new PrintWriter(new StringWriter()), new PrintWriter(
                    new StringWriter()), "train", "--algorithm", run[0], "--seed", run[1],
                    "--episodes", "60", "--hidden", "16", "--library", file.toString(),
                    "--quiet");
            assertEquals(0, code);
        }
        view = CartPoleLabApp.open(stage, Hyperparameters.DEFAULTS.withHiddenSize(16)
                .withEpisodes(100_000), cartpolelab.train.Trainer::new, dialogs, dialogs,
                () -> { });
        view.openLibrary(file);
    }

    @AfterEach
    void tearDown() throws Exception {
        WaitForAsyncUtils.asyncFx(view::shutdown).get(60, TimeUnit.SECONDS);
    }

    @SuppressWarnings("unchecked")
    @Test
    void listFilterDeleteUndoOpenAndRecord(FxRobot robot) throws Exception {
        Waits.waitFor("the library to open", () -> view.library.recorder() != null);
        robot.clickOn("#viewMenu").clickOn("#runsItem");
        TableView<StoredRun> table = robot.lookup("#runsTable").queryAs(TableView.class);
        Waits.waitFor("three runs listed", () -> table.getItems().size() == 3);

        robot.interact(() -> view.library.runsWindow().filter.setText("reinforce"));
        assertEquals(1, table.getItems().size());
        assertEquals("reinforce v0 s1", table.getItems().get(0).name());
        robot.interact(() -> view.library.runsWindow().filter.setText(""));

        robot.interact(() -> table.getSelectionModel().select(0));
        robot.interact(() -> robot.lookup("#runsDelete").queryButton().fire());
        assertTrue(dialogs.questions.get(0).startsWith("Delete runs: Delete run "),
                dialogs.questions.toString());
        Waits.waitFor("two runs left", () -> table.getItems().size() == 2);
        robot.interact(() -> robot.lookup("#runsUndo").queryButton().fire());
        Waits.waitFor("the run back", () -> table.getItems().size() == 3);

        // open run 2 (a2c, seed 2): its 60 episodes in the charts, its networks loaded
        robot.interact(() -> table.getSelectionModel().clearSelection());
        robot.interact(() -> table.getItems().stream().filter(r -> r.id() == 2).findFirst()
                .ifPresent(r -> table.getSelectionModel().select(r)));
        robot.interact(() -> robot.lookup("#runsOpen").queryButton().fire());
        // the history and the run's settings reach the window on separate pulses: wait for both
        Waits.waitFor("run 2 opened", () -> view.library.recorder() != null
                && WaitForAsyncUtils.asyncFx(() -> view.viewModel().history().size()).get() == 60
                && WaitForAsyncUtils.asyncFx(() -> view.viewModel().runSettingsProperty().get()
                        .seed()).get() == 2L);
        assertTrue(dialogs.errors.isEmpty(), dialogs.errors.toString());

        // training on in the window (a bigger budget, as typed in Episodes): recorded as a new
        // run of the app, from episode 1
        TrainingViewModel vm = view.viewModel();
        robot.interact(() -> vm.settingsProperty().set(vm.runSettingsProperty().get()
                .withEpisodes(200)));
        Waits.waitFor("the new budget", () -> WaitForAsyncUtils.asyncFx(
                () -> vm.runSettingsProperty().get().episodes()).get() == 200);
        Waits.waitFor("training on", () -> {
            robot.interact(() -> {
                if (vm.statusProperty().get().state() != cartpolelab.train.TrainerState.RUNNING
                        && vm.history().size() == 60) {
                    vm.toggleStartPause();
                }
            });
            return vm.history().size() > 60;
        });
        Waits.waitFor("the app's run in the library", () -> {
            try (RunLibrary lib = RunLibrary.open(file)) {
                List<StoredRun> runs = lib.reader().runs();
                return runs.size() == 4 && runs.get(3).source().equals("app")
                        && runs.get(3).episodes() == 200
                        && runs.get(3).hyperparameters().seed() == 2;
            }
        });
    }

    /**
     * A stored experiment opened from the Runs window in the Compare view: the statistics of
     * a fresh grid, the same summary CSV {@code compare} wrote when it trained it.
     */
    @SuppressWarnings("unchecked")
    @Test
    void compareOpensAStoredExperimentWithTheStatisticsOfAFreshGrid(FxRobot robot)
            throws Exception {
        Path summary = dir.resolve("summary-" + System.nanoTime() + ".csv");
        assertEquals(0, Cli.run(new PrintWriter(new StringWriter()), new PrintWriter(
                new StringWriter()), "compare", "--algorithms", "a2c,reinforce", "--seeds", "2",
                "--episodes", "60", "--hidden", "16", "--threads", "2", "--library",
                file.toString(), "--summary", summary.toString(), "--quiet"));
        Waits.waitFor("the library to open", () -> view.library.recorder() != null);
        robot.clickOn("#viewMenu").clickOn("#runsItem");
        TableView<StoredRun> table = robot.lookup("#runsTable").queryAs(TableView.class);
        Waits.waitFor("seven runs listed", () -> table.getItems().size() == 7);
        // one run of the experiment selected: Compare shows the whole experiment
        robot.interact(() -> table.getItems().stream().filter(r -> r.experimentId() != null)
                .findFirst().ifPresent(r -> table.getSelectionModel().select(r)));
        robot.interact(() -> robot.lookup("#runsCompare").queryButton().fire());
        Waits.waitFor("the experiment in the Compare view", () -> view.compareWindow() != null
                && WaitForAsyncUtils.asyncFx(() -> view.compareWindow().view().results())
                .get() != null);
        var results = WaitForAsyncUtils.asyncFx(() -> view.compareWindow().view().results())
                .get();
        assertEquals(4, results.runs().size());
        Path again = dir.resolve("again-" + System.nanoTime() + ".csv");
        cartpolelab.io.ExperimentCsv.writeSummary(again, results);
        assertEquals(java.nio.file.Files.readString(summary),
                java.nio.file.Files.readString(again));
        assertTrue(dialogs.errors.isEmpty(), dialogs.errors.toString());
    }

    /**
     * An experiment of the Compare window is recorded as {@code compare} records one; View ▸
     * Open run library… switches to another file, whose Runs window lists its runs.
     */
    @SuppressWarnings("unchecked")
    @Test
    void theCompareWindowsExperimentIsRecordedAndAnotherLibraryOpens(FxRobot robot)
            throws Exception {
        Waits.waitFor("the library to open", () -> view.library.recorder() != null);
        TrainingViewModel vm = view.viewModel();
        robot.interact(() -> vm.settingsProperty().set(vm.settingsProperty().get()
                .withEpisodes(40)));
        robot.clickOn("#compareButton");
        Waits.waitFor("the Compare window", () -> robot.lookup("#compareView").tryQuery()
                .isPresent());
        robot.interact(() -> {
            robot.lookup("#compareREINFORCE").queryAs(javafx.scene.control.CheckBox.class)
                    .setSelected(false);
            robot.lookup("#compareSeeds").queryAs(javafx.scene.control.TextField.class)
                    .setText("4,");
        });
        robot.interact(() -> robot.lookup("#compareStart").queryButton().fire());
        Waits.waitFor("the experiment recorded, its runs finished", () -> {
            try (RunLibrary lib = RunLibrary.open(file)) {
                List<StoredRun> runs = lib.reader().runs().stream()
                        .filter(r -> r.experimentId() != null).toList();
                return runs.size() == 2 && runs.stream().allMatch(r -> r.episodes() == 40
                        && r.state().equals("finished"))
                        && lib.reader().experiment(runs.get(0).experimentId()).name()
                        .startsWith("compare window");
            }
        });

        Path other = dir.resolve("other-" + System.nanoTime() + ".db");
        dialogs.library = other;
        robot.clickOn("#viewMenu").clickOn("#openLibraryItem");
        Waits.waitFor("the other library's Runs window", () -> WaitForAsyncUtils.asyncFx(() ->
                view.library.runsWindow() != null && view.library.runsWindow().stage()
                        .getTitle().contains(other.getFileName().toString())).get());
        TableView<StoredRun> table = WaitForAsyncUtils.asyncFx(() ->
                view.library.runsWindow().table).get();
        Waits.waitFor("its status says it is empty", () -> WaitForAsyncUtils.asyncFx(() ->
                view.library.runsWindow().status.getText()).get().startsWith("0 runs"));
        assertEquals(0, table.getItems().size());
        assertTrue(dialogs.errors.isEmpty(), dialogs.errors.toString());
    }
}
