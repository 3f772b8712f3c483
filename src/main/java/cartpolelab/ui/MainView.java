package cartpolelab.ui;

import cartpolelab.metrics.EpisodeHistory;
import cartpolelab.train.Speed;
import cartpolelab.ui.canvas.CartPoleCanvas;
import cartpolelab.agent.Hyperparameters;
import cartpolelab.train.TrainerStatus;
import cartpolelab.ui.chart.PlotCanvas;
import cartpolelab.ui.chart.RunCharts;
import cartpolelab.ui.export.PlotExport;
import cartpolelab.ui.settings.SettingsPane;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.MouseEvent;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
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
    private final RunCharts charts = new RunCharts();
    private final Button followButton = new Button("Show whole run");
    private final SettingsPane settings;
    private final StatusBar statusBar = new StatusBar();
    private final FileActions files;
    private final MainToolbar toolbar;
    private final Shortcuts shortcuts;
    private final FramePump pump;
    private final Replay replay = new Replay();
    private final ReplayBar replayBar = new ReplayBar(replay);
    private boolean shutDown;

    public MainView(TrainingViewModel vm, FileDialogs fileDialogs, Dialogs dialogs) {
        this.vm = vm;
        this.dialogs = dialogs;
        this.settings = new SettingsPane(vm.settingsProperty().get());
        this.files = new FileActions(vm, fileDialogs, this::window, this::plotExport);
        this.toolbar = new MainToolbar(vm, this::resetRun, files);
        this.shortcuts = Shortcuts.standard(vm, this::resetRun,
                () -> files.savePlots(toolbar.isStackCharts()), replay);
        this.pump = new FramePump(this::pullAndPaint, this::refreshCharts, statusBar::setFps);
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

        StackPane canvasStack = new StackPane(canvas);
        VBox.setVgrow(canvasStack, Priority.ALWAYS);
        VBox canvasCard = new VBox(canvasStack, replayBar);
        canvasCard.getStyleClass().addAll("card", "canvas-card");

        followButton.setId("followButton");
        followButton.getStyleClass().add("follow-button");
        followButton.setTooltip(new Tooltip("Zoomed in: show the whole run again and follow "
                + "new episodes (or double-click a chart). Drag across a chart to zoom."));
        followButton.setVisible(false);
        followButton.setOnAction(e -> charts.view().follow());
        StackPane rewardCard = new StackPane(charts.reward(), followButton);
        StackPane.setAlignment(followButton, Pos.TOP_RIGHT);
        StackPane.setMargin(followButton, new javafx.geometry.Insets(6, 8, 0, 0));
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
        HBox charts = new HBox(rewardCard, trainingCard);
        charts.getStyleClass().add("charts-row");
        HBox.setHgrow(rewardCard, Priority.ALWAYS);
        HBox.setHgrow(trainingCard, Priority.ALWAYS);
        rewardCard.setPrefWidth(560);
        trainingCard.setPrefWidth(440);
        // the charts give way in a small window, never the window's edge
        for (Region r : java.util.List.of(rewardCard, trainingCard, charts, canvasCard)) {
            r.setMinWidth(0);
        }
        charts.setMinHeight(200);
        canvasCard.setMinHeight(140);

        SplitPane center = new SplitPane(canvasCard, charts);
        center.setOrientation(Orientation.VERTICAL);
        center.setDividerPositions(0.47);
        center.getStyleClass().add("center-split");
        setCenter(center);

        setBottom(statusBar);
    }

    /** A small "?" badge in a chart card's corner whose tooltip says what the curves mean. */
    private static Label info(String id, String text) {
        Label badge = new Label("?");
        badge.setId(id);
        badge.getStyleClass().add("chart-info");
        Tooltip tip = new Tooltip(text);
        tip.setWrapText(true);
        tip.setMaxWidth(380);
        tip.setShowDelay(javafx.util.Duration.millis(200));
        badge.setTooltip(tip);
        StackPane.setAlignment(badge, Pos.TOP_LEFT);
        StackPane.setMargin(badge, new javafx.geometry.Insets(6, 0, 0, 10));
        return badge;
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
            if (!replay.active()) {
                canvas.setFrame(b);
            }
            updateCanvasMessage();
        });
        // the controls are derived after the status: read them once they are
        vm.controlsProperty().addListener((o, a, b) -> updateCanvasMessage());
        canvas.setFrame(vm.frameProperty().get());
        // A new run or new settings show at once, not at the next chart refresh.
        vm.shownSettingsProperty().addListener((o, a, b) -> refreshCharts());
        vm.loadedSettingsProperty().addListener((o, a, b) -> refreshCharts());
        refreshCharts();
        vm.statusProperty().addListener((o, a, b) -> showStatus());
        vm.controlsProperty().addListener((o, a, b) -> showStatus());
        vm.runSettingsProperty().addListener((o, a, b) -> showStatus());
        vm.messageProperty().addListener((o, a, b) -> statusBar.setMessage(b));
        vm.speedProperty().addListener((o, a, b) -> updateCanvasMessage());
        vm.setOnError((title, text) -> dialogs.showError(title, text));
        showStatus();
        updateCanvasMessage();
        shortcuts.install(this);
        charts.view().setOnEpisodeClicked(replay::show); // a click replays that episode
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
        statusBar.show(vm.statusProperty().get(), vm.controlsProperty().get(),
                vm.runSettingsProperty().get().episodes());
    }

    /** "Press Start" on a fresh run; at maximum speed, why the cart stands still. */
    private void updateCanvasMessage() {
        String message = null;
        ControlState c = vm.controlsProperty().get();
        if (replay.active()) {
            message = null; // a recorded episode's frames: the panel shows them
        } else if (vm.isFresh()) {
            message = "Press Start (Space) to train, or F to take one step.";
        } else if (vm.speedProperty().get() == Speed.MAXIMUM && c.running() && !c.watching()) {
            message = "Maximum speed: training without drawing. Choose a slower speed "
                    + "to watch.";
        }
        canvas.setMessage(message);
    }

    /**
     * Brings both charts up to date with the trainer's run: only new episodes cost anything;
     * a different run or different settings start them over ({@link RunCharts}).
     */
    public void refreshCharts() {
        TrainerStatus s = vm.statusProperty().get();
        charts.refresh(vm.history(), vm.shownSettingsProperty().get(),
                s == null ? -1 : s.solvedAtEpisode());
    }

    /** Once per frame: the view model's pull, then whatever chart changed is repainted. */
    private void pullAndPaint() {
        vm.pull();
        showReplay();
        charts.paintIfDirty();
        boolean zoomed = !charts.view().following();
        if (followButton.isVisible() != zoomed) {
            followButton.setVisible(zoomed);
        }
    }

    /** The replay's frame on the canvas while it is on; the live frame once it stops. */
    private void showReplay() {
        boolean wasOn = replay.active();
        replayBar.applyKeep(vm.recorder()); // every run keeps what the bar says
        replay.bind(vm.recorder());
        replay.tick(System.nanoTime());
        boolean on = replay.active();
        canvas.setReplaying(on);
        if (on) {
            canvas.setFrame(replay.frame());
        } else if (wasOn) {
            canvas.setFrame(vm.frameProperty().get());
        }
        if (on != wasOn) {
            updateCanvasMessage();
        }
        replayBar.update(vm.history().size());
    }

    // ---- commands that need the window ------------------------------------------------------

    /**
     * Reset, after asking when it would throw away training that is in no checkpoint; the
     * charts drop the old run at once, before the trainer has replaced it.
     */
    private void resetRun() {
        int unsaved = vm.unsavedEpisodes();
        if (unsaved > 0 && !vm.controlsProperty().get().resetDisabled()
                && !dialogs.confirm("Reset the run?", String.format(java.util.Locale.ROOT,
                        "Reset starts fresh networks and clears the charts. The %,d episodes "
                                + "trained since the last checkpoint will be lost. "
                                + "Save checkpoint keeps them.", unsaved), "Reset")) {
            return;
        }
        EpisodeHistory old = vm.history();
        if (!vm.reset()) {
            return;
        }
        Hyperparameters hp = vm.shownSettingsProperty().get();
        charts.startOver(old, hp != null ? hp : vm.runSettingsProperty().get());
        charts.paintIfDirty();
    }

    private Window window() {
        return getScene() == null ? null : getScene().getWindow();
    }

    /** What Save plots writes: the run as charted now, at the reward chart's size. */
    private PlotExport plotExport(boolean stacked) {
        refreshCharts();
        PlotCanvas r = charts.reward();
        int episodes = r.figure() == null ? 0 : r.figure().length();
        double[] range = charts.view().following() || r.plotLayout() == null ? null
                : new double[] {r.plotLayout().xFrom, r.plotLayout().xTo};
        int width = (int) Math.round(r.getWidth());
        int height = (int) Math.round(r.getHeight());
        return new PlotExport(charts.boundHistory(), episodes, charts.settings(),
                vm.statusProperty().get() == null ? -1
                        : vm.statusProperty().get().solvedAtEpisode(), stacked, width,
                stacked ? height + (int) Math.round(charts.training().getHeight()) : height,
                range);
    }

    /** Asks for a file and writes the plots (as the Save plots button would). */
    public void savePlots() {
        files.savePlots(toolbar.isStackCharts());
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

    RunCharts charts() {
        return charts;
    }
}
