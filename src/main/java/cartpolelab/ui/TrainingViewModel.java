package cartpolelab.ui;

import cartpolelab.metrics.EpisodeHistory;
import cartpolelab.agent.Hyperparameters;
import cartpolelab.train.Frame;
import cartpolelab.train.Speed;
import cartpolelab.train.TrainerPort;
import cartpolelab.train.TrainerState;
import cartpolelab.train.TrainerStatus;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Executor;
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
 * PNG, checkpoints) is {@link BackgroundWork}'s: off the FX thread, its one outcome per
 * operation delivered back with a single {@code Platform.runLater}.
 */
public final class TrainingViewModel implements AutoCloseable {

    private final TrainerPort trainer;
    private final BackgroundWork work;

    private final ReadOnlyObjectWrapper<TrainerStatus> status = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Frame> frame = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Hyperparameters> runSettings =
            new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Hyperparameters> shownSettings =
            new ReadOnlyObjectWrapper<>();
    private final ObjectProperty<Hyperparameters> settings = new SimpleObjectProperty<>();
    private final ObjectProperty<Speed> speed = new SimpleObjectProperty<>(Speed.FAST);
    private final BooleanProperty stopWhenSolved = new SimpleBooleanProperty(true);

    private final ReadOnlyObjectWrapper<ControlState> controls =
            new ReadOnlyObjectWrapper<>(ControlState.of(null, null, true));
    private final ReadOnlyBooleanWrapper settingsNeedReset = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper fileBusy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Hyperparameters> loadedSettings =
            new ReadOnlyObjectWrapper<>();

    private BiConsumer<String, String> onError = (title, text) -> { };
    private String reportedFailure;
    private boolean closed;

    /** File work on a daemon thread, outcomes delivered with {@code Platform.runLater}. */
    public TrainingViewModel(Hyperparameters initial,
                             Function<Hyperparameters, TrainerPort> trainerFactory) {
        this(initial, trainerFactory, BackgroundWork.newIoThread(), Platform::runLater);
    }

    /**
     * @param trainerFactory makes the trainer, once, from the starting settings
     * @param io             runs file work (never the FX thread in the app)
     * @param deliver        brings each file outcome to the properties' thread
     *                       ({@code Platform::runLater}; a direct executor in tests)
     */
    public TrainingViewModel(Hyperparameters initial,
                             Function<Hyperparameters, TrainerPort> trainerFactory,
                             Executor io, Executor deliver) {
        this.trainer = Objects.requireNonNull(trainerFactory.apply(initial));
        this.work = new BackgroundWork(trainer, io, deliver, new FileOutcomes());
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
            message.set(String.format(Locale.ROOT,
                    "Solved: the 50-episode average reached %.0f. Resume continues training.",
                    hp.version().solvedThreshold()));
        } else if (s.state() == TrainerState.FINISHED) {
            message.set("All " + hp.episodes() + " episodes done. Raise Episodes and press "
                    + "Reset for a longer run.");
        }
    }

    private void updateDerived() {
        boolean valid = settings.get() != null;
        controls.set(ControlState.of(status.get(), frame.get(), valid));
        boolean exists = runExists();
        settingsNeedReset.set(valid && exists && !settings.get().equals(runSettings.get()));
        shownSettings.set(exists || !valid ? runSettings.get() : settings.get());
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
        if (controls.get().running()) {
            trainer.pause();
        } else if (!controls.get().startPauseDisabled()) {
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
        if (!controls.get().stepDisabled()) {
            applySettingsIfFresh();
            trainer.stepEpisode();
            pull();
        }
    }

    public void stepFrame() {
        if (!controls.get().stepDisabled()) {
            applySettingsIfFresh();
            trainer.stepFrame();
            pull();
        }
    }

    /** Fresh networks from the form's settings; the charts start over. False if disabled. */
    public boolean reset() {
        Hyperparameters hp = settings.get();
        if (controls.get().resetDisabled() || hp == null) {
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
        if (!controls.get().watchDisabled()) {
            trainer.watch();
            message.set("Watching the current policy (greedy, no learning). Pause to stop.");
            pull();
        }
    }

    // ---- file work: off the FX thread, in BackgroundWork ------------------------------------

    /**
     * CSV, PNG and checkpoint save/load, off the FX thread. Each operation's outcome comes back
     * once: {@link #fileBusyProperty()}, {@link #messageProperty()}, the error handler and,
     * after a load, {@link #loadedSettingsProperty()}.
     */
    public BackgroundWork files() {
        return work;
    }

    /** The one delivery per file operation: busy off, its line, and a dialog if it failed. */
    private final class FileOutcomes implements BackgroundWork.Listener {

        @Override
        public void started() {
            fileBusy.set(true);
        }

        @Override
        public void finished(BackgroundWork.Outcome outcome) {
            fileBusy.set(false);
            message.set(outcome.message());
            if (outcome.loaded() != null) {
                loadedSettings.set(outcome.loaded());
            }
            if (!outcome.ok()) {
                onError.accept(outcome.failureTitle(), outcome.failure());
            }
        }
    }

    /** Called with (title, message) for every error the user must see. */
    public void setOnError(BiConsumer<String, String> handler) {
        this.onError = Objects.requireNonNull(handler);
    }

    /**
     * Tells the trainer's thread to end and stops the I/O thread, without waiting for either
     * (safe on the FX thread; both are daemons). Idempotent.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        trainer.stop();
        work.close();
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

    /** What the controls show: enabled or not, Start/Pause/Resume, the state's name. */
    public ReadOnlyObjectProperty<ControlState> controlsProperty() {
        return controls.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty settingsNeedResetProperty() {
        return settingsNeedReset.getReadOnlyProperty();
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
