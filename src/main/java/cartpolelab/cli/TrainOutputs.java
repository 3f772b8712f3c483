package cartpolelab.cli;

import cartpolelab.agent.Hyperparameters;
import cartpolelab.io.Checkpoint;
import cartpolelab.io.MetricsCsv;
import cartpolelab.io.MetricsCsvAppender;
import cartpolelab.library.LibraryWriter;
import cartpolelab.library.NewRun;
import cartpolelab.metrics.EpisodeStats;
import cartpolelab.train.RunSnapshot;
import cartpolelab.train.TrainingRun;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * What {@code train} keeps while it trains, at O(n) over the run: every N episodes the CSV
 * gets its new rows appended ({@link MetricsCsvAppender}) on a thread of its own, which reads
 * the append-only history as the library's writer does (the trainer only hands it the
 * word, never waits), the checkpoint is rewritten, and the run library gets a checkpoint (its
 * episodes it pulls by itself, on its own thread).
 *
 * <p>A checkpoint holds the whole history, so rewriting it every N episodes would cost the
 * square of the run; it is rewritten only once the training since the last write took at
 * least {@link #CHECKPOINT_SHARE_INVERSE} − 1 times as long as that write, which keeps its
 * writes under 10 % of the training time. A periodic write that fails (a full disk) is said
 * once; training goes on, and the file is written again at the end.
 */
final class TrainOutputs implements AutoCloseable {

    /** Periodic checkpoint writes take at most 1/10 of the time. */
    static final int CHECKPOINT_SHARE_INVERSE = 10;

    private final TrainingRun run;
    private final int every;
    private final Path checkpoint;
    private final PrintWriter err;
    private final MetricsCsvAppender csv;
    private final LibraryWriter library;
    private final LibraryWriter.Recording recording;
    private volatile boolean csvFailed;
    /** The CSV's appends, one at a time, off the training thread. */
    private final ExecutorService csvThread;
    private Future<?> csvAppend;
    private boolean checkpointFailed;
    private long checkpointAllowedAt;

    TrainOutputs(TrainingRun run, int every, Path csv, Path checkpoint, LibraryWriter library,
                 int gradVarianceEvery, int gradVarianceEpisodes, PrintWriter err) {
        this.run = run;
        this.every = every;
        this.checkpoint = checkpoint;
        this.err = err;
        this.csv = csv == null ? null : new MetricsCsvAppender(csv);
        this.csvThread = csv == null ? null : Executors
                .newSingleThreadExecutor(r -> {
                    Thread t = new Thread(r, "csv-appender");
                    t.setDaemon(true);
                    return t;
                });
        this.library = library;
        Hyperparameters hp = run.hyperparameters();
        this.recording = library == null ? null : library.record(NewRun.of("train", hp,
                gradVarianceEvery, gradVarianceEpisodes), null, run.history(),
                run.gradientVariance(), hp.version().solvedThreshold());
        if (recording != null) {
            // the milestones (first episode, each new best, the solving window's first) stay
            // replayable from the Runs view, as the app's runs do; the recent episodes kept
            // reach back to the solving window's first
            run.record(run.progress().window());
            recording.keepMilestones(run.recorder());
        }
    }

    /** After each episode, on the training thread: the periodic saves when one is due. */
    void episode(EpisodeStats s) {
        if (every == 0 || s.episode() % every != 0 || s.episode() >= run.hyperparameters()
                .episodes()) {
            return;
        }
        if (csv != null && !csvFailed && (csvAppend == null || csvAppend.isDone())) {
            // the rows so far, on the CSV's thread; a slow disk makes appends fewer, not
            // training slower
            csvAppend = csvThread.submit(() -> {
                try {
                    csv.append(run.history(), run.gradientVariance());
                } catch (IOException e) {
                    csvFailed = true;
                    warn(e.getMessage());
                }
            });
        }
        RunSnapshot snapshot = null;
        if (recording != null) {
            snapshot = run.snapshot();
            recording.checkpoint("periodic", snapshot);
        }
        long now = System.nanoTime();
        if (checkpoint != null && !checkpointFailed && now >= checkpointAllowedAt) {
            try {
                Checkpoint.write(checkpoint, snapshot != null ? snapshot : run.snapshot());
                long took = System.nanoTime() - now;
                checkpointAllowedAt = System.nanoTime() + (CHECKPOINT_SHARE_INVERSE - 1) * took;
            } catch (IOException e) {
                checkpointFailed = true;
                warn(e.getMessage());
            }
        }
    }

    private void warn(String message) {
        err.println("warning: " + message + "; training goes on, the file is written again at "
                + "the end");
        err.flush();
    }

    /**
     * The CSV at the end: the rows not yet appended, or (after a failed append) the whole
     * file again, atomically.
     */
    void writeCsv(Path file) throws IOException {
        waitForCsv();
        if (!csvFailed) {
            try {
                csv.append(run.history(), run.gradientVariance());
                csv.close();
                return;
            } catch (IOException e) {
                csv.close();
            }
        }
        MetricsCsv.write(file, run.history(), run.gradientVariance());
    }

    /** The run's end in the library: its final checkpoint and state; waits for the writes. */
    void finish(boolean stopWhenSolved, PrintWriter out) {
        if (recording == null) {
            return;
        }
        recording.checkpoint("final", run.snapshot());
        String state = run.failure() != null ? "failed"
                : run.history().size() < run.hyperparameters().episodes() ? "stopped"
                : "finished";
        recording.end(state, run.failure());
        library.flush();
        if (library.failure() == null) {
            out.printf("recorded   run %d in %s%n", recording.runId(), library.library().file());
        }
    }

    private void waitForCsv() {
        if (csvAppend != null) {
            try {
                csvAppend.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException e) {
                csvFailed = true;
            }
        }
    }

    @Override
    public void close() throws IOException {
        if (csv != null) {
            waitForCsv();
            csvThread.shutdown();
            csv.close();
        }
        LibraryOptions.close(library);
    }
}
