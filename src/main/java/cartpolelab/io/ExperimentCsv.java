package cartpolelab.io;

import cartpolelab.agent.Algorithm;
import cartpolelab.metrics.EpisodeHistory;
import cartpolelab.metrics.GradientVariance;
import cartpolelab.metrics.GradientVarianceHistory;
import cartpolelab.results.ExperimentResults;
import cartpolelab.results.ExperimentSummary;
import cartpolelab.results.RunResult;
import cartpolelab.results.SweptValue;
import cartpolelab.metrics.RunStatistics.Interval;
import cartpolelab.plot.CompareFigures;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An experiment's files, written from its {@link ExperimentResults}. The <b>tidy CSV</b>: one
 * row per run × episode, columns {@code run}, {@code algorithm}, {@code seed},
 * {@code sweep/<setting>} when sweeping, then every column of {@code train}'s CSV
 * ({@link MetricsCsv#header()}, so a column added there flows here). The <b>summary CSV</b>:
 * one row per run, then one per group. Rows are formatted here and nowhere else.
 *
 * <p>Runs are written in the results' canonical order, so the shards of an experiment read
 * back ({@link #read}) into the same typed runs give the same files as the unsharded
 * experiment.
 */
public final class ExperimentCsv {

    /** What a set of tidy CSVs holds: the swept setting's name (or null) and the runs. */
    public record Runs(String sweepName, List<RunResult> runs) {
    }

    private ExperimentCsv() {
    }

    public static String tidyHeader(String sweepName) {
        return "run,algorithm,seed," + (sweepName == null ? "" : "sweep/" + sweepName + ",")
                + MetricsCsv.header();
    }

    /** Writes the tidy CSV of the results' runs (canonical order), atomically. */
    public static void writeTidy(Path file, ExperimentResults results) throws IOException {
        String sweepName = results.sweepName();
        write(file, w -> {
            line(w, tidyHeader(sweepName));
            for (RunResult r : results.runs()) {
                String prefix = SafeText.csvCell(r.id()) + "," + SafeText.csvCell(
                        r.algorithmName()) + "," + r.seed() + ","
                        + (sweepName == null ? "" : r.sweepText() + ",");
                EpisodeHistory h = r.history();
                GradientVarianceHistory g = r.gradientVariance();
                int measured = g.size();
                int next = 0;
                for (int i = 0; i < r.episodes(); i++) {
                    GradientVariance v = null;
                    if (next < measured && g.episode(next) == i + 1) {
                        v = g.get(next++);
                    }
                    line(w, prefix + MetricsCsv.row(h.get(i), v));
                }
            }
        });
    }

    /**
     * Reads tidy CSVs (the shards of one experiment) back into runs, in canonical order.
     *
     * @throws IOException naming the file and line of anything that does not fit: another
     *                     header, a run in two files, a gap in a run's episodes
     */
    public static Runs read(List<Path> files) throws IOException {
        String header = null;
        String sweepName = null;
        Map<String, Path> seen = new LinkedHashMap<>();
        List<Parsed> runs = new ArrayList<>();
        String[] metrics = MetricsCsv.header().split(",", -1);
        for (Path f : files) {
            List<String> lines;
            try {
                lines = Files.readAllLines(f, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new IOException("cannot read " + f + ": " + reason(e)
                        + "; check the shard's path", e);
            }
            // shards written before gradvar/learner or the ppo/ columns existed read with
            // those cells empty
            int missing = lines.isEmpty() ? -1 : MetricsCsv.missingColumns(lines.get(0));
            if (lines.isEmpty() || !lines.get(0).startsWith("run,algorithm,seed,")
                    || missing < 0) {
                throw new IOException(f + " is not a tidy CSV of compare (its header is not "
                        + tidyHeader(null) + " with an optional sweep/ column): give the "
                        + "--csv files the shards wrote");
            }
            if (header == null) {
                header = lines.get(0);
                String[] h = header.split(",", -1);
                sweepName = h[3].startsWith("sweep/") ? SafeText.escape(h[3].substring(6))
                        : null;
            } else if (!header.equals(lines.get(0))) {
                throw new IOException(f + " has other columns than " + files.get(0)
                        + ": merge only the shards of one experiment, written by one version");
            }
            int lead = sweepName == null ? 3 : 4;
            Parsed current = null;
            for (int ln = 1; ln < lines.size(); ln++) {
                String line = lines.get(ln);
                if (line.isEmpty()) {
                    continue;
                }
                String[] cells = MetricsCsv.padded(line, missing).split(",", -1);
                if (cells.length != lead + metrics.length) {
                    throw new IOException(f + " line " + (ln + 1) + " has " + cells.length
                            + " fields, not " + (lead + metrics.length) + ": the file is cut "
                            + "or edited; write the shard again");
                }
                cells[0] = SafeText.fromCsvCell(cells[0]);
                if (current == null || !current.id().equals(cells[0])) {
                    Path other = seen.putIfAbsent(cells[0], f);
                    if (other != null) {
                        throw new IOException("run " + cells[0] + " is in " + other + " and "
                                + f + " (line " + (ln + 1) + "): give each shard once");
                    }
                    try {
                        // the algorithm and the swept value typed: a cell's stray control
                        // characters go no further
                        current = new Parsed(cells[0], Algorithm.parse(cells[1]),
                                Long.parseLong(cells[2]), lead == 4
                                ? SweptValue.parse(sweepName, cells[3]) : null,
                                new EpisodeHistory(), new GradientVarianceHistory());
                    } catch (IllegalArgumentException e) {
                        throw new IOException(f + " line " + (ln + 1) + ": " + e.getMessage());
                    }
                    runs.add(current);
                }
                // finite numbers, or one line why
                MetricsRow row = MetricsRow.parse(cells, lead, f, ln + 1);
                int had = current.history().size();
                if (!cells[lead].equals(Integer.toString(had + 1))) {
                    throw new IOException(f + " line " + (ln + 1) + ": run " + cells[0]
                            + " has episode " + cells[lead] + " after " + had
                            + "; write the shard again");
                }
                current.history().add(row.stats());
                if (row.gradientVariance() != null) {
                    current.gradientVariance().add(row.gradientVariance());
                }
            }
        }
        List<RunResult> out = new ArrayList<>();
        for (Parsed r : runs) {
            out.add(RunResult.of(r.id(), r.algorithm(), r.seed(), r.swept(), null, r.history(),
                    r.gradientVariance()));
        }
        out.sort(ExperimentResults.ORDER);
        return new Runs(sweepName, List.copyOf(out));
    }

    /** A run being read: its columns grow row by row. */
    private record Parsed(String id, Algorithm algorithm, long seed, SweptValue swept,
                          EpisodeHistory history, GradientVarianceHistory gradientVariance) {
    }

    /**
     * The summary CSV: a row per run ({@code kind} run: its episodes, steps, {@code solved_at}
     * and {@code solved_at_step} — empty when not solved — best and final MA50), then a row
     * per group ({@code kind} group: runs, solved, median and IQM of episodes to solve and of
     * environment steps to solve with their CIs — "inf" when not solved —, the IQM of the
     * final MA50 with its CI, and for each group g {@code p_sooner_than/g}: P(this group solves sooner than g), with its CI).
     */
    public static void writeSummary(Path file, ExperimentResults results) throws IOException {
        String sweepName = results.sweepName();
        ExperimentSummary summary = results.summary();
        List<ExperimentResults.Group> groups = results.groups();
        StringBuilder h = new StringBuilder("kind,run,group,algorithm,seed,");
        h.append(sweepName == null ? "" : "sweep/" + sweepName + ",");
        h.append("episodes,steps,solved_at,solved_at_step,best_ma50,final_ma50,runs,solved,"
                + "solve_median,solve_median_lo,solve_median_hi,solve_iqm,solve_iqm_lo,"
                + "solve_iqm_hi,steps_to_solve_median,steps_to_solve_median_lo,"
                + "steps_to_solve_median_hi,steps_to_solve_iqm,steps_to_solve_iqm_lo,"
                + "steps_to_solve_iqm_hi,final_ma50_iqm,final_ma50_iqm_lo,final_ma50_iqm_hi");
        for (ExperimentResults.Group g : groups) {
            String col = "p_sooner_than/" + g.key();
            h.append(',').append(col).append(',').append(col).append("_lo,").append(col)
                    .append("_hi");
        }
        String empties = ",".repeat(17 + 3 * groups.size());
        write(file, w -> {
            line(w, h.toString());
            for (RunResult r : results.runs()) {
                ExperimentSummary.Run s = results.line(r.id());
                line(w, "run," + SafeText.csvCell(r.id()) + "," + SafeText.csvCell(
                        r.group()) + "," + SafeText.csvCell(r.algorithmName()) + ","
                        + r.seed() + "," + (sweepName == null ? "" : r.sweepText() + ",")
                        + s.episodes() + "," + s.steps() + ","
                        + (s.solvedAt() > 0 ? s.solvedAt() : "") + ","
                        + (s.solvedAtStep() > 0 ? s.solvedAtStep() : "") + "," + num(s.bestMa50())
                        + "," + num(s.finalMa50()) + empties);
            }
            for (int i = 0; i < groups.size(); i++) {
                ExperimentSummary.Group g = groups.get(i).statistics();
                RunResult first = groups.get(i).runs().get(0);
                StringBuilder b = new StringBuilder("group,," + SafeText.csvCell(g.key()) + ","
                        + SafeText.csvCell(first.algorithmName()) + ",," + (sweepName == null
                        ? "" : first.sweepText() + ",") + ",,,,,," + g.runs() + "," + g.solved());
                for (Interval v : new Interval[] {g.solveMedian(), g.solveIqm(),
                    g.stepsMedian(), g.stepsIqm(), g.finalMa50Iqm()}) {
                    b.append(',').append(interval(v));
                }
                for (int j = 0; j < groups.size(); j++) {
                    b.append(',').append(interval(summary.sooner(i, j)));
                }
                line(w, b.toString());
            }
        });
    }

    private static String interval(Interval v) {
        return num(v.estimate()) + "," + num(v.low()) + "," + num(v.high());
    }

    /** Full precision; "inf" for not solved; empty for no value. */
    private static String num(double v) {
        return Double.isNaN(v) ? "" : Double.isInfinite(v) ? "inf" : Double.toString(v);
    }

    private interface Body {
        void write(Writer w) throws IOException;
    }

    private static void write(Path file, Body body) throws IOException {
        AtomicFiles.write(file, out -> {
            // a Writer that throws: PrintWriter would swallow "No space left on device"
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            body.write(w);
            w.flush();
        });
    }

    private static void line(Writer w, String s) throws IOException {
        w.write(s);
        w.write('\n');
    }

    private static String reason(IOException e) {
        return e instanceof NoSuchFileException ? "it does not exist"
                : e instanceof AccessDeniedException ? "permission denied"
                : e.getMessage();
    }

    /**
     * The data of the variance chart: per group and episode from the first measurement on,
     * the median over the group's runs of each estimator's variance as last measured.
     */
    public static void writeVariance(Path file, List<CompareFigures.VarianceGroup> groups)
            throws IOException {
        write(file, w -> {
            // the notebook's three estimators (the Compare view's chart shows those)
            line(w, "group,episode," + String.join(",", Arrays.copyOf(
                    MetricsCsv.GRADIENT_VARIANCE_COLUMNS, 3)));
            for (CompareFigures.VarianceGroup g : groups) {
                for (int i = 0; i < g.reinforce().length; i++) {
                    if (!Double.isNaN(g.reinforce()[i])) {
                        line(w, "\"" + g.label().replace("\"", "\"\"") + "\"," + (i + 1)
                                + "," + g.reinforce()[i] + "," + g.baseline()[i] + ","
                                + g.td()[i]);
                    }
                }
            }
        });
    }
}
