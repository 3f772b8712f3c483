package cartpolelab.ui;

import cartpolelab.agent.Algorithm;
import cartpolelab.agent.Hyperparameters;
import cartpolelab.io.SafeText;
import cartpolelab.train.EpisodeSignals;
import cartpolelab.train.Speed;
import cartpolelab.train.TrainerStatus;
import cartpolelab.ui.canvas.CartPoleCanvas;
import cartpolelab.ui.chart.RunCharts;
import cartpolelab.ui.maps.NetworkMapsView;
import javafx.scene.control.Button;

/**
 * The main window's per-frame controller: once per screen refresh ({@link RefreshTimer}) it
 * pulls the view model and brings what shows the run up to date, the canvas (the live frame
 * or a replay's, its message and explanation), the network maps, the charts, the replay bar
 * and the status bar. Everything here paints at most once per refresh; the layout is
 * {@link MainView}'s.
 */
final class RunDisplay {

    private final TrainingViewModel vm;
    private final CartPoleCanvas canvas;
    private final RunCharts charts;
    private final Button followButton;
    private final StatusBar statusBar;
    private final Replay replay;
    private final ReplayBar replayBar;
    private final NetworkMapsView maps;
    private final WindowLibrary library;
    private final RefreshTimer timer;
    private boolean canvasShowsReplay;

    RunDisplay(TrainingViewModel vm, CartPoleCanvas canvas, RunCharts charts,
               Button followButton, StatusBar statusBar, Replay replay, ReplayBar replayBar,
               NetworkMapsView maps, WindowLibrary library) {
        this.vm = vm;
        this.canvas = canvas;
        this.charts = charts;
        this.followButton = followButton;
        this.statusBar = statusBar;
        this.replay = replay;
        this.replayBar = replayBar;
        this.maps = maps;
        this.library = library;
        this.timer = new RefreshTimer(this::pullAndPaint, this::refreshCharts,
                statusBar::setFps);
    }

    /** Follows the view model from now on and starts the refresh timer. FX thread. */
    void start() {
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
        // messages may quote a file's text: shown escaped and cut (SafeText)
        vm.messageProperty().addListener((o, a, b) -> statusBar.setMessage(
                b == null ? null : SafeText.line(b)));
        vm.speedProperty().addListener((o, a, b) -> updateCanvasMessage());
        showStatus();
        updateCanvasMessage();
        timer.start();
    }

    /** Stops the refresh timer. */
    void stop() {
        timer.stop();
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
    void refreshCharts() {
        TrainerStatus s = vm.statusProperty().get();
        charts.refresh(vm.history(), vm.run().gradientVariance(),
                vm.shownSettingsProperty().get(),
                s == null ? -1 : s.solvedAtEpisode());
    }

    /** Once per frame: the view model's pull, then whatever changed is repainted. */
    private void pullAndPaint() {
        vm.pull();
        library.pull();
        showReplay();
        TrainerStatus s = vm.statusProperty().get();
        maps.update(canvas.frame(), replay.active() ? replay.episode() : null,
                replay.frameIndex(), vm.history(), s == null ? 0 : s.totalSteps());
        canvas.paintIfDirty();
        charts.paintIfDirty();
        boolean zoomed = !charts.view().following();
        if (followButton.isVisible() != zoomed) {
            followButton.setVisible(zoomed);
        }
    }

    /** The replay's frame on the canvas while it is on; the live frame once it stops. */
    private void showReplay() {
        // what the canvas showed, not replay.active(): Esc may have ended the replay between
        // two frames, and its last frame must not stay on the canvas labelled as live
        boolean wasOn = canvasShowsReplay;
        replayBar.applyKeep(vm.run().recorder()); // every run keeps what the bar says
        replay.bind(vm.run().recorder());
        replay.tick(System.nanoTime());
        boolean on = replay.active();
        canvasShowsReplay = on;
        canvas.setReplaying(on);
        explain();
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

    /** The overlay's critic line and, during a replay, G_t and Ψ_t of the frame shown. */
    private void explain() {
        Hyperparameters hp = vm.runSettingsProperty().get();
        Algorithm a = hp.algorithm();
        EpisodeSignals s = replay.signals(hp);
        int k = replay.frameIndex();
        canvas.setExplanation(a.usesCritic(), a.displayName(), s, k); // PPO's ρ as well
    }
}
