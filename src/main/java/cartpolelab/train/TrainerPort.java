package cartpolelab.train;

import cartpolelab.agent.GradientVarianceProbe;
import cartpolelab.agent.Hyperparameters;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * What a window needs of a trainer: commands that return at once and pulls that never block.
 * {@link Trainer} is the implementation; the interface lets UI tests script a trainer where the
 * real one cannot be made to misbehave on demand.
 *
 * <p>Files are not the trainer's business: a checkpoint is a {@link RunSnapshot} taken with
 * {@link #snapshot()} and written by the caller, and loading one is {@link #restore} of a
 * snapshot the caller read.
 */
public interface TrainerPort extends RunOutputs, AutoCloseable {

    /** The settings of the current run. */
    Hyperparameters hyperparameters();

    /** Starts or resumes training until the budget, a pause, or (optionally) solved. */
    void start();

    /** Parks the thread after the current step. */
    void pause();

    /** Same as {@link #start()}. */
    default void resume() {
        start();
    }

    /** Finishes the episode in progress (or runs one whole new one), then pauses. */
    void stepEpisode();

    /** Takes one environment step, then pauses. */
    void stepFrame();

    /** Replaces the run with a fresh one of these settings; paused, IDLE. */
    void reset(Hyperparameters hyperparameters);

    /**
     * Changes the current run's episode budget (between two steps): a finished run whose
     * budget is raised can resume where it stopped.
     */
    void setEpisodeBudget(int episodes);

    /** Plays the current policy greedily, in real time, without learning, until paused. */
    void watch();

    void setSpeed(Speed speed);

    /** When on, training pauses in {@link TrainerState#SOLVED} once the task is solved. */
    /**
     * How often the gradient variance is measured ({@link TrainingRun#measureGradientVariance}):
     * the current run from now on, and every later one; null measures nothing.
     */
    void measureGradientVariance(GradientVarianceProbe.Settings settings);

    void setStopWhenSolved(boolean stopWhenSolved);

    /**
     * The most recent frame, or null. Never blocks. Reading it tells the trainer the frame was
     * taken: training unpaced, it builds the next one only then.
     */
    Frame latestFrame();

    TrainerStatus status();


    /**
     * Replaces the run with the one {@code snapshot} describes, between two steps, and pauses.
     * Completes exceptionally (the current run untouched) if the snapshot cannot be restored.
     */
    default CompletableFuture<Void> restore(RunSnapshot snapshot) {
        return restore(snapshot, List.of());
    }

    /**
     * {@link #restore(RunSnapshot)}, with {@code milestones} (the run's milestone recordings,
     * kept in the run library) replayable as the recorder's milestones; those after the
     * snapshot's last episode are left out.
     */
    CompletableFuture<Void> restore(RunSnapshot snapshot,
                                    List<RecordedEpisode> milestones);

    /** Ends the thread without waiting for it; commands are ignored afterwards. */
    void stop();

    /** {@link #stop()} and wait, bounded, for the thread to end. Not on the FX thread. */
    @Override
    void close();
}
