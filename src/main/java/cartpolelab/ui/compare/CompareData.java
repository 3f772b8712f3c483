package cartpolelab.ui.compare;

import cartpolelab.io.ExperimentCsv;
import cartpolelab.io.ExperimentReport;
import cartpolelab.io.PlotFiles;
import cartpolelab.metrics.EpisodeHistory;
import cartpolelab.metrics.ExperimentSummary;
import cartpolelab.metrics.RunStatistics;
import cartpolelab.plot.CompareFigures;
import cartpolelab.plot.XAxis;
import cartpolelab.train.Cell;
import cartpolelab.train.CellState;
import cartpolelab.train.Experiment;
import cartpolelab.train.ExperimentSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * One look at an experiment, computed off the FX thread from the runs' histories as they are
 * now: the chart's groups (each run's MA50, the aggregate line and band, the performance
 * profile), the summary (episodes to solve with CIs, probability of improvement) and a line
 * per run for the table. The same {@link ExperimentReport} code as {@code compare} uses.
 */
public record CompareData(List<CompareFigures.Group> groups, CompareFigures.Description description,
                   ExperimentSummary summary, List<RunLine> lines,
                   java.util.Map<String, String> groupLabels,
                   List<CompareFigures.VarianceGroup> variance, XAxis axis) {

    /** One run's row of the table. */
    public record RunLine(int cell, String id, String algorithm, long seed, String sweepValue,
                   int episodes, int solvedAt, double bestMa50, double finalMa50, long steps,
                   CellState state, String failure) {

        /** "812", or "not solved (best MA50 143.2)". */
        String toSolve() {
            return solvedAt > 0 ? String.format(Locale.ROOT, "%,d", solvedAt)
                    : Double.isNaN(bestMa50) ? "not solved"
                    : String.format(Locale.ROOT, "not solved (best MA50 %.1f)", bestMa50);
        }
    }

    public static CompareData of(Experiment e, RunStatistics.Center center,
                          RunStatistics.Spread spread) {
        return of(e, center, spread, XAxis.EPISODES);
    }

    /** {@link #of(Experiment, RunStatistics.Center, RunStatistics.Spread)} charted over x. */
    public static CompareData of(Experiment e, RunStatistics.Center center,
                          RunStatistics.Spread spread, XAxis axis) {
        ExperimentSpec spec = e.spec();
        String sweepName = spec.sweep() == null ? null : spec.sweep().name();
        double threshold = spec.base().version().solvedThreshold();
        List<Cell> cells = e.cells();
        List<ExperimentCsv.Run> runs = new ArrayList<>(cells.size());
        List<CellState> states = new ArrayList<>(cells.size());
        java.util.Map<String, String> labels = new java.util.LinkedHashMap<>();
        int frontier = Integer.MAX_VALUE;
        for (int i = 0; i < cells.size(); i++) {
            states.add(e.state(i)); // before the history: a finished run's history is whole
            runs.add(run(cells.get(i), e.history(i)));
            labels.put(cells.get(i).group(), cells.get(i).groupLabel());
            if (!states.get(i).terminal()) {
                frontier = Math.min(frontier, runs.get(i).rewards().length);
            }
        }
        // Runs still training take turns, so they stand a few episodes apart: the aggregates
        // stop where every one of them has arrived, so N drops only where runs ended. Over
        // steps the frontier is the fewest steps any running run has taken.
        long stepFrontier = Long.MAX_VALUE;
        for (int i = 0; i < cells.size(); i++) {
            if (!states.get(i).terminal()) {
                stepFrontier = Math.min(stepFrontier, runs.get(i).steps());
            }
        }
        for (int i = 0; i < cells.size(); i++) {
            if (states.get(i).terminal()) {
                continue;
            }
            int keep = axis == XAxis.STEPS ? episodesWithin(runs.get(i).rewards(), stepFrontier)
                    : frontier;
            if (runs.get(i).rewards().length > keep) {
                runs.set(i, truncated(runs.get(i), keep));
            }
        }
        ExperimentSummary summary = ExperimentReport.summarize(runs, sweepName, threshold);
        List<RunLine> lines = new ArrayList<>(cells.size());
        for (int i = 0; i < cells.size(); i++) {
            Cell c = cells.get(i);
            ExperimentSummary.Run r = summary.runs().stream()
                    .filter(x -> x.id().equals(c.runId())).findFirst().orElseThrow();
            lines.add(new RunLine(i, c.runId(), c.algorithm().displayName(), c.seed(),
                    c.sweepText(), r.episodes(), r.solvedAt(), r.bestMa50(), r.finalMa50(),
                    r.steps(), states.get(i), e.failure(i)));
        }
        String title = String.format(Locale.ROOT, "%s \u00b7 %d algorithm%s \u00d7 %d seeds%s",
                spec.base().version().id(), spec.algorithms().size(),
                spec.algorithms().size() == 1 ? "" : "s", spec.seeds().size(),
                sweepName == null ? "" : " \u00d7 " + sweepName);
        CompareFigures.Description d = ExperimentReport.describe(title,
                PlotFiles.subtitle(spec.base()) + "  \u00b7  " + spec.base().episodes()
                        + " episodes", threshold, center, spread);
        List<CompareFigures.Group> groups = ExperimentReport.groups(runs, sweepName,
                threshold, center, spread, axis);
        // the variance medians are per episode: measured over episodes whatever the axis
        List<CompareFigures.Group> perEpisode = axis == XAxis.EPISODES ? groups
                : ExperimentReport.groups(runs, sweepName, threshold, center, spread);
        return new CompareData(groups, d, summary, lines, labels, variance(e, perEpisode),
                axis);
    }

    /**
     * Per group (in the chart's order), per episode: the median over its runs of each
     * estimator's variance as last measured at or before that episode.
     */
    private static List<CompareFigures.VarianceGroup> variance(Experiment e,
            List<CompareFigures.Group> groups) {
        List<CompareFigures.VarianceGroup> out = new ArrayList<>();
        for (CompareFigures.Group g : groups) {
            List<cartpolelab.metrics.GradientVarianceHistory> members = new ArrayList<>();
            int longest = 0;
            for (Cell c : e.cells()) {
                if (c.groupLabel().equals(g.label())) {
                    members.add(e.gradientVariance(c.index()));
                    longest = Math.max(longest, e.history(c.index()).size());
                }
            }
            out.add(CompareFigures.VarianceGroup.of(g.label(), members, longest));
        }
        return out;
    }

    private static ExperimentCsv.Run truncated(ExperimentCsv.Run r, int episodes) {
        return new ExperimentCsv.Run(r.id(), r.algorithm(), r.seed(), r.sweepValue(), r.rows(),
                Arrays.copyOf(r.rewards(), episodes), r.steps());
    }

    /** Episodes whose steps (CartPole pays 1 a step: the summed rewards) fit in {@code steps}. */
    private static int episodesWithin(double[] rewards, long steps) {
        double sum = 0;
        for (int e = 0; e < rewards.length; e++) {
            sum += rewards[e];
            if (sum > steps) {
                return e;
            }
        }
        return rewards.length;
    }

    /** A group's name for people ("REINFORCE + baseline · lr=1e-4"). */
    String label(String group) {
        return groupLabels.getOrDefault(group, group);
    }

    /** The run of a cell as it is now; no CSV rows (the export builds those). */
    private static ExperimentCsv.Run run(Cell c, EpisodeHistory h) {
        int n = h.size();
        double[] rewards = Arrays.copyOf(h.rewards(), n);
        return new ExperimentCsv.Run(c.runId(), Cell.cliName(c.algorithm()), c.seed(),
                c.sweepText(), List.of(), rewards, n == 0 ? 0 : h.get(n - 1).totalSteps());
    }

    /** The runs with every metric row, for the tidy and summary CSVs. */
    static List<ExperimentCsv.Run> exportRuns(Experiment e) {
        List<ExperimentCsv.Run> runs = new ArrayList<>();
        for (int i = 0; i < e.cells().size(); i++) {
            Cell c = e.cells().get(i);
            runs.add(ExperimentCsv.Run.of(c.runId(), Cell.cliName(c.algorithm()), c.seed(),
                    c.sweepText(), e.history(i), e.gradientVariance(i)));
        }
        return runs;
    }
}
