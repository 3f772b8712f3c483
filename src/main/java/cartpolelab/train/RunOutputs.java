package cartpolelab.train;

import cartpolelab.metrics.EpisodeHistory;
import cartpolelab.metrics.GradientVarianceHistory;
import java.util.concurrent.CompletableFuture;

/**
 * What a run publishes, for readers on other threads (the window's charts, replay, maps):
 * its history, recorded episodes, gradient-variance measurements and snapshots. Read-only:
 * commands are {@link TrainerPort}'s.
 */
public interface RunOutputs {

    /**
     * Finished episodes of the current run; read {@link EpisodeHistory#size()} first. The same
     * object for as long as the run lasts: a reset or a restore gives a new one.
     */
    EpisodeHistory history();

    /**
     * The current run's recorded episodes (recent ones and milestones), to replay; null when
     * nothing is recorded. Safe to read from any thread; a reset or restore gives a new one.
     */
    EpisodeRecorder recorder();

    /**
     * The current run's gradient-variance measurements (the three estimators' variances every
     * K updates, see {@link cartpolelab.agent.GradientVarianceProbe}): read
     * {@link GradientVarianceHistory#size()} first. Append-only and safe to read from any
     * thread; the same object for as long as the run lasts, a reset or a restore gives a new
     * (empty) one.
     */
    GradientVarianceHistory gradientVariance();

    /** A snapshot of the run, taken between two steps; completes when taken. */
    CompletableFuture<RunSnapshot> snapshot();
}
