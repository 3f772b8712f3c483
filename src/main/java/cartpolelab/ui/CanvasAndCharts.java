package cartpolelab.ui;

import cartpolelab.agent.GradientVarianceProbe;
import cartpolelab.plot.XAxis;
import cartpolelab.ui.canvas.CartPoleCanvas;
import cartpolelab.ui.chart.AxisChoice;
import cartpolelab.ui.chart.RunCharts;
import cartpolelab.ui.maps.NetworkMapsView;
import java.util.List;
import java.util.function.IntFunction;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.NumberBinding;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import javafx.util.StringConverter;

/**
 * The middle of the main window: the cart-pole canvas, the network maps beside it and the
 * replay bar under both on top, the reward
 * chart and the losses/entropy chart below, each chart with a "?" badge that says what its
 * curves mean. Layout only; {@link MainView} wires it.
 */
final class CanvasAndCharts extends SplitPane {

    /** Below this width of the canvas card the maps would be unreadable: they hide. */
    static final double MAPS_MIN_CARD_WIDTH = 760;

    private final BooleanBinding wide;
    /** How often the gradient variance is measured: every K episodes (0: off), M episodes. */
    private final ChoiceBox<Integer> every =
            new ChoiceBox<>(FXCollections
                    .observableArrayList(0, 50, 100, 150, 300, 600));
    private final ChoiceBox<Integer> samples =
            new ChoiceBox<>(FXCollections
                    .observableArrayList(4, 8, 16, 32));

    CanvasAndCharts(CartPoleCanvas canvas, ReplayBar replayBar, NetworkMapsView maps,
              RunCharts charts, Button followButton) {
        StackPane canvasStack = new StackPane(canvas);
        HBox.setHgrow(canvasStack, Priority.ALWAYS);
        canvasStack.setMinWidth(0);
        maps.managedProperty().bind(maps.visibleProperty());
        HBox scene = new HBox(8, canvasStack, maps);
        // the maps take at most 42 % of the width, and only when that leaves them readable:
        // in a small window the cart keeps the whole card
        wide = scene.widthProperty().greaterThanOrEqualTo(MAPS_MIN_CARD_WIDTH);
        NumberBinding share = Bindings.min(600,
                scene.widthProperty().multiply(0.42));
        maps.prefWidthProperty().bind(share);
        maps.minWidthProperty().bind(share);
        VBox.setVgrow(scene, Priority.ALWAYS);
        VBox canvasCard = new VBox(scene, replayBar);
        canvasCard.getStyleClass().addAll("card", "canvas-card");

        followButton.setId("followButton");
        followButton.getStyleClass().add("follow-button");
        followButton.setTooltip(new Tooltip("Zoomed in: show the whole run again and follow "
                + "new episodes (or double-click a chart). Drag across a chart to zoom."));
        followButton.setVisible(false);
        ChoiceBox<XAxis> xAxis = AxisChoice.create("xAxisChoice",
                charts.axis(), charts::showOver);
        // a header row of its own above the chart, as the losses card's toggles: over the
        // chart it covered the title at 900 px or 150 % zoom
        Region headerGap = new Region();
        HBox.setHgrow(headerGap, Priority.ALWAYS);
        HBox header = new HBox(6, headerGap, followButton, xAxis);
        header.getStyleClass().add("chart-toggles");
        header.setAlignment(Pos.CENTER_RIGHT);
        header.setPadding(new Insets(0, 0, 0, 30)); // the "?" badge's corner
        VBox.setVgrow(charts.reward(), Priority.ALWAYS);
        VBox rewardColumn = new VBox(2, header, charts.reward());
        rewardColumn.setMinWidth(0);
        StackPane rewardCard = new StackPane(rewardColumn);
        rewardCard.getStyleClass().addAll("card", "chart-card");
        Label rewardInfo = info("rewardChartInfo", "Episode reward (thin): the steps the pole "
                + "stayed up, one point per episode, noisy by nature. Moving average (thick): "
                + "the mean of the last 50 episodes. The task counts as solved when the average "
                + "over a full 50 reaches the dashed line (195 for CartPole-v0, 475 for v1). "
                + "Hover for an episode's figures; drag to zoom; double-click for the whole run.");
        rewardCard.getChildren().add(rewardInfo);
        StackPane trainingCard = new StackPane(charts.training(), info("trainingChartInfo",
                "Actor loss: minus the mean of log \u03c0(a|s) times what the algorithm "
                        + "multiplies it by (the return, or the advantage); its size follows "
                        + "the returns, so it does not fall to 0 as the agent learns. "
                        + "Critic loss: the squared error of V(s) against the returns (0 for "
                        + "REINFORCE, which has no critic). Entropy: how undecided the policy "
                        + "is, in nats: ln 2 \u2248 0.69 is a coin flip, 0 always the same "
                        + "action; a fall to 0 with a low reward means the policy collapsed."));
        trainingCard.getStyleClass().addAll("card", "chart-card");
        addVarianceChart(trainingCard, charts, every, samples);
        HBox chartRow = new HBox(rewardCard, trainingCard);
        chartRow.getStyleClass().add("charts-row");
        HBox.setHgrow(rewardCard, Priority.ALWAYS);
        HBox.setHgrow(trainingCard, Priority.ALWAYS);
        rewardCard.setPrefWidth(560);
        trainingCard.setPrefWidth(440);
        // the charts give way in a small window, never the window's edge; the losses card
        // keeps the width of its toggles (the reward chart gives way first)
        for (Region r : List.of(rewardCard, chartRow, canvasCard)) {
            r.setMinWidth(0);
        }
        chartRow.setMinHeight(200);
        canvasCard.setMinHeight(140);

        getItems().setAll(canvasCard, chartRow);
        setOrientation(Orientation.VERTICAL);
        setDividerPositions(0.47);
        getStyleClass().add("center-split");

    }

    /**
     * The gradient-variance chart in the training chart's card, with two toggles in its
     * corner to choose which of them shows.
     */
    private static void addVarianceChart(StackPane card, RunCharts charts,
            ChoiceBox<Integer> every,
            ChoiceBox<Integer> samples) {
        ToggleGroup which = new ToggleGroup();
        ToggleButton losses = new ToggleButton(
                "Losses");
        ToggleButton variance = new ToggleButton(
                "Variance");
        // PPO's approx. KL and clip fraction have a view of their own: five panels in one
        // chart were cut off in a small window (900 x 600, or 1280 x 720 at 150 %)
        ToggleButton ppo = new ToggleButton("PPO");
        losses.setId("showLossesChart");
        variance.setId("showVarianceChart");
        ppo.setId("showPpoChart");
        ppo.setTooltip(new Tooltip("PPO's updates: the approximate KL divergence between the "
                + "policy before and after each update, and the fraction of samples whose "
                + "ratio was clipped"));
        ppo.visibleProperty().bind(charts.ppoRun());
        ppo.managedProperty().bind(ppo.visibleProperty());
        ppo.visibleProperty().addListener((o, a, b) -> {
            if (!b && ppo.isSelected()) {
                losses.setSelected(true); // a run without PPO's chart shows its losses
            }
        });
        losses.setToggleGroup(which);
        ppo.setToggleGroup(which);
        variance.setToggleGroup(which);
        losses.setSelected(true);
        which.selectedToggleProperty().addListener((o, a, b) -> {
            if (b == null) {
                a.setSelected(true); // one of the two always shows
            }
        });
        variance.setTooltip(new Tooltip("How noisy each estimator of the policy gradient is: "
                + "every K episodes, M episodes are sampled with the current networks "
                + "(training untouched) and the variance (trace of the covariance) of REINFORCE's "
                + "\u03a3\u2207log \u03c0\u00b7G\u209c, the baseline's \u03a3\u2207log "
                + "\u03c0\u00b7(G\u209c\u2212V) and the TD advantage's \u03a3\u2207log "
                + "\u03c0\u00b7\u03b4\u209c is plotted on a log scale: lower is less noisy."));
        charts.variance().visibleProperty().bind(variance.selectedProperty());
        charts.training().visibleProperty().bind(losses.selectedProperty());
        charts.ppo().visibleProperty().bind(ppo.selectedProperty());
        charts.ppo().visibleProperty().addListener((o, a, b) -> charts.ppo().markDirty());
        charts.variance().visibleProperty().addListener((o, a, b) -> charts.variance()
                .markDirty());
        every.setId("varianceEvery");
        samples.setId("varianceSamples");
        every.setAccessibleText("How often the gradient variance is measured");
        samples.setAccessibleText("Episodes sampled per gradient-variance measurement");
        every.setValue(GradientVarianceProbe.Settings.DEFAULT_EVERY);
        samples.setValue(GradientVarianceProbe.Settings.DEFAULT_EPISODES);
        every.setConverter(converter(k -> k == 0 ? "not measured" : "every " + k + " episodes"));
        samples.setConverter(converter(m -> m + " episodes"));
        for (Region r : List.of(losses, ppo, variance)) {
            r.setMinWidth(Region.USE_PREF_SIZE);
        }
        every.setMinWidth(0);
        samples.setMinWidth(0);
        every.setTooltip(new Tooltip("How often: the more often, the finer the curve and the "
                + "slower the training (every 150 episodes on 8 episodes costs about a tenth)"));
        samples.setTooltip(new Tooltip("Episodes sampled per measurement: more gives a "
                + "steadier estimate of each variance and costs more"));
        samples.disableProperty().bind(every.valueProperty().isEqualTo(0));
        HBox measure = new HBox(4, every, samples);
        measure.visibleProperty().bind(variance.selectedProperty());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox toggles = new HBox(4, measure, gap, losses, ppo, variance);
        toggles.getStyleClass().add("chart-toggles");
        toggles.setPadding(new Insets(0, 0, 0, 30)); // the "?" badge's corner
        toggles.setAlignment(Pos.CENTER_RIGHT);
        // above the charts, not over them: the title stays readable
        card.getChildren().remove(charts.training());
        StackPane both = new StackPane(charts.training(), charts.ppo(), charts.variance());
        VBox.setVgrow(both, Priority.ALWAYS);
        VBox column = new VBox(2, toggles, both);
        both.setMinWidth(0);
        card.getChildren().add(0, column);
    }

    private static StringConverter<Integer> converter(
            IntFunction<String> text) {
        return new StringConverter<>() {
            @Override
            public String toString(Integer v) {
                return v == null ? "" : text.apply(v);
            }

            @Override
            public Integer fromString(String s) {
                throw new UnsupportedOperationException();
            }
        };
    }

    /**
     * The gradient-variance measurement chosen: every K episodes on M episodes, or null for
     * none. {@code onChange} runs when either choice changes.
     */
    GradientVarianceProbe.Settings measurement() {
        return every.getValue() == 0 ? null : new GradientVarianceProbe
                .Settings(every.getValue(), samples.getValue());
    }

    void onMeasurementChange(Runnable onChange) {
        every.valueProperty().addListener((o, a, b) -> onChange.run());
        samples.valueProperty().addListener((o, a, b) -> onChange.run());
    }

    /** True while the canvas card is wide enough for the network maps. */
    BooleanBinding wideEnoughForMaps() {
        return wide;
    }

    /** A small "?" badge in a chart card's corner whose tooltip says what the curves mean. */
    private static Label info(String id, String text) {
        Label badge = new Label("?");
        badge.setId(id);
        badge.getStyleClass().add("chart-info");
        Tooltip tip = new Tooltip(text);
        tip.setWrapText(true);
        tip.setMaxWidth(380);
        tip.setShowDelay(Duration.millis(200));
        badge.setTooltip(tip);
        badge.setAccessibleText("What this chart shows");
        badge.setAccessibleHelp(text);
        StackPane.setAlignment(badge, Pos.TOP_LEFT);
        StackPane.setMargin(badge, new Insets(6, 0, 0, 10));
        return badge;
    }

}
