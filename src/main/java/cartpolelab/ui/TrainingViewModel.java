package cartpolelab.ui;

import cartpolelab.agent.GradientVarianceProbe;
import cartpolelab.agent.Hyperparameters;
import cartpolelab.metrics.EpisodeHistory;
import cartpolelab.train.Frame;
import cartpolelab.train.RunOutputs;
import cartpolelab.train.Speed;
import cartpolelab.train.TrainerPort;
import cartpolelab.train.TrainerState;
import cartpolelab.train.TrainerStatus;
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
 * <p>Threading: FX thread only. {@link #pull()}, once per screen refresh, reads the trainer's
 * latest frame and status (never blocking). Trainer commands return at once. File work is
 * {@link BackgroundWork}'s, off the FX thread, one outcome delivered per operation.
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
    private final ObjectProperty<Speed> speed = new SimpleObjectProperty<>(Speed.UNPACED);
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
    /** Episodes of the current run that are in a checkpoint (saved or loaded). */
    private int savedEpisodes;
    /** A run being replaced (Reset): while the trainer still holds it, its settings are stale. */
    private EpisodeHistory replacing;
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
        this.work = new BackgroundWork(trainer, io, deliver,
                BackgroundWork.Listener.of(() -> fileBusy.set(true), this::finished));
        settings.set(initial);
        runSettings.set(initial);
        trainer.setSpeed(speed.get());
        trainer.setStopWhenSolved(stopWhenSolved.get());
        speed.addListener((o, a, b) -> trainer.setSpeed(b != null ? b : a));
        stopWhenSolved.addListener((o, a, b) -> trainer.setStopWhenSolved(b));
        settings.addListener((o, a, b) -> {
            applyBudgetIfOnlyEpisodesDiffer();
            updateDerived();
        });
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
        boolean wasWatching = controls.get() != null && controls.get().watching();
        if (!Objects.equals(s, previous)) {
            status.set(s);
        }
        Frame f = trainer.latestFrame();
        if (f != frame.get()) {
            frame.set(f);
        }
        if (replacing != null && trainer.history() != replacing) {
            replacing = null; // read before the settings: the run is swapped as one field
        }
        Hyperparameters hp = replacing == null ? trainer.hyperparameters() : runSettings.get();
        if (!Objects.equals(hp, runSettings.get())) {
            runSettings.set(hp);
        }
        updateDerived();
        message.set(StatusMessages.after(previous, s, wasWatching, controls.get().watching(),
                hp, trainer.history(), message.get()));
        if (s.state() == TrainerState.FAILED && s.failure() != null
                && !s.failure().equals(reportedFailure)) {
            reportedFailure = s.failure();
            message.set("Training failed: " + s.failure());
            onError.accept("Training failed", StatusMessages.failureDialog(s.failure()));
        }
    }

    private void updateDerived() {
        boolean valid = settings.get() != null;
        controls.set(ControlState.of(status.get(), frame.get(), valid));
        boolean exists = runExists();
        settingsNeedReset.set(valid && exists && !settings.get().equals(runSettings.get()));
        shownSettings.set(exists || !valid ? runSettings.get() : settings.get());
    }

    /** A run exists once a step was taken since the last reset (a start frame does not count). */
    private boolean runExists() {
        TrainerStatus s = status.get();
        return s != null && (s.state() != TrainerState.IDLE || s.episodes() > 0
                || s.totalSteps() > 0);
    }

    /** Episodes trained since the last checkpoint saved or loaded: what Reset would lose. */
    public int unsavedEpisodes() {
        TrainerStatus s = status.get();
        return s == null ? 0 : Math.max(0, s.episodes() - savedEpisodes);
    }

    /** True while nothing has run since the last reset: the canvas invites to start. */
    public boolean isFresh() {
        return !runExists();
    }

    /**
     * A new episode budget needs no reset: when the form differs from the run only in
     * Episodes, the run takes the new budget at once (a finished run can then resume).
     */
    private void applyBudgetIfOnlyEpisodesDiffer() {
        Hyperparameters form = settings.get();
        Hyperparameters run = runSettings.get();
        if (form != null && runExists() && form.episodes() != run.episodes()
                && form.equals(run.withEpisodes(form.episodes()))) {
            trainer.setEpisodeBudget(form.episodes());
            runSettings.set(form);
            message.set("Episode budget of this run: " + form.episodes());
        }
    }

    /** Before the first command of a fresh run: the trainer takes the form's settings. */
    private void applySettingsIfFresh() {
        Hyperparameters hp = settings.get();
        if (!runExists() && hp != null && !hp.equals(trainer.hyperparameters())) {
            replaceRun(hp);
        }
    }

    /** Start, Pause or Resume, as the button says. */
    public void toggleStartPause() {
        if (controls.get().running()) {
            trainer.pause();
        } else if (!controls.get().startPauseDisabled()) {
            TrainerState state = status.get().state();
            if (state == TrainerState.PAUSED || state == TrainerState.SOLVED) {
                trainer.resume(); // also after Watch, and on past "solved"
            } else {
                applySettingsIfFresh();
                trainer.start();
            }
            message.set(state == TrainerState.SOLVED ? "Training on past \"solved\"." : "");
        }
        pull();
    }

    public void stepEpisode() {
        step(trainer::stepEpisode);
    }

    public void stepFrame() {
        step(trainer::stepFrame);
    }

    private void step(Runnable command) {
        if (!controls.get().stepDisabled()) {
            applySettingsIfFresh();
            command.run();
            pull();
        }
    }

    /** Fresh networks from the form's settings; the charts start over. False if disabled. */
    public boolean reset() {
        Hyperparameters hp = settings.get();
        if (controls.get().resetDisabled() || hp == null) {
            return false;
        }
        replaceRun(hp);
        reportedFailure = null;
        savedEpisodes = 0;
        message.set("Reset: fresh networks, " + hp.algorithm().displayName() + " on "
                + hp.version().id() + ", seed " + hp.seed());
        pull();
        return true;
    }

    /** The trainer replaces its run asynchronously; until it has, the form's settings show. */
    private void replaceRun(Hyperparameters hp) {
        replacing = trainer.history();
        trainer.reset(hp);
        runSettings.set(hp);
    }

    public void watch() {
        if (!controls.get().watchDisabled()) {
            trainer.watch();
            message.set(StatusMessages.WATCHING);
            pull();
        }
    }

    /** CSV, PNG and checkpoint save/load; each outcome comes back once, to {@link #finished}. */
    public BackgroundWork files() {
        return work;
    }

    /** The one delivery per file operation: busy off, its line, and a dialog if it failed. */
    private void finished(BackgroundWork.Outcome outcome) {
        fileBusy.set(false);
        message.set(outcome.message());
        if (outcome.checkpointEpisodes() >= 0) {
            savedEpisodes = outcome.checkpointEpisodes();
        }
        if (outcome.loaded() != null) {
            loadedSettings.set(outcome.loaded());
        }
        if (!outcome.ok()) {
            onError.accept(outcome.failureTitle(), outcome.failure());
        }
    }

    /** Called with (title, message) for every error the user must see. */
    public void setOnError(BiConsumer<String, String> handler) {
        this.onError = Objects.requireNonNull(handler);
    }

    /** Ends the trainer's and the I/O thread without waiting (both daemons). Idempotent. */
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

    /** How often the gradient variance is measured, from now on; null: not at all. */
    public void measureGradientVariance(GradientVarianceProbe.Settings s) {
        trainer.measureGradientVariance(s);
    }

    /** What the run publishes: recorded episodes, measurements, snapshots (read-only). */
    public RunOutputs run() {
        return trainer;
    }

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
