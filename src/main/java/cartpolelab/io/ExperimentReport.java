package cartpolelab.io;

import cartpolelab.agent.Algorithm;
import cartpolelab.io.ExperimentCsv.Run;
import cartpolelab.metrics.ExperimentSummary;
import cartpolelab.metrics.MovingAverage;
import cartpolelab.metrics.RunStatistics;
import cartpolelab.plot.Column;
import cartpolelab.plot.CompareFigures;
import cartpolelab.plot.StepColumns;
import cartpolelab.plot.XAxis;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An experiment's runs turned into what people read: the summary (episodes to solve, IQM,
 * probability of improvement) and the chart's groups (each run's MA50, the aggregate curve,
 * the performance profile). One code path for the window's Compare view, {@code compare} and
 * {@code merge}, so all three show the same numbers.
 */
public final class ExperimentReport {

    private ExperimentReport() {
    }

    /** The group label for people: "A2C" or "A2C · lr=1e-4". */
    public static String label(Run r, String sweepName) {
        String alg = Algorithm.parse(r.algorithm()).displayName();
        return r.sweepValue() == null ? alg : alg + " \u00b7 " + sweepName + "="
                + r.sweepValue();
    }

    /** The summary of the runs (canonical order). */
    public static ExperimentSummary summarize(List<Run> runs, String sweepName,
                                       double threshold) {
        List<ExperimentSummary.Run> lines = new ArrayList<>();
        for (Run r : runs.stream().sorted(ExperimentCsv.ORDER).toList()) {
            lines.add(ExperimentSummary.Run.of(r.id(), r.group(sweepName), r.rewards(),
                    r.steps(), threshold));
        }
        return ExperimentSummary.of(lines);
    }

    /** The figure's groups: each run's MA50, the aggregate curve and the profile. */
    public static List<CompareFigures.Group> groups(List<Run> runs,
            String sweepName, double threshold, RunStatistics.Center center,
            RunStatistics.Spread spread) {
        return groups(runs, sweepName, threshold, center, spread, XAxis.EPISODES);
    }

    /**
     * The figure's groups over {@code x}. Over steps each run's MA50 and the profile are
     * resampled every {@link StepColumns#UNIT} environment steps (the value of the last
     * episode finished by then; CartPole pays 1 a step, so the steps are the summed rewards),
     * so runs that took different numbers of steps per episode line up.
     */
    public static List<CompareFigures.Group> groups(List<Run> runs,
            String sweepName, double threshold, RunStatistics.Center center,
            RunStatistics.Spread spread, XAxis x) {
        Map<String, List<Run>> byGroup = new LinkedHashMap<>();
        for (Run r : runs.stream().sorted(ExperimentCsv.ORDER).toList()) {
            byGroup.computeIfAbsent(r.group(sweepName), g -> new ArrayList<>()).add(r);
        }
        List<CompareFigures.Group> out = new ArrayList<>();
        // every profile runs to the longest run of all, so a group that stopped early shows
        // its fraction solved held to the end
        boolean steps = x == XAxis.STEPS;
        int longest = runs.stream().mapToInt(r -> steps ? (int) (total(r.rewards())
                / StepColumns.UNIT) : r.rewards().length).max().orElse(0);
        for (List<Run> rs : byGroup.values()) {
            double[][] ma = new double[rs.size()][];
            int[] solvedAt = new int[rs.size()];
            for (int i = 0; i < rs.size(); i++) {
                double[] rewards = rs.get(i).rewards();
                MovingAverage avg = new MovingAverage(MovingAverage.DEFAULT_WINDOW);
                ma[i] = new double[rewards.length];
                for (int e = 0; e < rewards.length; e++) {
                    ma[i][e] = avg.add(rewards[e]);
                }
                ExperimentSummary.Run line = ExperimentSummary.Run.of("", "", rewards, 0,
                        threshold);
                solvedAt[i] = line.solvedAt();
                if (steps) {
                    ma[i] = overSteps(rewards, ma[i]);
                    // solved by the bucket that holds the solving episode's last step
                    solvedAt[i] = line.solvedAt() > 0 ? (int) Math.ceil(
                            (double) line.solvedAtStep() / StepColumns.UNIT) : -1;
                }
            }
            out.add(new CompareFigures.Group(label(rs.get(0), sweepName), ma,
                    RunStatistics.curve(ma, center, spread,
                            ExperimentSummary.SEED),
                    RunStatistics.profile(solvedAt, longest),
                    rs.stream().map(Run::id).toList()));
        }
        return out;
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

    public static CompareFigures.Description describe(String title, String subtitle,
            double threshold, RunStatistics.Center center, RunStatistics.Spread spread) {
        String band = switch (spread) {
            case BOOTSTRAP -> "95% CI";
            case MIN_MAX -> "min\u2013max";
            case STD_DEV -> "\u00b1 1 sd";
        };
        return new CompareFigures.Description(title, subtitle, threshold,
                center == RunStatistics.Center.MEAN ? "mean" : "IQM", band);
    }

    /** "812 [700, 930]" in {@code format}; "unsolved" for runs that never solved. */
    public static String interval(RunStatistics.Interval v, String format) {
        if (Double.isInfinite(v.estimate()) && Double.isInfinite(v.low())) {
            return "unsolved";
        }
        return number(v.estimate(), format) + " [" + number(v.low(), format) + ", "
                + number(v.high(), format) + "]";
    }

    private static String number(double v, String format) {
        return Double.isInfinite(v) ? "unsolved" : Double.isNaN(v) ? "-"
                : String.format(java.util.Locale.ROOT, format, v);
    }
}
