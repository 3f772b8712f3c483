package cartpolelab.results;

import cartpolelab.metrics.Center;
import cartpolelab.metrics.MovingAverage;
import cartpolelab.metrics.RunStatistics;
import cartpolelab.metrics.Spread;
import cartpolelab.plot.Column;
import cartpolelab.plot.CompareFigures;
import cartpolelab.plot.StepColumns;
import cartpolelab.plot.XAxis;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The chart's groups of an experiment's results: each run's MA50, the group's aggregate
 * curve (line and band) and its performance profile, over episodes or environment steps.
 * Reads the runs' lines (solved at, in episodes and steps) that {@link ExperimentResults}
 * computed; computes only the curves.
 */
final class ChartGroups {

    private ChartGroups() {
    }

    /**
     * Over steps each run's MA50 and the profile are resampled every {@link StepColumns#UNIT}
     * environment steps (the value of the last episode finished by then; CartPole pays 1 a
     * step, so the steps are the summed rewards), so runs that took different numbers of
     * steps per episode line up.
     */
    static List<CompareFigures.Group> of(ExperimentResults results,
                                         Map<String, double[]> rewardsById,
                                         Center center, Spread spread, XAxis x) {
        Collection<double[]> rewards = rewardsById.values();
        boolean steps = x == XAxis.STEPS;
        // every profile runs to the longest run of all, so a group that stopped early shows
        // its fraction solved held to the end
        int longest = 0;
        for (double[] r : rewards) {
            longest = Math.max(longest, steps ? (int) (total(r) / StepColumns.UNIT) : r.length);
        }
        List<CompareFigures.Group> out = new ArrayList<>();
        for (ExperimentResults.Group g : results.groups()) {
            List<RunResult> rs = g.runs();
            double[][] ma = new double[rs.size()][];
            int[] solvedAt = new int[rs.size()];
            for (int i = 0; i < rs.size(); i++) {
                double[] rw = rewardsById.get(rs.get(i).id());
                MovingAverage avg = new MovingAverage(MovingAverage.DEFAULT_WINDOW);
                ma[i] = new double[rw.length];
                for (int e = 0; e < rw.length; e++) {
                    ma[i][e] = avg.add(rw[e]);
                }
                ExperimentSummary.Run line = results.line(rs.get(i).id());
                solvedAt[i] = line.solvedAt();
                if (steps) {
                    ma[i] = overSteps(rw, ma[i]);
                    // solved by the bucket that holds the solving episode's last step
                    solvedAt[i] = line.solvedAt() > 0 ? (int) Math.ceil(
                            (double) line.solvedAtStep() / StepColumns.UNIT) : -1;
                }
            }
            out.add(new CompareFigures.Group(g.label(), ma,
                    RunStatistics.curve(ma, center, spread, ExperimentSummary.SEED),
                    RunStatistics.profile(solvedAt, longest),
                    rs.stream().map(RunResult::id).toList()));
        }
        return List.copyOf(out);
    }

    private static long total(double[] rewards) {
        double sum = 0;
        for (double r : rewards) {
            sum += r;
        }
        return (long) sum;
    }

    /** Per-episode {@code values} resampled every UNIT steps (episode lengths = rewards). */
    private static double[] overSteps(double[] rewards, double[] values) {
        long[] cumulative = new long[rewards.length];
        long sum = 0;
        for (int e = 0; e < rewards.length; e++) {
            sum += (long) rewards[e];
            cumulative[e] = sum;
        }
        StepColumns c = StepColumns.fixed(e -> cumulative[e], rewards.length);
        Column column = c.of(e -> values[e]);
        double[] out = new double[column.size()];
        for (int k = 0; k < out.length; k++) {
            out[k] = column.value(k);
        }
        return out;
    }
}
