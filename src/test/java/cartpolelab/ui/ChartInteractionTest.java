package cartpolelab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cartpolelab.agent.Hyperparameters;
import cartpolelab.metrics.EpisodeHistory;
import cartpolelab.plot.Layout;
import cartpolelab.plot.RunFigures;
import cartpolelab.plot.Ticks;
import cartpolelab.ui.chart.PlotCanvas;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.geometry.Point2D;
import javafx.scene.control.Button;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window's charts under the pointer, over a scripted trainer's synthetic episodes: the
 * hover readout names the nearest episode's numbers; a drag zooms both charts to the x range
 * dragged out and new episodes leave a zoomed view where it is; a double-click (or the
 * "Show whole run" button) goes back to the whole run, which then follows new episodes.
 */
@ExtendWith(ApplicationExtension.class)
class ChartInteractionTest {

    private final TestDialogs dialogs = new TestDialogs();
    private ScriptedTrainer trainer;
    private MainView view;
    private PlotCanvas reward;
    private PlotCanvas training;

    @Start
    void start(Stage stage) {
        view = CartPoleLabApp.open(stage, Hyperparameters.DEFAULTS, hp -> {
            trainer = new ScriptedTrainer(hp);
            return trainer;
        }, dialogs, dialogs, () -> { });
        reward = view.charts().reward();
        training = view.charts().training();
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

    /** Adds {@code n} episodes and waits until both charts have painted all of them. */
    private void addAndWaitForPaint(FxRobot robot, int n) {
        int[] paints = new int[2];
        robot.interact(() -> {
            paints[0] = reward.paints();
            paints[1] = training.paints();
        });
        trainer.addEpisodes(n, i -> 10 + 3 * (i % 60) + (i % 7));
        int want = trainer.history().size();
        waitFor(want + " episodes painted", () -> reward.figure().length() == want
                && training.figure().length() == want && reward.paints() > paints[0]
                && training.paints() > paints[1] && reward.plotLayout() != null);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The x range a chart was last painted with. */
    private static double[] shown(FxRobot robot, PlotCanvas chart) {
        double[] r = new double[2];
        robot.interact(() -> {
            Layout l = chart.plotLayout();
            r[0] = l.xFrom;
            r[1] = l.xTo;
        });
        return r;
    }

    /** The screen point over episode value {@code x} (data units), a third down the plot. */
    static Point2D at(FxRobot robot, PlotCanvas chart, double x) {
        Point2D[] p = new Point2D[1];
        robot.interact(() -> {
            Layout l = chart.plotLayout();
            double y = l.tops[0] + (l.bottoms[l.bottoms.length - 1] - l.tops[0]) / 3;
            p[0] = chart.localToScreen(l.px(x), y);
        });
        return p[0];
    }

    static List<String> readout(FxRobot robot, PlotCanvas chart) {
        @SuppressWarnings("unchecked")
        List<String>[] lines = new List[1];
        robot.interact(() -> lines[0] = chart.readoutShown());
        return lines[0];
    }

    /** What the readout must say for {@code episode} (from 1), from the trainer's history. */
    private List<String> expected(int episode) {
        EpisodeHistory h = trainer.history();
        int i = episode - 1;
        return List.of(String.format(java.util.Locale.ROOT, "Episode %,d", episode),
                RunFigures.REWARD + "  " + Ticks.compact(h.reward(i)),
                RunFigures.MOVING_AVERAGE + "  " + Ticks.compact(h.movingAverage(i)),
                RunFigures.ACTOR_LOSS + "  " + Ticks.compact(h.actorLoss(i)),
                RunFigures.CRITIC_LOSS + "  " + Ticks.compact(h.criticLoss(i)),
                RunFigures.ENTROPY + "  " + Ticks.compact(h.entropy(i)));
    }

    @Test
    void hoverOverTheRewardChartShowsTheNearestEpisodesNumbers(FxRobot robot) {
        addAndWaitForPaint(robot, 40); // about a dozen pixels an episode: "nearest" is clear
        assertTrue(readout(robot, reward).isEmpty(), "no readout before the pointer is there");
        // a little right of 7, a little left of 23, exactly on 31: always the nearest one
        double[][] cases = {{7.3, 7}, {22.65, 23}, {31, 31}};
        for (double[] c : cases) {
            int episode = (int) c[1];
            robot.moveTo(at(robot, reward, c[0]));
            waitFor("the readout of episode " + episode,
                    () -> !readout(robot, reward).isEmpty()
                            && readout(robot, reward).get(0).equals("Episode " + episode));
            assertEquals(expected(episode), readout(robot, reward), "pointer at x = " + c[0]);
            assertEquals(episode - 1, view.charts().view().hovered());
            assertTrue(readout(robot, training).isEmpty(),
                    "one readout, on the chart under the pointer");
        }
        // off the plot: the readout goes
        robot.moveTo("#statusBar");
        waitFor("the readout to go", () -> readout(robot, reward).isEmpty());
        assertEquals(-1, view.charts().view().hovered());
    }

    @Test
    void aSingleClickStillChoosesTheEpisodeUnderThePointer(FxRobot robot) {
        addAndWaitForPaint(robot, 40);
        List<Integer> clicked = new java.util.concurrent.CopyOnWriteArrayList<>();
        robot.interact(() -> view.charts().view().setOnEpisodeClicked(clicked::add));
        robot.clickOn(at(robot, reward, 12.2), MouseButton.PRIMARY);
        waitFor("the click", () -> !clicked.isEmpty());
        WaitForAsyncUtils.sleep(800, TimeUnit.MILLISECONDS);
        assertEquals(List.of(12), clicked);
        assertTrue(view.charts().view().following(), "a click is no zoom");
    }

    @Test
    void aDragZoomsBothChartsAndNewEpisodesDoNotMoveTheZoomedView(FxRobot robot) {
        addAndWaitForPaint(robot, 200);
        assertTrue(view.charts().view().following());
        assertFalse(robot.lookup("#followButton").queryButton().isVisible());

        robot.drag(at(robot, reward, 50), MouseButton.PRIMARY);
        robot.moveTo(at(robot, reward, 90));
        robot.moveTo(at(robot, reward, 120));
        robot.release(MouseButton.PRIMARY);
        waitFor("zoomed", () -> !view.charts().view().following()
                && shown(robot, reward)[1] < 150);
        WaitForAsyncUtils.waitForFxEvents();
        double[] zoomed = shown(robot, reward);
        double episodePixels = 200.0 / 400; // the plot is wider than 400 px
        assertEquals(50, zoomed[0], 1 + episodePixels, "from where the drag started");
        assertEquals(120, zoomed[1], 1 + episodePixels, "to where it ended");
        waitFor("the training chart zoomed alike",
                () -> java.util.Arrays.equals(shown(robot, training), zoomed));
        assertTrue(robot.lookup("#followButton").queryButton().isVisible(),
                "a way back is offered");

        int paints = reward.paints();
        addAndWaitForPaint(robot, 100);
        assertTrue(reward.paints() > paints, "repainted with the new episodes");
        assertEquals(300, reward.figure().length());
        assertEquals(List.of(zoomed[0], zoomed[1]), List.of(shown(robot, reward)[0],
                shown(robot, reward)[1]), "new episodes leave the zoomed view where it is");
        assertEquals(List.of(zoomed[0], zoomed[1]), List.of(shown(robot, training)[0],
                shown(robot, training)[1]));
        assertFalse(view.charts().view().following());
    }

    @Test
    void aDoubleClickShowsTheWholeRunAgainWhichThenFollowsNewEpisodes(FxRobot robot) {
        addAndWaitForPaint(robot, 200);
        double[] whole = shown(robot, reward);
        assertEquals(200, whole[1], 1e-9, "following: the whole run");

        zoom(robot, reward, 40, 100);
        List<Integer> clicked = new java.util.concurrent.CopyOnWriteArrayList<>();
        robot.interact(() -> view.charts().view().setOnEpisodeClicked(clicked::add));
        robot.doubleClickOn(at(robot, training, 70), MouseButton.PRIMARY);
        waitFor("following again", () -> view.charts().view().following());
        WaitForAsyncUtils.sleep(800, TimeUnit.MILLISECONDS); // longer than a click waits
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(), clicked, "a double-click is no click on an episode (a click "
                + "replays it)");
        addAndWaitForPaint(robot, 1);
        for (PlotCanvas chart : List.of(reward, training)) {
            assertEquals(0, shown(robot, chart)[0], 1e-9);
            assertEquals(201, shown(robot, chart)[1], 1e-9, "the whole run");
        }
        waitFor("no way back offered when there is nothing to go back to",
                () -> !robot.lookup("#followButton").queryButton().isVisible());

        addAndWaitForPaint(robot, 99);
        for (PlotCanvas chart : List.of(reward, training)) {
            assertEquals(300, shown(robot, chart)[1], 1e-9, "follows new episodes");
        }

        // the button does the same as a double-click
        zoom(robot, training, 150, 250);
        Button follow = robot.lookup("#followButton").queryButton();
        waitFor("the button", follow::isVisible);
        robot.clickOn(follow);
        waitFor("following again", () -> view.charts().view().following());
        addAndWaitForPaint(robot, 20);
        assertEquals(320, shown(robot, reward)[1], 1e-9);
        assertEquals(320, shown(robot, training)[1], 1e-9);
    }

    private void zoom(FxRobot robot, PlotCanvas chart, double from, double to) {
        robot.drag(at(robot, chart, from), MouseButton.PRIMARY);
        robot.moveTo(at(robot, chart, (from + to) / 2));
        robot.moveTo(at(robot, chart, to));
        robot.release(MouseButton.PRIMARY);
        waitFor("zoomed to " + from + ".." + to, () -> !view.charts().view().following()
                && Math.abs(shown(robot, reward)[0] - from) < 3
                && Math.abs(shown(robot, training)[1] - to) < 3);
    }
}
