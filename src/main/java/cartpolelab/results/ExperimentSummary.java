package cartpolelab.results;

import cartpolelab.metrics.RunProgress;
import cartpolelab.metrics.RunStatistics;
import cartpolelab.metrics.RunStatistics.Interval;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an experiment's table, summary CSV and printout say: per run its episodes to solve
 * (or best moving average), final moving average and steps; per group (an algorithm, or an
 * algorithm at one swept value) solved k/N, the median and IQM of episodes to solve and of
 * environment steps to solve with bootstrap CIs, the IQM of the final moving average with its CI, and the probability that
 * each group solves sooner than each other group ({@link RunStatistics}). Every bootstrap is
 * seeded from {@link #SEED}, so the same runs always give the same table. Computed only by
 * {@link ExperimentResults}, once per experiment.
 */
public final class ExperimentSummary {

    /** Seed of every bootstrap of the summary (and of the charts' bands). */
    public static final long SEED = 1;

    /**
     * One run's line.
     *
     * @param solvedAt  first solved episode, or -1
     * @param solvedAtStep environment steps taken by the end of episode {@code solvedAt}, or
     *                  -1: the x of "solved" on a chart over environment steps
     * @param bestMa50  best 50-episode moving average (NaN before the first episode)
     * @param finalMa50 the moving average after the last episode
     */
    public record Run(String id, String group, int episodes, long steps, int solvedAt,
                      long solvedAtStep, double bestMa50, double finalMa50) {

        /**
         * The line of a run whose episode rewards are {@code rewards}. CartPole pays 1 for
         * every step, the last one included, so an episode's reward is its length and the
         * steps to solve are the rewards summed up to the solving episode.
         */
        static Run of(String id, String group, double[] rewards, long steps,
                             double threshold) {
            RunProgress p = new RunProgress(threshold);
            for (double r : rewards) {
                p.add(r);
            }
            int at = p.solvedAtEpisode();
            long atStep = -1;
            if (at > 0) {
                double sum = 0;
                for (int i = 0; i < at; i++) {
                    sum += rewards[i];
                }
                atStep = (long) sum;
            }
            return new Run(id, group, rewards.length, steps, at, atStep,
                    p.bestMovingAverage(), p.movingAverage());
        }

    }

    /** One group's line. */
    public record Group(String key, int runs, int solved, Interval solveMedian,
                        Interval solveIqm, Interval stepsMedian, Interval stepsIqm,
                        Interval finalMa50Iqm, int[] solvedAt) {
    }

    private final List<Run> runs;
    private final List<Group> groups = new ArrayList<>();
    private final Interval[][] sooner;

    private ExperimentSummary(List<Run> runs) {
        this.runs = List.copyOf(runs);
        Map<String, List<Run>> byGroup = new LinkedHashMap<>();
        for (Run r : runs) {
            byGroup.computeIfAbsent(r.group(), g -> new ArrayList<>()).add(r);
        }
        for (Map.Entry<String, List<Run>> e : byGroup.entrySet()) {
            List<Run> rs = e.getValue();
            int[] solvedAt = rs.stream().mapToInt(Run::solvedAt).toArray();
            double[] finalMa = rs.stream().mapToDouble(Run::finalMa50)
                    .filter(v -> !Double.isNaN(v)).toArray();
            RunStatistics.SolveSummary s = RunStatistics.solveSummary(solvedAt, SEED);
            // steps to solve: a run not solved (-1) counts as +∞, as for episodes
            RunStatistics.SolveSummary steps = RunStatistics.solveSummary(rs.stream()
                    .mapToDouble(r -> r.solvedAtStep() > 0 ? r.solvedAtStep()
                            : Double.POSITIVE_INFINITY).toArray(), SEED);
            groups.add(new Group(e.getKey(), rs.size(), s.solved(), s.median(), s.iqm(),
                    steps.median(), steps.iqm(),
                    RunStatistics.bootstrap(finalMa, RunStatistics::iqm, SEED), solvedAt));
        }
        int g = groups.size();
        sooner = new Interval[g][g];
        for (int i = 0; i < g; i++) {
            for (int j = 0; j < g; j++) {
                sooner[i][j] = RunStatistics.probabilityOfImprovement(groups.get(i).solvedAt(),
                        groups.get(j).solvedAt(), SEED);
            }
        }
    }

    /** The summary of these runs; groups in the order their first run appears. */
    static ExperimentSummary of(List<Run> runs) {
        return new ExperimentSummary(runs);
    }

    public List<Run> runs() {
        return runs;
    }

    public List<Group> groups() {
        return List.copyOf(groups);
    }

    /** P(group i solves sooner than group j), ties counted half, with its bootstrap CI. */
    public Interval sooner(int i, int j) {
        return sooner[i][j];
    }
}
