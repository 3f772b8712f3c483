package cartpolelab.library;

import cartpolelab.agent.Hyperparameters;
import java.util.List;

/**
 * A run about to be recorded: its settings and how it is known.
 *
 * @param name                 shown in lists; need not be unique
 * @param source               {@code train}, {@code compare}, {@code app}, {@code import}
 * @param experimentId         the experiment it belongs to, or null
 * @param cell                 its cell of the grid, or null
 * @param sweepValue           the swept setting's value, or null
 * @param gradVarianceEvery    K of the gradient-variance measurement, 0 = off
 * @param gradVarianceEpisodes M of the measurement (0 when off)
 */
public record NewRun(String name, String source, Long experimentId, String cell,
                     Double sweepValue, Hyperparameters hyperparameters,
                     int gradVarianceEvery, int gradVarianceEpisodes, List<String> tags) {

    public NewRun {
        tags = List.copyOf(tags);
    }

    /** A run of its own (not of an experiment), named after its settings. */
    public static NewRun of(String source, Hyperparameters hp, int gradVarianceEvery,
                            int gradVarianceEpisodes) {
        return new NewRun(defaultName(hp), source, null, null, null, hp, gradVarianceEvery,
                gradVarianceEvery == 0 ? 0 : gradVarianceEpisodes, List.of());
    }

    /** {@code a2c v0 s1}: the algorithm's command-line name, the version and the seed. */
    public static String defaultName(Hyperparameters hp) {
        return Names.algorithm(hp.algorithm()) + " "
                + hp.version().id().replace("CartPole-", "") + " s" + hp.seed();
    }
}
