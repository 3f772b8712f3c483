package cartpolelab.ui;

import cartpolelab.agent.Hyperparameters;
import cartpolelab.metrics.EpisodeHistory;
import cartpolelab.train.Frame;
import cartpolelab.train.Speed;
import cartpolelab.train.TrainerStatus;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

/**
 * What the view model needs of a trainer: the {@code cartpolelab.train.Trainer} contract, seen
 * through an interface so the UI can be exercised against a scripted trainer where the real
 * one cannot be made to misbehave on demand (a failure mid-run). The app uses
 * {@link TrainerAdapter}; every command returns at once, every pull never blocks.
 */
public interface TrainerPort extends AutoCloseable {

    Hyperparameters hyperparameters();

    void start();

    void pause();

    void resume();

    void stepEpisode();

    void stepFrame();

    void reset(Hyperparameters hyperparameters);

    void watch();

    void setSpeed(Speed speed);

    void setStopWhenSolved(boolean stopWhenSolved);

    /** Stops the trainer's thread and waits for it, bounded. */
    @Override
    void close();

    /** The most recent frame, or null. */
    Frame latestFrame();

    TrainerStatus status();

    /**
     * Finished episodes of the current run; read {@link EpisodeHistory#size()} first. The same object
     * for as long as the run lasts: a reset or a loaded checkpoint gives a new one.
     */
    EpisodeHistory history();

    CompletableFuture<Void> saveCheckpoint(Path file);

    CompletableFuture<Void> loadCheckpoint(Path file);

    /** Writes every finished episode as CSV (on the caller's thread: call it off the FX thread). */
    void writeCsv(Path file) throws java.io.IOException;
}
