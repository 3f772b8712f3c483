package cartpolelab.io;

import cartpolelab.metrics.EpisodeHistory;
import cartpolelab.metrics.EpisodeStats;
import cartpolelab.metrics.GradientVariance;
import cartpolelab.metrics.GradientVarianceHistory;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The metrics of a run as CSV: a header with the metric names of {@link EpisodeStats#COLUMNS},
 * then {@link #GRADIENT_VARIANCE_COLUMNS}, then {@link EpisodeStats#PPO_COLUMNS} (empty but for
 * PPO's episodes in which an update finished), and one row per episode, numbers in full precision
 * ({@link Double#toString}, so every value reads back exactly), written atomically. The
 * gradient-variance columns hold the measurement taken after that episode's update
 * ({@link GradientVariance}) and are empty on every other row.
 */
public final class MetricsCsv {

    /**
     * The estimators' variances: the notebook's three (REINFORCE, with the baseline, with the
     * TD error) and the run's own learner's (its algorithm's Ψ at its λ).
     */
    public static final String[] GRADIENT_VARIANCE_COLUMNS = {
        "gradvar/reinforce", "gradvar/baseline", "gradvar/td", "gradvar/learner"
    };

    private MetricsCsv() {
    }

    public static String header() {
        return String.join(",", EpisodeStats.COLUMNS) + ","
                + String.join(",", GRADIENT_VARIANCE_COLUMNS) + ","
                + String.join(",", EpisodeStats.PPO_COLUMNS);
    }

    /**
     * How many of {@link #header()}'s last columns a header line written by an earlier build
     * lacks: 0 for this build's, 2 before {@code ppo/approx_kl} and {@code ppo/clip_fraction},
     * 3 before {@code gradvar/learner} as well; −1 if {@code line} ends with none of them.
     * Such rows read as if those cells were empty ({@link #padded}).
     */
    public static int missingColumns(String line) {
        String[] names = header().split(",");
        for (int missing : new int[] {0, 2, 3}) {
            String h = String.join(",", Arrays.copyOf(names, names.length - missing));
            if (line != null && line.endsWith(h)) {
                return missing;
            }
        }
        return -1;
    }

    /** {@code row} with {@code missing} empty cells appended ({@link #missingColumns}). */
    public static String padded(String row, int missing) {
        return missing <= 0 ? row : row + ",".repeat(missing);
    }

    /** One row without a measurement (the gradient-variance columns empty), as {@link #header()}. */
    public static String row(EpisodeStats s) {
        return row(s, null);
    }

    /**
     * One row, in the order of {@link #header()}; {@code g} is the measurement taken at this
     * episode, or null for none.
     */
    public static String row(EpisodeStats s, GradientVariance g) {
        String stats = s.episode() + "," + s.reward() + "," + s.length() + ","
                + s.movingAverage() + "," + s.actorLoss() + "," + s.criticLoss() + ","
                + s.entropy() + "," + s.totalSteps() + "," + s.wallSeconds() + ","
                + s.stepsPerSecond();
        String gradvar = g == null ? ",,,," : "," + g.reinforce() + "," + g.baseline() + ","
                + g.td() + "," + g.learner();
        // PPO's measures: empty for other algorithms and episodes without a PPO update
        String ppo = s.hasPpo() ? "," + s.approxKl() + "," + s.clipFraction() : ",,";
        return stats + gradvar + ppo;
    }

    /** Writes every episode of {@code history} that exists when the call starts. */
    public static void write(Path file, EpisodeHistory history) throws IOException {
        write(file, history, null);
    }

    /**
     * Writes every episode of {@code history} that exists when the call starts, with the
     * measurements of {@code gradientVariance} (may be null) on their episodes' rows.
     */
    public static void write(Path file, EpisodeHistory history,
                             GradientVarianceHistory gradientVariance) throws IOException {
        int n = history.size();
        int measured = gradientVariance == null ? 0 : gradientVariance.size();
        AtomicFiles.write(file, out -> {
            // a Writer that throws: PrintWriter would swallow "No space left on device"
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            w.write(header());
            w.write('\n');
            int next = 0;
            for (int i = 0; i < n; i++) {
                GradientVariance g = null;
                if (next < measured && gradientVariance.episode(next) == i + 1) {
                    g = gradientVariance.get(next++);
                }
                w.write(row(history.get(i), g));
                w.write('\n');
            }
            w.flush();
        });
    }

    /**
     * The measurements alone, one row each ({@code episode,update,gradvar/reinforce,
     * gradvar/baseline,gradvar/td,samples}): the data of the gradient-variance chart.
     */
    public static void writeGradientVariance(Path file, GradientVarianceHistory g)
            throws IOException {
        int n = g.size();
        AtomicFiles.write(file, out -> {
            PrintWriter w = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            w.print("episode,update," + String.join(",", GRADIENT_VARIANCE_COLUMNS)
                    + ",samples\n");
            for (int i = 0; i < n; i++) {
                GradientVariance v = g.get(i);
                w.print(v.episode() + "," + v.update() + "," + v.reinforce() + ","
                        + v.baseline() + "," + v.td() + "," + v.samples() + "\n");
            }
            w.flush();
            if (w.checkError()) {
                throw new IOException("cannot write " + file + ": the write failed (disk full?)");
            }
        });
    }
}
