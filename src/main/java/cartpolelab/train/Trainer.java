package cartpolelab.train;

import cartpolelab.agent.Agent;
import cartpolelab.agent.EpisodeRunner;
import cartpolelab.agent.Hyperparameters;
import cartpolelab.agent.UpdateStats;
import cartpolelab.metrics.EpisodeHistory;
import cartpolelab.metrics.EpisodeStats;
import cartpolelab.metrics.MovingAverage;
import cartpolelab.env.CartPole;
import cartpolelab.io.Checkpoint;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * Runs episodes on its own daemon thread and publishes frames and finished episodes without
 * ever blocking on a consumer.
 *
 * <p><b>Commands</b> ({@link #start}, {@link #pause}, {@link #stepEpisode}, {@link #stepFrame},
 * {@link #watch}, {@link #reset}, {@link #stop}, checkpoints) may be called from any thread and
 * return at once; the trainer's thread picks them up between two environment steps. While
 * paused the thread waits on a {@link Condition} (no busy wait); real-time pacing waits on the
 * same condition with a deadline, so a command wakes it at once.
 *
 * <p><b>Publication</b>: {@link #latestFrame()} is a volatile reference to an immutable
 * {@link Frame} (one per step at real-time and fast speed, none at maximum speed);
 * {@link #history()} is append-only with a volatile size; {@link #status()} is an immutable
 * snapshot. Consumers pull whenever they like; nothing here calls into a consumer.
 *
 * <p><b>Determinism</b>: all learning goes through {@link EpisodeRunner#step()}, which draws
 * exactly one random number per step; speed, pauses, single frames, whole episodes, Watch and
 * {@link #runHeadless} only change how the steps are scheduled and shown, never which steps
 * are taken. Same settings and seed give the same rewards in the app and on the command line.
 *
 * <p><b>Failures</b>: an exception inside training (NaN in an update, say) leaves the thread
 * alive in {@link TrainerState#FAILED} with the message in {@link TrainerStatus#failure()};
 * {@link #reset()} recovers.
 */
public final class Trainer implements AutoCloseable {

    /** Gymnasium's render rate: real time is 50 environment steps per second. */
    public static final int REAL_TIME_STEPS_PER_SECOND = 50;
    private static final long REAL_TIME_STEP_NANOS = 1_000_000_000L / REAL_TIME_STEPS_PER_SECOND;
    /** Watch holds the last frame of an episode this long before the next one starts. */
    private static final int WATCH_HOLD_STEPS = 25;
    /** Watch's resets come from their own stream, never from training's. */
    private static final long WATCH_SEED_MIX = 0x5DEECE66DL;
    private static final long RATE_WINDOW_NANOS = 500_000_000L;
    private static final long CLOSE_TIMEOUT_MILLIS = 5_000;

    /** What the thread does next. Written under {@link #lock}, read without it. */
    private enum Mode { PAUSED, RUNNING, EPISODE, WATCHING, STOPPED }

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wake = lock.newCondition();
    private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();

    private volatile Mode mode = Mode.PAUSED;
    private volatile Speed speed = Speed.FAST;
    private volatile boolean stopWhenSolved;
    /** Set by start/resume/step-episode: training goes on after a stop-when-solved pause. */
    private volatile boolean continueAfterSolve;
    /** Counts commands, so the thread never undoes one that came in during its step. */
    private volatile long commandCount;
    /** Single frames asked for and not yet taken; guarded by {@link #lock}. */
    private int framesPending;
    private Thread thread;
    private boolean headless;

    // ---- owned by the training thread (or the headless caller) ----
    private volatile Hyperparameters hp;
    private Agent agent;
    private EpisodeRunner runner;
    private volatile EpisodeHistory history;
    private MovingAverage movingAverage;
    private double bestMovingAverage;
    private int solvedAtEpisode;
    private volatile boolean finished;
    private volatile boolean stoppedBySolve;
    private volatile String failure;
    private long baseSteps;
    private long activeNanos;
    private long episodeStartNanos;
    private double stepsPerSecond;
    private long rateMarkNanos;
    private long rateMarkSteps;
    private long nextDeadline;
    private Runnable stepHook;
    private final double[] observation = new double[CartPole.OBSERVATION_SIZE];
    private final double[] probabilities = new double[CartPole.ACTION_COUNT];

    // Watch: its own environment and random stream, so it never disturbs training.
    private CartPole watchEnv;
    private SplittableRandom watchRandom;
    private int watchEpisodes;
    private int watchHold;
    private boolean watchInEpisode;
    private double watchReward;

    private volatile Frame latestFrame;
    private volatile TrainerStatus status;

    /** A trainer with fresh networks for these settings, idle until {@link #start()}. */
    public Trainer(Hyperparameters hyperparameters) {
        install(Objects.requireNonNull(hyperparameters, "hyperparameters"), new Agent(hyperparameters),
                new EpisodeHistory(), 0, 0);
    }

    public Hyperparameters hyperparameters() {
        return hp;
    }

    // ------------------------------------------------------------------ commands

    /** Starts or resumes training until the budget, a pause, or (optionally) solved. */
    public void start() {
        command(Mode.RUNNING);
    }

    /** Parks the thread after the current step. */
    public void pause() {
        command(Mode.PAUSED);
    }

    /** Same as {@link #start()}. */
    public void resume() {
        command(Mode.RUNNING);
    }

    /**
     * Runs exactly one whole episode (the rest of the one in progress, if a frame step left
     * one open), including its learning update, then pauses. Paced by the speed setting.
     */
    public void stepEpisode() {
        command(Mode.EPISODE);
    }

    /** Takes one environment step, then pauses; the update runs when the episode ends. */
    public void stepFrame() {
        lock.lock();
        try {
            if (mode == Mode.STOPPED) {
                return;
            }
            framesPending++;
            mode = Mode.PAUSED;
            ensureThread();
            wake.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Runs the current policy greedily, without learning, in real time, until paused. */
    public void watch() {
        command(Mode.WATCHING);
    }

    /** Fresh networks from the current settings and seed; history cleared; state IDLE. */
    public void reset() {
        reset(hp);
    }

    /** Like {@link #reset()} with new settings. Stops whatever runs. */
    public void reset(Hyperparameters hyperparameters) {
        Objects.requireNonNull(hyperparameters, "hyperparameters");
        lock.lock();
        try {
            if (mode == Mode.STOPPED) {
                return;
            }
            mode = Mode.PAUSED;
            framesPending = 0;
        } finally {
            lock.unlock();
        }
        execute(() -> install(hyperparameters, new Agent(hyperparameters), new EpisodeHistory(),
                0, 0));
    }

    public void setSpeed(Speed speed) {
        this.speed = Objects.requireNonNull(speed, "speed");
        signal();
    }

    public Speed speed() {
        return speed;
    }

    /** When on, training pauses in {@link TrainerState#SOLVED} once the task is solved. */
    public void setStopWhenSolved(boolean stopWhenSolved) {
        this.stopWhenSolved = stopWhenSolved;
    }

    public boolean stopWhenSolved() {
        return stopWhenSolved;
    }

    /** Ends the thread; the trainer cannot be used afterwards. */
    public void stop() {
        lock.lock();
        try {
            mode = Mode.STOPPED;
            wake.signalAll();
            if (thread == null) {
                publishStatus();
            }
        } finally {
            lock.unlock();
        }
    }

    /** {@link #stop()} and wait (at most 5 s) for the thread to end. */
    @Override
    public void close() {
        stop();
        try {
            awaitThreadEnd(CLOSE_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** True while the trainer's thread runs (false before the first command and after stop). */
    public boolean isThreadAlive() {
        lock.lock();
        try {
            return thread != null && thread.isAlive();
        } finally {
            lock.unlock();
        }
    }

    // ------------------------------------------------------------------ checkpoints

    /**
     * Writes a checkpoint (networks, optimiser state, settings, the episode history and the
     * position of the random stream) between two steps, on the trainer's thread. The future
     * completes when the file is in place, or exceptionally with a message naming the problem
     * (nothing else changes then). A checkpoint taken mid-episode drops that episode's
     * unfinished steps when loaded.
     */
    public CompletableFuture<Void> saveCheckpoint(Path file) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        execute(() -> {
            try {
                Checkpoint.capture(agent, history, baseSteps + runner.totalSteps(),
                        runner.randomDraws()).write(file);
                done.complete(null);
            } catch (IOException | RuntimeException e) {
                done.completeExceptionally(e);
            }
        });
        return done;
    }

    /**
     * Loads a checkpoint between two steps and pauses; on a bad file the future completes
     * exceptionally with a message naming the problem, and the current agent is untouched.
     */
    public CompletableFuture<Void> loadCheckpoint(Path file) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        execute(() -> {
            Checkpoint checkpoint;
            Agent restored;
            try {
                checkpoint = Checkpoint.read(file);
                restored = checkpoint.restoreAgent();
            } catch (IOException | RuntimeException e) {
                done.completeExceptionally(e);
                return;
            }
            lock.lock();
            try {
                if (mode != Mode.STOPPED) {
                    mode = Mode.PAUSED;
                    commandCount++;
                    framesPending = 0;
                }
            } finally {
                lock.unlock();
            }
            install(checkpoint.hyperparameters(), restored, checkpoint.history(),
                    checkpoint.randomDraws(), checkpoint.totalSteps());
            done.complete(null);
        });
        return done;
    }

    // ------------------------------------------------------------------ headless

    /**
     * Trains on the calling thread (the command line) until the episode budget is used up or,
     * with stop-when-solved, the task is solved: the same step and episode code as the
     * thread's, so the same settings give the same rewards. {@code onEpisode} sees every
     * finished episode. Not to be mixed with the thread's commands.
     *
     * @return the final status (FINISHED, SOLVED or FAILED with its message)
     */
    public TrainerStatus runHeadless(Consumer<EpisodeStats> onEpisode) {
        lock.lock();
        try {
            if (thread != null) {
                throw new IllegalStateException("runHeadless cannot run while the trainer's "
                        + "thread is in use");
            }
            headless = true;
        } finally {
            lock.unlock();
        }
        try {
            while (canTrain() && mode != Mode.STOPPED) {
                long t0 = System.nanoTime();
                EpisodeStats done = trainStepOrFail(false);
                activeNanos += System.nanoTime() - t0;
                if (done != null && onEpisode != null) {
                    onEpisode.accept(done);
                }
            }
            publishStatus();
            return status;
        } finally {
            lock.lock();
            try {
                headless = false;
            } finally {
                lock.unlock();
            }
        }
    }

    // ------------------------------------------------------------------ publication

    /** The most recent frame, or null before the first. Never blocks. */
    public Frame latestFrame() {
        return latestFrame;
    }

    /** Every finished episode of this run, append-only; a reset replaces it with a new one. */
    public EpisodeHistory history() {
        return history;
    }

    public TrainerStatus status() {
        return status;
    }

    // ------------------------------------------------------------------ the thread

    private void command(Mode next) {
        lock.lock();
        try {
            if (mode == Mode.STOPPED) {
                return;
            }
            mode = next;
            commandCount++;
            framesPending = 0;
            if (next == Mode.RUNNING || next == Mode.EPISODE) {
                continueAfterSolve = true;
            }
            ensureThread();
            wake.signalAll();
            if (next != Mode.PAUSED) {
                // show "running" at once; PAUSED is published by the thread once it has parked,
                // with the exact step count
                TrainerStatus s = status;
                TrainerState state = next == Mode.WATCHING || !finished && failure == null
                        ? TrainerState.RUNNING : s.state();
                status = new TrainerStatus(state, s.episodes(), s.totalSteps(), s.lastReward(),
                        s.movingAverage(), s.bestMovingAverage(), s.stepsPerSecond(),
                        s.solvedAtEpisode(), s.failure());
            }
        } finally {
            lock.unlock();
        }
    }

    private void signal() {
        lock.lock();
        try {
            wake.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Runs {@code task} between two steps on the trainer's thread (started if need be, so file
     * I/O never runs on a caller such as the FX thread); here when running headless or stopped.
     */
    private void execute(Runnable task) {
        lock.lock();
        try {
            if (headless || mode == Mode.STOPPED) {
                task.run();
                return;
            }
            ensureThread();
            tasks.add(task);
            wake.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Caller holds the lock. */
    private void ensureThread() {
        if (thread == null && !headless) {
            thread = new Thread(this::loop, "cartpole-trainer");
            thread.setDaemon(true);
            thread.start();
        }
    }

    private void loop() {
        try {
            while (true) {
                runPendingTasks();
                Mode m = mode;
                if (m == Mode.STOPPED) {
                    break;
                }
                long t0 = System.nanoTime();
                switch (m) {
                    case RUNNING, EPISODE -> runOneStep(m);
                    case WATCHING -> {
                        try {
                            watchStep();
                        } catch (RuntimeException e) {
                            fail(e);
                        }
                        pace(m);
                    }
                    case PAUSED -> {
                        if (takePendingFrame()) {
                            trainStepOrFail(true);
                            publishStatus();
                        }
                    }
                    default -> throw new IllegalStateException("unexpected mode " + m);
                }
                if (m != Mode.WATCHING && m != Mode.PAUSED) {
                    activeNanos += System.nanoTime() - t0;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            fail(e);
            throw e;
        } finally {
            lock.lock();
            try {
                mode = Mode.STOPPED;
            } finally {
                lock.unlock();
            }
            // a save asked for just before stop still happens; its caller waits on it
            runPendingTasks();
            publishStatus();
        }
    }

    /** Resets, checkpoint saves and loads, run between two steps. */
    private void runPendingTasks() {
        Runnable task;
        while ((task = tasks.poll()) != null) {
            try {
                task.run();
            } catch (RuntimeException e) {
                fail(e);
            }
        }
    }

    private void runOneStep(Mode m) throws InterruptedException {
        long seenCommands = commandCount;
        if (continueAfterSolve) {
            continueAfterSolve = false;
            stoppedBySolve = false;
        }
        EpisodeStats done = canTrain() ? trainStepOrFail(speed != Speed.MAXIMUM) : null;
        if (!canTrain() || done != null && m == Mode.EPISODE) {
            // one episode done, or nothing more to train (budget, solved, failed): pause
            settle(m, seenCommands);
            return;
        }
        if (speed != Speed.MAXIMUM) {
            publishStatusThrottled();
        }
        pace(m);
    }

    private boolean canTrain() {
        return !finished && !stoppedBySolve && failure == null;
    }

    /**
     * Pauses after a finished step-episode, the budget, "solved" or a failure, unless a command
     * came in since the step began (a second "step episode" must not be swallowed).
     */
    private void settle(Mode from, long seenCommands) {
        lock.lock();
        try {
            if (mode == from && commandCount == seenCommands) {
                mode = Mode.PAUSED;
            }
        } finally {
            lock.unlock();
        }
        publishStatus();
    }

    /** Waits while paused; returns true if a single frame was asked for. */
    private boolean takePendingFrame() throws InterruptedException {
        lock.lock();
        try {
            if (framesPending > 0) {
                framesPending--;
                return true;
            }
            if (mode == Mode.PAUSED && tasks.isEmpty()) {
                publishStatus();
                wake.await();
            }
            return false;
        } finally {
            lock.unlock();
        }
    }

    /**
     * At real time (and always in Watch) waits until the next 20 ms deadline; a command wakes
     * it at once. Falling far behind restarts the clock instead of bursting to catch up.
     */
    private void pace(Mode m) throws InterruptedException {
        if (m != Mode.WATCHING && speed != Speed.REAL_TIME) {
            nextDeadline = 0;
            return;
        }
        long now = System.nanoTime();
        if (nextDeadline == 0 || now - nextDeadline > 5 * REAL_TIME_STEP_NANOS) {
            nextDeadline = now;
        }
        nextDeadline += REAL_TIME_STEP_NANOS;
        lock.lock();
        try {
            long wait = nextDeadline - System.nanoTime();
            while (wait > 0 && mode == m && tasks.isEmpty() && framesPending == 0
                    && (m == Mode.WATCHING || speed == Speed.REAL_TIME)) {
                wait = wake.awaitNanos(wait);
            }
        } finally {
            lock.unlock();
        }
    }

    /** {@link #trainStep} that turns an exception into the FAILED state (and returns null). */
    private EpisodeStats trainStepOrFail(boolean publishFrame) {
        try {
            return trainStep(publishFrame);
        } catch (RuntimeException e) {
            fail(e);
            return null;
        }
    }

    private void fail(Throwable e) {
        String message = e.getMessage() != null ? e.getMessage() : e.toString();
        failure = message;
        publishStatus();
    }

    // ------------------------------------------------------------------ one step

    /**
     * One learning step through the runner; returns the finished episode's record when this
     * step ended one, else null.
     */
    private EpisodeStats trainStep(boolean publishFrame) {
        if (stepHook != null) {
            stepHook.run();
        }
        if (!runner.inEpisode()) {
            episodeStartNanos = activeNanos;
        }
        boolean ended = runner.step();
        if (publishFrame) {
            publishTrainingFrame();
        }
        return ended ? finishEpisode() : null;
    }

    private EpisodeStats finishEpisode() {
        UpdateStats update = runner.takeEpisodeStats();
        int episode = history.size() + 1;
        double reward = runner.episodeReward();
        int length = runner.episodeSteps();
        boolean solvedNow = track(episode, reward);
        double ma = movingAverage.mean();
        long now = System.nanoTime();
        long totalSteps = baseSteps + runner.totalSteps();
        // active time up to the previous step; the current step's few µs are not in it yet
        double wallSeconds = activeNanos / 1e9;
        double episodeSeconds = Math.max(1e-9, (activeNanos - episodeStartNanos) / 1e9);
        updateRate(now, totalSteps);
        EpisodeStats stats = new EpisodeStats(episode, reward, length, ma,
                update.actorLoss(), update.criticLoss(), update.entropy(), totalSteps,
                wallSeconds, length / episodeSeconds);
        history.add(stats);
        if (solvedNow && stopWhenSolved) {
            stoppedBySolve = true;
        }
        if (episode >= hp.episodes()) {
            finished = true;
        }
        publishStatusThrottled();
        return stats;
    }

    /**
     * Adds an episode's reward to the moving average and the best-so-far; returns true if this
     * episode is the first whose average over a full window reached the solved threshold.
     */
    private boolean track(int episode, double reward) {
        double ma = movingAverage.add(reward);
        if (Double.isNaN(bestMovingAverage) || ma > bestMovingAverage) {
            bestMovingAverage = ma;
        }
        if (solvedAtEpisode < 0 && movingAverage.full()
                && ma >= hp.version().solvedThreshold()) {
            solvedAtEpisode = episode;
            return true;
        }
        return false;
    }

    private void updateRate(long now, long totalSteps) {
        if (rateMarkNanos == 0) {
            rateMarkNanos = now;
            rateMarkSteps = totalSteps;
        } else if (now - rateMarkNanos >= RATE_WINDOW_NANOS) {
            stepsPerSecond = (totalSteps - rateMarkSteps) * 1e9 / (now - rateMarkNanos);
            rateMarkNanos = now;
            rateMarkSteps = totalSteps;
        }
    }

    private void publishTrainingFrame() {
        CartPole env = runner.env();
        env.observe(observation, 0);
        runner.lastProbabilities(probabilities);
        latestFrame = new Frame(env.x(), env.xDot(), env.theta(), env.thetaDot(),
                runner.lastAction(), probabilities[0], probabilities[1],
                agent.value(observation), runner.episodeSteps(), history.size() + 1,
                runner.episodeReward(), runner.lastTerminated(), runner.lastCutOff(), false);
    }

    /** The state an episode starts from, before its first action. */
    private void publishStartFrame(CartPole env, int episode, boolean greedy) {
        env.observe(observation, 0);
        agent.probabilities(observation, probabilities);
        latestFrame = new Frame(env.x(), env.xDot(), env.theta(), env.thetaDot(), -1,
                probabilities[0], probabilities[1], agent.value(observation), 0, episode, 0,
                false, false, greedy);
    }

    /** One Watch step: greedy action, no learning, on Watch's own environment. */
    private void watchStep() {
        if (watchHold > 0) {
            watchHold--;
            return;
        }
        if (watchEnv == null) {
            watchEnv = new CartPole(hp.version());
            watchRandom = new SplittableRandom(hp.seed() ^ WATCH_SEED_MIX);
        }
        if (!watchInEpisode) {
            watchEpisodes++;
            watchReward = 0;
            watchEnv.reset(watchRandom);
            watchInEpisode = true;
            publishStartFrame(watchEnv, watchEpisodes, true);
            return;
        }
        watchEnv.observe(observation, 0);
        agent.probabilities(observation, probabilities);
        int action = agent.greedyAction(observation);
        watchReward += watchEnv.advance(action);
        boolean terminated = watchEnv.terminated();
        boolean cutOff = !terminated
                && (watchEnv.truncated() || watchEnv.steps() >= hp.maxSteps());
        watchEnv.observe(observation, 0);
        latestFrame = new Frame(watchEnv.x(), watchEnv.xDot(), watchEnv.theta(),
                watchEnv.thetaDot(), action, probabilities[0], probabilities[1],
                agent.value(observation), watchEnv.steps(), watchEpisodes, watchReward,
                terminated, cutOff, true);
        if (terminated || cutOff) {
            watchInEpisode = false;
            watchHold = WATCH_HOLD_STEPS;
        }
    }

    // ------------------------------------------------------------------ state

    /**
     * Makes {@code fresh} the agent, with {@code restored} as the history so far, a random
     * stream that has delivered {@code randomDraws} numbers, and {@code totalSteps} taken.
     */
    private void install(Hyperparameters settings, Agent fresh, EpisodeHistory restored,
                         long randomDraws, long totalSteps) {
        hp = settings;
        agent = fresh;
        runner = new EpisodeRunner(fresh, randomDraws);
        baseSteps = totalSteps;
        movingAverage = new MovingAverage(MovingAverage.DEFAULT_WINDOW);
        bestMovingAverage = Double.NaN;
        solvedAtEpisode = -1;
        for (int i = 0; i < restored.size(); i++) {
            track(i + 1, restored.reward(i));
        }
        history = restored;
        finished = restored.size() >= settings.episodes();
        stoppedBySolve = false;
        failure = null;
        activeNanos = restored.size() == 0 ? 0
                : (long) (restored.get(restored.size() - 1).wallSeconds() * 1e9);
        episodeStartNanos = activeNanos;
        stepsPerSecond = 0;
        rateMarkNanos = 0;
        watchEnv = null;
        watchEpisodes = 0;
        watchHold = 0;
        watchInEpisode = false;
        runner.beginEpisode();
        publishStartFrame(runner.env(), restored.size() + 1, false);
        publishStatus();
    }

    private long lastStatusNanos;

    private void publishStatusThrottled() {
        long now = System.nanoTime();
        if (now - lastStatusNanos >= 50_000_000L || finished || stoppedBySolve) {
            publishStatus();
        }
    }

    /** Under the lock, so a command's status and the thread's are never out of order. */
    private void publishStatus() {
        lock.lock();
        try {
            publishStatusLocked();
        } finally {
            lock.unlock();
        }
    }

    private void publishStatusLocked() {
        lastStatusNanos = System.nanoTime();
        EpisodeHistory h = history;
        int n = h == null ? 0 : h.size();
        double last = n == 0 ? Double.NaN : h.reward(n - 1);
        double ma = n == 0 ? Double.NaN : h.movingAverage(n - 1);
        long steps = runner == null ? 0 : baseSteps + runner.totalSteps();
        status = new TrainerStatus(state(steps), n, steps, last, ma, bestMovingAverage,
                stepsPerSecond, solvedAtEpisode, failure);
    }

    private TrainerState state(long steps) {
        Mode m = mode;
        if (m == Mode.STOPPED) {
            return TrainerState.STOPPED;
        }
        if (failure != null) {
            return TrainerState.FAILED;
        }
        if (m == Mode.WATCHING) {
            return TrainerState.RUNNING;
        }
        if ((m == Mode.RUNNING || m == Mode.EPISODE) && !finished && !stoppedBySolve) {
            return TrainerState.RUNNING;
        }
        if (stoppedBySolve) {
            return TrainerState.SOLVED;
        }
        if (finished) {
            return TrainerState.FINISHED;
        }
        return steps == 0 ? TrainerState.IDLE : TrainerState.PAUSED;
    }

    // ------------------------------------------------------------------ tests

    /** Runs before every training step; a test uses it to make training throw. */
    void setStepHook(Runnable hook) {
        execute(() -> stepHook = hook);
    }

    /** Waits (bounded) until the thread has ended; true if it has (or never started). */
    boolean awaitThreadEnd(long timeout, TimeUnit unit) throws InterruptedException {
        Thread t;
        lock.lock();
        try {
            t = thread;
        } finally {
            lock.unlock();
        }
        if (t == null || t == Thread.currentThread()) {
            return t == null;
        }
        t.join(unit.toMillis(timeout));
        return !t.isAlive();
    }
}
