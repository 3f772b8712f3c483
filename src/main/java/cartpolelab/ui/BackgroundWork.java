package cartpolelab.ui;

import cartpolelab.agent.Hyperparameters;
import cartpolelab.io.Checkpoint;
import cartpolelab.io.EpisodeGif;
import cartpolelab.io.MetricsCsv;
import cartpolelab.io.PyTorchModel;
import cartpolelab.io.Safetensors;
import cartpolelab.train.RecordedEpisode;
import cartpolelab.train.RunSnapshot;
import cartpolelab.train.TrainerPort;
import cartpolelab.ui.export.Picture;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The one place the window's file work runs: CSV export, plot export (PNG, SVG), checkpoint save and
 * load. The work runs on {@code io}; its outcome is handed to the {@link Listener} exactly once
 * per operation through {@code deliver} ({@code Platform::runLater} in the app, a same-thread
 * executor in tests, so all of this is testable without the FX thread).
 *
 * <p>Nothing here blocks the caller: each command returns a future of its {@link Outcome},
 * which completes after the listener has been told.
 */
public final class BackgroundWork implements AutoCloseable {

    /** Told when an operation starts (caller's thread) and ends (through {@code deliver}). */
    public interface Listener {

        void started();

        void finished(Outcome outcome);

        /** A listener made of two callbacks. */
        static Listener of(Runnable started, Consumer<Outcome> finished) {
            return new Listener() {
                @Override
                public void started() {
                    started.run();
                }

                @Override
                public void finished(Outcome outcome) {
                    finished.accept(outcome);
                }
            };
        }
    }

    /**
     * How one file operation ended.
     *
     * @param message the status-bar line: "Checkpoint saved to …" or "Could not …: why"
     * @param failureTitle null on success, else the error dialog's title
     * @param failure      null on success, else why (the dialog's text)
     * @param loaded       after a successful load, the settings of the run loaded; else null
     */
    public record Outcome(String message, String failureTitle, String failure,
                          Hyperparameters loaded, int checkpointEpisodes) {

        public boolean ok() {
            return failureTitle == null;
        }
    }

    private final TrainerPort trainer;
    private final Executor io;
    private final Executor deliver;
    private final Listener listener;

    public BackgroundWork(TrainerPort trainer, Executor io, Executor deliver, Listener listener) {
        this.trainer = Objects.requireNonNull(trainer, "trainer");
        this.io = Objects.requireNonNull(io, "io");
        this.deliver = Objects.requireNonNull(deliver, "deliver");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /** The app's I/O executor: one daemon thread, {@code cartpolelab-io}. */
    public static ExecutorService newIoThread() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "cartpolelab-io");
            t.setDaemon(true);
            return t;
        });
    }

    /** Writes every finished episode, and the gradient-variance measurements, as CSV. */
    public CompletableFuture<Outcome> exportCsv(Path file) {
        return track(CompletableFuture.runAsync(() -> {
            try {
                MetricsCsv.write(file, trainer.history(), trainer.gradientVariance());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, io).thenApply(v -> (RunSnapshot) null), false, "Metrics written to " + file,
                "Could not export the CSV");
    }

    /** A snapshot taken by the trainer between two steps, written on the I/O executor. */
    public CompletableFuture<Outcome> saveCheckpoint(Path file) {
        return track(guard(trainer::snapshot).thenApplyAsync(snapshot -> {
            try {
                Checkpoint.write(file, snapshot);
                return snapshot;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, io), false, "Checkpoint saved to " + file, "Could not save the checkpoint");
    }

    /**
     * Reads and checks a checkpoint on the I/O executor, then has the trainer restore it. A file
     * that cannot be read or restored leaves the run untouched.
     */
    public CompletableFuture<Outcome> loadCheckpoint(Path file) {
        return restoreFrom(() -> Checkpoint.read(file), "Checkpoint loaded from " + file,
                "Could not load the checkpoint");
    }

    /** Writes an episode as a GIF on the I/O executor. */
    public CompletableFuture<Outcome> saveGif(Path file, EpisodeGif.Track episode,
                                              EpisodeGif.Options options) {
        return track(CompletableFuture.runAsync(() -> {
            try {
                EpisodeGif.write(file, List.of(episode), options);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, io).thenApply(v -> (RunSnapshot) null), false, "GIF saved to " + file,
                "Could not save the GIF");
    }

    /** Writes the networks as the notebook's PyTorch model (float32 safetensors). */
    public CompletableFuture<Outcome> savePyTorch(Path file) {
        return track(guard(trainer::snapshot).thenApplyAsync(snapshot -> {
            try {
                PyTorchModel.write(file, snapshot.hyperparameters(), snapshot.agent(),
                        Safetensors.Dtype.F32);
                return (RunSnapshot) null;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, io), false, "PyTorch networks saved to " + file,
                "Could not save the PyTorch networks");
    }

    /**
     * Reads a PyTorch model of the notebook's layout on the I/O executor and starts a new run
     * from its networks (the current settings, its hidden size); a file that cannot be read
     * leaves the run untouched.
     */
    public CompletableFuture<Outcome> openPyTorch(Path file) {
        Hyperparameters base = trainer.hyperparameters();
        return restoreFrom(() -> PyTorchModel.read(file, base),
                "Opened the PyTorch networks of " + file + " as a new run",
                "Could not open the PyTorch networks");
    }

    /** Reads a file into a snapshot. */
    private interface Reading {
        RunSnapshot read() throws IOException;
    }

    private CompletableFuture<Outcome> restoreFrom(Reading reading, String success,
                                                   String failureTitle) {
        CompletableFuture<RunSnapshot> loaded = CompletableFuture.supplyAsync(() -> {
            try {
                return reading.read();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, io).thenCompose((RunSnapshot snapshot) -> guard(() -> trainer.restore(snapshot))
                .thenApply(v -> snapshot));
        return track(loaded, true, success, failureTitle);
    }

    /**
     * Paints the plots from the data and writes them as PNG or SVG (by {@code file}'s
     * extension) on the I/O executor; nothing is drawn or written on the caller's thread.
     */
    public CompletableFuture<Outcome> savePlots(Picture plots, Path file) {
        return save(plots, file, "Plots saved to " + file, "Could not save the plots");
    }

    /** Writes {@code work} to {@code file} on the I/O executor, reported as the words say. */
    public CompletableFuture<Outcome> save(Picture work, Path file, String success,
                                           String failureTitle) {
        return track(CompletableFuture.runAsync(() -> {
            try {
                work.write(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, io).thenApply(v -> (RunSnapshot) null), false, success, failureTitle);
    }

    /**
     * Opens a run taken elsewhere (an experiment's) in the trainer, paused, as a loaded
     * checkpoint would be; the form then shows its settings. A refused snapshot leaves the
     * current run untouched.
     */
    public CompletableFuture<Outcome> open(CompletableFuture<RunSnapshot> run, String what) {
        return openWithMilestones(run.thenApply(s -> new Opening(s, List.of())), what);
    }

    /** A stored run to open: its snapshot and its milestone recordings (maybe none). */
    public record Opening(RunSnapshot snapshot, List<RecordedEpisode> milestones) {
    }

    /** {@link #open}, with the run's milestones replayable as its recorder's. */
    public CompletableFuture<Outcome> openWithMilestones(CompletableFuture<Opening> run,
                                                         String what) {
        CompletableFuture<RunSnapshot> opened = run.thenCompose((Opening o) -> guard(() ->
                trainer.restore(o.snapshot(), o.milestones())).thenApply(v -> o.snapshot()));
        return track(opened, true, "Opened " + what, "Could not open " + what);
    }

    /**
     * Reports the start now and the outcome, once, through {@code deliver}. {@code work}
     * yields the checkpoint's snapshot (saved, or restored when {@code load}), or null.
     */
    private CompletableFuture<Outcome> track(CompletableFuture<RunSnapshot> work, boolean load,
                                             String success, String failureTitle) {
        listener.started();
        CompletableFuture<Outcome> told = new CompletableFuture<>();
        work.whenComplete((snapshot, error) -> {
            Outcome outcome;
            if (error == null) {
                String note = snapshot == null ? null : snapshot.continuationNote();
                outcome = new Outcome(note == null ? success : success + " (" + note + ")",
                        null, null,
                        load ? snapshot.hyperparameters() : null,
                        snapshot == null ? -1 : snapshot.episodes());
            } else {
                String why = describe(error);
                outcome = new Outcome(failureTitle + ": " + why, failureTitle, why, null, -1);
            }
            try {
                deliver.execute(() -> {
                    try {
                        listener.finished(outcome);
                        told.complete(outcome);
                    } catch (RuntimeException e) {
                        told.completeExceptionally(e);
                        throw e;
                    }
                });
            } catch (RuntimeException e) { // e.g. the toolkit has gone: nobody to tell
                told.completeExceptionally(e);
            }
        });
        return told;
    }

    /** A command that throws instead of failing its future still reaches the user. */
    private static <T> CompletableFuture<T> guard(Supplier<CompletableFuture<T>> command) {
        try {
            return command.get();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** The innermost useful message of an exception. */
    public static String describe(Throwable error) {
        Throwable t = error;
        while ((t instanceof CompletionException || t instanceof ExecutionException
                || t instanceof UncheckedIOException) && t.getCause() != null) {
            t = t.getCause();
        }
        String m = t.getMessage();
        if (t instanceof AccessDeniedException) {
            return "permission denied: " + m;
        }
        if (t instanceof NoSuchFileException) {
            return "no such file or folder: " + m;
        }
        return m == null || m.isBlank() ? t.getClass().getSimpleName() : m;
    }

    /** Stops the I/O executor if it is a service (the app's own thread). */
    @Override
    public void close() {
        if (io instanceof ExecutorService service) {
            service.shutdownNow();
        }
    }
}
