package cartpolelab.io;

import cartpolelab.metrics.EpisodeStats;
import cartpolelab.metrics.GradientVariance;
import java.io.IOException;
import java.nio.file.Path;

/**
 * One row of a metrics CSV ({@link MetricsCsv#header()}) read back: every value a finite
 * number of its column's kind (episode, length and total steps whole), the gradient-variance
 * columns all empty or all numbers. Anything else is refused naming the file, the line and
 * the column (the ppo/ columns likewise: both empty, NaN in the record, or both numbers),
 * so no text, NaN or infinity slips from a file into a library or a summary.
 *
 * @param gradientVariance the measurement on this row, or null (its update count and sample
 *                         size are not in the CSV: 0)
 */
public record MetricsRow(EpisodeStats stats, GradientVariance gradientVariance) {

    private static final String[] COLUMNS = MetricsCsv.header().split(",");
    /** Fields of a row. */
    public static final int FIELDS = COLUMNS.length;

    /**
     * Parses {@code fields[from .. from + FIELDS)}.
     *
     * @throws IOException naming {@code file}, {@code line} (1-based) and the bad column
     */
    public static MetricsRow parse(String[] fields, int from, Path file, int line)
            throws IOException {
        double[] v = new double[FIELDS];
        int stats = EpisodeStats.COLUMNS.length;
        int ppo = stats + MetricsCsv.GRADIENT_VARIANCE_COLUMNS.length;
        boolean measured = !fields[from + stats].isEmpty();
        boolean hasPpo = !fields[from + ppo].isEmpty();
        for (int c = 0; c < FIELDS; c++) {
            String text = fields[from + c];
            boolean present = c < stats || (c < ppo ? measured : hasPpo);
            if (!present) {
                if (!text.isEmpty()) {
                    throw bad(file, line, c, text, c < ppo ? "empty like the other gradvar/ "
                            + "columns" : "empty like the other ppo/ column");
                }
                v[c] = Double.NaN;
                continue;
            }
            try {
                v[c] = Double.parseDouble(text);
            } catch (NumberFormatException e) {
                throw bad(file, line, c, text, "a number");
            }
            if (!Double.isFinite(v[c])) {
                throw bad(file, line, c, text, "a finite number");
            }
            boolean whole = c == 0 || c == 2 || c == 7;
            if (whole && (v[c] != Math.rint(v[c]) || v[c] < 0 || v[c] > Long.MAX_VALUE / 2)) {
                throw bad(file, line, c, text, "a whole number ≥ 0");
            }
        }
        EpisodeStats s = new EpisodeStats((int) v[0], v[1], (int) v[2], v[3], v[4], v[5], v[6],
                (long) v[7], v[8], v[9], v[ppo], v[ppo + 1]);
        GradientVariance g = measured ? new GradientVariance((int) v[0], 0, v[stats],
                v[stats + 1], v[stats + 2], v[stats + 3], 0) : null;
        return new MetricsRow(s, g);
    }

    private static IOException bad(Path file, int line, int column, String text, String want) {
        return new IOException(file + " line " + line + ": " + COLUMNS[column] + " is '"
                + (text.length() > 40 ? text.substring(0, 40) + "…" : text) + "', not " + want
                + ": the file is damaged or edited; write it again");
    }
}
