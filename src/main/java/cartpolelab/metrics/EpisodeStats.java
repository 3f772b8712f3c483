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
 */
public record EpisodeStats(int episode, double reward, int length, double movingAverage,
                           double actorLoss, double criticLoss, double entropy,
                           long totalSteps, double wallSeconds, double stepsPerSecond) {

    /** Stable, namespaced metric names, in field order. */
    public static final String[] COLUMNS = {
        "episode", "episode/reward", "episode/length", "episode/reward_ma50",
        "loss/actor", "loss/critic", "policy/entropy",
        "perf/total_steps", "perf/wall_seconds", "perf/steps_per_sec"
    };
}
