package cartpolelab.io;

import cartpolelab.metrics.EpisodeHistory;
import cartpolelab.metrics.GradientVarianceHistory;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * TensorBoard logs written live: a daemon thread that, every period, pulls what is new from
 * each run's histories (as the window does: lock-free reads below their published sizes) into
 * that run's {@link TensorBoardWriter} and flushes it, so {@code tensorboard --logdir DIR}
 * shows the runs while they train. Trainers never wait for it. A write failure stops the
 * logging (training goes on) and is reported by {@link #failure()} and {@link #close()}.
 */
public final class TensorBoardLog implements AutoCloseable {

    /** The default period between two flushes. */
    public static final Duration DEFAULT_PERIOD = Duration.ofSeconds(2);

    /**
     * One run to log.
     *
     * @param dir              its directory (one events file in it)
     * @param settings         its settings as text ({@link TensorBoardWriter#settingsText})
     * @param history          its episode history, asked again at each pull (a run that has
     *                         not started may hand out an empty one)
     * @param gradientVariance its measurements, or a supplier of null
     */
    public record Source(Path dir, String settings, Supplier<EpisodeHistory> history,
                         Supplier<GradientVarianceHistory> gradientVariance) {
    }

    private final List<Source> sources;
    private final List<TensorBoardWriter> writers;
    private final Thread thread;
    private final long periodNanos;
    private volatile boolean closing;
    private volatile IOException failure;

    private TensorBoardLog(List<Source> sources, List<TensorBoardWriter> writers,
                           Duration period) {
        this.sources = sources;
        this.writers = writers;
        this.periodNanos = period.toNanos();
        this.thread = new Thread(this::loop, "tensorboard-log");
        thread.setDaemon(true);
    }

    /**
     * Creates every run's events file (so a bad directory fails before training) and starts
     * the thread.
     */
    public static TensorBoardLog start(List<Source> sources, Duration period)
            throws IOException {
        double start = System.currentTimeMillis() / 1000.0;
        List<TensorBoardWriter> writers = new ArrayList<>();
        try {
            for (Source s : sources) {
                writers.add(TensorBoardWriter.create(s.dir(), s.settings(), start));
            }
        } catch (IOException e) {
            for (TensorBoardWriter w : writers) {
                try {
                    w.close();
                } catch (IOException ignored) {
                    // the first failure is the one to report
                }
            }
            throw e;
        }
        TensorBoardLog log = new TensorBoardLog(List.copyOf(sources), writers, period);
        log.thread.start();
        return log;
    }

    /** The events file of run {@code i}. */
    public Path file(int i) {
        return writers.get(i).file();
    }

    /** The write failure that stopped the logging, or null. */
    public IOException failure() {
        return failure;
    }

    private void loop() {
        while (!closing && failure == null) {
            long until = System.nanoTime() + periodNanos;
            while (!closing && System.nanoTime() < until) {
                try {
                    Thread.sleep(Math.max(1, Math.min(100,
                            (until - System.nanoTime()) / 1_000_000)));
                } catch (InterruptedException e) {
                    return;
                }
            }
            if (!closing) {
                pull();
            }
        }
    }

    private synchronized void pull() {
        if (failure != null) {
            return;
        }
        try {
            for (int i = 0; i < sources.size(); i++) {
                Source s = sources.get(i);
                TensorBoardWriter w = writers.get(i);
                w.append(s.history().get(), s.gradientVariance().get());
                w.flush();
            }
        } catch (IOException e) {
            failure = e;
        }
    }

    /**
     * Stops the thread, writes what is left and closes every file.
     *
     * @throws IOException the first write failure, if any
     */
    @Override
    public void close() throws IOException {
        closing = true;
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        pull();
        for (TensorBoardWriter w : writers) {
            try {
                w.close();
            } catch (IOException e) {
                if (failure == null) {
                    failure = e;
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
