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
        WaitForAsyncUtils.asyncFx(view::shutdown).get(60, TimeUnit.SECONDS);
    }

    private static void waitFor(String what, Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition);
        } catch (TimeoutException e) {
            throw new AssertionError("timed out waiting for " + what, e);
        }
    }

    /** A value read on the FX thread, which owns it. */
    private static <T> T onFx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(60, TimeUnit.SECONDS);
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
        // beside the main window, not owned by it: an owned window stays on top of its owner
        assertNull(((Stage) c.getScene().getWindow()).getOwner());
        robot.interact(() -> {
            robot.lookup("#compareREINFORCE").queryAs(CheckBox.class).setSelected(false);
            robot.lookup("#compareSeeds").queryAs(TextField.class).setText("3,7");
        });
        robot.clickOn("#compareStart");
        waitFor("the experiment", () -> c.experiment() != null);
        Experiment e = c.experiment();
        assertEquals(4, e.cells().size(), "2 algorithms × 2 seeds");
        waitFor("every run finished and charted", () -> c.data() != null
                && c.data().lines().stream().allMatch(l -> l.state() == CellState.FINISHED
                && l.episodes() == 60));
        // the tables, charts and labels fill a frame after the data: wait for each
        waitFor("4 rows in the run table", () -> onFx(() ->
                c.tables().runTable().getItems().size()) == 4);
        waitFor("2 rows in the group table", () -> onFx(() ->
                c.tables().groupTable().getItems().size()) == 2);
        // sorting by a shown figure sorts by its value, not by its text
        robot.interact(() -> {
            var table = c.tables().runTable();
            var finalMa = table.getColumns().stream()
                    .filter(col -> col.getText().equals("Final MA50")).findFirst().orElseThrow();
            table.getSortOrder().setAll(java.util.List.of(finalMa));
        });
        var sorted = onFx(() -> java.util.List.copyOf(c.tables().runTable().getItems()));
        for (int i = 1; i < sorted.size(); i++) {
            assertTrue(sorted.get(i - 1).finalMa50() <= sorted.get(i).finalMa50(),
                    sorted.toString());
        }
        waitFor("the chart to run to episode 60", () -> onFx(() ->
                c.rewardChart().figure().length()) == 60);
        Label sooner = robot.lookup("#compareSooner").queryAs(Label.class);
        waitFor("P(solves sooner)", () -> onFx(() -> String.valueOf(sooner.getText()))
                .startsWith("P(solves sooner)"));
        waitFor("Start again", () -> !robot.lookup("#compareStart").queryButton().isDisabled());
        Label progress = robot.lookup("#compareProgress").queryAs(Label.class);
        waitFor("4/4 runs done", () -> onFx(() -> String.valueOf(progress.getText()))
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
        // the variance chart shown: Save charts writes it, and its data as CSV beside it
        robot.clickOn("#compareShowVariance");
        dialogs.plots = dir.resolve("variance.svg");
        robot.clickOn("#compareSaveCharts");
        waitFor("the variance chart and its CSV", () -> Files.exists(dir.resolve("variance.csv"))
                || !dialogs.errors.isEmpty());
        assertEquals(java.util.List.of(), dialogs.errors);
        assertTrue(Files.readString(dir.resolve("variance.svg"))
                .contains("Gradient variance, median of each group"));
        assertEquals("group,episode,gradvar/reinforce,gradvar/baseline,gradvar/td",
                Files.readAllLines(dir.resolve("variance.csv")).get(0));

        // a double-click on the seed-7 A2C run opens it in the main window, paused
        int row = 0;
        for (int i = 0; i < 4; i++) {
            if (sorted.get(i).id().equals("a2c-s7")) {
                row = i;
            }
        }
        int index = row;
        waitFor("the row's cell", () -> robot.lookup(".table-row-cell")
                .queryAllAs(TableRow.class).stream().anyMatch(r -> r.getTableView()
                        == c.tables().runTable() && r.getIndex() == index));
        TableRow<?> target = robot.lookup(".table-row-cell").queryAllAs(TableRow.class)
                .stream().filter(r -> r.getTableView() == c.tables().runTable()
                        && r.getIndex() == index).findFirst().orElseThrow();
        // a double-click as the row receives it: the robot's two clicks can be further apart
        // than the platform's double-click time on a loaded machine, and then are two clicks
        robot.interact(() -> javafx.event.Event.fireEvent(target, new javafx.scene.input
                .MouseEvent(javafx.scene.input.MouseEvent.MOUSE_CLICKED, 5, 5, 5, 5,
                javafx.scene.input.MouseButton.PRIMARY, 2, false, false, false, false, true,
                false, false, true, false, true, null)));
        waitFor("the run in the main window", () -> view.viewModel().history().size() == 60
                && view.viewModel().runSettingsProperty().get().seed() == 7);
        assertEquals(e.history(e.cells().stream().filter(x -> x.runId().equals("a2c-s7"))
                .findFirst().orElseThrow().index()).rewards()[59],
                view.viewModel().history().rewards()[59], 0);
    }

    @Test
    void aBadGridIsCheckedAsYouTypeEveryProblemAtOnceAndStartWaits(FxRobot robot) {
        CompareView c = compare(robot);
        Label error = robot.lookup("#compareError").queryAs(Label.class);
        TextField seeds = robot.lookup("#compareSeeds").queryAs(TextField.class);
        TextField sweep = robot.lookup("#compareSweep").queryAs(TextField.class);
        assertFalse(error.isVisible());
        // typed, not set: each key is checked, no Start needed
        robot.clickOn(seeds).eraseText(seeds.getText().length()).write("x");
        robot.clickOn(sweep).write("lr=5");
        waitFor("both problems", () -> error.isVisible()
                && error.getText().split("\n").length == 2);
        String[] lines = error.getText().split("\n");
        assertTrue(lines[0].startsWith("Seeds x is neither a count nor a list"), lines[0]);
        assertTrue(lines[1].startsWith("Sweep: value 5 of lr is out of range"), lines[1]);
        assertTrue(seeds.getPseudoClassStates().stream()
                .anyMatch(p -> p.getPseudoClassName().equals("invalid")), "seeds marked");
        assertTrue(robot.lookup("#compareStart").queryButton().isDisabled(),
                "Start waits for a grid that can run");
        assertNull(c.experiment());
        robot.interact(() -> {
            seeds.setText("2");
            sweep.setText("");
        });
        waitFor("all fixed", () -> !error.isVisible()
                && !robot.lookup("#compareStart").queryButton().isDisabled());
        assertFalse(seeds.getPseudoClassStates().stream()
                .anyMatch(p -> p.getPseudoClassName().equals("invalid")));
    }

    @Test
    void theProgressLineNeverSaysDoneWhileTheChartAndRowsAreBehindIt(FxRobot robot) {
        CompareView c = compare(robot);
        robot.interact(() -> {
            robot.lookup("#compareSeeds").queryAs(TextField.class).setText("2");
            robot.lookup("#compareVariance").queryAs(CheckBox.class).setSelected(false);
        });
        Label progress = robot.lookup("#compareProgress").queryAs(Label.class);
        java.util.List<String> wrong = new java.util.concurrent.CopyOnWriteArrayList<>();
        // every frame: a line saying all runs are done, with nothing more to come, must come
        // with the chart at the last episode, no row running and Pause and Stop disabled
        javafx.animation.AnimationTimer watch = new javafx.animation.AnimationTimer() {
            @Override
            public void handle(long now) {
                String text = progress.getText();
                if (text != null && text.startsWith("6/6 runs done")
                        && !text.contains("computing")) {
                    boolean behind = c.data() == null
                            || c.rewardChart().figure().length() != 60
                            || c.data().lines().stream().anyMatch(l -> l.state()
                            == CellState.RUNNING)
                            || !robot.lookup("#comparePause").queryButton().isDisabled()
                            || !robot.lookup("#compareStop").queryButton().isDisabled();
                    if (behind) {
                        wrong.add(text);
                    }
                }
            }
        };
        robot.interact(watch::start);
        robot.clickOn("#compareStart");
        waitFor("Start again", () -> c.experiment() != null
                && !robot.lookup("#compareStart").queryButton().isDisabled());
        robot.interact(watch::stop);
        assertEquals(java.util.List.of(), wrong.stream().distinct().toList());
        assertTrue(progress.getText().startsWith("6/6 runs done"), progress.getText());
    }

    @Test
    void inAHalfScreenWindowTheControlsWrapInsteadOfShrinkingToDots(FxRobot robot) {
        CompareView c = compare(robot);
        robot.interact(() -> {
            Stage w = (Stage) c.getScene().getWindow();
            w.setWidth(900);
            w.setHeight(700);
        });
        for (String id : new String[] {"#compareStart", "#comparePause", "#compareStop",
            "#compareSaveCharts", "#compareExportCsv", "#compareSummaryCsv"}) {
            javafx.scene.control.Button b = robot.lookup(id).queryButton();
            waitFor(id + " at its whole width", () -> onFx(() -> b.getWidth() > 0
                    && b.getWidth() >= b.prefWidth(-1) - 0.5
                    && b.localToScene(b.getBoundsInLocal()).getMaxX()
                            <= c.getScene().getWidth() + 0.5));
        }
    }
}
