package cartpolelab.train;

import cartpolelab.agent.AgentState;
import cartpolelab.agent.Hyperparameters;
import cartpolelab.metrics.EpisodeHistory;
import java.util.Objects;

/**
 * Everything a {@link TrainingRun} needs to continue exactly: its settings, what the agent has
 * learned (networks and Adam's state), how many steps it took, how far its random stream has
 * gone, and its finished episodes. Immutable: the history is a private copy nobody appends to
 * (read it, do not add to it). Checkpoint files are this record on disk.
 *
 * <p>A snapshot taken between episodes continues bit for bit; one taken mid-episode continues
 * from the next episode (the unfinished steps are counted in {@code totalSteps} and
 * {@code randomDraws} but not learned from).
 *
 * @param hyperparameters the run's settings
 * @param agent           parameters and optimiser state
 * @param totalSteps      environment steps taken in training so far
 * @param randomDraws     numbers drawn from the episode stream so far
 * @param history         the finished episodes
 */
public record RunSnapshot(Hyperparameters hyperparameters, AgentState agent, long totalSteps,
                          long randomDraws, EpisodeHistory history) {

    public RunSnapshot {
        Objects.requireNonNull(hyperparameters, "hyperparameters");
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(history, "history");
        if (totalSteps < 0 || randomDraws < 0) {
            throw new IllegalArgumentException("totalSteps and randomDraws must be >= 0, were "
                    + totalSteps + " and " + randomDraws);
        }
    }

    /** Finished episodes in the run so far. */
    public int episodes() {
        return history.size();
    }
}
