package cartpolelab.ui;

import static cartpolelab.ui.Waits.waitFor;

import cartpolelab.agent.Hyperparameters;
import cartpolelab.agent.Preset;
import cartpolelab.plot.Layout;
import cartpolelab.plot.PlotPainter;
import cartpolelab.train.Trainer;
import cartpolelab.ui.chart.PlotCanvas;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A small window, or a larger one zoomed for a projector, cuts nothing off: the replay bar's
 * last controls and the losses card's toggles lie inside the window, and every panel of the
 * losses card (PPO's approx. KL and clip fraction in a view of their own) is painted at a
 * readable height above the x axis's labels.
 */
@ExtendWith(ApplicationExtension.class)
class SmallWindowLayoutTest {

    private static final String[] ON_SCREEN = {"#replayLive", "#replayGif", "#replayKeep",
        "#replaySpeed", "#showLossesChart", "#showPpoChart", "#showVarianceChart",
        "#trainingChart", "#ppoChart", "#rewardChart", "#xAxisChoice"};

    private Stage stage;
    private MainView view;
    private final TestDialogs dialogs = new TestDialogs();

    @Start
    void start(Stage s) {
        stage = s;
    }

    @AfterEach
    void tearDown() throws Exception {
        if (view != null) {
            WaitForAsyncUtils.asyncFx(view::shutdown).get(60, TimeUnit.SECONDS);
        }
    }

    @Test
    void at900x600AndAt1280x720Zoomed150NothingIsCutOff(FxRobot robot) {
        Hyperparameters ppo = Preset.SB3_PPO.hyperparameters();
        robot.interact(() -> view = CartPoleLabApp.open(stage, ppo, Trainer::new, dialogs,
                dialogs, () -> { }));
        for (double[] size : new double[][] {{900, 600, 1.0}, {1280, 720, 1.5}}) {
            robot.interact(() -> view.appearance().zoomProperty().set(size[2]));
            TestStages.resize(robot, stage, size[0], size[1]);
            String at = (int) size[0] + " x " + (int) size[1] + " at " + size[2];
            for (String chart : new String[] {"#trainingChart", "#ppoChart"}) {
                robot.interact(() -> ((ToggleButton) robot.lookup(chart.equals("#ppoChart")
                        ? "#showPpoChart" : "#showLossesChart").query()).setSelected(true));
                List<String> wrong = new ArrayList<>();
                try {
                    waitFor(chart + " laid out at " + at, () -> {
                        wrong.clear();
                        wrong.addAll(cutOff(robot, chart));
                        return Math.abs(stage.getWidth() - size[0]) < 1 && wrong.isEmpty();
                    });
                } catch (AssertionError e) {
                    throw new AssertionError(at + ": " + wrong, e);
                }
            }
        }
    }

    /** What is cut off now: nodes outside the scene, panels below the x axis's labels. */
    private List<String> cutOff(FxRobot robot, String chart) {
        List<String> wrong = new ArrayList<>();
        double w = view.getScene().getWidth();
        double h = view.getScene().getHeight();
        for (String id : ON_SCREEN) {
            Node n = robot.lookup(id).query();
            Bounds b = n.localToScene(n.getLayoutBounds());
            if (n.isVisible() && (b.getWidth() <= 0 || b.getMinX() < -0.5
                    || b.getMaxX() > w + 0.5 || b.getMaxY() > h + 0.5)) {
                wrong.add(id + " " + b);
            }
        }
        PlotCanvas canvas = robot.lookup(chart).query();
        Layout l = canvas.plotLayout();
        int panels = canvas.figure() == null ? 0 : canvas.figure().panels().size();
        if (l == null || !canvas.isVisible() || panels != (chart.equals("#ppoChart") ? 2 : 3)) {
            wrong.add(chart + " not painted, or " + panels + " panels");
            return wrong;
        }
        double axis = canvas.getHeight() - PlotPainter.LABEL_SIZE * 1.5
                - PlotPainter.TICK_SIZE * 1.6;
        for (int i = 0; i < panels; i++) {
            if (l.bottoms[i] > axis + 0.5 || l.bottoms[i] - l.tops[i] < 24) {
                wrong.add(chart + "'s panel " + i + " from " + l.tops[i] + " to "
                        + l.bottoms[i] + " in a chart " + canvas.getHeight() + " high");
            }
        }
        return wrong;
    }
}
