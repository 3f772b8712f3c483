package cartpolelab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cartpolelab.agent.Hyperparameters;
import cartpolelab.ui.chart.PlotCanvas;
import cartpolelab.ui.settings.SettingsPane;
import cartpolelab.ui.settings.SettingsTable;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.GridPane;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window over a scripted trainer: validation, shortcuts in text fields, plot saving,
 * failures and closing, where the test must decide what the trainer does.
 */
@ExtendWith(ApplicationExtension.class)
class WindowBehaviourTest {

    private final TestDialogs dialogs = new TestDialogs();
    private final AtomicBoolean exited = new AtomicBoolean();
    private ScriptedTrainer trainer;
    private MainView view;
    private Stage stage;

    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        view = CartPoleLabApp.open(stage, Hyperparameters.DEFAULTS, hp -> {
            trainer = new ScriptedTrainer(hp);
            return trainer;
        }, dialogs, dialogs, () -> exited.set(true));
    }

    @AfterEach
    void tearDown() throws Exception {
        WaitForAsyncUtils.asyncFx(view::shutdown).get(60, TimeUnit.SECONDS);
    }

    private static void waitFor(String what, java.util.concurrent.Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("timed out waiting for " + what, e);
        }
    }

    @Test
    void invalidSettingsMarkTheFieldDisableStartAndFixingReEnablesIt(FxRobot robot) {
        Button start = robot.lookup("#startPauseButton").queryButton();
        TextField lr = robot.lookup("#learningRateField").queryAs(TextField.class);
        assertFalse(start.isDisabled());

        robot.interact(() -> lr.setText("abc"));
        assertTrue(start.isDisabled(), "Start is disabled while a field is invalid");
        assertTrue(lr.getStyleClass().contains("invalid"));
        Label error = robot.lookup("#learningRateFieldError").queryAs(Label.class);
        assertTrue(error.isVisible());
        assertEquals("Learning rate: 'abc' is not a number; use a value in (0, 1]",
                error.getText());
        assertTrue(robot.lookup("#settingsInvalidNote").queryAs(Label.class).isVisible());

        robot.interact(() -> lr.setText("2"));
        assertTrue(start.isDisabled());
        assertTrue(error.getText().contains("(0, 1]"), error.getText());

        robot.interact(() -> lr.setText("0.001"));
        assertFalse(start.isDisabled(), "fixing the value re-enables Start");
        assertFalse(error.isVisible());
        assertFalse(lr.getStyleClass().contains("invalid"));
        assertFalse(robot.lookup("#settingsInvalidNote").queryAs(Label.class).isVisible());

        TextField hidden = robot.lookup("#hiddenSizeField").queryAs(TextField.class);
        robot.interact(() -> hidden.setText("0"));
        assertTrue(start.isDisabled());
        robot.type(KeyCode.SPACE); // must not start anything, the field has no focus issue
        assertEquals(List.of(), trainer.commands.stream()
                .filter(c -> c.equals("start")).toList());
    }

    @Test
    void typingInATextFieldTypesInsteadOfTriggeringShortcuts(FxRobot robot) {
        robot.clickOn("#seedField");
        robot.interact(() -> robot.lookup("#seedField").queryAs(TextField.class).setText(""));
        robot.type(KeyCode.DIGIT4, KeyCode.SPACE, KeyCode.N, KeyCode.F, KeyCode.R);
        // letters type into the field; Space never does (no setting holds a blank)
        assertEquals("4nfr", robot.lookup("#seedField").queryAs(TextField.class).getText());
        assertFalse(trainer.commands.contains("start"));
        assertFalse(trainer.commands.contains("stepEpisode"));
        assertFalse(trainer.commands.contains("stepFrame"));
        assertFalse(trainer.commands.contains("reset"));
        Label error = robot.lookup("#seedFieldError").queryAs(Label.class);
        assertTrue(error.getText().startsWith("Seed: '4nfr' is not a whole number"));
    }

    @Test
    void changedSettingsDuringARunAskForAReset(FxRobot robot) {
        robot.clickOn("#startPauseButton");
        waitFor("running", () -> trainer.commands.contains("start"));
        Label note = robot.lookup("#settingsResetNote").queryAs(Label.class);
        assertFalse(note.isVisible());
        robot.interact(() -> robot.lookup("#hiddenSizeField").queryAs(TextField.class)
                .setText("64"));
        assertTrue(note.isVisible());
        assertTrue(robot.lookup("#resetButton").queryButton().getStyleClass()
                .contains("attention"));
        robot.clickOn("#resetButton");
        assertEquals(64, trainer.hyperparameters().hiddenSize());
        assertFalse(note.isVisible());
    }

    /**
     * The trainer replaces its run on its own thread, a moment after Reset. Until it has, it
     * still answers with the old run's settings: the charts and the form must not go back to
     * them (this raced on CI: the title showed the old seed).
     */
    @Test
    void aResetTheTrainerHasNotDoneYetShowsTheNewSettingsNotTheOldRunsAgain(FxRobot robot) {
        robot.interact(() -> trainer.addEpisodes(30, i -> 20 + i));
        robot.clickOn("#stepEpisodeButton");
        waitFor("the chart to show the run", () -> view.charts().reward().figure().length() == 31);
        trainer.deferResets();
        robot.interact(() -> robot.lookup("#seedField").queryAs(TextField.class).setText("7"));
        robot.interact(() -> robot.lookup("#resetButton").queryButton().fire());
        WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS); // many pulls, trainer still old
        robot.interact(() -> { });
        assertEquals(1L, trainer.hyperparameters().seed(), "the reset is still pending");
        assertTrue(view.charts().reward().figure().title.contains("seed 7"),
                view.charts().reward().figure().title);
        assertEquals(0, view.charts().reward().figure().length());
        assertEquals(7L, view.viewModel().shownSettingsProperty().get().seed());

        trainer.finishReset();
        WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);
        robot.interact(() -> { });
        assertTrue(view.charts().reward().figure().title.contains("seed 7"));
        assertEquals(7L, view.viewModel().runSettingsProperty().get().seed());
        robot.clickOn("#stepEpisodeButton");
        waitFor("the new run's episode", () -> view.charts().reward().figure().length() == 1);
    }

    /**
     * The gradient-variance chart: hidden behind the losses until chosen, then the three
     * estimators' variances on a log axis, each held from its measurement to the next, with
     * the readout in the measured units; "no measurement yet" until the first one.
     */
    @Test
    void theVarianceChartShowsTheMeasurementsOnALogAxis(FxRobot robot) {
        PlotCanvas variance = view.charts().variance();
        assertFalse(variance.isVisible(), "the losses show first");
        robot.clickOn("#showVarianceChart");
        assertTrue(variance.isVisible());
        assertFalse(view.charts().training().isVisible());
        robot.interact(() -> trainer.addEpisodes(10, i -> 20));
        robot.clickOn("#stepEpisodeButton");
        waitFor("11 episodes charted", () -> variance.figure().length() == 11);
        cartpolelab.plot.Panel p = variance.figure().panels().get(0);
        assertEquals(cartpolelab.plot.RunFigures.NO_MEASUREMENT, p.note());
        robot.interact(() -> trainer.addEpisodes(300, i -> 20));
        robot.clickOn("#stepEpisodeButton");
        waitFor("the measurements", () -> variance.figure().length() == 312
                && p.note() == null);
        var g = trainer.gradientVariance();
        int m = g.size() - 1;
        int at = g.episode(m);
        assertEquals(Math.log10(g.reinforce(m)), p.series().get(0).valueAt(at - 1), 1e-12);
        assertEquals(Math.log10(g.td(m)), p.series().get(2).valueAt(at + 1), 1e-12,
                "held until the next measurement");
        assertTrue(Double.isNaN(p.series().get(1).valueAt(g.episode(0) - 2)),
                "nothing before the first measurement");
        @SuppressWarnings("unchecked")
        javafx.scene.control.ChoiceBox<Integer> every = robot.lookup("#varianceEvery")
                .queryAs(javafx.scene.control.ChoiceBox.class);
        @SuppressWarnings("unchecked")
        javafx.scene.control.ChoiceBox<Integer> samples = robot.lookup("#varianceSamples")
                .queryAs(javafx.scene.control.ChoiceBox.class);
        assertTrue(every.getParent().isVisible(), "how often shows with the chart");
        robot.interact(() -> every.setValue(50));
        robot.interact(() -> samples.setValue(16));
        assertTrue(trainer.commands.contains("measure 50/16"), trainer.commands.toString());
        robot.interact(() -> every.setValue(0));
        assertEquals("measure off", trainer.commands.get(trainer.commands.size() - 1));
        assertTrue(samples.isDisabled());
        robot.clickOn("#showLossesChart");
        assertTrue(view.charts().training().isVisible());
        assertFalse(every.getParent().isVisible(), "and goes with it");
    }

    @Test
    void savePlotsWritesADecodablePngOfTheChartWithItsSeriesColours(FxRobot robot)
            throws Exception {
        trainer.addEpisodes(300, i -> 10 + i * 0.6);
        Path file = dir.resolve("plots"); // no extension: .png is added
        dialogs.plots = file;
        robot.press(KeyCode.CONTROL).press(KeyCode.S).release(KeyCode.S)
                .release(KeyCode.CONTROL);
        Path png = dir.resolve("plots.png");
        waitFor("the PNG", () -> Files.exists(png));
        BufferedImage image = ImageIO.read(png.toFile());
        assertNotNull(image, "decodable PNG");
        Node chart = robot.lookup("#rewardChart").query();
        assertTrue(chart instanceof cartpolelab.ui.chart.PlotCanvas, "a canvas, not a LineChart");
        assertTrue(image.getWidth() >= chart.getLayoutBounds().getWidth());
        assertTrue(image.getHeight() >= chart.getLayoutBounds().getHeight());
        assertTrue(countNear(image, 0x4C78A8) > 100, "reward series drawn in #4C78A8");
        assertTrue(countNear(image, 0xF58518) > 100, "moving average drawn in #F58518");
        assertTrue(countNear(image, 0x54A24B) > 20, "threshold drawn in #54A24B");
        assertTrue(dialogs.errors.isEmpty(), dialogs.errors.toString());

        // The arrow's "both charts stacked" saves at once: taller, one width, the loss colours.
        Path both = dir.resolve("both.png");
        dialogs.plots = both;
        robot.interact(() -> robot.lookup("#savePlotsButton")
                .queryAs(javafx.scene.control.SplitMenuButton.class).getItems().get(1).fire());
        waitFor("the stacked PNG", () -> Files.exists(both));
        BufferedImage stacked = ImageIO.read(both.toFile());
        assertTrue(stacked.getHeight() > image.getHeight());
        assertEquals(image.getWidth(), stacked.getWidth(), 2, "one width for both charts");
        assertTrue(countNear(stacked, 0xE45756) > 50, "actor loss in #E45756");
        assertTrue(view.isStackCharts(), "the button now repeats the last choice");

        // An .svg name writes SVG, painted by the same painter.
        Path svg = dir.resolve("plots.svg");
        dialogs.plots = svg;
        robot.clickOn("#savePlotsButton");
        waitFor("the SVG", () -> Files.exists(svg));
        String text = Files.readString(svg);
        assertTrue(text.contains("<svg"), "an SVG document");
        assertTrue(text.contains("rgb(76,120,168)"), "reward colour in the SVG");
        assertTrue(text.contains("CartPole-v0"), "title in the SVG");
    }

    /**
     * Reset with other settings over a long history: the charts show the new, empty run at
     * once (old curves would show as episodes), then only the new run's episodes.
     */
    @Test
    void resetWithNewSettingsStartsTheChartsOverAtOnce(FxRobot robot) {
        trainer.addEpisodes(5000, i -> 10 + i % 190);
        robot.clickOn("#startPauseButton");
        waitFor("the chart to show the run",
                () -> view.charts().reward().figure().length() == 5000);
        robot.interact(() -> robot.lookup("#seedField").queryAs(TextField.class).setText("9"));
        robot.interact(() -> {
            robot.lookup("#resetButton").queryButton().fire();
            assertEquals(0, view.charts().reward().figure().length());
            assertEquals(0, view.charts().training().figure().length());
            assertTrue(view.charts().reward().figure().title.endsWith("seed 9"));
        });
        trainer.addEpisodes(3, i -> 42);
        waitFor("the new run's episodes", () -> view.charts().reward().figure().length() == 3);
        robot.interact(() -> assertEquals(42, view.charts().reward().figure().panels().get(0)
                .series().get(0).valueAt(2)));
    }

    @Test
    void anUnwritablePathGivesADialogAndNothingElseIsLost(FxRobot robot) {
        trainer.addEpisodes(20, i -> i);
        dialogs.plots = dir.resolve("missing-folder").resolve("plots.png");
        robot.clickOn("#savePlotsButton");
        waitFor("the error dialog", () -> !dialogs.errors.isEmpty());
        assertTrue(dialogs.errors.get(0).startsWith("Could not save the plots"),
                dialogs.errors.get(0));
        assertTrue(dialogs.errors.get(0).contains("missing-folder"));
        assertEquals(20, view.viewModel().history().size());
        waitFor("buttons usable again",
                () -> !robot.lookup("#savePlotsButton").queryAs(Control.class).isDisabled());
    }

    @Test
    void aTrainerFailureShowsInTheStatusBarAndADialogAndResetRecovers(FxRobot robot) {
        robot.clickOn("#startPauseButton");
        trainer.addEpisodes(12, i -> 15);
        trainer.fail("actor loss became NaN in episode 13; lower the learning rate");
        Label state = robot.lookup("#statusState").queryAs(Label.class);
        waitFor("Failed", () -> state.getText().equals("Failed"));
        waitFor("the dialog", () -> !dialogs.errors.isEmpty());
        assertTrue(dialogs.errors.get(0).contains("actor loss became NaN in episode 13"));
        assertEquals(1, dialogs.errors.size(), "reported once, not once per frame");
        waitFor("Start disabled", () -> robot.lookup("#startPauseButton").queryButton()
                .isDisabled());
        waitFor("the status line", () -> String.valueOf(robot.lookup("#statusMessage")
                .queryAs(Label.class).getText()).contains("NaN"));

        robot.clickOn("#resetButton");
        waitFor("Idle", () -> state.getText().equals("Idle"));
        waitFor("Start enabled", () -> !robot.lookup("#startPauseButton").queryButton()
                .isDisabled());
    }

    @Test
    void closingTheWindowStopsTheTrainer(FxRobot robot) {
        robot.interact(() -> stage.fireEvent(
                new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST)));
        assertTrue(trainer.closed());
        assertTrue(exited.get());
        assertTrue(trainer.commands.contains("stop"), trainer.commands.toString());
        assertFalse(trainer.commands.contains("close"),
                "the FX thread stops the trainer, it never waits for it (close joins)");
    }

    @Test
    void theKeyboardHintPanelListsExactlyTheShortcutTable(FxRobot robot) {
        List<Shortcuts.Shortcut> table = view.shortcuts().table();
        assertEquals(List.of("Space", "N", "F", "R", "Ctrl+S", "P", "Left", "Right", "Page Up",
                "Page Down", "Esc", "C", "L"),
                table.stream().map(Shortcuts.Shortcut::keyText).toList());
        assertEquals(List.of("Start / pause", "Step one episode", "Step one frame", "Reset",
                "Save plots", "Replay: play / pause", "Replay: frame back",
                "Replay: frame forward", "Replay: previous episode", "Replay: next episode",
                "Replay: back to live", "Compare algorithms", "Lesson: the notebook's story"),
                table.stream().map(Shortcuts.Shortcut::description).toList());

        GridPane grid = robot.lookup("#keysPane .keys-grid").queryAs(GridPane.class);
        String[][] shown = new String[table.size()][2];
        robot.interact(() -> {
            assertEquals(2 * table.size(), grid.getChildren().size(), "two labels a row");
            for (Node n : grid.getChildren()) {
                Label l = (Label) n;
                int column = l.getStyleClass().contains("key-cap") ? 0 : 1;
                shown[GridPane.getRowIndex(l)][column] = l.getText();
            }
        });
        for (int i = 0; i < table.size(); i++) {
            assertEquals(table.get(i).keyText(), shown[i][0], "key of row " + i);
            assertEquals(table.get(i).description(), shown[i][1], "description of row " + i);
        }
    }

    @Test
    void everySettingsRowTakesItsLabelAndTooltipFromTheTable(FxRobot robot) {
        assertEquals(12, SettingsTable.ROWS.size(),
                "the form's rows (PPO's and SB3's settings are flags only, for now)");
        for (SettingsTable.Row<?> row : SettingsTable.ROWS) {
            Control c = robot.lookup("#" + row.fieldId()).queryAs(Control.class);
            assertEquals(row.meaning(), c.getTooltip().getText(), row.fieldId());
            Label label = robot.lookup(".field-label").queryAllAs(Label.class).stream()
                    .filter(l -> l.getLabelFor() == c).findFirst().orElseThrow();
            assertEquals(row.label(), label.getText(), row.fieldId());
        }
        // The range in an error message is the table's check, i.e. Hyperparameters' own.
        TextField discount = robot.lookup("#discountField").queryAs(TextField.class);
        robot.interact(() -> discount.setText("2"));
        assertEquals(SettingsTable.DISCOUNT.check("2").error(),
                robot.lookup("#discountFieldError").queryAs(Label.class).getText());
        assertTrue(robot.lookup("#startPauseButton").queryButton().isDisabled());
    }

    @Test
    void everyControlHasATooltipAndItsStableId(FxRobot robot) {
        for (String id : List.of("#startPauseButton", "#stepEpisodeButton", "#stepFrameButton",
                "#resetButton", "#speedChoice", "#savePlotsButton", "#exportCsvButton",
                "#saveCheckpointButton", "#loadCheckpointButton", "#watchButton",
                "#stopWhenSolvedCheck", "#algorithmField", "#versionField", "#hiddenSizeField",
                "#learningRateField", "#discountField", "#entropyField", "#maxStepsField",
                "#episodesField", "#seedField")) {
            Control c = robot.lookup(id).queryAs(Control.class);
            assertNotNull(c.getTooltip(), id + " has a tooltip");
            assertFalse(c.getTooltip().getText().isBlank(), id);
        }
        for (String id : List.of("#cartPoleCanvas", "#rewardChart", "#trainingChart",
                "#statusBar", "#statusState")) {
            assertNotNull(robot.lookup(id).query(), id);
        }
        assertNotNull(robot.lookup(".settings-pane").queryAs(SettingsPane.class));
    }

    @Test
    void theWindowsChartsAreDrawnInThePaintersPalette(FxRobot robot) throws Exception {
        // the files are checked for these colours too: window and files draw alike
        trainer.addEpisodes(300, i -> 10 + i * 0.6);
        cartpolelab.ui.chart.PlotCanvas reward = robot.lookup("#rewardChart").query();
        Node training = robot.lookup("#trainingChart").query();
        int paintsBefore = reward.paints();
        waitFor("the chart painted 300 episodes", () -> reward.figure() != null
                && reward.figure().length() == 300 && reward.paints() > paintsBefore);
        WaitForAsyncUtils.waitForFxEvents();
        BufferedImage[] shots = new BufferedImage[2];
        robot.interact(() -> {
            shots[0] = javafx.embed.swing.SwingFXUtils.fromFXImage(reward.snapshot(null, null),
                    null);
            shots[1] = javafx.embed.swing.SwingFXUtils.fromFXImage(
                    training.snapshot(null, null), null);
        });
        for (String[] c : new String[][] {{"reward", cartpolelab.plot.Palette.REWARD},
            {"moving average", cartpolelab.plot.Palette.MOVING_AVERAGE},
            {"threshold", cartpolelab.plot.Palette.THRESHOLD}}) {
            assertTrue(countNear(shots[0], Integer.decode(c[1].replace("#", "0x"))) > 20,
                    c[0] + " in " + c[1] + " on the reward chart");
        }
        for (String[] c : new String[][] {{"actor loss", cartpolelab.plot.Palette.ACTOR_LOSS},
            {"critic loss", cartpolelab.plot.Palette.CRITIC_LOSS},
            {"entropy", cartpolelab.plot.Palette.ENTROPY}}) {
            assertTrue(countNear(shots[1], Integer.decode(c[1].replace("#", "0x"))) > 20,
                    c[0] + " in " + c[1] + " on the training chart");
        }
    }

    /** Pixels within a small distance of {@code rgb} (antialiasing blends the edges). */
    static int countNear(BufferedImage image, int rgb) {
        int r = rgb >> 16 & 0xFF;
        int g = rgb >> 8 & 0xFF;
        int b = rgb & 0xFF;
        int count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int p = image.getRGB(x, y);
                int d = Math.abs((p >> 16 & 0xFF) - r) + Math.abs((p >> 8 & 0xFF) - g)
                        + Math.abs((p & 0xFF) - b);
                if (d < 40) {
                    count++;
                }
            }
        }
        return count;
    }
}
