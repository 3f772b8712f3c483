package cartpolelab.results;

import cartpolelab.agent.Algorithm;
import cartpolelab.agent.Hyperparameters;
import cartpolelab.agent.Preset;
import cartpolelab.metrics.EpisodeHistory;
import cartpolelab.metrics.GradientVarianceHistory;
import cartpolelab.train.Cell;
import java.util.Arrays;

/**
 * One run's result, typed: who it is (id, algorithm, seed, swept value, settings) and what it
 * did (its history's columns and gradient-variance measurements, the first {@code episodes}
 * of them). What it means (solved at, moving averages) is computed once for the whole
 * experiment by {@link ExperimentResults}; text is made only where it is written.
 *
 * @param id               stable and unique in its experiment: {@code a2c-lr=1e-4-s3}
 * @param swept            the swept setting's value, or null without a sweep
 * @param settings         every hyperparameter, or null when not known (a tidy CSV's run)
 * @param history          the episodes (a read-only view: its first {@code episodes} count)
 * @param gradientVariance the measurements (empty when none were taken)
 * @param episodes         the episodes of the history this result covers
 */
public record RunResult(String id, Algorithm algorithm, long seed, SweptValue swept,
                        Hyperparameters settings, EpisodeHistory history,
                        GradientVarianceHistory gradientVariance, int episodes) {

    public RunResult {
        if (id == null || algorithm == null || history == null) {
            throw new IllegalArgumentException("a run result needs an id, an algorithm and "
                    + "a history");
        }
        if (episodes < 0 || episodes > history.size()) {
            throw new IllegalArgumentException("run " + id + " covers " + episodes
                    + " episodes of a history of " + history.size());
        }
        if (gradientVariance == null) {
            gradientVariance = new GradientVarianceHistory();
        }
    }

    /** The run of a history as it is now (later episodes are not part of it). */
    public static RunResult of(String id, Algorithm algorithm, long seed, SweptValue swept,
                               Hyperparameters settings, EpisodeHistory history,
                               GradientVarianceHistory gradientVariance) {
        EpisodeHistory v = history.view();
        return new RunResult(id, algorithm, seed, swept, settings, v, gradientVariance,
                v.size());
    }

    /** The run of an experiment's cell; {@code sweepName} is the grid's swept setting. */
    public static RunResult of(Cell c, String sweepName, EpisodeHistory history,
                               GradientVarianceHistory gradientVariance) {
        return of(c.runId(), c.algorithm(), c.seed(), c.sweepValue() == null ? null
                : new SweptValue(sweepName, c.sweepValue(), c.sweepText()),
                c.hyperparameters(), history, gradientVariance);
    }

    /** The same run cut to its first {@code n} episodes (no more than it has). */
    public RunResult truncated(int n) {
        return new RunResult(id, algorithm, seed, swept, settings, history, gradientVariance,
                Math.min(n, episodes));
    }

    /** The command-line name of its algorithm: {@code a2c}, {@code reinforce-baseline}. */
    public String algorithmName() {
        return Cell.cliName(algorithm);
    }

    /** The swept value's text, or null. */
    public String sweepText() {
        return swept == null ? null : swept.text();
    }

    /** Its group's key: {@code a2c}, or {@code a2c lr=1e-4}. */
    public String group() {
        return swept == null ? algorithmName() : algorithmName() + " " + swept;
    }

    /** Its group for people: "A2C", "A2C · lr=1e-4", or a preset's name ("SB3 PPO"). */
    public String label() {
        if (swept != null && SweptValue.PRESETS.equals(swept.setting())) {
            return Preset.parse(swept.text()).longName();
        }
        return swept == null ? algorithm.displayName()
                : algorithm.displayName() + " \u00b7 " + swept;
    }

    /** Environment steps by the end of its last episode. */
    public long steps() {
        return episodes == 0 ? 0 : history.totalSteps(episodes - 1);
    }

    /** Its episodes' rewards, a new array. */
    public double[] rewards() {
        return Arrays.copyOf(history.rewards(), episodes);
    }
}
