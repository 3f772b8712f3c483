package cartpolelab.ui.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cartpolelab.agent.Hyperparameters;
import cartpolelab.train.CellState;
import cartpolelab.train.Experiment;
import cartpolelab.train.Trainer;
import cartpolelab.ui.CartPoleLabApp;
import cartpolelab.ui.MainView;
import cartpolelab.ui.TestDialogs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Compare window: a grid runs, its tables and charts fill, a run opens in the main one. */
@ExtendWith(ApplicationExtension.class)
class CompareWindowTest {

    private static final Hyperparameters SETTINGS = Hyperparameters.DEFAULTS.withHiddenSize(16)
            .withEpisodes(60);

    @TempDir
    Path dir;
    private final TestDialogs dialogs = new TestDialogs();
    private MainView view;

    @Start
    void start(Stage stage) {
        view = CartPoleLabApp.open(stage, SETTINGS, Trainer::new, dialogs, dialogs, () -> { });
    }

    @AfterEach
    void tearDown() throws Exception {
        WaitForAsyncUtils.asyncFx(view::shutdown).get(10, TimeUnit.SECONDS);
    }

    private static void waitFor(String what, Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition);
        } catch (TimeoutException e) {
            throw new AssertionError("timed out waiting for " + what, e);
        }
    }

    private CompareView compare(FxRobot robot) {
        robot.clickOn("#compareButton");
        waitFor("the Compare window", () -> robot.lookup("#compareView").tryQuery().isPresent());
        return robot.lookup("#compareView").queryAs(CompareView.class);
    }

    @Test
    void aGridRunsFillsTheTablesAndChartsAndARunOpensInTheMainWindow(FxRobot robot)
            throws Exception {
        CompareView c = compare(robot);
        robot.interact(() -> {
            robot.lookup("#compareREINFORCE").queryAs(CheckBox.class).setSelected(false);
            robot.lookup("#compareSeeds").queryAs(TextField.class).setText("3,7");
        });
        robot.clickOn("#compareStart");
        Experiment e = c.experiment();
        assertEquals(4, e.cells().size(), "2 algorithms × 2 seeds");
        waitFor("every run finished and charted", () -> c.data() != null
                && c.data().lines().stream().allMatch(l -> l.state() == CellState.FINISHED
                && l.episodes() == 60));
        // the tables fill on a later frame than the data: wait for them too
        waitFor("four runs and two groups in the tables",
                () -> c.tables().runTable().getItems().size() == 4
                        && c.tables().groupTable().getItems().size() == 2);
        // sorting by a shown figure sorts by its value, not by its text
        robot.interact(() -> {
            var table = c.tables().runTable();
            var finalMa = table.getColumns().stream()
                    .filter(col -> col.getText().equals("Final MA50")).findFirst().orElseThrow();
            table.getSortOrder().setAll(java.util.List.of(finalMa));
        });
        var sorted = c.tables().runTable().getItems();
        for (int i = 1; i < sorted.size(); i++) {
            assertTrue(sorted.get(i - 1).finalMa50() <= sorted.get(i).finalMa50(),
                    sorted.toString());
        }
        assertEquals(60, c.rewardChart().figure().length(), "the chart runs to episode 60");
        String sooner = robot.lookup("#compareSooner").queryAs(Label.class).getText();
        assertTrue(sooner.startsWith("P(solves sooner)"), sooner);
        waitFor("Start again", () -> !robot.lookup("#compareStart").queryButton().isDisabled());
        assertTrue(robot.lookup("#compareProgress").queryAs(Label.class).getText()
                .startsWith("4/4 runs done"));

        dialogs.csv = dir.resolve("runs.csv");
        robot.clickOn("#compareExportCsv");
        waitFor("the tidy CSV", () -> Files.exists(dialogs.csv) || !dialogs.errors.isEmpty());
        assertEquals(java.util.List.of(), dialogs.errors);
        assertEquals(1 + 4 * 60, Files.readAllLines(dialogs.csv).size());
        dialogs.plots = dir.resolve("charts.png");
        robot.clickOn("#compareSaveCharts");
        waitFor("the charts", () -> Files.exists(dir.resolve("charts.png")));
        assertTrue(javax.imageio.ImageIO.read(dir.resolve("charts.png").toFile())
                .getWidth() > 1000);

        // a double-click on the seed-7 A2C run opens it in the main window, paused
        int row = 0;
        for (int i = 0; i < 4; i++) {
            if (c.tables().runTable().getItems().get(i).id().equals("a2c-s7")) {
                row = i;
            }
        }
        int index = row;
        TableRow<?> target = robot.lookup(".table-row-cell").queryAllAs(TableRow.class)
                .stream().filter(r -> r.getTableView() == c.tables().runTable()
                        && r.getIndex() == index).findFirst().orElseThrow();
        robot.doubleClickOn(target);
        waitFor("the run in the main window", () -> view.viewModel().history().size() == 60
                && view.viewModel().runSettingsProperty().get().seed() == 7);
        assertEquals(e.history(e.cells().stream().filter(x -> x.runId().equals("a2c-s7"))
                .findFirst().orElseThrow().index()).rewards()[59],
                view.viewModel().history().rewards()[59], 0);
    }

    @Test
    void aBadGridSaysWhatIsWrongAndStartsNothing(FxRobot robot) {
        CompareView c = compare(robot);
        robot.interact(() -> robot.lookup("#compareSeeds").queryAs(TextField.class)
                .setText("x"));
        robot.clickOn("#compareStart");
        Label error = robot.lookup("#compareError").queryAs(Label.class);
        assertTrue(error.isVisible());
        assertTrue(error.getText().startsWith("Seeds x is neither a count nor a list"),
                error.getText());
        assertNull(c.experiment());
        robot.interact(() -> {
            robot.lookup("#compareSeeds").queryAs(TextField.class).setText("2");
            robot.lookup("#compareSweep").queryAs(TextField.class).setText("lr=abc");
        });
        robot.clickOn("#compareStart");
        assertTrue(error.getText().startsWith("Sweep: "), error.getText());
        assertNull(c.experiment());
        assertFalse(robot.lookup("#compareStart").queryButton().isDisabled());
    }
}
