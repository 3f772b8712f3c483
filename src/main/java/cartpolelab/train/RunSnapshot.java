package cartpolelab.train;

import cartpolelab.agent.Agent;
import cartpolelab.agent.AgentState;
import cartpolelab.agent.Hyperparameters;
import cartpolelab.agent.ParameterShape;
import cartpolelab.env.CartPole;
import cartpolelab.metrics.EpisodeHistory;
import cartpolelab.metrics.GradientVarianceHistory;
import java.util.List;
import java.util.Objects;

/**
 * Everything a {@link TrainingRun} needs to continue exactly: its settings, what the agent has
 * learned (networks and Adam's state), how many steps it took, how far its random stream has
 * gone, and its finished episodes. Immutable: the history is a read-only view nobody appends
 * to. Checkpoint files are this record on disk.
 *
 * <p><b>Position</b>: {@code totalSteps} and {@code randomDraws} are always those at the start
 * of the episode in progress (= at the end of the last finished one), so
 * {@code randomDraws == totalSteps + 4 × episodes} and {@code totalSteps} is the last finished
 * episode's {@code perf/total_steps} ({@link #checkPosition()}). A snapshot taken mid-episode
 * records how many steps of the episode in progress it leaves out
 * ({@link #replayedSteps()}): the restored run takes them again from the same start state and
 * random numbers. With end-of-episode updates (the default, {@code nSteps == 0}) the agent does
 * not change during an episode, so the run continues bit for bit; with n-step A2C the agent
 * has already learned from some of those steps, so it is close but not exact
 * ({@link #exact()}, {@link #continuationNote()}).
 *
 * <p><b>Several environments</b> ({@code envs} &gt; 1): a snapshot keeps the position after the
 * last finished episode ({@code randomDraws} is then only that formula) and drops the other
 * environments' episodes in progress and the rollout since the last update. The restored run
 * starts a new episode in every environment, each stream advanced by {@code randomDraws}
 * draws: reproducible (restoring the same snapshot twice gives the same run), but not the
 * original run's continuation ({@link #exact()} is false).
 *
 * @param hyperparameters the run's settings
 * @param agent           parameters and optimiser state
 * @param totalSteps      environment steps of the finished episodes
 * @param randomDraws     numbers drawn from the episode stream by the finished episodes
 * @param history         the finished episodes
 * @param replayedSteps   steps of the episode in progress that are not kept (0 between
 *                        episodes)
 * @param gradientVariance the gradient-variance measurements of the finished episodes
 */
public record RunSnapshot(Hyperparameters hyperparameters, AgentState agent, long totalSteps,
                          long randomDraws, EpisodeHistory history, int replayedSteps,
                          GradientVarianceHistory gradientVariance) {

    /** Random numbers an episode draws before its first step ({@code env.reset}). */
    public static final int DRAWS_PER_RESET = CartPole.OBSERVATION_SIZE;

    /** Without gradient-variance measurements. */
    public RunSnapshot(Hyperparameters hyperparameters, AgentState agent, long totalSteps,
                       long randomDraws, EpisodeHistory history, int replayedSteps) {
        this(hyperparameters, agent, totalSteps, randomDraws, history, replayedSteps,
                new GradientVarianceHistory());
    }

    public RunSnapshot {
        Objects.requireNonNull(gradientVariance, "gradientVariance");
        Objects.requireNonNull(hyperparameters, "hyperparameters");
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(history, "history");
        if (totalSteps < 0 || randomDraws < 0 || replayedSteps < 0) {
            throw new IllegalArgumentException("totalSteps, randomDraws and replayedSteps must "
                    + "be >= 0, were " + totalSteps + ", " + randomDraws + " and "
                    + replayedSteps);
        }
    }

    /** A snapshot taken between episodes. */
    public RunSnapshot(Hyperparameters hyperparameters, AgentState agent, long totalSteps,
                       long randomDraws, EpisodeHistory history) {
        this(hyperparameters, agent, totalSteps, randomDraws, history, 0);
    }

    /**
     * The position after the last finished episode of {@code history}: what a run of several
     * environments keeps (their episodes in progress and the rollout are not kept).
     */
    static RunSnapshot afterLastEpisode(Hyperparameters hp, AgentState agent,
                                        EpisodeHistory history,
                                        GradientVarianceHistory gradientVariance) {
        long steps = history.size() == 0 ? 0 : history.last().totalSteps();
        return new RunSnapshot(hp, agent, steps, steps + (long) DRAWS_PER_RESET * history.size(),
                history, 0, gradientVariance);
    }

    /** Finished episodes in the run so far. */
    public int episodes() {
        return history.size();
    }

    /**
     * True if the restored run continues exactly as the run would have: taken between
     * episodes, or mid-episode with end-of-episode updates.
     */
    public boolean exact() {
        return hyperparameters.envs() == 1 && (replayedSteps == 0 || !nStepUpdates());
    }

    /**
     * What a user should know about where the restored run continues, or null if it continues
     * exactly where the run was: e.g. "taken 37 steps into episode 12: loading replays that
     * episode from its start (exactly, ...)". For a status line or the command line.
     */
    public String continuationNote() {
        if (hyperparameters.envs() > 1) {
            return "saved with " + hyperparameters.envs() + " environments: loading starts a "
                    + "new episode in each, after episode " + episodes() + " (the episodes in "
                    + "progress and the rollout since the last update are not kept), so the run "
                    + "continues close to, but not exactly as, the original";
        }
        if (replayedSteps == 0) {
            return null;
        }
        String where = "saved " + replayedSteps + " steps into episode " + (episodes() + 1)
                + ": loading replays that episode from its start";
        return nStepUpdates()
                ? where + "; n-step A2C already learned from some of those steps, so the run "
                        + "continues close to, but not exactly as, the original"
                : where + ", exactly as the original run";
    }

    private boolean nStepUpdates() {
        return hyperparameters.algorithm().supportsNSteps() && hyperparameters.nSteps() > 0;
    }

    /**
     * Checks that the position is that of an episode start consistent with the history, which
     * bounds the cost of fast-forwarding the random stream by the history itself.
     *
     * @throws IllegalArgumentException saying what does not add up
     */
    public void checkPosition() {
        int n = history.size();
        long historySteps = n == 0 ? 0 : history.get(n - 1).totalSteps();
        if (totalSteps != historySteps) {
            throw new IllegalArgumentException("the step count " + totalSteps + " does not "
                    + "match the " + historySteps + " steps of the " + n + " episodes");
        }
        if (randomDraws != totalSteps + (long) DRAWS_PER_RESET * n) {
            throw new IllegalArgumentException("the random-stream position " + randomDraws
                    + " does not match " + n + " episodes of " + totalSteps + " steps (want "
                    + (totalSteps + (long) DRAWS_PER_RESET * n) + ")");
        }
        if (replayedSteps >= hyperparameters.episodeStepLimit()) {
            throw new IllegalArgumentException("an episode in progress of " + replayedSteps
                    + " steps is longer than the limit of " + hyperparameters.episodeStepLimit());
        }
    }

    /**
     * Checks every value, for a snapshot read from outside (a checkpoint file): shapes and
     * values of the networks and Adam's moments, every episode of the history, and the
     * position ({@link #checkPosition()}).
     *
     * @throws IllegalArgumentException naming the first bad value
     */
    public void checkValues() {
        List<ParameterShape> shapes = Agent.parameterShapes(hyperparameters);
        if (agent.parameters().size() != shapes.size()) {
            throw new IllegalArgumentException(agent.parameters().size() + " parameter "
                    + "matrices; these networks have " + shapes.size());
        }
        HistoryCheck.check(history, hyperparameters);
        checkPosition();
        int limit = hyperparameters.episodeStepLimit();
        agent.checkValues(shapes.stream().map(ParameterShape::name).toList(),
                totalSteps + limit);
    }
}
