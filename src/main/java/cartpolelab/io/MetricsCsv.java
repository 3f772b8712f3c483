package cartpolelab.io;

import cartpolelab.metrics.EpisodeHistory;
import cartpolelab.metrics.EpisodeStats;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The metrics of a run as CSV: a header with the metric names of {@link EpisodeStats#COLUMNS}
 * and one row per episode, numbers in full precision ({@link Double#toString}, so every value
 * reads back exactly), written atomically.
 */
public final class MetricsCsv {

    private MetricsCsv() {
    }

    public static String header() {
        return String.join(",", EpisodeStats.COLUMNS);
    }

    /** One row, in the order of {@link #header()}. */
    public static String row(EpisodeStats s) {
        return s.episode() + "," + s.reward() + "," + s.length() + "," + s.movingAverage() + ","
                + s.actorLoss() + "," + s.criticLoss() + "," + s.entropy() + ","
                + s.totalSteps() + "," + s.wallSeconds() + "," + s.stepsPerSecond();
    }

    /** Writes every episode of {@code history} that exists when the call starts. */
    public static void write(Path file, EpisodeHistory history) throws IOException {
        int n = history.size();
        AtomicFiles.write(file, out -> {
            PrintWriter w = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            w.print(header());
            w.print('\n');
            for (int i = 0; i < n; i++) {
                w.print(row(history.get(i)));
                w.print('\n');
            }
            w.flush();
            if (w.checkError()) {
                throw new IOException("cannot write " + file + ": the write failed (disk full?)");
            }
        });
    }
}
