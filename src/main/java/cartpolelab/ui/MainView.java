package cartpolelab.ui;

import cartpolelab.metrics.EpisodeHistory;
import cartpolelab.train.Speed;
import cartpolelab.ui.canvas.CartPoleCanvas;
import cartpolelab.ui.chart.RewardChart;
import cartpolelab.ui.chart.TrainingChart;
import cartpolelab.ui.settings.SettingsPane;
import java.util.List;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.MouseEvent;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * The main window's content: the {@link MainToolbar} on top, settings and the
 * {@link Shortcuts} hint panel on the left, the cart-pole canvas over the two charts in the
 * middle, the status bar at the bottom. Built in code; styled by {@code app.css}. A
 * {@link FramePump} pulls the view model once per screen refresh; file commands are
 * {@link FileActions}'.
 */
public final class MainView extends BorderPane {

    private final TrainingViewModel vm;
    private Dialogs dialogs;

    private final CartPoleCanvas canvas = new CartPoleCanvas();
    private final RewardChart rewardChart = new RewardChart();
    private final TrainingChart trainingChart = new TrainingChart();
    private final SettingsPane settings;
    private final StatusBar statusBar = new StatusBar();
    private final FileActions files;
    private final MainToolbar toolbar;
    private final Shortcuts shortcuts;
    private final FramePump pump;
    private EpisodeHistory chartedHistory;
    private boolean shutDown;

    public MainView(TrainingViewModel vm, FileDialogs fileDialogs, Dialogs dialogs) {
        this.vm = vm;
        this.dialogs = dialogs;
        this.settings = new SettingsPane(vm.settingsProperty().get());
        this.files = new FileActions(vm, fileDialogs, this::window, this::plotNodes);
        this.toolbar = new MainToolbar(vm, this::resetRun, files);
        this.shortcuts = Shortcuts.standard(vm, this::resetRun, files::savePlots);
        this.pump = new FramePump(vm::pull, this::refreshCharts, statusBar::setFps);
        setId("root");
        getStyleClass().add("app-root");
        createView();
        initListeners();
        pump.start();
    }

    // ---- layout ---------------------------------------------------------------------------

    private void createView() {
        setTop(toolbar);

        VBox left = new VBox(settings, shortcuts.createHintPane());
        left.getStyleClass().add("left-column");
        ScrollPane settingsScroll = new ScrollPane(left);
        settingsScroll.setFitToWidth(true);
        settingsScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        settingsScroll.getStyleClass().add("settings-scroll");
        setLeft(settingsScroll);

        StackPane canvasCard = new StackPane(canvas);
        canvasCard.getStyleClass().addAll("card", "canvas-card");

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
        // the charts give way in a small window, never the window's edge
        for (Region r : List.of(rewardCard, trainingCard, rewardChart, trainingChart, charts,
                canvasCard)) {
            r.setMinWidth(0);
        }
        charts.setMinHeight(200);
        canvasCard.setMinHeight(140);

        SplitPane center = new SplitPane(canvasCard, charts);
        center.setOrientation(Orientation.VERTICAL);
        center.setDividerPositions(0.42);
        center.getStyleClass().add("center-split");
        setCenter(center);

        setBottom(statusBar);
    }

    // ---- wiring ---------------------------------------------------------------------------

    private void initListeners() {
        settings.valueProperty().addListener((o, a, b) -> vm.settingsProperty().set(b));
        vm.loadedSettingsProperty().addListener((o, a, b) -> {
            if (b != null) {
                settings.setValue(b);
            }
        });
        vm.settingsNeedResetProperty().addListener((o, a, b) -> settings.setNeedsReset(b));
        vm.frameProperty().addListener((o, a, b) -> {
            canvas.setFrame(b);
            updateCanvasMessage();
        });
        // the controls are derived after the status: read them once they are
        vm.controlsProperty().addListener((o, a, b) -> updateCanvasMessage());
        canvas.setFrame(vm.frameProperty().get());
        vm.shownSettingsProperty().addListener((o, a, b) -> {
            if (b != null) {
                rewardChart.describe(b);
            }
        });
        rewardChart.describe(vm.shownSettingsProperty().get());
        vm.statusProperty().addListener((o, a, b) -> showStatus());
        vm.controlsProperty().addListener((o, a, b) -> showStatus());
        vm.runSettingsProperty().addListener((o, a, b) -> showStatus());
        vm.messageProperty().addListener((o, a, b) -> statusBar.setMessage(b));
        vm.speedProperty().addListener((o, a, b) -> updateCanvasMessage());
        vm.setOnError((title, text) -> dialogs.showError(title, text));
        showStatus();
        updateCanvasMessage();
        shortcuts.install(this);
        // a click outside the fields (canvas, charts, background) gives the keys back to
        // the shortcuts: F must not type into the Seed field after clicking the canvas
        addEventFilter(MouseEvent.MOUSE_PRESSED, e -> {
            if (!(e.getTarget() instanceof Node n) || !insideInput(n)) {
                requestFocus();
            }
        });
    }

    private static boolean insideInput(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n instanceof TextInputControl || n instanceof ComboBoxBase<?>) {
                return true;
            }
        }
        return false;
    }

    private void showStatus() {
        statusBar.show(vm.statusProperty().get(), vm.controlsProperty().get().stateText(),
                vm.runSettingsProperty().get().episodes());
    }

    /** "Press Start" on a fresh run; at maximum speed, why the cart stands still. */
    private void updateCanvasMessage() {
        String message = null;
        ControlState c = vm.controlsProperty().get();
        if (vm.isFresh()) {
            message = "Press Start (Space) to train, or F to take one step.";
        } else if (vm.speedProperty().get() == Speed.MAXIMUM && c.running() && !c.watching()) {
            message = "Maximum speed: training without drawing. Choose a slower speed "
                    + "to watch.";
        }
        canvas.setMessage(message);
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

    /** Reset, after asking when it would throw away training that is in no checkpoint. */
    private void resetRun() {
        int unsaved = vm.unsavedEpisodes();
        if (unsaved > 0 && !vm.controlsProperty().get().resetDisabled()
                && !dialogs.confirm("Reset the run?", String.format(java.util.Locale.ROOT,
                        "Reset starts fresh networks and clears the charts. The %,d episodes "
                                + "trained since the last checkpoint will be lost. "
                                + "Save checkpoint keeps them.", unsaved), "Reset")) {
            return;
        }
        if (!vm.reset()) {
            return;
        }
        rewardChart.clear();
        trainingChart.clear();
    }

    private Window window() {
        return getScene() == null ? null : getScene().getWindow();
    }

    /** The charts Save plots writes, up to date: the reward chart, or both stacked. */
    private List<Node> plotNodes() {
        refreshCharts();
        return toolbar.isStackCharts() ? List.of(rewardChart, trainingChart)
                : List.of(rewardChart);
    }

    /** Asks for a file and writes the reward chart (optionally both charts) as PNG. */
    public void savePlots() {
        files.savePlots();
    }

    /**
     * Stops the frame pump and tells the trainer to stop. Never waits for the trainer's thread
     * (this runs on the FX thread; the thread is a daemon and ends by itself). Idempotent.
     */
    public void shutdown() {
        if (shutDown) {
            return;
        }
        shutDown = true;
        pump.stop();
        vm.close();
    }

    public void setDialogs(Dialogs dialogs) {
        this.dialogs = dialogs;
    }

    public boolean isStackCharts() {
        return toolbar.isStackCharts();
    }

    public void setStackCharts(boolean stacked) {
        toolbar.setStackCharts(stacked);
    }

    public TrainingViewModel viewModel() {
        return vm;
    }

    /** The shortcut table behind the key handler and the hint panel. */
    public Shortcuts shortcuts() {
        return shortcuts;
    }

    RewardChart rewardChart() {
        return rewardChart;
    }

    TrainingChart trainingChart() {
        return trainingChart;
    }
}
