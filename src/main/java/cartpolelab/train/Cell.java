package cartpolelab.train;

import cartpolelab.agent.Algorithm;
import cartpolelab.agent.Hyperparameters;
import cartpolelab.agent.Preset;

/**
 * One run of an experiment's grid: an algorithm, a seed and (when sweeping) one value of the
 * swept setting, with every other setting shared.
 *
 * @param index      position in {@link ExperimentSpec#cells()} (algorithm, then swept value,
 *                   then seed, each ascending)
 * @param runId      stable and unique in the grid: {@code a2c-s3}, {@code a2c-lr=1e-4-s3}
 * @param sweepValue the swept setting's value, or null without a sweep
 * @param sweepText  the value as text ({@code 1e-4}), or null without a sweep
 * @param group      the runs aggregated together: {@code a2c} or {@code a2c lr=1e-4}
 * @param groupLabel the group for people: {@code A2C} or {@code A2C · lr=1e-4}
 */
public record Cell(int index, String runId, Algorithm algorithm, long seed, Double sweepValue,
                   String sweepText, Hyperparameters hyperparameters, String group,
                   String groupLabel) {

    /** The command-line name of an algorithm: {@code a2c}, {@code reinforce-baseline}. */
    public static String cliName(Algorithm a) {
        return a.id();
    }

    static Cell of(int index, Hyperparameters hp, Sweep sweep, Double value) {
        String alg = cliName(hp.algorithm());
        String text = value == null ? null : sweep.text(value);
        String group = value == null ? alg : alg + " " + sweep.name() + "=" + text;
        String label = value == null ? hp.algorithm().displayName()
                : sweep.presets() ? Preset.values()[value.intValue()].longName()
                : hp.algorithm().displayName() + " \u00b7 " + sweep.name() + "=" + text;
        String id = value == null ? alg + "-s" + hp.seed()
                : alg + "-" + sweep.name() + "=" + text + "-s" + hp.seed();
        return new Cell(index, id, hp.algorithm(), hp.seed(), value, text, hp, group, label);
    }
}
