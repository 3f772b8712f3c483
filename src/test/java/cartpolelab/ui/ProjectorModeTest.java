package cartpolelab.ui;

import static cartpolelab.ui.Waits.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cartpolelab.agent.Algorithm;
import cartpolelab.agent.Hyperparameters;
import cartpolelab.plot.ChartScheme;
import cartpolelab.plot.Palette;
import cartpolelab.train.Speed;
import cartpolelab.ui.chart.FxSurface;
import cartpolelab.ui.chart.PlotCanvas;
import java.awt.image.BufferedImage;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.geometry.Bounds;
import javafx.scene.Node;
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
 * Projector mode: the zoom (menu and keys) scales the whole window, charts included; the
 * themes and the high-contrast colours switch the stylesheet and the charts' colours; and
 * the window remembers all of it, with the speed and the settings, in an injected store.
 */
@ExtendWith(ApplicationExtension.class)
class ProjectorModeTest {

    private final TestDialogs dialogs = new TestDialogs();
    private final MemoryPreferences store = new MemoryPreferences();
    private ScriptedTrainer trainer;
    private MainView view;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        view = CartPoleLabApp.open(stage, Hyperparameters.DEFAULTS, hp -> {
            trainer = new ScriptedTrainer(hp);
            return trainer;
        }, dialogs, dialogs, () -> { }, new AppPrefs(store));
    }

    @AfterEach
    void tearDown() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            view.appearance().themeProperty().set(Appearance.Theme.LIGHT);
            view.appearance().highContrastProperty().set(false);
            view.shutdown();
        }).get(60, TimeUnit.SECONDS);
    }

    private double chartWidthOnScreen(FxRobot robot) {
        Node chart = robot.lookup("#rewardChart").query();
        Bounds b = chart.localToScene(chart.getLayoutBounds());
        return b.getWidth() / chart.getLayoutBounds().getWidth();
    }

    @Test
    void ctrlPlusMinusAndZeroZoomTheWholeWindowChartsIncluded(FxRobot robot) {
        TestStages.resize(robot, stage, 1280, 800);
        assertEquals(1.0, chartWidthOnScreen(robot), 1e-9);
        robot.clickOn("#cartPoleCanvas");
        robot.press(KeyCode.CONTROL, KeyCode.EQUALS).release(KeyCode.EQUALS, KeyCode.CONTROL);
        // a real keyboard's Ctrl + on a US layout: Ctrl Shift =
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.EQUALS)
                .release(KeyCode.EQUALS, KeyCode.SHIFT, KeyCode.CONTROL);
        waitFor("zoom 150 %", () -> view.appearance().zoomProperty().get() == 1.5);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1.5, chartWidthOnScreen(robot), 1e-9, "the chart is drawn 1.5× as large");
        // the content is laid out in the window divided by the zoom, so it still fits
        assertEquals(view.getScene().getWidth() / 1.5, view.getWidth(), 1.0);
        Node status = robot.lookup("#statusBar").query();
        Bounds s = status.localToScene(status.getLayoutBounds());
        assertTrue(s.getMaxY() <= view.getScene().getHeight() + 0.5, "status bar on screen: " + s);
        robot.press(KeyCode.CONTROL, KeyCode.MINUS).release(KeyCode.MINUS, KeyCode.CONTROL);
        waitFor("zoom 125 %", () -> view.appearance().zoomProperty().get() == 1.25);
        for (int i = 0; i < 6; i++) {
            robot.press(KeyCode.CONTROL, KeyCode.EQUALS).release(KeyCode.EQUALS, KeyCode.CONTROL);
        }
        waitFor("at most 200 %", () -> view.appearance().zoomProperty().get() == 2.0);
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT0).release(KeyCode.DIGIT0, KeyCode.CONTROL);
        waitFor("back to 100 %", () -> view.appearance().zoomProperty().get() == 1.0);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1.0, chartWidthOnScreen(robot), 1e-9);
    }

    @Test
    void theViewMenuSetsZoomThemeAndHighContrastChartColours(FxRobot robot) throws Exception {
        trainer.addEpisodes(200, i -> 10 + i * 0.9);
        PlotCanvas reward = robot.lookup("#rewardChart").query();
        waitFor("the chart painted", () -> reward.figure() != null
                && reward.figure().length() == 200);
        robot.clickOn("#viewMenu").clickOn("#zoom175");
        waitFor("zoom 175 %", () -> view.appearance().zoomProperty().get() == 1.75);
        robot.interact(() -> view.appearance().zoomReset());

        String light = Application.getUserAgentStylesheet();
        assertNotNull(light);
        assertFalse(view.getScene().getRoot().getStyleClass().contains("dark"));
        int[] before = colours(robot, reward);
        assertTrue(before[0] > 10_000 && before[1] == 0, "a white chart: "
                + java.util.Arrays.toString(before));

        robot.clickOn("#viewMenu").clickOn("#themeDark");
        waitFor("the dark theme", () -> view.getScene().getRoot().getStyleClass()
                .contains("dark"));
        assertFalse(light.equals(Application.getUserAgentStylesheet()), "Primer dark");
        assertEquals(ChartScheme.DARK, FxSurface.scheme());
        waitFor("the chart repainted on a dark background",
                () -> colours(robot, reward)[1] > 10_000);

        robot.clickOn("#viewMenu").clickOn("#highContrastItem");
        assertEquals(ChartScheme.DARK_HIGH_CONTRAST, FxSurface.scheme());
        waitFor("the chart repainted in the high-contrast colours, on black",
                () -> colours(robot, reward)[2] > 10_000);
        int[] hc = colours(robot, reward);
        assertTrue(hc[1] * 10 < hc[2], "black, not the dark grey: "
                + java.util.Arrays.toString(hc));

        robot.clickOn("#viewMenu").clickOn("#themeLight");
        waitFor("light again", () -> !view.getScene().getRoot().getStyleClass()
                .contains("dark"));
        assertEquals(light, Application.getUserAgentStylesheet());
        assertEquals(ChartScheme.HIGH_CONTRAST, FxSurface.scheme());
    }

    /** Pixels of the chart's background in {standard, dark, dark high-contrast}. */
    private static int[] colours(FxRobot robot, PlotCanvas chart) {
        BufferedImage[] shot = new BufferedImage[1];
        robot.interact(() -> shot[0] = javafx.embed.swing.SwingFXUtils.fromFXImage(
                chart.snapshot(null, null), null));
        return new int[] {
            WindowBehaviourTest.countNear(shot[0], Palette.argb(Palette.BACKGROUND) & 0xFFFFFF),
            WindowBehaviourTest.countNear(shot[0], ChartScheme.DARK.map(
                    Palette.argb(Palette.BACKGROUND)) & 0xFFFFFF),
            WindowBehaviourTest.countNear(shot[0], ChartScheme.DARK_HIGH_CONTRAST.map(
                    Palette.argb(Palette.BACKGROUND)) & 0xFFFFFF)};
    }

    @Test
    void theWindowRemembersSizeZoomThemeSpeedAndSettingsInItsStore(FxRobot robot)
            throws Exception {
        assertEquals(AppPrefs.FIRST_SPEED, view.viewModel().speedProperty().get(),
                "a first launch trains at a pace an eye can follow");
        assertEquals(Speed.X4, AppPrefs.FIRST_SPEED);
        TestStages.resize(robot, stage, 1100, 700);
        robot.interact(() -> {
            view.appearance().zoomProperty().set(1.25);
            view.appearance().themeProperty().set(Appearance.Theme.DARK);
            view.appearance().highContrastProperty().set(true);
            view.viewModel().speedProperty().set(Speed.X16);
            view.viewModel().settingsProperty().set(Hyperparameters.DEFAULTS
                    .withAlgorithm(Algorithm.REINFORCE).withSeed(7).withLearningRate(1e-3)
                    .withGaeLambda(0));
            CartPoleLabApp.remember(new AppPrefs(store), stage, view, view.appearance());
        });
        assertTrue(store.flushes > 0, "written to the store");
        AppPrefs read = new AppPrefs(store);
        assertEquals(1.25, read.zoom());
        assertEquals(Appearance.Theme.DARK, read.theme());
        assertTrue(read.highContrast());
        assertEquals(Speed.X16, read.speed());
        assertEquals(1100, read.bounds()[2], 0.5);
        assertEquals(700, read.bounds()[3], 0.5);
        Hyperparameters hp = read.settings(Hyperparameters.DEFAULTS);
        assertEquals(Algorithm.REINFORCE, hp.algorithm());
        assertEquals(7, hp.seed());
        assertEquals(1e-3, hp.learningRate());
        assertEquals(0.0, hp.gaeLambda());

        // the next launch starts from them
        Stage[] second = new Stage[1];
        MainView[] next = new MainView[1];
        robot.interact(() -> {
            second[0] = new Stage();
            next[0] = CartPoleLabApp.open(second[0], Hyperparameters.DEFAULTS,
                    ScriptedTrainer::new, dialogs, dialogs, () -> { }, new AppPrefs(store));
        });
        try {
            assertEquals(1.25, next[0].appearance().zoomProperty().get());
            assertEquals(Appearance.Theme.DARK, next[0].appearance().themeProperty().get());
            assertEquals(Speed.X16, next[0].viewModel().speedProperty().get());
            assertEquals(Algorithm.REINFORCE,
                    next[0].viewModel().settingsProperty().get().algorithm());
            assertEquals(7, next[0].viewModel().settingsProperty().get().seed());
        } finally {
            robot.interact(() -> {
                next[0].shutdown();
                second[0].close();
            });
        }
    }

    @Test
    void malformedOrMissingPreferencesFallBackToTheDefaults() {
        store.put("zoom", "huge");
        store.put("theme", "PURPLE");
        store.put("speed", "WARP");
        store.put("settings.learningRate", "7"); // out of range: the form starts from defaults
        store.put("settings.seed", "3");
        store.put("window.width", "-5");
        AppPrefs p = new AppPrefs(store);
        assertEquals(1.0, p.zoom());
        assertEquals(Appearance.Theme.LIGHT, p.theme());
        assertEquals(AppPrefs.FIRST_SPEED, p.speed());
        assertEquals(Hyperparameters.DEFAULTS, p.settings(Hyperparameters.DEFAULTS));
        assertNull(p.bounds());
        store.put("zoom", "9");
        assertEquals(2.0, p.zoom(), "clamped to 200 %");
    }
}
