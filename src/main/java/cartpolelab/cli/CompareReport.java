package cartpolelab.cli;

import cartpolelab.io.ExperimentCsv;
import cartpolelab.io.PlotFiles;
import cartpolelab.io.SafeText;
import cartpolelab.metrics.Center;
import cartpolelab.metrics.RunStatistics;
import cartpolelab.metrics.Spread;
import cartpolelab.metrics.RunStatistics.Interval;
import cartpolelab.plot.CompareFigures;
import cartpolelab.results.ExperimentResults;
import cartpolelab.results.ExperimentSummary;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
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
                description = "the band around it: ci (95%% stratified bootstrap of the line, "
                        + RunStatistics.RESAMPLES + " resamples, seeded), minmax, or sd (mean ± "
                        + "one standard deviation) (default: ${DEFAULT-VALUE})")
        String band;

        Center centerKind() {
            try {
                return Center.parse(center);
            } catch (IllegalArgumentException e) {
                throw new Cli.UserError("--center " + e.getMessage());
            }
        }

        Spread bandKind() {
            try {
                return Spread.parse(band);
            } catch (IllegalArgumentException e) {
                throw new Cli.UserError("--band " + e.getMessage());
            }
        }
    }

    private CompareReport() {
    }

    static CompareFigures.Description describe(ExperimentResults results, String title,
                                               String subtitle, ChartOptions chart) {
        return results.describe(title, subtitle, chart.centerKind(), chart.bandKind());
    }

    /** Writes the outputs that were asked for; returns the failures' messages. */
    static List<String> write(PrintWriter out, ExperimentResults results, Path csv,
                              Path summaryCsv,
                              List<ChartFiles.Chart> charts,
                              CompareFigures.Description d, ChartOptions chart) {
        List<String> failed = new ArrayList<>();
        try {
            if (csv != null) {
                ExperimentCsv.writeTidy(csv, results);
                out.printf("wrote %-10s %s%n", "runs", csv);
            }
            if (summaryCsv != null) {
                ExperimentCsv.writeSummary(summaryCsv, results);
                out.printf("wrote %-10s %s%n", "summary", summaryCsv);
            }
            for (ChartFiles.Chart file : charts) {
                PlotFiles.write(file.file(), file.format(), CompareFigures.stacked(
                        results.chart(chart.centerKind(), chart.bandKind(), file.xAxis()), d,
                        file.xAxis()),
                        PlotFiles.DEFAULT_WIDTH, PlotFiles.DEFAULT_HEIGHT * 3 / 2);
                out.printf("wrote %-10s %s%n", "chart", file.file());
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
    static void print(PrintWriter out, ExperimentResults results, Map<String, String> states) {
        ExperimentSummary s = results.summary();
        out.printf(Locale.ROOT, "%-28s %8s  %-30s %10s %12s  %s%n", "run", "episodes",
                "episodes (steps) to solve", "final MA50", "steps", "state");
        for (ExperimentSummary.Run r : s.runs()) {
            String solved = r.solvedAt() > 0
                    ? String.format(Locale.ROOT, "%d (%,d)", r.solvedAt(), r.solvedAtStep())
                    : String.format(Locale.ROOT, "not solved (best MA50 %.1f)", r.bestMa50());
            out.printf(Locale.ROOT, "%-28s %8d  %-30s %10.1f %,12d  %s%n",
                    SafeText.value(r.id()),
                    r.episodes(), solved, r.finalMa50(), r.steps(),
                    states == null ? "-" : states.getOrDefault(r.id(), "-"));
        }
        out.println();
        out.printf(Locale.ROOT, "%-28s %7s  %-24s %-24s %-32s %s%n", "group", "solved",
                "median to solve [95% CI]", "IQM to solve [95% CI]",
                "median steps to solve [95% CI]", "final MA50 IQM [95% CI]");
        List<ExperimentSummary.Group> groups = s.groups();
        for (ExperimentSummary.Group g : groups) {
            out.printf(Locale.ROOT, "%-28s %7s  %-24s %-24s %-32s %s%n",
                    SafeText.value(g.key()),
                    g.solved() + "/" + g.runs(), ci(g.solveMedian(), "%.0f"),
                    ci(g.solveIqm(), "%.0f"), ci(g.stepsMedian(), "%,.0f"),
                    ci(g.finalMa50Iqm(), "%.1f"));
        }
        if (groups.size() > 1) {
            out.println();
            out.println("P(row solves sooner than column), ties count half [95% CI]:");
            for (int i = 0; i < groups.size(); i++) {
                for (int j = 0; j < groups.size(); j++) {
                    if (i != j) {
                        out.printf(Locale.ROOT, "  %-28s vs %-28s %s%n",
                                SafeText.value(groups.get(i).key()),
                                SafeText.value(groups.get(j).key()), ci(s.sooner(i, j), "%.2f"));
                    }
                }
            }
        }
        out.flush();
    }

    private static String ci(Interval v, String format) {
        return ExperimentResults.interval(v, format);
    }
}
