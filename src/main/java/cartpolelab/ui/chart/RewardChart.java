package cartpolelab.ui.chart;

import cartpolelab.ui.TrainerPort;
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
        reward.setName("Episode reward");
        average.setName("Moving average (50)");
        threshold.getData().addAll(thresholdStart, thresholdEnd);
        setData(FXCollections.observableArrayList(reward, average, threshold));
        setThreshold(195);
    }

    /** The solved threshold of the version being trained (195 for v0, 475 for v1). */
    public void setThreshold(double value) {
        threshold.setName(String.format(java.util.Locale.ROOT, "Solved (%.0f)", value));
        thresholdStart.setYValue(value);
        thresholdEnd.setYValue(value);
    }

    /** Brings the series up to date with the history; cheap when nothing changed. */
    public void refresh(TrainerPort.History history) {
        int n = history.size();
        rewardFeeder.update(history::reward, n);
        averageFeeder.update(history::movingAverage, n);
        setTitle(rewardFeeder.reduced()
                ? String.format(java.util.Locale.ROOT,
                        "Reward per episode \u00b7 %,d episodes as bucket min/max", n)
                : "Reward per episode");
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
        setTitle("Reward per episode");
    }

    /** Points currently drawn in the reward series (for tests and the reduced-mode note). */
    public int drawnPoints() {
        return reward.getData().size();
    }

    public boolean reduced() {
        return rewardFeeder.reduced();
    }
}
