package cartpolelab.io;

import cartpolelab.agent.Algorithm;
import cartpolelab.io.ExperimentCsv.Run;
import cartpolelab.metrics.ExperimentSummary;
import cartpolelab.metrics.MovingAverage;
import cartpolelab.metrics.RunStatistics;
import cartpolelab.plot.CompareFigures;
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
        Map<String, List<Run>> byGroup = new LinkedHashMap<>();
        for (Run r : runs.stream().sorted(ExperimentCsv.ORDER).toList()) {
            byGroup.computeIfAbsent(r.group(sweepName), g -> new ArrayList<>()).add(r);
        }
        List<CompareFigures.Group> out = new ArrayList<>();
        // every profile runs to the longest run of all, so a group that stopped early shows
        // its fraction solved held to the end
        int longest = runs.stream().mapToInt(r -> r.rewards().length).max().orElse(0);
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
                solvedAt[i] = ExperimentSummary.Run.of("", "", rewards, 0, threshold)
                        .solvedAt();
            }
            out.add(new CompareFigures.Group(label(rs.get(0), sweepName), ma,
                    RunStatistics.curve(ma, center, spread,
                            ExperimentSummary.SEED),
                    RunStatistics.profile(solvedAt, longest),
                    rs.stream().map(Run::id).toList()));
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
