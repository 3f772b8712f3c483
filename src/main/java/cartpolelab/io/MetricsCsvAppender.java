package cartpolelab.io;

import cartpolelab.metrics.EpisodeHistory;
import cartpolelab.metrics.GradientVariance;
import cartpolelab.metrics.GradientVarianceHistory;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A run's metrics CSV kept up to date while it trains, at O(n) over the run: the first
 * {@link #append} writes the header and the rows so far atomically ({@link AtomicFiles}), each
 * later one appends only the new rows to that file and forces them to disk. The bytes are
 * exactly {@link MetricsCsv#write}'s for the same history. One thread at a time.
 */
public final class MetricsCsvAppender implements AutoCloseable {

    private final Path file;
    private FileChannel channel;
    private int written;
    private int measurementsWritten;

    public MetricsCsvAppender(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    /**
     * Brings the file up to the episodes of {@code history} that exist now.
     *
     * @throws IOException naming the file (a full disk, say); the rows appended before stay
     */
    public void append(EpisodeHistory history, GradientVarianceHistory gradientVariance)
            throws IOException {
        int n = history.size();
        StringBuilder text = new StringBuilder(Math.max(0, n - written) * 120 + 256);
        if (channel == null) {
            text.append(MetricsCsv.header()).append('\n');
        }
        int measured = gradientVariance == null ? 0 : gradientVariance.size();
        for (int i = written; i < n; i++) {
            GradientVariance g = null;
            while (measurementsWritten < measured
                    && gradientVariance.episode(measurementsWritten) < i + 1) {
                measurementsWritten++;
            }
            if (measurementsWritten < measured
                    && gradientVariance.episode(measurementsWritten) == i + 1) {
                g = gradientVariance.get(measurementsWritten++);
            }
            text.append(MetricsCsv.row(history.get(i), g)).append('\n');
        }
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        if (channel == null) {
            channel = AtomicFiles.writeAndKeepOpen(file, out -> out.write(bytes));
        } else {
            long good = channel.position();
            try {
                if (appends == null) {
                    // through the same hook as AtomicFiles (tests put a full disk there)
                    appends = AtomicFiles.streams.apply(file.toAbsolutePath(),
                            Channels.newOutputStream(channel));
                }
                appends.write(bytes);
                appends.flush();
                channel.force(false);
            } catch (IOException e) {
                try {
                    channel.truncate(good); // no half row: the file ends at the last whole one
                } catch (IOException ignored) {
                    // the write's error is the one to report
                }
                throw new IOException("cannot write " + file + ": " + e.getMessage()
                        + " (disk full?)", e);
            }
        }
        written = n;
    }

    /** The appends' stream over {@link #channel}, made at the first append. */
    private OutputStream appends;

    @Override
    public void close() throws IOException {
        appends = null;
        if (channel != null) {
            channel.close();
            channel = null;
        }
    }
}
