package cartpolelab.metrics;

/**
 * One finished training episode: the record that feeds the charts, the CSV and the CLI.
 * Metric names (CSV header) are given in {@link #COLUMNS}.
 *
 * @param episode        1-based episode number
 * @param reward         total reward of the episode (= its length on CartPole)
 * @param length         steps in the episode
 * @param movingAverage  mean reward of the last min(50, episode) episodes
 * @param actorLoss      mean actor loss of the episode's updates
 * @param criticLoss     mean critic loss (0 for REINFORCE)
 * @param entropy        mean policy entropy, nats
 * @param totalSteps     environment steps since the run began
 * @param wallSeconds    seconds of training since the run began (pauses excluded)
 * @param stepsPerSecond training throughput over this episode
 * @param approxKl       PPO: mean {@code ppo/approx_kl} of the updates that finished in this
 *                       episode; NaN for other algorithms and episodes without a PPO update
 * @param clipFraction   PPO: mean {@code ppo/clip_fraction} of those updates; NaN likewise
 */
public record EpisodeStats(int episode, double reward, int length, double movingAverage,
                           double actorLoss, double criticLoss, double entropy,
                           long totalSteps, double wallSeconds, double stepsPerSecond,
                           double approxKl, double clipFraction) {

    /** PPO's per-update measures, after {@link #COLUMNS} (empty cells, NaN, when absent). */
    public static final String[] PPO_COLUMNS = {"ppo/approx_kl", "ppo/clip_fraction"};

    /** An episode without PPO's measures (NaN). */
    public EpisodeStats(int episode, double reward, int length, double movingAverage,
                        double actorLoss, double criticLoss, double entropy,
                        long totalSteps, double wallSeconds, double stepsPerSecond) {
        this(episode, reward, length, movingAverage, actorLoss, criticLoss, entropy, totalSteps,
                wallSeconds, stepsPerSecond, Double.NaN, Double.NaN);
    }

    /** This episode with PPO's measures set. */
    public EpisodeStats withPpo(double approxKl, double clipFraction) {
        return new EpisodeStats(episode, reward, length, movingAverage, actorLoss, criticLoss,
                entropy, totalSteps, wallSeconds, stepsPerSecond, approxKl, clipFraction);
    }

    /** Whether this episode carries PPO's measures. */
    public boolean hasPpo() {
        return !Double.isNaN(approxKl);
    }

    /** Stable, namespaced metric names, in field order (PPO's in {@link #PPO_COLUMNS}). */
    public static final String[] COLUMNS = {
        "episode", "episode/reward", "episode/length", "episode/reward_ma50",
        "loss/actor", "loss/critic", "policy/entropy",
        "perf/total_steps", "perf/wall_seconds", "perf/steps_per_sec"
    };
}
