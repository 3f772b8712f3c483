package cartpolelab.train;

import cartpolelab.agent.GradientVarianceProbe;
import cartpolelab.agent.Hyperparameters;
import cartpolelab.metrics.EpisodeHistory;
import cartpolelab.metrics.GradientVarianceHistory;
import cartpolelab.metrics.RateMeter;
import cartpolelab.train.TrainerMailbox.Mode;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * The thread around one {@link TrainingRun}: commands, pacing, and the published frame and
 * status. It never blocks on a consumer and never touches files (callers write snapshots).
 *
 * <p><b>Commands</b> ({@link TrainerPort}'s) come from any thread and return at once; the thread
 * picks them up between two steps ({@link TrainerMailbox}). Paused, it parks (no busy wait);
 * real-time pacing waits with a deadline a command cuts short.
 *
 * <p><b>Publication</b>: {@link #latestFrame()} is an immutable {@link Frame} (one per step at
 * a paced speed; unpaced, once the last was taken, see {@link FrameSlot}; none at maximum);
 * {@link #history()} and {@link #gradientVariance()} (measured at {@link
 * GradientVarianceProbe.Settings#DEFAULT} unless told otherwise) are append-only; {@link
 * #status()} is immutable. Consumers pull; nothing here calls into a consumer.
 *
 * <p><b>Determinism</b>: all learning is {@link TrainingRun#step()}; speed, pauses, single
 * frames, whole episodes and Watch (its own {@link WatchSession}) only change how the steps are
 * scheduled and shown, never which steps are taken: the app and the command line agree.
 * <b>Failures</b>: an exception in training (NaN, say) leaves the thread alive in
 * {@link TrainerState#FAILED} with its message; {@link #reset(Hyperparameters)} recovers.
 */
public final class Trainer implements TrainerPort {

    private static final long RATE_WINDOW_NANOS = 500_000_000L;
    private static final long STATUS_INTERVAL_NANOS = 50_000_000L;
    private static final long CLOSE_TIMEOUT_MILLIS = 5_000;
    private final TrainerMailbox mailbox = new TrainerMailbox(this::loop);
    private volatile Speed speed = Speed.UNPACED;
    private volatile boolean stopWhenSolved;
    private volatile GradientVarianceProbe.Settings measure = GradientVarianceProbe.Settings.DEFAULT;

    // ---- the run; replaced (never patched) by reset and restore, on the trainer's thread ----
    private volatile TrainingRun run;
    private volatile boolean stoppedBySolve;
    private WatchSession watch;
    private String failureOutsideStep;
    /** The thread's last step was Watch's (its frame is on screen), not training's. */
    private boolean lastStepWatched;

    // ---- pacing and throughput, trainer's thread ----
    private final RateMeter stepRate = new RateMeter(RATE_WINDOW_NANOS);
    private long lastStatusNanos;
    private final FrameSlot frame = new FrameSlot();
    private volatile TrainerStatus status;

    /** A trainer with a fresh run of these settings, idle until {@link #start()}. */
    public Trainer(Hyperparameters hyperparameters) {
        install(new TrainingRun(Objects.requireNonNull(hyperparameters, "hyperparameters")));
    }

    @Override
    public Hyperparameters hyperparameters() {
        return run.hyperparameters();
    }

    @Override
    public void start() {
        command(Mode.RUNNING);
    }

    @Override
    public void pause() {
        command(Mode.PAUSED);
    }

    @Override
    public void stepEpisode() { // paced by the speed
        command(Mode.EPISODE);
    }

    @Override
    public void stepFrame() { // the update runs when the episode ends
        mailbox.postFrame();
    }

    @Override
    public void watch() {
        command(Mode.WATCHING);
    }

    /** Replaces the run with a fresh one of these settings. Stops whatever runs. */
    @Override
    public void reset(Hyperparameters hyperparameters) {
        Objects.requireNonNull(hyperparameters, "hyperparameters");
        if (mailbox.pauseForReplace()) {
            mailbox.execute(() -> install(new TrainingRun(hyperparameters)));
        }
    }

    @Override
    public void setEpisodeBudget(int episodes) {
        mailbox.execute(() -> {
            run.setEpisodeBudget(episodes);
            publishStatus();
        });
    }

    @Override
    public CompletableFuture<RunSnapshot> snapshot() {
        CompletableFuture<RunSnapshot> done = new CompletableFuture<>();
        mailbox.execute(() -> TrainerMailbox.completeWith(done, run::snapshot));
        return done;
    }

    @Override
    public CompletableFuture<Void> restore(RunSnapshot snapshot, List<RecordedEpisode> milestones) {
        Objects.requireNonNull(snapshot, "snapshot");
        CompletableFuture<Void> done = new CompletableFuture<>();
        mailbox.execute(() -> TrainerMailbox.completeWith(done, () -> {
            TrainingRun restored = TrainingRun.restore(snapshot); // refused: run untouched
            mailbox.pauseForReplace();
            install(restored);
            restored.recorder().restoreMilestones(milestones, snapshot.episodes());
            return null;
        }));
        return done;
    }

    @Override
    public void setSpeed(Speed speed) {
        this.speed = Objects.requireNonNull(speed, "speed");
        mailbox.signal();
    }

    @Override
    public void setStopWhenSolved(boolean stopWhenSolved) {
        this.stopWhenSolved = stopWhenSolved;
    }

    @Override
    public void measureGradientVariance(GradientVarianceProbe.Settings settings) {
        measure = settings;
        mailbox.execute(() -> run.measureGradientVariance(settings));
    }

    @Override
    public void stop() {
        mailbox.stop(this::publishStatusLocked);
    }

    /** {@link #stop()}, then waits (at most 5 s) for the thread to end. */
    @Override
    public void close() {
        stop();
        mailbox.join(CLOSE_TIMEOUT_MILLIS);
    }

    /** True while the thread runs (false before the first command and after stop). */
    boolean isThreadAlive() {
        return mailbox.isThreadAlive();
    }

    @Override
    public Frame latestFrame() {
        return frame.take();
    }

    @Override
    public EpisodeHistory history() {
        return run.history();
    }

    @Override
    public TrainerStatus status() {
        return status;
    }

    @Override
    public EpisodeRecorder recorder() {
        return run.recorder();
    }

    @Override
    public GradientVarianceHistory gradientVariance() {
        return run.gradientVariance();
    }

    // ------------------------------------------------------------------ the thread

    private void command(Mode next) {
        mailbox.post(next, () -> {
            if (next != Mode.PAUSED) {
                // show "running" at once; the thread publishes PAUSED once parked (exact steps)
                TrainerStatus s = status;
                TrainerState state = next == Mode.WATCHING || run.canTrain()
                        ? TrainerState.RUNNING : s.state();
                status = s.withState(state);
            }
        });
    }

    private void loop() {
        try {
            while (true) {
                mailbox.runTasks(this::fail);
                Mode m = mailbox.mode();
                if (m == Mode.STOPPED) {
                    break;
                }
                switch (m) {
                    case RUNNING, EPISODE -> runOneStep(m);
                    case WATCHING -> watchStep();
                    case PAUSED -> {
                        if (mailbox.takeFrameOrPark(this::parked) && run.canTrain()) {
                            trainStep(true);
                            publishStatus();
                        }
                    }
                    default -> throw new IllegalStateException("unexpected mode " + m);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            fail(e);
            throw e;
        } finally {
            mailbox.stop(() -> { });
            // a snapshot asked for just before stop still happens; its caller waits on it
            mailbox.runTasks(this::fail);
            publishStatus();
        }
    }

    private void runOneStep(Mode m) throws InterruptedException {
        long seen = mailbox.count();
        if (mailbox.takeContinueAfterSolve()) {
            stoppedBySolve = false;
        }
        boolean ended = canTrain()
                && trainStep(speed.drawsFrames() && (speed.paced() || frame.taken()));
        if (!canTrain() || ended && m == Mode.EPISODE) {
            // one episode done, or nothing more to train (budget, solved, failed): pause
            mailbox.settle(m, seen);
            publishStatus();
            return;
        }
        if (speed.drawsFrames()) {
            publishStatusThrottled();
        }
        pace(m);
    }

    private boolean canTrain() {
        return run.canTrain() && !stoppedBySolve;
    }

    /** One training step; true when it ended an episode. */
    private boolean trainStep(boolean publishFrame) {
        lastStepWatched = false;
        TrainingRun r = run;
        int before = r.history().size(); // a step may end several episodes (--envs N)
        boolean ended = r.step();
        if (publishFrame) {
            frame.publish(r.frame());
        }
        if (ended) {
            if (stopWhenSolved && r.progress().solvedAtEpisode() > before) {
                stoppedBySolve = true;
            }
            publishStatusThrottled();
        } else if (r.failure() != null) {
            publishStatus();
        }
        return ended;
    }

    /** One Watch step on Watch's own environment, then the real-time wait. */
    private void watchStep() throws InterruptedException {
        watch = watch != null ? watch : new WatchSession(run.agent());
        lastStepWatched = true;
        try {
            frame.publish(watch.step()); // null: hold
        } catch (RuntimeException e) {
            fail(e);
            mailbox.settle(Mode.WATCHING, mailbox.count());
            return;
        }
        pace(Mode.WATCHING);
    }

    /** At a paced speed waits for the step's moment; Watch always runs at ×1. */
    private void pace(Mode m) throws InterruptedException {
        mailbox.pace((m == Mode.WATCHING ? Speed.X1 : speed).stepNanos(), m,
                () -> m == Mode.WATCHING || speed.paced());
    }

    /** A failure outside a training step (Watch, a queued task): FAILED with its message. */
    private void fail(Throwable e) {
        String message = Failures.message(e);
        failureOutsideStep = e instanceof OutOfMemoryError ? "out of memory (" + message
                + "): give Java more memory (-Xmx) or reset" : message;
        publishStatus();
    }

    /** Makes {@code fresh} the run (recording it) and publishes its start frame and status. */
    private void install(TrainingRun fresh) {
        fresh.record(EpisodeRecorder.DEFAULT_KEEP);
        fresh.measureGradientVariance(measure);
        run = fresh;
        watch = null;
        failureOutsideStep = null;
        stoppedBySolve = false;
        stepRate.restart();
        frame.publish(fresh.frame());
        publishStatus();
    }

    private void publishStatusThrottled() {
        long now = System.nanoTime();
        if (now - lastStatusNanos >= STATUS_INTERVAL_NANOS || !canTrain()) {
            stepRate.update(now, run.totalSteps());
            publishStatus();
        }
    }

    /** Parking: the rate restarts; the canvas gets the run's state unless it shows Watch. */
    private void parked() {
        stepRate.restart();
        if (!lastStepWatched) {
            frame.publish(run.frame());
        }
        publishStatusLocked();
    }

    /** Under the lock, so a command's status and the thread's are never out of order. */
    private void publishStatus() {
        mailbox.locked(this::publishStatusLocked);
    }

    private void publishStatusLocked() {
        lastStatusNanos = System.nanoTime();
        TrainingRun r = run;
        String failure = r.failure() != null ? r.failure() : failureOutsideStep;
        status = TrainerStatus.of(TrainerState.of(mailbox.mode(), failure != null,
                r.budgetUsed(), stoppedBySolve, r.totalSteps() == 0), r, stepRate.perSecond(),
                failure);
    }
}
