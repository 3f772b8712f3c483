package cartpolelab.ui;

import cartpolelab.metrics.EpisodeHistory;
import cartpolelab.agent.Hyperparameters;
import cartpolelab.train.Frame;
import cartpolelab.io.Checkpoint;
import cartpolelab.io.MetricsCsv;
import cartpolelab.train.Speed;
import cartpolelab.train.TrainerPort;
import cartpolelab.train.TrainerState;
import cartpolelab.train.TrainerStatus;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BiConsumer;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The state the window shows, and the commands its controls send. Owns the trainer; the views
 * only see read-only properties and call the command methods.
 *
 * <p>Threading: FX thread only. {@link #pull()} is called once per screen refresh by the
 * view's {@code AnimationTimer}; it reads the trainer's latest frame and status (never
 * blocking) and updates the properties. Trainer commands return at once. File work (CSV,
 * checkpoints) runs off the FX thread; its one completion message comes back with a single
 * {@code Platform.runLater}.
 */
public final class TrainingViewModel implements AutoCloseable {

    private final TrainerPort trainer;
    private final ExecutorService io = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "cartpolelab-io");
        t.setDaemon(true);
        return t;
    });

    private final ReadOnlyObjectWrapper<TrainerStatus> status = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Frame> frame = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Hyperparameters> runSettings =
            new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Hyperparameters> shownSettings =
            new ReadOnlyObjectWrapper<>();
    private final ObjectProperty<Hyperparameters> settings = new SimpleObjectProperty<>();
    private final ObjectProperty<Speed> speed = new SimpleObjectProperty<>(Speed.FAST);
    private final BooleanProperty stopWhenSolved = new SimpleBooleanProperty(true);

    private final ReadOnlyStringWrapper stateText = new ReadOnlyStringWrapper("Idle");
    private final ReadOnlyStringWrapper startPauseText = new ReadOnlyStringWrapper("Start");
    private final ReadOnlyBooleanWrapper startPauseDisabled = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper stepDisabled = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper watchDisabled = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper resetDisabled = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper settingsNeedReset = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper watching = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper fileBusy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Hyperparameters> loadedSettings =
            new ReadOnlyObjectWrapper<>();

    private BiConsumer<String, String> onError = (title, text) -> { };
    private String reportedFailure;
    private boolean closed;

    /** @param trainerFactory makes the trainer, once, from the starting settings */
    public TrainingViewModel(Hyperparameters initial,
                             Function<Hyperparameters, TrainerPort> trainerFactory) {
        this.trainer = Objects.requireNonNull(trainerFactory.apply(initial));
        settings.set(initial);
        runSettings.set(initial);
        trainer.setSpeed(speed.get());
        trainer.setStopWhenSolved(stopWhenSolved.get());
        speed.addListener((o, a, b) -> {
            if (b != null) {
                trainer.setSpeed(b);
            }
        });
        stopWhenSolved.addListener((o, a, b) -> trainer.setStopWhenSolved(b));
        settings.addListener((o, a, b) -> updateDerived());
        pull();
    }

    // ---- the pull, once per screen refresh ------------------------------------------------

    /** Reads the trainer's latest frame and status; never blocks. FX thread. */
    public void pull() {
        if (closed) {
            return;
        }
        TrainerStatus s = trainer.status();
        TrainerStatus previous = status.get();
        if (!Objects.equals(s, previous)) {
            status.set(s);
            if (previous != null && previous.state() != s.state()) {
                announce(s);
            }
        }
        Frame f = trainer.latestFrame();
        if (f != frame.get()) {
            frame.set(f);
        }
        Hyperparameters hp = trainer.hyperparameters();
        if (!Objects.equals(hp, runSettings.get())) {
            runSettings.set(hp);
        }
        if (s.state() == TrainerState.FAILED && s.failure() != null
                && !s.failure().equals(reportedFailure)) {
            reportedFailure = s.failure();
            message.set("Training failed: " + s.failure());
            onError.accept("Training failed", s.failure()
                    + "\n\nThe run has stopped. Change a setting if needed and press Reset.");
        }
        updateDerived();
    }

    /** A line in the status bar when a run ends by itself. */
    private void announce(TrainerStatus s) {
        Hyperparameters hp = trainer.hyperparameters();
        if (s.state() == TrainerState.SOLVED) {
            message.set(String.format(java.util.Locale.ROOT,
                    "Solved: the 50-episode average reached %.0f. Resume continues training.",
                    hp.version().solvedThreshold()));
        } else if (s.state() == TrainerState.FINISHED) {
            message.set("All " + hp.episodes() + " episodes done. Raise Episodes and press "
                    + "Reset for a longer run.");
        }
    }

    private void updateDerived() {
        TrainerStatus s = status.get();
        TrainerState state = s == null ? TrainerState.IDLE : s.state();
        boolean isRunning = state == TrainerState.RUNNING;
        Frame f = frame.get();
        boolean isWatching = isRunning && f != null && f.greedy();
        boolean valid = settings.get() != null;
        boolean dead = state == TrainerState.FAILED || state == TrainerState.STOPPED;

        running.set(isRunning);
        watching.set(isWatching);
        stateText.set(isWatching ? "Watching" : stateName(state));
        startPauseText.set(isRunning ? "Pause"
                : state == TrainerState.PAUSED || state == TrainerState.SOLVED ? "Resume"
                : "Start");
        startPauseDisabled.set(!isRunning && (!valid || dead || state == TrainerState.FINISHED));
        stepDisabled.set(isRunning || !valid || dead || state == TrainerState.FINISHED);
        watchDisabled.set(isWatching || dead);
        resetDisabled.set(!valid || state == TrainerState.STOPPED);
        boolean exists = runExists();
        settingsNeedReset.set(valid && exists && !settings.get().equals(runSettings.get()));
        shownSettings.set(exists || !valid ? runSettings.get() : settings.get());
    }

    private static String stateName(TrainerState state) {
        return switch (state) {
            case IDLE -> "Idle";
            case RUNNING -> "Running";
            case PAUSED -> "Paused";
            case SOLVED -> "Solved";
            case FINISHED -> "Finished";
            case FAILED -> "Failed";
            case STOPPED -> "Stopped";
        };
    }

    /**
     * A run exists once a step has been taken since the last reset (the trainer publishes the
     * start state as a frame right away, so a frame alone does not count).
     */
    private boolean runExists() {
        TrainerStatus s = status.get();
        return s != null && (s.state() != TrainerState.IDLE || s.episodes() > 0
                || s.totalSteps() > 0);
    }

    /** True while nothing has run since the last reset: the canvas invites to start. */
    public boolean isFresh() {
        return !runExists();
    }

    /** Before the first command of a fresh run: the trainer takes the form's settings. */
    private void applySettingsIfFresh() {
        Hyperparameters hp = settings.get();
        if (!runExists() && hp != null && !hp.equals(trainer.hyperparameters())) {
            trainer.reset(hp);
            runSettings.set(hp);
        }
    }

    // ---- commands -------------------------------------------------------------------------

    /** Start, Pause or Resume, as the button says. */
    public void toggleStartPause() {
        if (running.get()) {
            trainer.pause();
        } else if (!startPauseDisabled.get()) {
            TrainerState state = status.get().state();
            if (state == TrainerState.SOLVED) {
                trainer.start(); // the trainer trains on past "solved" when told to start
                message.set("Training on past \"solved\".");
                pull();
                return;
            }
            if (state == TrainerState.PAUSED) {
                trainer.resume(); // also after Watch: back to training
            } else {
                applySettingsIfFresh();
                trainer.start();
            }
            message.set("");
        }
        pull();
    }

    public void stepEpisode() {
        if (!stepDisabled.get()) {
            applySettingsIfFresh();
            trainer.stepEpisode();
            pull();
        }
    }

    public void stepFrame() {
        if (!stepDisabled.get()) {
            applySettingsIfFresh();
            trainer.stepFrame();
            pull();
        }
    }

    /** Fresh networks from the form's settings; the charts start over. False if disabled. */
    public boolean reset() {
        Hyperparameters hp = settings.get();
        if (resetDisabled.get() || hp == null) {
            return false;
        }
        trainer.reset(hp);
        runSettings.set(hp);
        reportedFailure = null;
        message.set("Reset: fresh networks, " + hp.algorithm().displayName() + " on "
                + hp.version().id() + ", seed " + hp.seed());
        pull();
        return true;
    }

    public void watch() {
        if (!watchDisabled.get()) {
            trainer.watch();
            message.set("Watching the current policy (greedy, no learning). Pause to stop.");
            pull();
        }
    }

    /** A snapshot taken by the trainer between two steps, written on the I/O thread. */
    public void saveCheckpoint(Path file) {
        track(guard(trainer::snapshot).thenAcceptAsync(snapshot -> {
            try {
                Checkpoint.write(file, snapshot);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, io), "Checkpoint saved to " + file, "Could not save the checkpoint");
    }

    /** A command that throws instead of failing its future still reaches the user. */
    private static <T> CompletableFuture<T> guard(
            java.util.function.Supplier<CompletableFuture<T>> command) {
        try {
            return command.get();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** Loads a checkpoint; on success the settings form shows the checkpoint's settings. */
    public void loadCheckpoint(Path file) {
        track(CompletableFuture.supplyAsync(() -> {
            try {
                return Checkpoint.read(file);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, io).thenCompose(snapshot -> guard(() -> trainer.restore(snapshot))).thenRun(() -> {
            Hyperparameters hp = trainer.hyperparameters();
            Platform.runLater(() -> loadedSettings.set(hp));
        }), "Checkpoint loaded from " + file, "Could not load the checkpoint");
    }

    /** Writes every finished episode to {@code file} as CSV, off the FX thread. */
    public void exportCsv(Path file) {
        track(CompletableFuture.runAsync(() -> {
            try {
                MetricsCsv.write(file, trainer.history());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, io), "Metrics written to " + file, "Could not export the CSV");
    }

    /** Shows progress of a file operation and, when it ends, its outcome. */
    public void track(CompletableFuture<?> work, String success, String failureTitle) {
        fileBusy.set(true);
        work.whenComplete((ok, error) -> Platform.runLater(() -> {
            fileBusy.set(false);
            if (error == null) {
                message.set(success);
            } else {
                String why = describe(error);
                message.set(failureTitle + ": " + why);
                onError.accept(failureTitle, why);
            }
        }));
    }

    /** The innermost useful message of an exception. */
    public static String describe(Throwable error) {
        Throwable t = error;
        while ((t instanceof java.util.concurrent.CompletionException
                || t instanceof java.util.concurrent.ExecutionException
                || t instanceof java.io.UncheckedIOException) && t.getCause() != null) {
            t = t.getCause();
        }
        String m = t.getMessage();
        if (t instanceof java.nio.file.AccessDeniedException) {
            return "permission denied: " + m;
        }
        if (t instanceof java.nio.file.NoSuchFileException) {
            return "no such file or folder: " + m;
        }
        return m == null || m.isBlank() ? t.getClass().getSimpleName() : m;
    }

    /** Runs {@code task} on the I/O thread (never the FX thread). */
    public ExecutorService ioExecutor() {
        return io;
    }

    public void setMessage(String text) {
        message.set(text);
    }

    /** Called with (title, message) for every error the user must see. */
    public void setOnError(BiConsumer<String, String> handler) {
        this.onError = Objects.requireNonNull(handler);
    }

    /** Stops the trainer's thread (bounded wait) and the I/O thread. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        trainer.close();
        io.shutdownNow();
    }

    public boolean isClosed() {
        return closed;
    }

    public EpisodeHistory history() {
        return trainer.history();
    }

    // ---- properties -----------------------------------------------------------------------

    public ReadOnlyObjectProperty<TrainerStatus> statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Frame> frameProperty() {
        return frame.getReadOnlyProperty();
    }

    /** The settings the current run uses. */
    public ReadOnlyObjectProperty<Hyperparameters> runSettingsProperty() {
        return runSettings.getReadOnlyProperty();
    }

    /**
     * The settings the charts describe: the run's once it has started, before that the form's
     * (so choosing v1 moves the threshold line to 475 at once).
     */
    public ReadOnlyObjectProperty<Hyperparameters> shownSettingsProperty() {
        return shownSettings.getReadOnlyProperty();
    }

    /** The settings form's value; null while a field is invalid. Bound by the form. */
    public ObjectProperty<Hyperparameters> settingsProperty() {
        return settings;
    }

    public ObjectProperty<Speed> speedProperty() {
        return speed;
    }

    public BooleanProperty stopWhenSolvedProperty() {
        return stopWhenSolved;
    }

    public ReadOnlyStringProperty stateTextProperty() {
        return stateText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty startPauseTextProperty() {
        return startPauseText.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty startPauseDisabledProperty() {
        return startPauseDisabled.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty stepDisabledProperty() {
        return stepDisabled.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty watchDisabledProperty() {
        return watchDisabled.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty resetDisabledProperty() {
        return resetDisabled.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty settingsNeedResetProperty() {
        return settingsNeedReset.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty watchingProperty() {
        return watching.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty fileBusyProperty() {
        return fileBusy.getReadOnlyProperty();
    }

    /** The settings of the last checkpoint loaded (the form shows them). */
    public ReadOnlyObjectProperty<Hyperparameters> loadedSettingsProperty() {
        return loadedSettings.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
