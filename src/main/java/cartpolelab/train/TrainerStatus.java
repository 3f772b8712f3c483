package cartpolelab.train;

import cartpolelab.metrics.EpisodeHistory;
import cartpolelab.metrics.RunProgress;

/**
 * An immutable snapshot of the trainer's state for the status bar.
 *
 * @param state            life-cycle state
 * @param episodes         finished episodes
 * @param totalSteps       environment steps taken in training
 * @param lastReward       reward of the last finished episode (NaN before the first)
 * @param movingAverage    50-episode moving average after it (NaN before the first)
 * @param bestMovingAverage best moving average so far (NaN before the first)
 * @param stepsPerSecond   recent training throughput
 * @param solvedAtEpisode  first episode whose moving average (over a full 50) reached the
 *                         threshold, or -1
 * @param failure          the failure message in {@link TrainerState#FAILED}, else null
 */
public record TrainerStatus(TrainerState state, int episodes, long totalSteps, double lastReward,
                            double movingAverage, double bestMovingAverage, double stepsPerSecond,
                            int solvedAtEpisode, String failure) {

    /** The status of {@code run} in {@code state}. */
    static TrainerStatus of(TrainerState state, TrainingRun run, double stepsPerSecond,
                            String failure) {
        EpisodeHistory h = run.history();
        RunProgress p = run.progress();
        int n = h.size();
        return new TrainerStatus(state, n, run.totalSteps(), n == 0 ? Double.NaN
                : h.reward(n - 1), p.movingAverage(), p.bestMovingAverage(), stepsPerSecond,
                p.solvedAtEpisode(), failure);
    }

    /** The same status in another state. */
    public TrainerStatus withState(TrainerState newState) {
        return new TrainerStatus(newState, episodes, totalSteps, lastReward, movingAverage,
                bestMovingAverage, stepsPerSecond, solvedAtEpisode, failure);
    }
}
