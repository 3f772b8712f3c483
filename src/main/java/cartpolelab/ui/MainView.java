package cartpolelab.ui;

import cartpolelab.metrics.EpisodeHistory;
import cartpolelab.io.Checkpoint;
import cartpolelab.train.Speed;
import cartpolelab.train.TrainerStatus;
import cartpolelab.ui.canvas.CartPoleCanvas;
import cartpolelab.ui.chart.RewardChart;
import cartpolelab.ui.chart.TrainingChart;
import cartpolelab.ui.export.PlotExporter;
import cartpolelab.ui.settings.SettingsPane;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.animation.AnimationTimer;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.event.EventHandler;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitMenuButton;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.Duration;
import javafx.util.StringConverter;

/**
 * The main window's content: toolbar on top, settings on the left, the cart-pole canvas over
 * the two charts in the middle, the status bar at the bottom. Built in code; styled by
 * {@code app.css}. An {@link AnimationTimer} pulls the view model once per screen refresh,
 * redraws the canvas when the frame changed and refreshes the charts at {@link #CHART_HZ}.
 */
public final class MainView extends BorderPane {

    /** Chart refresh rate: steady, independent of how fast episodes finish. */
    public static final double CHART_HZ = 15;

    private final TrainingViewModel vm;
    private final FileDialogs fileDialogs;
    private Dialogs dialogs;

    private final Button startPause = new Button("Start");
    private final Button stepEpisode = new Button("Step episode");
    private final Button stepFrame = new Button("Step frame");
    private final Button reset = new Button("Reset");
    private final Button watch = new Button("Watch");
    private final ChoiceBox<Speed> speed = new ChoiceBox<>(
            FXCollections.observableArrayList(Speed.values()));
    private final CheckBox stopWhenSolved = new CheckBox("Stop when solved");
    private final SplitMenuButton savePlots = new SplitMenuButton();
    private final CheckMenuItem stackCharts = new CheckMenuItem(
            "Include the training chart (both charts stacked)");
    private final Button exportCsv = new Button("Export CSV");
    private final Button saveCheckpoint = new Button("Save checkpoint");
    private final Button loadCheckpoint = new Button("Load checkpoint");

    private final CartPoleCanvas canvas = new CartPoleCanvas();
    private final RewardChart rewardChart = new RewardChart();
    private final TrainingChart trainingChart = new TrainingChart();
    private final SettingsPane settings;
    private final StatusBar statusBar = new StatusBar();

    private final EventHandler<KeyEvent> keyHandler = this::onKey;
    private final AnimationTimer timer;
    private long lastChartRefresh;
    private EpisodeHistory chartedHistory;
    private long fpsWindowStart;
    private int fpsFrames;
    private boolean shutDown;

    public MainView(TrainingViewModel vm, FileDialogs fileDialogs, Dialogs dialogs) {
        this.vm = vm;
        this.fileDialogs = fileDialogs;
        this.dialogs = dialogs;
        this.settings = new SettingsPane(vm.settingsProperty().get());
        setId("root");
        getStyleClass().add("app-root");
        createView();
        initListeners();
        timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                onFrame(now);
            }
        };
        timer.start();
    }

    // ---- layout ---------------------------------------------------------------------------

    private void createView() {
        setTop(createToolbar());

        VBox left = new VBox(settings, createKeysPane());
        left.getStyleClass().add("left-column");
        ScrollPane settingsScroll = new ScrollPane(left);
        settingsScroll.setFitToWidth(true);
        settingsScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        settingsScroll.getStyleClass().add("settings-scroll");
        setLeft(settingsScroll);

        StackPane canvasCard = new StackPane(canvas);
        canvasCard.getStyleClass().addAll("card", "canvas-card");
        canvasCard.setMinHeight(160);

        StackPane rewardCard = new StackPane(rewardChart);
        rewardCard.getStyleClass().addAll("card", "chart-card");
        StackPane trainingCard = new StackPane(trainingChart);
        trainingCard.getStyleClass().addAll("card", "chart-card");
        HBox charts = new HBox(rewardCard, trainingCard);
        charts.getStyleClass().add("charts-row");
        HBox.setHgrow(rewardCard, Priority.ALWAYS);
        HBox.setHgrow(trainingCard, Priority.ALWAYS);
        rewardCard.setPrefWidth(560);
        trainingCard.setPrefWidth(440);
        charts.setMinHeight(240);

        SplitPane center = new SplitPane(canvasCard, charts);
        center.setOrientation(Orientation.VERTICAL);
        center.setDividerPositions(0.42);
        center.getStyleClass().add("center-split");
        setCenter(center);

        setBottom(statusBar);
    }

    /** The shortcuts, listed under the settings where a new user looks for them. */
    private static Node createKeysPane() {
        Label title = new Label("Keyboard");
        title.getStyleClass().add("section-title");
        GridPane keys = new GridPane();
        keys.getStyleClass().add("keys-grid");
        String[][] rows = {{"Space", "Start / pause"}, {"N", "Step one episode"},
            {"F", "Step one frame"}, {"R", "Reset"}, {"Ctrl+S", "Save plots"}};
        for (int i = 0; i < rows.length; i++) {
            Label key = new Label(rows[i][0]);
            key.getStyleClass().add("key-cap");
            Label what = new Label(rows[i][1]);
            what.getStyleClass().add("hint");
            keys.addRow(i, key, what);
        }
        VBox pane = new VBox(title, keys);
        pane.getStyleClass().add("keys-pane");
        return pane;
    }

    private Node createToolbar() {
        startPause.setId("startPauseButton");
        stepEpisode.setId("stepEpisodeButton");
        stepFrame.setId("stepFrameButton");
        reset.setId("resetButton");
        watch.setId("watchButton");
        speed.setId("speedChoice");
        stopWhenSolved.setId("stopWhenSolvedCheck");
        savePlots.setId("savePlotsButton");
        exportCsv.setId("exportCsvButton");
        saveCheckpoint.setId("saveCheckpointButton");
        loadCheckpoint.setId("loadCheckpointButton");

        startPause.getStyleClass().add("primary");
        startPause.setMinWidth(84);
        savePlots.setText("Save plots");
        savePlots.getItems().add(stackCharts);

        tip(startPause, "Start training, pause it, or resume it  (Space)");
        tip(stepEpisode, "Run exactly one more episode, with its learning update, then pause  (N)");
        tip(stepFrame, "Take one environment step, then pause  (F)");
        tip(reset, "Fresh networks with the settings on the left; the charts start over  (R)");
        tip(watch, "Run the current policy greedily, in real time, without learning; "
                + "Pause to stop");
        tip(speed, "Real time: 50 steps per second, the true motion. Fast: as fast as it "
                + "trains, every frame drawn. Maximum: no frames drawn, episodes only.");
        tip(stopWhenSolved, "Stop training when the 50-episode average reaches the version's "
                + "threshold (195 for v0, 475 for v1)");
        tip(savePlots, "Save the reward chart as a PNG image  (Ctrl+S). The arrow offers "
                + "both charts stacked.");
        tip(exportCsv, "Write every finished episode's metrics to a CSV file");
        tip(saveCheckpoint, "Save the networks, the optimiser state and the settings to a file");
        tip(loadCheckpoint, "Load networks and settings from a checkpoint file, paused");

        speed.setConverter(new StringConverter<>() {
            @Override
            public String toString(Speed s) {
                return s == null ? "" : s.displayName();
            }

            @Override
            public Speed fromString(String string) {
                throw new UnsupportedOperationException();
            }
        });
        Label speedLabel = new Label("Speed");
        speedLabel.setLabelFor(speed);
        speedLabel.getStyleClass().add("toolbar-label");

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        // A ToolBar, not an HBox: in a narrow window the last controls move into its
        // overflow menu instead of being clipped.
        ToolBar bar = new ToolBar(startPause, stepEpisode, stepFrame, reset, separator(), watch,
                separator(), speedLabel, speed, stopWhenSolved, spacer, savePlots, exportCsv,
                saveCheckpoint, loadCheckpoint);
        bar.getStyleClass().add("toolbar");
        bar.setId("toolbar");
        for (Node n : bar.getItems()) {
            if (n instanceof Control c) {
                c.setMinWidth(Region.USE_PREF_SIZE);
            }
        }
        return bar;
    }

    private static Separator separator() {
        Separator s = new Separator(Orientation.VERTICAL);
        s.getStyleClass().add("toolbar-separator");
        return s;
    }

    private static void tip(Control c, String text) {
        Tooltip t = new Tooltip(text);
        t.setWrapText(true);
        t.setMaxWidth(360);
        t.setShowDelay(Duration.millis(400));
        c.setTooltip(t);
    }

    // ---- wiring ---------------------------------------------------------------------------

    private void initListeners() {
        startPause.textProperty().bind(vm.startPauseTextProperty());
        startPause.disableProperty().bind(vm.startPauseDisabledProperty());
        stepEpisode.disableProperty().bind(vm.stepDisabledProperty());
        stepFrame.disableProperty().bind(vm.stepDisabledProperty());
        watch.disableProperty().bind(vm.watchDisabledProperty());
        reset.disableProperty().bind(vm.resetDisabledProperty());
        saveCheckpoint.disableProperty().bind(vm.fileBusyProperty());
        loadCheckpoint.disableProperty().bind(vm.fileBusyProperty());
        exportCsv.disableProperty().bind(vm.fileBusyProperty().or(Bindings.createBooleanBinding(
                () -> vm.statusProperty().get() == null
                        || vm.statusProperty().get().episodes() == 0, vm.statusProperty())));
        savePlots.disableProperty().bind(vm.fileBusyProperty());
        speed.valueProperty().bindBidirectional(vm.speedProperty());
        stopWhenSolved.selectedProperty().bindBidirectional(vm.stopWhenSolvedProperty());

        startPause.setOnAction(e -> vm.toggleStartPause());
        stepEpisode.setOnAction(e -> vm.stepEpisode());
        stepFrame.setOnAction(e -> vm.stepFrame());
        reset.setOnAction(e -> resetRun());
        watch.setOnAction(e -> vm.watch());
        savePlots.setOnAction(e -> savePlots());
        exportCsv.setOnAction(e -> exportCsv());
        saveCheckpoint.setOnAction(e -> saveCheckpoint());
        loadCheckpoint.setOnAction(e -> loadCheckpoint());

        settings.valueProperty().addListener((o, a, b) -> vm.settingsProperty().set(b));
        vm.loadedSettingsProperty().addListener((o, a, b) -> {
            if (b != null) {
                settings.setValue(b);
            }
        });
        vm.settingsNeedResetProperty().addListener((o, a, b) -> {
            settings.setNeedsReset(b);
            reset.getStyleClass().remove("attention");
            if (b) {
                reset.getStyleClass().add("attention");
            }
        });
        vm.frameProperty().addListener((o, a, b) -> {
            canvas.setFrame(b);
            updateCanvasMessage();
        });
        vm.statusProperty().addListener((o, a, b) -> updateCanvasMessage());
        canvas.setFrame(vm.frameProperty().get());
        vm.shownSettingsProperty().addListener((o, a, b) -> {
            if (b != null) {
                rewardChart.describe(b);
            }
        });
        rewardChart.describe(vm.shownSettingsProperty().get());
        vm.statusProperty().addListener((o, a, b) -> showStatus());
        vm.stateTextProperty().addListener((o, a, b) -> showStatus());
        vm.runSettingsProperty().addListener((o, a, b) -> showStatus());
        vm.messageProperty().addListener((o, a, b) -> statusBar.setMessage(b));
        vm.speedProperty().addListener((o, a, b) -> updateCanvasMessage());
        vm.setOnError((title, text) -> dialogs.showError(title, text));
        showStatus();
        updateCanvasMessage();

        sceneProperty().addListener((o, a, b) -> {
            if (a != null) {
                a.removeEventFilter(KeyEvent.KEY_PRESSED, keyHandler);
            }
            if (b != null) {
                b.addEventFilter(KeyEvent.KEY_PRESSED, keyHandler);
            }
        });
    }

    private void showStatus() {
        TrainerStatus s = vm.statusProperty().get();
        statusBar.show(s, vm.stateTextProperty().get(),
                vm.runSettingsProperty().get().episodes());
    }

    /** "Press Start" on a fresh run; at maximum speed, why the cart stands still. */
    private void updateCanvasMessage() {
        String message = null;
        if (vm.isFresh()) {
            message = "Press Start (Space) to train, or F to take one step.";
        } else if (vm.speedProperty().get() == Speed.MAXIMUM && vm.runningProperty().get()
                && !vm.watchingProperty().get()) {
            message = "Maximum speed: training without drawing. Choose Fast or Real time "
                    + "to watch.";
        }
        canvas.setMessage(message);
    }

    /**
     * Space start/pause, N step episode, F step frame, R reset, Ctrl+S save plots. Plain keys
     * do nothing while a text field has the focus (so Space types a space there).
     */
    private void onKey(KeyEvent e) {
        if (e.getCode() == KeyCode.S && e.isShortcutDown() && !e.isAltDown()) {
            e.consume();
            savePlots();
            return;
        }
        if (e.isShortcutDown() || e.isControlDown() || e.isAltDown() || e.isMetaDown()) {
            return;
        }
        Scene scene = getScene();
        if (scene != null && scene.getFocusOwner() instanceof TextInputControl) {
            return;
        }
        switch (e.getCode()) {
            case SPACE -> vm.toggleStartPause();
            case N -> vm.stepEpisode();
            case F -> vm.stepFrame();
            case R -> resetRun();
            default -> {
                return;
            }
        }
        e.consume();
    }

    // ---- per screen refresh -----------------------------------------------------------------

    private void onFrame(long now) {
        vm.pull();
        if (now - lastChartRefresh >= (long) (1e9 / CHART_HZ)) {
            lastChartRefresh = now;
            refreshCharts();
        }
        fpsFrames++;
        if (fpsWindowStart == 0) {
            fpsWindowStart = now;
        } else if (now - fpsWindowStart >= 1_000_000_000L) {
            statusBar.setFps(fpsFrames * 1e9 / (now - fpsWindowStart));
            fpsWindowStart = now;
            fpsFrames = 0;
        }
    }

    /**
     * Brings both charts up to date with the trainer's history. A different history object
     * (after a reset or a loaded checkpoint) starts the charts over, even if it is longer.
     */
    public void refreshCharts() {
        EpisodeHistory h = vm.history();
        if (h != chartedHistory) {
            chartedHistory = h;
            rewardChart.clear();
            trainingChart.clear();
        }
        rewardChart.refresh(h);
        trainingChart.refresh(h);
    }

    // ---- commands that need the window ------------------------------------------------------

    private void resetRun() {
        if (!vm.reset()) {
            return;
        }
        rewardChart.clear();
        trainingChart.clear();
    }

    private Window window() {
        return getScene() == null ? null : getScene().getWindow();
    }

    /** Asks for a file and writes the reward chart (optionally both charts) as PNG. */
    public void savePlots() {
        if (vm.fileBusyProperty().get()) {
            return;
        }
        Optional<Path> chosen = fileDialogs.savePlots(window());
        if (chosen.isEmpty()) {
            return;
        }
        refreshCharts();
        Path target = PlotExporter.withPngExtension(chosen.get());
        List<Node> nodes = stackCharts.isSelected()
                ? List.of(rewardChart, trainingChart) : List.of(rewardChart);
        vm.track(PlotExporter.save(nodes, target, vm.ioExecutor()),
                "Plots saved to " + target, "Could not save the plots");
    }

    private void exportCsv() {
        fileDialogs.exportCsv(window()).ifPresent(p -> vm.exportCsv(withExtension(p, ".csv")));
    }

    private void saveCheckpoint() {
        fileDialogs.saveCheckpoint(window()).ifPresent(
                p -> vm.saveCheckpoint(withExtension(p, Checkpoint.EXTENSION)));
    }

    /** {@code run} → {@code run.csv}; a name that already ends so (any case) is kept. */
    static Path withExtension(Path p, String extension) {
        String name = p.getFileName().toString();
        return name.toLowerCase(Locale.ROOT).endsWith(extension) ? p
                : p.resolveSibling(name + extension);
    }

    private void loadCheckpoint() {
        fileDialogs.loadCheckpoint(window()).ifPresent(vm::loadCheckpoint);
    }

    /** Stops the timer and the trainer (bounded wait). Idempotent. */
    public void shutdown() {
        if (shutDown) {
            return;
        }
        shutDown = true;
        timer.stop();
        vm.close();
    }

    public void setDialogs(Dialogs dialogs) {
        this.dialogs = dialogs;
    }

    public boolean isStackCharts() {
        return stackCharts.isSelected();
    }

    public void setStackCharts(boolean stacked) {
        stackCharts.setSelected(stacked);
    }

    public TrainingViewModel viewModel() {
        return vm;
    }

    RewardChart rewardChart() {
        return rewardChart;
    }

    TrainingChart trainingChart() {
        return trainingChart;
    }
}
