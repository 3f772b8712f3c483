package cartpolelab.train;

import cartpolelab.agent.Hyperparameters;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

/**
 * CONTRACT SKELETON (to be implemented in the trainer work): runs episodes on its own daemon
 * thread and publishes frames and finished episodes without ever blocking on a consumer.
 *
 * <p>Commands may be called from any thread and return at once. Consumers pull
 * {@link #latestFrame()}, {@link #history()} and {@link #status()} whenever they like (the UI
 * once per screen refresh).
 */
public final class Trainer implements AutoCloseable {

    public Trainer(Hyperparameters hyperparameters) {
        throw new UnsupportedOperationException("Trainer is not implemented yet");
    }

    public Hyperparameters hyperparameters() {
        throw new UnsupportedOperationException();
    }

    /** Starts (or resumes) training until the budget, a pause, or "solved". */
    public void start() {
        throw new UnsupportedOperationException();
    }

    public void pause() {
        throw new UnsupportedOperationException();
    }

    public void resume() {
        throw new UnsupportedOperationException();
    }

    /** Runs exactly one whole episode, including its learning update, then pauses. */
    public void stepEpisode() {
        throw new UnsupportedOperationException();
    }

    /** Takes one environment step, then pauses (learning happens when the episode ends). */
    public void stepFrame() {
        throw new UnsupportedOperationException();
    }

    /** Fresh networks from the current settings and seed; history cleared; state IDLE. */
    public void reset() {
        throw new UnsupportedOperationException();
    }

    /** Like {@link #reset()} with new settings. */
    public void reset(Hyperparameters hyperparameters) {
        throw new UnsupportedOperationException();
    }

    /** Runs the current policy greedily, without learning, at real time, until paused. */
    public void watch() {
        throw new UnsupportedOperationException();
    }

    public void setSpeed(Speed speed) {
        throw new UnsupportedOperationException();
    }

    public Speed speed() {
        throw new UnsupportedOperationException();
    }

    public void setStopWhenSolved(boolean stopWhenSolved) {
        throw new UnsupportedOperationException();
    }

    /** Ends the thread; the trainer cannot be used afterwards. */
    public void stop() {
        throw new UnsupportedOperationException();
    }

    /** {@link #stop()} and wait (bounded) for the thread to end. */
    @Override
    public void close() {
        throw new UnsupportedOperationException();
    }

    /**
     * Trains on the calling thread (the command line) until the episode budget is used up or,
     * with stop-when-solved, the task is solved; the same loop as the thread runs, so the same
     * settings give the same rewards. {@code onEpisode} sees every finished episode. Must not
     * be mixed with the thread's commands.
     *
     * @return the final status (FINISHED, SOLVED or FAILED with its message)
     */
    public TrainerStatus runHeadless(java.util.function.Consumer<EpisodeStats> onEpisode) {
        throw new UnsupportedOperationException();
    }

    /** The most recent frame, or null before the first. Never blocks. */
    public Frame latestFrame() {
        throw new UnsupportedOperationException();
    }

    /** Every finished episode of this run, append-only; readers index up to its size(). */
    public EpisodeHistory history() {
        throw new UnsupportedOperationException();
    }

    public TrainerStatus status() {
        throw new UnsupportedOperationException();
    }

    /**
     * Writes a checkpoint (networks, optimiser state, settings, episode count) between two
     * steps, on the trainer's thread; the future completes when the file is in place, or
     * exceptionally with a message naming the problem (nothing else changes then).
     */
    public CompletableFuture<Void> saveCheckpoint(Path file) {
        throw new UnsupportedOperationException();
    }

    /**
     * Loads a checkpoint between two steps and pauses; on a bad file the future completes
     * exceptionally with a message naming the problem, and the current agent is untouched.
     */
    public CompletableFuture<Void> loadCheckpoint(Path file) {
        throw new UnsupportedOperationException();
    }
}
