package cartpolelab.train;

/**
 * The whole experiment at one moment, immutable: for a status line or a progress bar.
 *
 * @param total             runs in the experiment
 * @param queued            runs not started yet
 * @param running           runs started and not ended (on a worker or waiting for a turn)
 * @param paused            runs parked by pause
 * @param finished          runs that trained their budget
 * @param failed            runs that failed
 * @param stopped           runs ended by stop
 * @param episodesDone      finished episodes over all runs
 * @param episodesTotal     episodes the experiment will have run when done (runs that
 *                          ended early count the episodes they ran)
 * @param elapsedSeconds    wall time since start, pauses excluded
 * @param episodesPerSecond episodes done per elapsed second
 * @param etaSeconds        remaining episodes at that rate (NaN before the first episode)
 */
public record ExperimentStatus(int total, int queued, int running, int paused, int finished,
                               int failed, int stopped, long episodesDone, long episodesTotal,
                               double elapsedSeconds, double episodesPerSecond,
                               double etaSeconds) {

    /** True once every run has finished, failed or stopped. */
    public boolean done() {
        return finished + failed + stopped == total;
    }
}
