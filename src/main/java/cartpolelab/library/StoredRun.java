package cartpolelab.library;

import cartpolelab.agent.Hyperparameters;
import java.time.Instant;
import java.util.List;

/**
 * One row of the library's {@code runs} table, with its tags: what {@code runs list}, {@code
 * runs show} and the window's Runs view show. Immutable.
 *
 * @param id           the run's number in this library
 * @param source       who trained it: {@code train}, {@code compare}, {@code app}, {@code import},
 *                     {@code merge}
 * @param experimentId the experiment it belongs to, or null
 * @param cell         its cell of the experiment's grid ({@code a2c-lr=1e-4-s3}), or null
 * @param sweepValue   the swept setting's value in its experiment, or null
 * @param state        {@code running}, {@code finished}, {@code stopped}, {@code failed} or
 *                     {@code interrupted} (the process ended without saying how the run ended)
 * @param solvedAt     the episode at which the 50-episode average first reached the threshold,
 *                     or null
 * @param finalMa50    the last episode's 50-episode average, or NaN before the first episode
 */
public record StoredRun(long id, String name, String source, Long experimentId, String cell,
                        Double sweepValue, Hyperparameters hyperparameters,
                        int gradVarianceEvery, int gradVarianceEpisodes, String appVersion,
                        Instant started, Instant ended, String state, String failure,
                        int episodes, long totalSteps, Integer solvedAt, double bestMa50,
                        double finalMa50, String notes, List<String> tags) {

    public StoredRun {
        tags = List.copyOf(tags);
    }
}
