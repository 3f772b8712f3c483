package cartpolelab.ui.chart;

import cartpolelab.metrics.EpisodeHistory;
import cartpolelab.agent.Hyperparameters;
import javafx.collections.FXCollections;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;

/**
 * Episode reward (thin blue), its 50-episode moving average (orange) and the version's solved
 * threshold (green, dashed; two points spanning the plot's width). Colours match the CLI's
 * PNG ({@code cartpolelab.io.ChartPalette}); they are set in {@code app.css}. Axes fit the data.
 */
public final class RewardChart extends LineChart<Number, Number> {

    private static final String REWARD = "Episode reward";
    private static final String REWARD_REDUCED = "Episode reward (min/max per bucket)";

    private final XYChart.Series<Number, Number> reward = new XYChart.Series<>();
    private final XYChart.Series<Number, Number> average = new XYChart.Series<>();
    private final XYChart.Series<Number, Number> threshold = new XYChart.Series<>();
    private final SeriesFeeder rewardFeeder = new SeriesFeeder(reward);
    private final SeriesFeeder averageFeeder = new SeriesFeeder(average);
    private final XYChart.Data<Number, Number> thresholdStart = new XYChart.Data<>(0, 0);
    private final XYChart.Data<Number, Number> thresholdEnd =
            new XYChart.Data<>(EpisodeAxis.MIN_SPAN, 0);

    public RewardChart() {
        super(EpisodeAxis.create(), new NumberAxis());
        setId("rewardChart");
        getStyleClass().add("reward-chart");
        setAnimated(false);
        setCreateSymbols(false);
        setTitle("Reward per episode");
        getXAxis().setLabel("Episode");
        getYAxis().setLabel("Reward");
        ((NumberAxis) getYAxis()).setMinorTickVisible(false);
        reward.setName(REWARD);
        average.setName("Moving average (50)");
        threshold.getData().addAll(thresholdStart, thresholdEnd);
        setData(FXCollections.observableArrayList(reward, average, threshold));
        setThreshold(195);
    }

    /**
     * Titles the chart like the command line's PNG ("CartPole-v0 · A2C · seed 1") and draws
     * the version's solved threshold (195 for v0, 475 for v1).
     */
    public void describe(Hyperparameters hp) {
        setTitle(hp.version().id() + " \u00b7 " + hp.algorithm().displayName() + " \u00b7 seed "
                + hp.seed());
        setThreshold(hp.version().solvedThreshold());
    }

    /** The solved threshold of the version being trained (195 for v0, 475 for v1). */
    public void setThreshold(double value) {
        threshold.setName(String.format(java.util.Locale.ROOT, "Solved (%.0f)", value));
        thresholdStart.setYValue(value);
        thresholdEnd.setYValue(value);
    }

    /** Brings the series up to date with the history; cheap when nothing changed. */
    public void refresh(EpisodeHistory history) {
        int n = history.size();
        rewardFeeder.update(history::reward, n);
        averageFeeder.update(history::movingAverage, n);
        // The legend says when the line is a reduction (each bucket's min and max).
        String name = rewardFeeder.reduced() ? REWARD_REDUCED : REWARD;
        if (!name.equals(reward.getName())) {
            reward.setName(name);
        }
        NumberAxis x = (NumberAxis) getXAxis();
        EpisodeAxis.fit(x, n);
        if (thresholdEnd.getXValue().doubleValue() != x.getUpperBound()) {
            thresholdEnd.setXValue(x.getUpperBound()); // the line spans the whole plot
        }
    }

    public void clear() {
        rewardFeeder.clear();
        averageFeeder.clear();
        EpisodeAxis.fit((NumberAxis) getXAxis(), 0);
        thresholdEnd.setXValue(EpisodeAxis.MIN_SPAN);
        reward.setName(REWARD);
    }

    /** Points currently drawn in the reward series (for tests and the reduced-mode note). */
    public int drawnPoints() {
        return reward.getData().size();
    }

    public boolean reduced() {
        return rewardFeeder.reduced();
    }
}
