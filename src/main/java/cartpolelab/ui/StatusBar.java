package cartpolelab.ui;

import cartpolelab.train.TrainerState;
import cartpolelab.train.TrainerStatus;
import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;

/**
 * The bottom of the window: state, episode, total steps, last reward, moving average, best
 * moving average, steps per second, "solved at episode N" and the UI frame rate on one line
 * that wraps in a narrow window (nothing is ever cut off), and the last message on a line of
 * its own below, shown while there is one.
 */
public final class StatusBar extends VBox {

    private final Label state = new Label("Idle");
    private final Label episode = item("statusEpisode", "Episodes finished / the episode "
            + "budget; the canvas shows the episode in progress, the charts the finished ones",
            "Finished 3,000 / 3,000");
    private final Label steps = item("statusSteps", "Environment steps taken in training",
            "Steps 500,000");
    private final Label lastReward = item("statusLastReward", "Reward of the last episode",
            "Last reward 500");
    private final Label average = item("statusAverage",
            "Mean reward of the last 50 episodes (the solved criterion)", "Moving avg 500.0");
    private final Label best = item("statusBest", "Best 50-episode moving average so far",
            "Best avg 500.0");
    private final Label speed = item("statusSpeed", "Training throughput",
            "100,000 steps/s");
    private final Label solved = item("statusSolved",
            "First episode whose 50-episode average reached the threshold", "");
    private final Label message = item("statusMessage", null, "");
    private final Label fps = item("statusFps", "Screen refreshes per second of this window",
            "UI 60 fps");

    public StatusBar() {
        setId("statusBar");
        getStyleClass().add("status-bar");
        state.setId("statusState");
        state.getStyleClass().addAll("state-pill", "state-idle");
        state.setTooltip(new Tooltip("What the trainer is doing"));
        state.setMinWidth(Region.USE_PREF_SIZE);
        solved.getStyleClass().add("solved");
        solved.setVisible(false);
        solved.managedProperty().bind(solved.visibleProperty());
        message.getStyleClass().add("message");
        message.setMinWidth(0);
        message.setMaxWidth(Double.MAX_VALUE);
        message.setWrapText(true);
        message.setVisible(false);
        message.managedProperty().bind(message.visibleProperty());
        fps.getStyleClass().add("fps");
        FlowPane items = new FlowPane(state, episode, steps, lastReward, average, best, speed,
                solved, fps);
        items.getStyleClass().add("status-items");
        items.setAlignment(Pos.CENTER_LEFT);
        items.setMinWidth(0);
        items.setPrefWrapLength(0);
        getChildren().addAll(items, message);
        setMinWidth(0);
        show(null, ControlState.of(null, null, true), 0);
    }

    /**
     * A status item never narrower than {@code typical} would be, and never cut: its numbers
     * can change every frame without the items after it jumping about.
     */
    private static Label item(String id, String tip, String typical) {
        Label l = new Label() {
            @Override
            protected double computePrefWidth(double height) {
                double own = super.computePrefWidth(height);
                if (typical.isEmpty()) {
                    return own;
                }
                Text probe = new Text(typical);
                probe.setFont(getFont());
                double reserved = Math.ceil(probe.getLayoutBounds().getWidth())
                        + snappedLeftInset() + snappedRightInset();
                return Math.max(own, reserved);
            }
        };
        l.setId(id);
        l.getStyleClass().add("status-item");
        l.setMinWidth(Region.USE_PREF_SIZE);
        if (tip != null) {
            l.setTooltip(new Tooltip(tip));
        }
        return l;
    }

    /** Shows {@code s} (null before the first pull) as the controls describe its state. */
    public void show(TrainerStatus s, ControlState controls, int episodeBudget) {
        String stateText = controls.stateText();
        state.setText(stateText);
        String cls = "state-" + stateText.toLowerCase(Locale.ROOT);
        if (!state.getStyleClass().contains(cls)) {
            state.getStyleClass().removeIf(c -> c.startsWith("state-") && !c.equals("state-pill"));
            state.getStyleClass().add(cls);
        }
        if (s == null) {
            s = new TrainerStatus(TrainerState.IDLE, 0, 0, Double.NaN, Double.NaN, Double.NaN,
                    0, -1, null);
        }
        episode.setText(String.format(Locale.ROOT, "Finished %,d / %,d", s.episodes(),
                episodeBudget));
        steps.setText(String.format(Locale.ROOT, "Steps %,d", s.totalSteps()));
        lastReward.setText("Last reward " + number(s.lastReward(), "%.0f"));
        average.setText("Moving avg " + number(s.movingAverage(), "%.1f"));
        best.setText("Best avg " + number(s.bestMovingAverage(), "%.1f"));
        // a rate only while training: paused, watching or done there is none to show
        speed.setText(controls.running() && !controls.watching() && s.stepsPerSecond() > 0
                ? String.format(Locale.ROOT, "%,.0f steps/s", s.stepsPerSecond())
                : "\u2014 steps/s");
        solved.setVisible(s.solvedAtEpisode() >= 0);
        solved.setText(s.solvedAtEpisode() >= 0
                ? String.format(Locale.ROOT, "Solved at episode %,d", s.solvedAtEpisode()) : "");
    }

    public void setMessage(String text) {
        message.setText(text);
        message.setVisible(text != null && !text.isEmpty());
        message.setTooltip(text == null || text.isEmpty() ? null : new Tooltip(text));
    }

    public void setFps(double framesPerSecond) {
        fps.setText(String.format(Locale.ROOT, "UI %.0f fps", framesPerSecond));
    }

    private static String number(double v, String format) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, format, v) : "\u2014";
    }
}
