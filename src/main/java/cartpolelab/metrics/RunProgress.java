package cartpolelab.metrics;

/**
 * The solved rule, written once: the 50-episode moving average of the rewards, its best value
 * so far, and the first episode whose average over a <em>full</em> window reached the
 * threshold (195 for CartPole-v0, 475 for v1). The app, the command line, checkpoints and
 * experiments all ask this class, so "solved at episode N" means the same everywhere.
 */
public final class RunProgress {

    private final double threshold;
    private final MovingAverage average = new MovingAverage(MovingAverage.DEFAULT_WINDOW);
    private double best = Double.NaN;
    private int solvedAtEpisode = -1;
    private int episodes;

    /** @param solvedThreshold the moving average at which the task counts as solved */
    public RunProgress(double solvedThreshold) {
        this.threshold = solvedThreshold;
    }

    /** The progress of a run whose finished episodes are {@code history}. */
    public static RunProgress of(EpisodeHistory history, double solvedThreshold) {
        RunProgress p = new RunProgress(solvedThreshold);
        int n = history.size();
        for (int i = 0; i < n; i++) {
            p.add(history.reward(i));
        }
        return p;
    }

    /**
     * Adds the next episode's reward; returns true if this episode is the first whose average
     * over a full window reached the threshold.
     */
    public boolean add(double reward) {
        episodes++;
        double ma = average.add(reward);
        if (Double.isNaN(best) || ma > best) {
            best = ma;
        }
        if (solvedAtEpisode < 0 && average.full() && ma >= threshold) {
            solvedAtEpisode = episodes;
            return true;
        }
        return false;
    }

    /** Mean of the last min(50, episodes) rewards; NaN before the first. */
    public double movingAverage() {
        return average.mean();
    }

    /** The best moving average so far; NaN before the first episode. */
    public double bestMovingAverage() {
        return best;
    }

    /** The first solved episode (1-based), or -1. */
    public int solvedAtEpisode() {
        return solvedAtEpisode;
    }

    public boolean solved() {
        return solvedAtEpisode > 0;
    }

    /** Episodes in the moving average's window (50). */
    public int window() {
        return average.window();
    }

    public double threshold() {
        return threshold;
    }

    public int episodes() {
        return episodes;
    }
}
