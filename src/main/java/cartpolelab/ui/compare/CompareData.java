package cartpolelab.ui.compare;

import cartpolelab.io.PlotFiles;
import cartpolelab.metrics.Center;
import cartpolelab.metrics.Spread;
import cartpolelab.plot.CompareFigures;
import cartpolelab.plot.XAxis;
import cartpolelab.results.ExperimentResults;
import cartpolelab.results.ExperimentSummary;
import cartpolelab.results.RunResult;
import cartpolelab.train.Cell;
import cartpolelab.train.CellState;
import cartpolelab.train.Experiment;
import cartpolelab.train.ExperimentSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One look at an experiment, computed off the FX thread from the runs' histories as they are
 * now: its {@link ExperimentResults} (the same object {@code compare} prints and writes), the
 * chart's groups for the chosen line, band and axis, and a line per run for the table.
 */
public record CompareData(List<CompareFigures.Group> groups, CompareFigures.Description description,
                   ExperimentSummary summary, List<RunLine> lines,
                   Map<String, String> groupLabels,
                   List<CompareFigures.VarianceGroup> variance, XAxis axis,
                   ExperimentResults results) {

    /** Stored runs' results and what they are, shown instead of a live experiment. */
    record Stored(ExperimentResults results, String title) {
    }

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

    public static CompareData of(Experiment e, Center center, Spread spread) {
        return of(e, center, spread, XAxis.EPISODES, null);
    }

    /** {@link #of(Experiment, Center, Spread)} charted over x. */
    public static CompareData of(Experiment e, Center center, Spread spread, XAxis axis) {
        return of(e, center, spread, axis, null);
    }

    /**
     * {@link #of(Experiment, Center, Spread)} charted over x. {@code earlier} (or null) are
     * results already computed for this experiment: when every run has ended and they cover
     * every episode, they are reused, so changing the line, band or axis of a finished
     * experiment computes its chart and nothing else.
     */
    static CompareData of(Experiment e, Center center, Spread spread, XAxis axis,
                          ExperimentResults earlier) {
        ExperimentSpec spec = e.spec();
        String sweepName = spec.sweep() == null ? null : spec.sweep().name();
        double threshold = spec.base().version().solvedThreshold();
        List<Cell> cells = e.cells();
        List<RunResult> runs = new ArrayList<>(cells.size());
        List<CellState> states = new ArrayList<>(cells.size());
        int frontier = Integer.MAX_VALUE;
        for (int i = 0; i < cells.size(); i++) {
            states.add(e.state(i)); // before the history: a finished run's history is whole
            runs.add(RunResult.of(cells.get(i), sweepName, e.history(i),
                    e.gradientVariance(i)));
            if (!states.get(i).terminal()) {
                frontier = Math.min(frontier, runs.get(i).episodes());
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
            if (!states.get(i).terminal()) {
                runs.set(i, runs.get(i).truncated(axis == XAxis.STEPS
                        ? episodesWithin(runs.get(i), stepFrontier) : frontier));
            }
        }
        ExperimentResults results = covers(earlier, runs, states) ? earlier
                : ExperimentResults.of(runs, sweepName, threshold);
        return of(e, results, states, center, spread, axis);
    }

    /** The view of finished {@code results} (a stored experiment's, say) for this line. */
    static CompareData of(Experiment e, ExperimentResults results, List<CellState> states,
                          Center center, Spread spread, XAxis axis) {
        ExperimentSpec spec = e.spec();
        String sweepName = results.sweepName();
        List<Cell> cells = e.cells();
        List<RunLine> lines = new ArrayList<>(cells.size());
        for (int i = 0; i < cells.size(); i++) {
            Cell c = cells.get(i);
            ExperimentSummary.Run r = results.line(c.runId());
            lines.add(new RunLine(i, c.runId(), c.algorithm().displayName(), c.seed(),
                    c.sweepText(), r.episodes(), r.solvedAt(), r.bestMa50(), r.finalMa50(),
                    r.steps(), states.get(i), e.failure(i)));
        }
        String title = ExperimentResults.title(spec.base().version().id(),
                spec.algorithms().size(), spec.seeds().size(), sweepName,
                spec.sweep() == null ? 0 : spec.sweep().values().size());
        CompareFigures.Description d = results.describe(title,
                PlotFiles.subtitle(spec.base(), spec.presetSweep(),
                        spec.algorithms()) + "  \u00b7  "
                + spec.base().episodes() + " episodes", center, spread);
        return new CompareData(results.chart(center, spread, axis), d, results.summary(), lines,
                labels(results), results.variance(), axis, results);
    }

    /**
     * The view of stored results (runs of the library): every run ended, the same statistics
     * a fresh grid of them gives; {@code title} says which runs they are.
     */
    static CompareData of(ExperimentResults results, String title, Center center,
                          Spread spread, XAxis axis) {
        List<RunLine> lines = new ArrayList<>();
        for (RunResult r : results.runs()) {
            ExperimentSummary.Run l = results.line(r.id());
            lines.add(new RunLine(lines.size(), r.id(), r.algorithm().displayName(), r.seed(),
                    r.sweepText(), l.episodes(), l.solvedAt(), l.bestMa50(), l.finalMa50(),
                    l.steps(), CellState.FINISHED, null));
        }
        RunResult first = results.runs().get(0);
        String subtitle = first.settings() == null ? "from the run library"
                : PlotFiles.subtitle(first.settings(), results.runs().stream()
                        .map(RunResult::algorithm).toList()) + "  \u00b7  from the run library";
        return new CompareData(results.chart(center, spread, axis), results.describe(title,
                subtitle, center, spread), results.summary(), lines, labels(results),
                results.variance(), axis, results);
    }

    private static Map<String, String> labels(ExperimentResults results) {
        Map<String, String> labels = new LinkedHashMap<>();
        results.groups().forEach(g -> labels.put(g.key(), g.label()));
        return labels;
    }

    /** Whether {@code earlier} are the results of these runs, all ended, episode for episode. */
    private static boolean covers(ExperimentResults earlier, List<RunResult> runs,
                                  List<CellState> states) {
        if (earlier == null || earlier.runs().size() != runs.size()
                || !states.stream().allMatch(CellState::terminal)) {
            return false;
        }
        for (RunResult r : runs) {
            // the same settings and seed trained as far are the same run (determinism)
            RunResult same = earlier.run(r.id());
            if (same == null || same.episodes() != r.episodes()
                    || !Objects.equals(same.settings(), r.settings())) {
                return false;
            }
        }
        return true;
    }

    /** Episodes whose steps (CartPole pays 1 a step: the summed rewards) fit in {@code steps}. */
    private static int episodesWithin(RunResult r, long steps) {
        double sum = 0;
        for (int e = 0; e < r.episodes(); e++) {
            sum += r.history().reward(e);
            if (sum > steps) {
                return e;
            }
        }
        return r.episodes();
    }

    /** A group's name for people ("REINFORCE + baseline · lr=1e-4"). */
    String label(String group) {
        return groupLabels.getOrDefault(group, group);
    }
}
