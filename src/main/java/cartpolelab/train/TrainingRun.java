package cartpolelab.train;

import cartpolelab.agent.Agent;
import cartpolelab.agent.EpisodeRunner;
import cartpolelab.agent.GradientVarianceProbe;
import cartpolelab.agent.Hyperparameters;
import cartpolelab.agent.UpdateStats;
import cartpolelab.env.CartPole;
import cartpolelab.metrics.EpisodeHistory;
import cartpolelab.metrics.EpisodeStats;
import cartpolelab.metrics.GradientVarianceHistory;
import cartpolelab.metrics.RunProgress;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The whole state of one training run: the agent, the episode runner (environment and random
 * stream), the finished episodes and the progress towards "solved". Plain single-threaded code
 * with no locks: one thread at a time drives it (the {@link Trainer}'s thread, the command
 * line's, or a worker of an experiment), and whoever drives it may hand it to another thread
 * through a happens-before edge (a lock, a queue, a future).
 *
 * <p>Lifecycle: {@code new TrainingRun(hp)} (fresh networks) or {@link #restore(RunSnapshot)};
 * then {@link #step()} or {@link #finishEpisode()} until {@link #canTrain()} is false; at any
 * point {@link #snapshot()}. Reset and Load replace the run; they never patch it.
 *
 * <p>Determinism: every learning step goes through {@link EpisodeRunner#step()}, which draws
 * exactly one random number per step and four per reset, so how the steps are scheduled
 * (one at a time, whole episodes, with pauses, on any thread) never changes what is learned.
 *
 * <p>Publication: {@link #history()} and {@link #gradientVariance()} are append-only with a
 * volatile size, so other threads may read them while this run trains; everything else is for
 * the driving thread.
 *
 * <p>Measurements: with {@link #measureGradientVariance} on, every K-th episode's end is followed
 * by a {@link GradientVarianceProbe} measurement, timed as training (it changes nothing learned).
 *
 * <p>Time: the only clock is {@link System#nanoTime()} around each step, for the
 * {@code perf/wall_seconds} and {@code perf/steps_per_sec} columns (training time, pauses
 * excluded); nothing learned depends on it.
 */
public final class TrainingRun {

    /** Replaced only by {@link #setEpisodeBudget}: the budget is the one setting a run may change. */
    private Hyperparameters hp;
    private final Agent agent;
    private final EpisodeRunner runner;
    private final EpisodeHistory history;
    private final RunProgress progress;
    /** Steps taken before this object existed (restored runs). */
    private final long baseSteps;

    /** Null unless {@link #record(int)} was called. */
    private EpisodeRecorder recorder;
    private final double[] frameObservation = new double[CartPole.OBSERVATION_SIZE];
    private final double[] frameProbabilities = new double[CartPole.ACTION_COUNT];
    /** V(s) after this step as the recorder computed it, π in frameProbabilities; else NaN. */
    private double stepValue = Double.NaN;

    /** Null unless {@link #measureGradientVariance} switched it on. */
    private final VarianceMeasuring measuring = new VarianceMeasuring();

    private long activeNanos;
    /** Per environment: {@link #activeNanos} when its episode in progress began. */
    private final long[] episodeStartNanos;
    private String failure;

    /** A fresh run: networks initialised from the seed, no episodes yet. */
    public TrainingRun(Hyperparameters hyperparameters) {
        this(hyperparameters, new Agent(Objects.requireNonNull(hyperparameters,
                "hyperparameters")), new EpisodeHistory(), 0, 0);
    }

    private TrainingRun(Hyperparameters hp, Agent agent, EpisodeHistory history,
                        long randomDraws, long totalSteps) {
        this.hp = hp;
        this.agent = agent;
        this.runner = new EpisodeRunner(agent, randomDraws);
        this.history = history;
        this.progress = RunProgress.of(history, hp.version().solvedThreshold());
        this.baseSteps = totalSteps;
        EpisodeStats last = history.last();
        this.activeNanos = last == null ? 0 : (long) (last.wallSeconds() * 1e9);
        this.episodeStartNanos = new long[hp.envs()];
        Arrays.fill(episodeStartNanos, activeNanos);
        runner.beginEpisode();
    }

    /**
     * The run a snapshot describes, ready to continue with the episode that was in progress
     * (from its start) or the next one. The snapshot is not changed and can be restored again.
     * Fast-forwarding the random stream costs one draw per step of the history, no more
     * ({@link RunSnapshot#checkPosition()}).
     *
     * @throws IllegalArgumentException if the snapshot's networks do not fit its settings or
     *                                  its position does not match its history
     */
    public static TrainingRun restore(RunSnapshot snapshot) {
        snapshot.checkPosition();
        Hyperparameters hp = snapshot.hyperparameters();
        TrainingRun run = new TrainingRun(hp, Agent.restore(hp, snapshot.agent(),
                snapshot.totalSteps()), snapshot.history().copy(), snapshot.randomDraws(),
                snapshot.totalSteps());
        run.measuring.history().addAll(snapshot.gradientVariance());
        return run;
    }

    /**
     * An immutable copy of everything needed to continue this run: taken mid-episode, it
     * holds the position at the start of the episode in progress and says how many steps
     * that leaves out ({@link RunSnapshot#replayedSteps()}, {@link RunSnapshot#exact()}).
     * The history is a read-only view, not a copy.
     */
    public RunSnapshot snapshot() {
        if (hp.envs() > 1) {
            return RunSnapshot.afterLastEpisode(hp, agent.state(), history.view(),
                    measuring.history().copy());
        }
        int partial = runner.inEpisode() ? runner.episodeSteps() : 0;
        return new RunSnapshot(hp, agent.state(), baseSteps + runner.episodeStartSteps(),
                runner.episodeStartDraws(), history.view(), partial, measuring.history().copy());
    }

    // ------------------------------------------------------------------ training

    /** True while the episode budget is not used up and training has not failed. */
    public boolean canTrain() {
        return failure == null && history.size() < hp.episodes();
    }

    /**
     * One environment step with learning (the update runs when the episode ends). When the
     * step ends an episode, its record is appended to {@link #history()} and this returns
     * true. If training throws (NaN in an update, say), the run is failed: {@link #failure()}
     * says why, {@link #canTrain()} is false from then on, and this returns false.
     *
     * @throws IllegalStateException if the run cannot train (budget used up or failed)
     */
    public boolean step() {
        if (!canTrain()) {
            throw new IllegalStateException(failure != null ? "the run has failed: " + failure
                    : "the episode budget of " + hp.episodes() + " is used up");
        }
        long t0 = System.nanoTime();
        stepValue = Double.NaN;
        if (hp.envs() > 1) {
            runner.resetEnded();
        } else if (!runner.inEpisode()) {
            episodeStartNanos[0] = activeNanos;
            runner.beginEpisode();
        }
        if (recorder != null && runner.episodeSteps() == 0) {
            recorder.begin(runner.env(), agent, hp.episodeStepLimit() + 1);
        }
        boolean ended;
        try {
            ended = runner.step();
        } catch (RuntimeException e) {
            failure = Failures.message(e);
            return false;
        } finally {
            activeNanos += System.nanoTime() - t0;
        }
        if (recorder != null) {
            runner.lastProbabilities(frameProbabilities);
            recorder.step(runner, agent, frameProbabilities[1]); // after the runner's step
            stepValue = recorder.lastValue(); // frame() shows the same state: no second V(s)
        }
        if (ended) {
            // the episodes that ended in this lockstep, in environment order
            for (int e = 0; e < hp.envs() && canTrain(); e++) {
                if (runner.ended(e)) {
                    measureIfDue();
                    recordEpisode(e);
                }
            }
        }
        return ended;
    }

    /**
     * Steps until the episode in progress ends (beginning one if none is); returns its record,
     * or null if training failed on the way.
     */
    public EpisodeStats finishEpisode() {
        while (canTrain()) {
            if (step()) {
                return history.last();
            }
        }
        return null;
    }

    /**
     * Trains on the calling thread until the budget is used up, training fails or, with
     * {@code stopWhenSolved}, the task is solved: the plain loop of the command line and of
     * experiments. {@code onEpisode} (may be null) sees every finished episode, in order.
     */
    public void train(boolean stopWhenSolved, Consumer<EpisodeStats> onEpisode) {
        while (canTrain() && !(stopWhenSolved && progress.solved())) {
            int before = history.size();
            if (step() && onEpisode != null) {
                for (int i = before; i < history.size(); i++) {
                    onEpisode.accept(history.get(i));
                }
            }
        }
    }

    /** The probe's measurement when this is the K-th episode since the last (counted in
     *  episodes, not updates; the probe's stream is keyed by the update count); timed. */
    private void measureIfDue() {
        long t0 = System.nanoTime();
        try {
            measuring.measureIfDue(agent, history.size() + 1);
        } catch (RuntimeException e) {
            failure = "gradient-variance measurement failed: " + Failures.message(e);
        } finally {
            activeNanos += System.nanoTime() - t0;
        }
    }

    /** Appends environment e's episode that just ended to the history. */
    private void recordEpisode(int e) {
        UpdateStats update = runner.takeEpisodeStats();
        int episode = history.size() + 1;
        double reward = runner.episodeReward(e);
        int length = runner.episodeSteps(e);
        progress.add(reward);
        double seconds = Math.max(1e-9, (activeNanos - episodeStartNanos[e]) / 1e9);
        episodeStartNanos[e] = activeNanos;
        history.add(new EpisodeStats(episode, reward, length, progress.movingAverage(),
                update.actorLoss(), update.criticLoss(), update.entropy(), totalSteps(),
                activeNanos / 1e9, length / seconds, update.approxKl(), update.clipFraction()));
        measuring.commit(episode);
        if (recorder != null && e == 0) {
            int solved = progress.solvedAtEpisode();
            recorder.end(episode, runner.lastTerminated(),
                    solved > 0 ? solved - progress.window() + 1 : -1);
        }
    }

    /**
     * Records this run's episodes from now on, keeping the last {@code keepEpisodes} and the
     * milestones (see {@link EpisodeRecorder}), in the recorder returned; training is the same.
     */
    public EpisodeRecorder record(int keepEpisodes) {
        return recorder == null ? recorder = new EpisodeRecorder(keepEpisodes) : recorder;
    }

    /**
     * Measures the variance of the three policy-gradient estimators every
     * {@code settings.everyEpisodes()} episodes from now on, into
     * {@link #gradientVariance()}; null switches it off. Training is the same either way.
     */
    public void measureGradientVariance(GradientVarianceProbe.Settings settings) {
        measuring.switchTo(settings == null ? null : new GradientVarianceProbe(hp, settings));
    }

    /** The probe's settings, or null when this run does not measure. */
    GradientVarianceProbe.Settings gradientVarianceSettings() {
        return measuring.settings();
    }

    /** The gradient-variance measurements so far, append-only; safe to read from any thread. */
    public GradientVarianceHistory gradientVariance() {
        return measuring.history();
    }

    /** The recordings, or null when this run does not record. */
    public EpisodeRecorder recorder() {
        return recorder;
    }

    /** A new episode budget: a raise lets a finished run go on, a cut below the episodes run
     *  ends training; nothing learned depends on it. */
    public void setEpisodeBudget(int episodes) {
        hp = hp.withEpisodes(episodes);
    }

    // ------------------------------------------------------------------ reading
    public Hyperparameters hyperparameters() {
        return hp;
    }

    /** The live agent: for the driving thread only (Watch runs on it between steps). */
    public Agent agent() {
        return agent;
    }

    /** Finished episodes, append-only; safe to read from any thread. */
    public EpisodeHistory history() {
        return history;
    }

    /** Moving average, best and solved-at of the finished episodes. */
    public RunProgress progress() {
        return progress;
    }

    /** The failure that ended training, or null. */
    public String failure() {
        return failure;
    }

    /** True once every episode of the budget has run. */
    public boolean budgetUsed() {
        return history.size() >= hp.episodes();
    }

    /** Environment steps taken in training since the run began. */
    public long totalSteps() {
        return baseSteps + runner.totalSteps();
    }

    /** Seconds of {@link #activeSeconds()} spent measuring gradient variance (since built). */
    public double measuringSeconds() {
        return measuring.seconds();
    }

    /** Seconds spent in {@link #step()} since the run began. */
    public double activeSeconds() {
        return activeNanos / 1e9;
    }

    /**
     * The current state as the canvas shows it: the last step taken, or the start state of
     * the episode about to run. After a recorded step, π and V(s) are the recorder's.
     */
    public Frame frame() {
        CartPole env = runner.env();
        double[] obs = frameObservation;
        double[] pi = frameProbabilities;
        env.observe(obs, 0);
        int episode = history.size() + (runner.inEpisode() || runner.episodeSteps() == 0 ? 1 : 0);
        boolean recorded = runner.lastAction() >= 0 && !Double.isNaN(stepValue);
        if (runner.lastAction() < 0) {
            agent.probabilities(obs, pi);
        } else if (!recorded) {
            runner.lastProbabilities(pi);
        }
        return new Frame(env.x(), env.xDot(), env.theta(), env.thetaDot(), runner.lastAction(),
                pi[0], pi[1], recorded ? stepValue : agent.value(obs), runner.episodeSteps(),
                episode, runner.episodeReward(), runner.lastTerminated(), runner.lastCutOff(),
                false, runner.positions());
    }
}
