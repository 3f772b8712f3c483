package cartpolelab.cli;

import cartpolelab.agent.Algorithm;
import cartpolelab.io.ExperimentCsv;
import cartpolelab.io.PlotFiles;
import cartpolelab.metrics.ExperimentSummary;
import cartpolelab.metrics.MovingAverage;
import cartpolelab.metrics.RunStatistics;
import cartpolelab.metrics.RunStatistics.Interval;
import cartpolelab.plot.CompareFigures;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * What {@code compare} and {@code merge} both do with finished runs: the summary table on
 * standard output, the tidy CSV, the summary CSV and the chart. One code path, so a merge of
 * shards writes exactly what the unsharded experiment writes.
 */
final class CompareReport {

    /** The chart's line and band: flags shared by both commands. */
    static final class ChartOptions {
        @Option(names = "--center", paramLabel = "mean|iqm", defaultValue = "mean",
                description = "the chart's line per group: mean or iqm (interquartile mean) "
                        + "of the runs' 50-episode averages (default: ${DEFAULT-VALUE})")
        String center;

        @Option(names = "--band", paramLabel = "ci|minmax|sd", defaultValue = "ci",
                description = "the band around it: ci (95% stratified bootstrap of the line, "
                        + RunStatistics.RESAMPLES + " resamples, seeded), minmax, or sd (mean ± "
                        + "one standard deviation) (default: ${DEFAULT-VALUE})")
        String band;

        RunStatistics.Center centerKind() {
            return switch (center.toLowerCase(Locale.ROOT)) {
                case "mean" -> RunStatistics.Center.MEAN;
                case "iqm" -> RunStatistics.Center.IQM;
                default -> throw new Cli.UserError("--center " + center
                        + " is not a line: use mean or iqm");
            };
        }

        RunStatistics.Spread bandKind() {
            return switch (band.toLowerCase(Locale.ROOT)) {
                case "ci" -> RunStatistics.Spread.BOOTSTRAP;
                case "minmax", "min-max" -> RunStatistics.Spread.MIN_MAX;
                case "sd", "std" -> RunStatistics.Spread.STD_DEV;
                default -> throw new Cli.UserError("--band " + band
                        + " is not a band: use ci, minmax or sd");
            };
        }
    }

    private CompareReport() {
    }

    /** The group label for people: "A2C" or "A2C · lr=1e-4". */
    static String label(ExperimentCsv.Run r, String sweepName) {
        String alg = Algorithm.parse(r.algorithm()).displayName();
        return r.sweepValue() == null ? alg : alg + " \u00b7 " + sweepName + "="
                + r.sweepValue();
    }

    /** The summary of the runs (canonical order). */
    static ExperimentSummary summarize(List<ExperimentCsv.Run> runs, String sweepName,
                                       double threshold) {
        List<ExperimentSummary.Run> lines = new ArrayList<>();
        for (ExperimentCsv.Run r : runs.stream().sorted(ExperimentCsv.ORDER).toList()) {
            lines.add(ExperimentSummary.Run.of(r.id(), r.group(sweepName), r.rewards(),
                    r.steps(), threshold));
        }
        return ExperimentSummary.of(lines);
    }

    /** The figure's groups: each run's MA50, the aggregate curve and the profile. */
    static List<CompareFigures.Group> groups(List<ExperimentCsv.Run> runs, String sweepName,
                                             double threshold, ChartOptions chart) {
        Map<String, List<ExperimentCsv.Run>> byGroup = new LinkedHashMap<>();
        for (ExperimentCsv.Run r : runs.stream().sorted(ExperimentCsv.ORDER).toList()) {
            byGroup.computeIfAbsent(r.group(sweepName), g -> new ArrayList<>()).add(r);
        }
        List<CompareFigures.Group> out = new ArrayList<>();
        // every profile runs to the longest run of all, so a group that stopped early shows
        // its fraction solved held to the end
        int longest = runs.stream().mapToInt(r -> r.rewards().length).max().orElse(0);
        for (List<ExperimentCsv.Run> rs : byGroup.values()) {
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
                    RunStatistics.curve(ma, chart.centerKind(), chart.bandKind(),
                            ExperimentSummary.SEED),
                    RunStatistics.profile(solvedAt, longest)));
        }
        return out;
    }

    static CompareFigures.Description describe(String title, String subtitle,
                                               double threshold, ChartOptions chart) {
        String band = switch (chart.bandKind()) {
            case BOOTSTRAP -> "95% CI";
            case MIN_MAX -> "min\u2013max";
            case STD_DEV -> "\u00b1 1 sd";
        };
        return new CompareFigures.Description(title, subtitle, threshold,
                chart.centerKind() == RunStatistics.Center.MEAN ? "mean" : "IQM", band);
    }

    /** Writes the outputs that were asked for; returns the failures' messages. */
    static List<String> write(PrintWriter out, List<ExperimentCsv.Run> runs, String sweepName,
                              ExperimentSummary summary, Path csv, Path summaryCsv, Path plot,
                              CompareFigures.Description d, ChartOptions chart) {
        List<String> failed = new ArrayList<>();
        try {
            if (csv != null) {
                ExperimentCsv.writeTidy(csv, sweepName, runs);
                out.printf("wrote %-10s %s%n", "runs", csv);
            }
            if (summaryCsv != null) {
                ExperimentCsv.writeSummary(summaryCsv, sweepName, runs, summary);
                out.printf("wrote %-10s %s%n", "summary", summaryCsv);
            }
            if (plot != null) {
                PlotFiles.write(plot, CompareFigures.stacked(groups(runs, sweepName,
                        d.threshold(), chart), d), PlotFiles.DEFAULT_WIDTH,
                        PlotFiles.DEFAULT_HEIGHT * 3 / 2);
                out.printf("wrote %-10s %s%n", "chart", plot);
            }
        } catch (IOException e) {
            failed.add(e.getMessage());
        } catch (OutOfMemoryError e) {
            failed.add("out of memory while writing the outputs; give Java more memory (-Xmx)");
        }
        out.flush();
        return failed;
    }

    /** The table: a line per run, a line per group, and who solves sooner than whom. */
    static void print(PrintWriter out, ExperimentSummary s, Map<String, String> states) {
        out.printf(Locale.ROOT, "%-28s %8s  %-30s %10s %12s  %s%n", "run", "episodes",
                "episodes to solve", "final MA50", "steps", "state");
        for (ExperimentSummary.Run r : s.runs()) {
            String solved = r.solvedAt() > 0 ? Integer.toString(r.solvedAt())
                    : String.format(Locale.ROOT, "not solved (best MA50 %.1f)", r.bestMa50());
            out.printf(Locale.ROOT, "%-28s %8d  %-30s %10.1f %,12d  %s%n", r.id(),
                    r.episodes(), solved, r.finalMa50(), r.steps(),
                    states == null ? "-" : states.getOrDefault(r.id(), "-"));
        }
        out.println();
        out.printf(Locale.ROOT, "%-28s %7s  %-24s %-24s %s%n", "group", "solved",
                "median to solve [95% CI]", "IQM to solve [95% CI]", "final MA50 IQM [95% CI]");
        List<ExperimentSummary.Group> groups = s.groups();
        for (ExperimentSummary.Group g : groups) {
            out.printf(Locale.ROOT, "%-28s %7s  %-24s %-24s %s%n", g.key(),
                    g.solved() + "/" + g.runs(), ci(g.solveMedian(), "%.0f"),
                    ci(g.solveIqm(), "%.0f"), ci(g.finalMa50Iqm(), "%.1f"));
        }
        if (groups.size() > 1) {
            out.println();
            out.println("P(row solves sooner than column), ties count half [95% CI]:");
            for (int i = 0; i < groups.size(); i++) {
                for (int j = 0; j < groups.size(); j++) {
                    if (i != j) {
                        out.printf(Locale.ROOT, "  %-28s vs %-28s %s%n", groups.get(i).key(),
                                groups.get(j).key(), ci(s.sooner(i, j), "%.2f"));
                    }
                }
            }
        }
        out.flush();
    }

    private static String ci(Interval v, String format) {
        if (Double.isInfinite(v.estimate()) && Double.isInfinite(v.low())) {
            return "unsolved";
        }
        return fmt(v.estimate(), format) + " [" + fmt(v.low(), format) + ", "
                + fmt(v.high(), format) + "]";
    }

    private static String fmt(double v, String format) {
        return Double.isInfinite(v) ? "unsolved" : Double.isNaN(v) ? "-"
                : String.format(Locale.ROOT, format, v);
    }
}
