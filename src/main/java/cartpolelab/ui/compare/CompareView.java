package cartpolelab.ui.compare;

import cartpolelab.agent.GradientVarianceProbe;
import cartpolelab.agent.Hyperparameters;
import cartpolelab.metrics.Center;
import cartpolelab.metrics.RateMeter;
import cartpolelab.metrics.Spread;
import cartpolelab.plot.CompareFigures;
import cartpolelab.plot.XAxis;
import cartpolelab.results.ExperimentResults;
import cartpolelab.ui.chart.AxisChoice;
import cartpolelab.plot.Figure;
import cartpolelab.train.Experiment;
import cartpolelab.train.ExperimentSpec;
import cartpolelab.train.ExperimentStatus;
import cartpolelab.ui.BackgroundWork;
import cartpolelab.ui.FileDialogs;
import cartpolelab.ui.chart.ChartView;
import cartpolelab.ui.chart.PlotCanvas;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * The Compare view: set up a grid of algorithms × seeds (× one swept setting), run it on the
 * pool, and watch it live: per group the mean (or IQM) of the runs' 50-episode averages with
 * its band and every run as a faint line, the performance profile, the group and run tables.
 * Export writes the charts (PNG/SVG), the tidy CSV and the summary CSV, as {@code compare}
 * does; a double-click on a run opens it in the main window.
 *
 * <p>Threads: the experiment trains on its own pool; {@link #tick} (FX thread, once per screen
 * refresh) reads its status, and hands the statistics to {@code compute}, at most one at a
 * time and spaced by three times their last cost, so they never eat into training.
 */
public final class CompareView extends BorderPane {

    private final Supplier<Hyperparameters> base;
    private final Executor compute;
    private final CompareSetup setup;
    private final Button start = new Button("Start");
    private final Button pause = new Button("Pause");
    private final Button stop = new Button("Stop");
    private final ChoiceBox<String> center = new ChoiceBox<>();
    private XAxis axis = XAxis.EPISODES;
    private final ChoiceBox<String> band = new ChoiceBox<>();
    private final Label error = new Label();
    private final BooleanProperty running = new SimpleBooleanProperty();
    private final Label progress = new Label("No experiment yet.");
    private final ChartView chartView = new ChartView();
    private final PlotCanvas reward = new PlotCanvas("compareRewardChart", chartView);
    private final PlotCanvas profile = new PlotCanvas("compareProfileChart", chartView);
    private final PlotCanvas variance = new PlotCanvas("compareVarianceChart", chartView);
    private final CompareTables tables;
    private final CompareExports exports;
    private final BooleanProperty hasData = new SimpleBooleanProperty();
    private final Label empty = new Label("Tick the algorithms, give the seeds and press "
            + "Start: the charts fill as the runs train, all of them at once.");
    private Experiment experiment;
    /** Stored runs shown instead of an experiment ({@link #showStored}), or null. */
    private CompareData.Stored stored;
    private BiConsumer<Experiment, GradientVarianceProbe.Settings> started = (e, m) -> { };
    private CompareData data;
    private boolean computing;
    private long nextCompute;
    private long lastEpisodes = -1;
    /** Frames painted, for the frame rate in the progress line (the charts' own cost). */
    private final RateMeter frames = new RateMeter(1_000_000_000L);
    private long frameCount;

    /**
     * @param base    the main window's settings (every setting the grid does not vary)
     * @param open    opens the given cell's run in the main window
     * @param compute where the statistics are computed (not the FX thread)
     */
    public CompareView(Supplier<Hyperparameters> base, FileDialogs dialogs, BackgroundWork files,
                       BiConsumer<Experiment, Integer> open,
                       Executor compute) {
        this.base = base;
        this.compute = compute;
        this.setup = new CompareSetup(base.get());
        this.tables = new CompareTables(i -> open.accept(experiment, i));
        this.exports = new CompareExports(dialogs, files);
        setId("compareView");
        getStyleClass().add("app-root");
        setPadding(new Insets(10));
        createView();
    }

    private void createView() {
        start.setId("compareStart");
        pause.setId("comparePause");
        stop.setId("compareStop");
        start.getStyleClass().add("primary");
        center.setId("compareCenter");
        band.setId("compareBand");
        center.getItems().setAll(Stream.of(Center.values()).map(Center::displayName).toList());
        center.setValue(Center.MEAN.displayName());
        band.getItems().setAll(Stream.of(Spread.values()).map(Spread::displayName).toList());
        band.setValue(Spread.BOOTSTRAP.displayName());
        center.valueProperty().addListener((o, a, b) -> nextCompute = 0);
        band.valueProperty().addListener((o, a, b) -> nextCompute = 0);
        ChoiceBox<XAxis> xAxis = AxisChoice.create("compareXAxis", axis, a -> {
            axis = a;
            nextCompute = 0;
        });
        Button saveCharts = new Button("Save charts");
        Button tidy = new Button("Export CSV");
        Button summary = new Button("Summary CSV");
        saveCharts.setId("compareSaveCharts");
        tidy.setId("compareExportCsv");
        summary.setId("compareSummaryCsv");
        for (Button b : List.of(saveCharts, tidy, summary)) {
            b.disableProperty().bind(running.or(hasData.not()));
        }
        start.setOnAction(e -> startExperiment());
        // checked as you type: Start waits until the form is right, the note says what is not
        start.disableProperty().bind(running.or(setup.problemsProperty().isNotEmpty()));
        setup.showProblemsIn(error);
        pause.setOnAction(e -> togglePause());
        stop.setOnAction(e -> {
            if (experiment != null) {
                experiment.stop();
            }
        });
        saveCharts.setOnAction(e -> exports.saveCharts(data, owner(), variance.isVisible()));
        tidy.setOnAction(e -> exports.exportCsv(data, false, owner()));
        summary.setOnAction(e -> exports.exportCsv(data, true, owner()));
        pause.setDisable(true);
        stop.setDisable(true);
        // wraps onto a second line in a narrow window instead of squeezing buttons to "..."
        Pane controls = WrappingBar.of(List.of(start, pause, stop,
                new Label("Line"), center, new Label("Band"), band, xAxis),
                List.of(saveCharts, tidy, summary));
        controls.getStyleClass().add("compare-controls");
        error.setId("compareError");
        error.getStyleClass().add("invalid-note");
        error.setWrapText(true);
        error.managedProperty().bind(error.visibleProperty());
        error.setVisible(false);
        progress.setId("compareProgress");
        VBox top = new VBox(8, setup, controls, error, progress);
        top.getStyleClass().add("compare-top");
        setTop(top);

        StackPane right = RightChart.of(profile, variance);
        HBox plots = new HBox(8, reward, right);
        HBox.setHgrow(reward, Priority.ALWAYS);
        HBox.setHgrow(right, Priority.ALWAYS);
        reward.setPrefWidth(640);
        right.setPrefWidth(420);
        empty.getStyleClass().add("hint");
        empty.visibleProperty().bind(hasData.not());
        plots.visibleProperty().bind(hasData);
        StackPane charts = new StackPane(empty, plots);
        SplitPane center = new SplitPane(charts, tables);
        center.setOrientation(Orientation.VERTICAL);
        center.setDividerPositions(0.55);
        setCenter(center);
    }

    private void startExperiment() {
        ExperimentSpec spec;
        try {
            spec = setup.spec(base.get());
        } catch (IllegalArgumentException e) {
            error.setText(e.getMessage());
            error.setVisible(true);
            return;
        }
        error.setVisible(false);
        close();
        stored = null;
        experiment = new Experiment(spec);
        GradientVarianceProbe.Settings measure = setup.measureVariance()
                ? GradientVarianceProbe.Settings.DEFAULT : null;
        experiment.measureGradientVariance(measure);
        started.accept(experiment, measure);
        data = null;
        hasData.set(false);
        lastEpisodes = -1;
        nextCompute = 0;
        experiment.start();
        setup.setRunning(true);
        running.set(true);
        pause.setDisable(false);
        stop.setDisable(false);
        pause.setText("Pause");
    }

    private void togglePause() {
        if (experiment == null) {
            return;
        }
        if ("Pause".equals(pause.getText())) {
            experiment.pause();
            pause.setText("Resume");
        } else {
            experiment.resume();
            pause.setText("Pause");
        }
    }

    /** Once per screen refresh (FX thread): progress, the statistics when due, painting. */
    public void tick(long now) {
        frames.update(now, ++frameCount);
        if (experiment != null) {
            ExperimentStatus s = experiment.status();
            boolean changed = s.episodesDone() != lastEpisodes;
            // the last statistics are computed at once, not when the throttle allows; until
            // they are shown, the progress line says so (the rows and chart are behind it)
            if (!computing && (now >= nextCompute || s.done()) && (changed || data == null
                    || nextCompute == 0)) {
                lastEpisodes = s.episodesDone();
                refresh(now, s.done());
            }
            boolean settled = s.done() && !computing && data != null
                    && s.episodesDone() == lastEpisodes;
            progress.setText(ProgressLine.of(s) + (s.done() && !settled ? " \u00b7 computing "
                    + "the final statistics\u2026" : "") + String.format(Locale.ROOT,
                    " \u00b7 window %.0f fps", frames.perSecond()));
            pause.setDisable(s.done() || !running.get());
            stop.setDisable(s.done() || !running.get());
            if (settled && running.get()) {
                setup.setRunning(false);
                running.set(false);
            }
        } else if (stored != null && !computing && nextCompute == 0) { // once per choice
            refresh(now, true);
        }
        reward.paintIfDirty();
        if (profile.isVisible()) {
            profile.paintIfDirty();
        } else {
            variance.paintIfDirty();
        }
    }

    private void refresh(long now, boolean last) {
        computing = true;
        Experiment e = experiment;
        Center c = Center.parse(center.getValue());
        Spread sp = Spread.parse(band.getValue());
        XAxis x = axis;
        ExperimentResults earlier = data == null ? null : data.results();
        CompareData.Stored st = stored;
        CompletableFuture.supplyAsync(() -> e == null ? CompareData.of(st.results(), st.title(),
                c, sp, x) : CompareData.of(e, c, sp, x, earlier), compute)
                .whenComplete((d, failure) -> Platform.runLater(() -> {
                    computing = false;
                    long cost = System.nanoTime() - now;
                    nextCompute = System.nanoTime() + Math.max(500_000_000L, 3 * cost);
                    if (d != null && e == experiment) {
                        show(d);
                    } else if (failure != null) {
                        error.setText("Could not compute the statistics: "
                                + BackgroundWork.describe(failure));
                        error.setVisible(true);
                    }
                }));
    }

    private void show(CompareData d) {
        data = d;
        hasData.set(true);
        Figure r = CompareFigures.reward(d.groups(), d.description(), d.axis());
        Figure p = CompareFigures.profile(d.groups(), d.description(), d.axis());
        Figure v = CompareFigures.variance(d.variance(), d.description());
        r.catchUp();
        p.catchUp();
        v.catchUp();
        reward.show(r);
        profile.show(p);
        variance.show(v);
        reward.setReadout(List.of(r));
        profile.setReadout(List.of(p));
        variance.setReadout(List.of(v));
        tables.show(d);
    }

    private Window owner() {
        return getScene() == null ? null : getScene().getWindow();
    }

    /** Hears each experiment as it starts, with its measurement (the run library records it). */
    public void onStart(BiConsumer<Experiment, GradientVarianceProbe.Settings> started) {
        this.started = started;
    }

    /** Shows stored runs' results (Runs window), as a fresh grid's; stops the experiment. */
    public void showStored(ExperimentResults results, String title) {
        close();
        experiment = null;
        stored = new CompareData.Stored(results, title);
        data = null;
        hasData.set(false);
        nextCompute = 0;
        progress.setText(title + " \u00b7 " + results.runs().size() + " runs");
    }

    /** The experiment shown, or null. */
    public Experiment experiment() {
        return experiment;
    }

    /** The results shown last (a live experiment's or stored runs'), or null. */
    public ExperimentResults results() {
        CompareData d = data;
        return d == null ? null : d.results();
    }

    /** The statistics shown last, or null (tests). */
    CompareData data() {
        return data;
    }

    CompareTables tables() {
        return tables;
    }

    PlotCanvas rewardChart() {
        return reward;
    }

    /** Stops and closes the experiment (the window closes, or a new one starts). */
    public void close() {
        if (experiment != null) {
            experiment.close();
        }
    }
}
