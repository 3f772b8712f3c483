package cartpolelab.results;

import cartpolelab.metrics.Center;
import cartpolelab.metrics.RunStatistics;
import cartpolelab.metrics.Spread;
import cartpolelab.plot.CompareFigures;
import cartpolelab.plot.XAxis;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An experiment's results, computed once: its runs in the canonical order (algorithm in the
 * notebook's order, swept value, seed), each run's line (episodes to solve and steps to solve,
 * best and final MA50), each group's statistics (solved k/N, median and IQM to solve with
 * bootstrap CIs, IQM of the final MA50, probability of improvement) and, per line, band and
 * x axis asked for, the chart's groups (each run's MA50, the aggregate curve, the performance
 * profile), each computed the first time it is asked for and kept. The CLI table, the CSV and
 * summary writers, the chart files, the Compare view and the library all read this one
 * object; nothing else computes a statistic of an experiment.
 */
public final class ExperimentResults {

    /** The canonical order of runs: algorithm (notebook order), swept value, seed. */
    public static final Comparator<RunResult> ORDER = Comparator
            .comparingInt((RunResult r) -> r.algorithm().ordinal())
            .thenComparingDouble(r -> r.swept() == null ? 0 : r.swept().value())
            .thenComparingLong(RunResult::seed);

    /** Statistics computed on this thread (summaries and charts): what tests count. */
    private static final ThreadLocal<int[]> COMPUTED = ThreadLocal.withInitial(() -> new int[1]);

    /**
     * One group: its key ({@code a2c lr=1e-4}), its label for people ("A2C · lr=1e-4"), its
     * runs (canonical order) and its statistics.
     */
    public record Group(String key, String label, List<RunResult> runs,
                        ExperimentSummary.Group statistics) {
    }

    private final List<RunResult> runs;
    private final String sweepName;
    private final double threshold;
    private final Map<String, double[]> rewards = new LinkedHashMap<>();
    private final ExperimentSummary summary;
    private final Map<String, ExperimentSummary.Run> lines = new LinkedHashMap<>();
    private final List<Group> groups = new ArrayList<>();
    private final Map<String, List<CompareFigures.Group>> charts = new ConcurrentHashMap<>();
    private List<CompareFigures.VarianceGroup> variance;

    private ExperimentResults(List<RunResult> runs, String sweepName, double threshold) {
        this.runs = runs.stream().sorted(ORDER).toList();
        this.sweepName = sweepName;
        this.threshold = threshold;
        List<ExperimentSummary.Run> perRun = new ArrayList<>(this.runs.size());
        for (RunResult r : this.runs) {
            double[] rw = r.rewards();
            if (rewards.put(r.id(), rw) != null) {
                throw new IllegalArgumentException("run " + r.id() + " is twice in the "
                        + "results");
            }
            perRun.add(ExperimentSummary.Run.of(r.id(), r.group(), rw, r.steps(), threshold));
        }
        summary = ExperimentSummary.of(perRun);
        COMPUTED.get()[0]++;
        perRun.forEach(l -> lines.put(l.id(), l));
        for (ExperimentSummary.Group g : summary.groups()) {
            List<RunResult> members = this.runs.stream().filter(r -> r.group().equals(g.key()))
                    .toList();
            groups.add(new Group(g.key(), members.get(0).label(), members, g));
        }
    }

    /**
     * The results of {@code runs} (any order; ids unique) of an experiment sweeping
     * {@code sweepName} (or null), solved at a 50-episode average of {@code threshold}.
     */
    public static ExperimentResults of(List<RunResult> runs, String sweepName,
                                       double threshold) {
        return new ExperimentResults(runs, sweepName, threshold);
    }

    /** Statistics computed so far on the calling thread: a summary or a chart each. */
    public static int computations() {
        return COMPUTED.get()[0];
    }

    /** The runs, in the canonical order. */
    public List<RunResult> runs() {
        return runs;
    }

    /** The swept setting's name, or null. */
    public String sweepName() {
        return sweepName;
    }

    public double threshold() {
        return threshold;
    }

    /** The statistics per run and per group, and who solves sooner than whom. */
    public ExperimentSummary summary() {
        return summary;
    }

    /** The line of run {@code id}. */
    public ExperimentSummary.Run line(String id) {
        return lines.get(id);
    }

    /** The run {@code id}, or null. */
    public RunResult run(String id) {
        return runs.stream().filter(r -> r.id().equals(id)).findFirst().orElse(null);
    }

    /** The groups, in the order of their first run. */
    public List<Group> groups() {
        return Collections.unmodifiableList(groups);
    }

    /** A group's label for people, by its key (the key itself if no group has it). */
    public String label(String key) {
        return groups.stream().filter(g -> g.key().equals(key)).map(Group::label).findFirst()
                .orElse(key);
    }

    /**
     * The chart's groups for this line, band and x axis: each run's MA50, the aggregate
     * curve and the performance profile. Computed the first time, then kept.
     */
    public List<CompareFigures.Group> chart(Center center, Spread spread, XAxis x) {
        return charts.computeIfAbsent(center + "/" + spread + "/" + x, k -> {
            COMPUTED.get()[0]++;
            return ChartGroups.of(this, rewards, center, spread, x);
        });
    }

    /**
     * Per group, per episode, the median over its runs of each estimator's gradient variance
     * as last measured (what the variance chart and its CSV show).
     */
    public synchronized List<CompareFigures.VarianceGroup> variance() {
        if (variance == null) {
            List<CompareFigures.VarianceGroup> out = new ArrayList<>();
            for (Group g : groups) {
                out.add(CompareFigures.VarianceGroup.of(g.label(), g.runs().stream()
                        .map(RunResult::gradientVariance).toList(), g.runs().stream()
                        .mapToInt(RunResult::episodes).max().orElse(0)));
            }
            variance = List.copyOf(out);
        }
        return variance;
    }

    /** What a chart of these results says: title, subtitle, line and band. */
    public CompareFigures.Description describe(String title, String subtitle, Center center,
                                               Spread spread) {
        return new CompareFigures.Description(title, subtitle, threshold, center.legend(),
                spread.displayName());
    }

    /**
     * An experiment's title, the one format of the Compare view, {@code compare}'s and
     * {@code merge}'s charts: "CartPole-v1 · 3 algorithms × 10 seeds × lr", or for a sweep of
     * presets (each its own algorithm and settings) "CartPole-v1 · 3 presets × 10 seeds".
     */
    public static String title(String version, long algorithms, long seeds, String sweepName,
                               long sweptValues) {
        if (SweptValue.PRESETS.equals(sweepName)) {
            return String.format(Locale.ROOT, "%s \u00b7 %d preset%s \u00d7 %d seeds", version,
                    sweptValues, sweptValues == 1 ? "" : "s", seeds);
        }
        return String.format(Locale.ROOT, "%s \u00b7 %d algorithm%s \u00d7 %d seeds%s", version,
                algorithms, algorithms == 1 ? "" : "s", seeds,
                sweepName == null ? "" : " \u00d7 " + sweepName);
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
                : String.format(Locale.ROOT, format, v);
    }
}
