package cartpolelab.ui;

import static cartpolelab.ui.Waits.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cartpolelab.agent.Algorithm;
import cartpolelab.agent.Hyperparameters;
import cartpolelab.plot.RunFigures;
import cartpolelab.train.EpisodeSignals;
import cartpolelab.train.RecordedEpisode;
import cartpolelab.train.Speed;
import cartpolelab.train.Trainer;
import cartpolelab.train.TrainerState;
import cartpolelab.ui.canvas.CartPoleCanvas;
import cartpolelab.ui.settings.SettingsTable;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
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
 * What the window says about why each algorithm learns: during a replay the overlay shows the
 * return G_t and what the update multiplied ∇log π by; REINFORCE has no V(s) and its
 * critic-loss panel says so; the settings an algorithm does not use are disabled.
 */
@ExtendWith(ApplicationExtension.class)
class WhyItLearnsWindowTest {

    private static final Hyperparameters SETTINGS = Hyperparameters.DEFAULTS.withHiddenSize(16)
            .withEpisodes(6);
    private static final Pattern FRAME = Pattern.compile("frame (\\d+)/");

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

    @SuppressWarnings("unchecked")
    private void train(FxRobot robot, Algorithm algorithm) {
        robot.interact(() -> robot.lookup("#algorithmField").queryAs(ComboBox.class)
                .setValue(algorithm));
        robot.interact(() -> robot.lookup("#resetButton").queryButton().fire());
        robot.clickOn("#startPauseButton");
        waitFor("FINISHED", () -> view.viewModel().statusProperty().get().state()
                == TrainerState.FINISHED);
        assertEquals(algorithm, view.viewModel().runSettingsProperty().get().algorithm());
    }

    /** Replays the latest episode, paused a few frames in; returns the frame shown. */
    private int replayAFewFramesIn(FxRobot robot) {
        robot.type(KeyCode.P);
        waitFor("replaying", () -> replayLine(robot).startsWith("latest episode 6"));
        robot.type(KeyCode.RIGHT); // pauses
        waitFor("paused", () -> "Play".equals(robot.lookup("#replayPlay").queryButton()
                .getText()));
        Slider timeline = robot.lookup("#replayTimeline")
                .queryAs(Slider.class);
        robot.interact(() -> timeline.setValue(2));
        waitFor("frame 2", () -> replayLine(robot).contains("frame 2/"));
        Matcher m = FRAME.matcher(replayLine(robot));
        assertTrue(m.find(), replayLine(robot));
        return Integer.parseInt(m.group(1));
    }

    private String replayLine(FxRobot robot) {
        return robot.lookup("#replayText").queryAs(Label.class).getText();
    }

    private String overlay(FxRobot robot) {
        return robot.lookup("#cartPoleCanvas").queryAs(CartPoleCanvas.class).overlayText();
    }

    private EpisodeSignals signals() {
        RecordedEpisode latest = view.viewModel().run().recorder().latest();
        assertEquals(6, latest.episode());
        return EpisodeSignals.of(latest, view.viewModel().runSettingsProperty().get());
    }

    @Test
    void theBaselinesReplayShowsTheReturnAndTheReturnLessTheCriticsEstimate(FxRobot robot) {
        train(robot, Algorithm.REINFORCE_BASELINE);
        int k = replayAFewFramesIn(robot);
        EpisodeSignals s = signals();
        String text = overlay(robot);
        assertTrue(text.startsWith("Replay 6"), text);
        assertTrue(text.contains(String.format(Locale.ROOT, "G\u209c %.1f", s.returnAt(k))),
                text);
        assertTrue(text.contains(String.format(Locale.ROOT, "G\u209c \u2212 V(s\u209c) %+.2f",
                s.multiplierAt(k))), text);
        assertTrue(text.contains("V(s) "), text);
        assertTrue(Math.abs(s.returnAt(k) - s.multiplierAt(k)) > 1e-9,
                "the baseline moved the multiplier away from G_t");

        robot.type(KeyCode.ESCAPE);
        waitFor("live", () -> !overlay(robot).contains("G\u209c"));
    }

    @Test
    void a2cShowsItsAdvantage(FxRobot robot) {
        train(robot, Algorithm.A2C);
        int k = replayAFewFramesIn(robot);
        String text = overlay(robot);
        assertTrue(text.contains(String.format(Locale.ROOT, "\u00c2\u209c %+.2f",
                signals().multiplierAt(k))), text);
    }

    @Test
    void reinforceHasNoCriticAndSaysSo(FxRobot robot) {
        train(robot, Algorithm.REINFORCE);
        String live = overlay(robot);
        assertTrue(live.contains("no critic"), live);
        assertFalse(live.contains("V(s)"), live);
        int k = replayAFewFramesIn(robot);
        String text = overlay(robot);
        assertTrue(text.contains(String.format(Locale.ROOT, "G\u209c %.1f",
                signals().returnAt(k))), text);
        assertFalse(text.contains("V(s)"), text);
        assertEquals(RunFigures.NO_CRITIC, view.charts().training().figure().panels().get(1)
                .note());
    }

    @Test
    void theMapsFollowTrainingAndTheReplayAndSaveAsPng(FxRobot robot,
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        cartpolelab.ui.maps.NetworkMapsView maps = robot.lookup("#networkMaps")
                .queryAs(cartpolelab.ui.maps.NetworkMapsView.class);
        waitFor("the fresh networks' maps", () -> maps.maps() != null);
        double[] before = maps.maps().probRight().clone();
        double[] valuesBefore = maps.maps().value().clone();
        train(robot, Algorithm.A2C);
        waitFor("maps of the trained networks", () -> !java.util.Arrays.equals(before,
                maps.maps().probRight()));
        assertFalse(java.util.Arrays.equals(valuesBefore, maps.maps().value()),
                "the critic's map changed too");
        int k = replayAFewFramesIn(robot);
        waitFor("the path of the replayed frames", () -> maps.pathLength() == k + 1);

        dialogs.plots = dir.resolve("maps.png");
        robot.interact(() -> view.files().saveMaps());
        waitFor("the file", () -> java.nio.file.Files.exists(dialogs.plots)
                && view.viewModel().messageProperty().get().startsWith("Plots saved"));
        java.awt.image.BufferedImage png = javax.imageio.ImageIO.read(dialogs.plots.toFile());
        assertTrue(png.getWidth() >= 720, "at least 720 px wide at scale 1");
        // as SVG: the title names the algorithm, the run and the episodes
        dialogs.plots = dir.resolve("maps.svg");
        robot.interact(() -> view.files().saveMaps());
        waitFor("the SVG", () -> java.nio.file.Files.exists(dialogs.plots));
        String svg = java.nio.file.Files.readString(dialogs.plots);
        assertTrue(svg.contains("What the networks know  \u00b7  A2C  \u00b7  seed "), svg
                .substring(0, 200));
        assertTrue(java.util.regex.Pattern.compile("after episode [1-6]<").matcher(svg).find(),
                "the episode the weights are after");
    }

    @Test
    @SuppressWarnings("unchecked")
    void settingsTheAlgorithmDoesNotUseAreDisabledWithAReason(FxRobot robot) {
        TextField entropy = robot.lookup("#entropyField").queryAs(TextField.class);
        TextField nSteps = robot.lookup("#nStepsField").queryAs(TextField.class);
        assertFalse(entropy.isDisabled(), "A2C uses the entropy bonus");
        assertFalse(nSteps.isDisabled(), "A2C can update every n steps");
        ComboBox<Algorithm> algorithm = robot.lookup("#algorithmField").queryAs(ComboBox.class);
        robot.interact(() -> algorithm.setValue(Algorithm.REINFORCE));
        assertTrue(entropy.isDisabled());
        assertTrue(nSteps.isDisabled());
        robot.interact(() -> algorithm.setValue(Algorithm.REINFORCE_BASELINE));
        assertTrue(entropy.isDisabled());
        robot.interact(() -> nSteps.setText("8")); // kept for when A2C comes back
        robot.interact(() -> algorithm.setValue(Algorithm.A2C));
        assertFalse(entropy.isDisabled());
        assertFalse(nSteps.isDisabled());
        assertEquals(8, view.viewModel().settingsProperty().get().nSteps());
        assertNull(SettingsTable.unusedBecause(
                SettingsTable.ENTROPY, Algorithm.A2C));
        assertTrue(SettingsTable.unusedBecause(
                SettingsTable.N_STEPS, Algorithm.REINFORCE)
                .contains("whole episodes"));
        assertTrue(SettingsTable.unusedBecause(
                SettingsTable.ENTROPY, Algorithm.REINFORCE)
                .contains("A2C and PPO add one"));
    }
}
