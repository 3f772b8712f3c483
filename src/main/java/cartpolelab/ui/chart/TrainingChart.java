package cartpolelab.ui.chart;

import cartpolelab.metrics.EpisodeHistory;
import java.util.function.IntToDoubleFunction;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * Actor loss, critic loss and entropy per episode as three small charts stacked over one
 * episode axis. They live on very different scales (critic losses in the hundreds, entropy
 * below ln 2 ≈ 0.69, actor losses of either sign), so one shared y-axis would flatten two of
 * them; each gets its own axis, their plot areas aligned by a fixed y-axis width.
 */
public final class TrainingChart extends VBox {

    private static final double Y_AXIS_WIDTH = 56;

    private final Panel actor = new Panel("Actor loss", "actor-loss", 1);
    private final Panel critic = new Panel("Critic loss", "critic-loss", 1);
    /** Two actions: entropy lies in [0, ln 2]. */
    private final Panel entropy = new Panel("Entropy", "entropy", 0.75);

    public TrainingChart() {
        setId("trainingChart");
        getStyleClass().add("training-chart");
        Label title = new Label("Losses and entropy per episode");
        title.getStyleClass().add("chart-heading");
        title.setMaxWidth(Double.MAX_VALUE);
        getChildren().addAll(title, actor.chart, critic.chart, entropy.chart);
        // One episode axis: the upper two follow the bottom one.
        for (Panel p : new Panel[] {actor, critic}) {
            p.xAxis.setTickLabelsVisible(false);
            p.xAxis.lowerBoundProperty().bind(entropy.xAxis.lowerBoundProperty());
            p.xAxis.upperBoundProperty().bind(entropy.xAxis.upperBoundProperty());
            p.xAxis.tickUnitProperty().bind(entropy.xAxis.tickUnitProperty());
        }
        entropy.xAxis.setLabel("Episode");
    }

    public void refresh(EpisodeHistory history) {
        int n = history.size();
        actor.update(history::actorLoss, n);
        critic.update(history::criticLoss, n);
        entropy.update(history::entropy, n);
        EpisodeAxis.fit(entropy.xAxis, n);
    }

    public void clear() {
        for (Panel p : new Panel[] {actor, critic, entropy}) {
            p.update(i -> 0, 0);
        }
        EpisodeAxis.fit(entropy.xAxis, 0);
    }

    /** The three charts, top to bottom (actor loss, critic loss, entropy). */
    public java.util.List<LineChart<Number, Number>> charts() {
        return java.util.List.of(actor.chart, critic.chart, entropy.chart);
    }

    private static final class Panel {
        final NumberAxis xAxis = EpisodeAxis.create();
        final NumberAxis yAxis = new NumberAxis();
        final LineChart<Number, Number> chart = new LineChart<>(xAxis, yAxis);
        final XYChart.Series<Number, Number> series = new XYChart.Series<>();
        final SeriesFeeder feeder = new SeriesFeeder(series);

        Panel(String name, String styleClass, double emptyUpper) {
            chart.getStyleClass().addAll("small-chart", styleClass);
            chart.setAnimated(false);
            chart.setCreateSymbols(false);
            chart.setLegendVisible(false);
            chart.setMinHeight(80);
            chart.setPrefHeight(120);
            VBox.setVgrow(chart, Priority.ALWAYS);
            yAxis.setForceZeroInRange(false);
            yAxis.setMinorTickVisible(false);
            // Until data arrives, a plain 0..emptyUpper axis instead of an arbitrary range.
            yAxis.setAutoRanging(false);
            yAxis.setLowerBound(0);
            yAxis.setUpperBound(emptyUpper);
            yAxis.setTickUnit(emptyUpper >= 1 ? 0.5 : 0.25);
            yAxis.setLabel(name);
            yAxis.setTickLabelFormatter(new CompactNumber());
            yAxis.setMinWidth(Y_AXIS_WIDTH);
            yAxis.setPrefWidth(Y_AXIS_WIDTH);
            yAxis.setMaxWidth(Y_AXIS_WIDTH);
            series.setName(name);
            chart.getData().add(series);
        }

        void update(IntToDoubleFunction column, int n) {
            feeder.update(column, n);
            boolean data = !series.getData().isEmpty();
            if (yAxis.isAutoRanging() != data) {
                yAxis.setAutoRanging(data);
            }
        }
    }
}
