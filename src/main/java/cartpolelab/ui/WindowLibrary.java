package cartpolelab.ui;

import cartpolelab.agent.GradientVarianceProbe;
import cartpolelab.library.ExperimentRecording;
import cartpolelab.library.LibraryException;
import cartpolelab.library.LibraryLocation;
import cartpolelab.library.LibraryWriter;
import cartpolelab.library.RunLibrary;
import cartpolelab.results.ExperimentResults;
import cartpolelab.train.Experiment;
import cartpolelab.train.ExperimentSpec;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.stage.Window;

/**
 * The window's run library: opened on a thread of its own, it records every run the window
 * trains ({@link AppRecorder}) and backs the Runs window. Until it is open, or if it cannot be
 * (said once, naming the file and what to do), the window trains as before, unrecorded.
 */
final class WindowLibrary {

    private final TrainingViewModel vm;
    private final ExecutorService io = BackgroundWork.newIoThread();
    private RunLibrary library;
    private AppRecorder recorder;
    private RunsWindow runs;
    private String unavailable;
    /** The window closed: a library that finishes opening after that is closed at once. */
    private boolean closed;
    private Consumer<Path> chosen = p -> { };

    WindowLibrary(TrainingViewModel vm) {
        this.vm = vm;
    }

    /**
     * Opens {@code file} (the default library when null) on the I/O thread; {@code failed}
     * hears, on the FX thread, the one line that says why it cannot be used.
     */
    CompletableFuture<Void> open(Path file, Consumer<String> failed) {
        Path path = file != null ? file : LibraryLocation.defaultPath();
        CompletableFuture<Void> done = new CompletableFuture<>();
        io.execute(() -> {
            try {
                RunLibrary lib = RunLibrary.open(path);
                Platform.runLater(() -> {
                    if (closed) {
                        lib.close(); // the window closed while it opened: nothing to record
                    } else {
                        use(lib, failed);
                    }
                    done.complete(null);
                });
            } catch (LibraryException e) {
                Platform.runLater(() -> {
                    unavailable = e.getMessage() + "; the runs of this session are not kept";
                    failed.accept(unavailable);
                    done.complete(null);
                });
            }
        });
        return done;
    }

    private void use(RunLibrary lib, Consumer<String> failed) {
        retire();
        library = lib;
        LibraryWriter writer = new LibraryWriter(lib, m -> Platform.runLater(
                () -> failed.accept(m)));
        recorder = new AppRecorder(writer, vm.run(), () -> vm.runSettingsProperty().get());
    }

    /**
     * Leaves the library in use for another: its Runs window closes, the run in progress is
     * ended there (the new library records it from now on), the file is closed.
     */
    private void retire() {
        if (runs != null) {
            runs.close();
            runs = null;
        }
        if (recorder != null) {
            recorder.close(() -> { }); // its trash waits for the app to close that library
            recorder = null;
        }
        library = null;
        unavailable = null;
    }

    /** Hears the library file the user chose (to remember it for the next launch). */
    void onChosen(Consumer<Path> chosen) {
        this.chosen = chosen;
    }

    /**
     * The View menu's library items: Runs… (the Runs window, whose Compare opens stored runs
     * with {@code compare}) and Open run library… (another file, remembered).
     */
    void addToMenu(ViewMenu menu, Supplier<Window> owner, Dialogs dialogs,
                   FileDialogs files,
                   BiConsumer<ExperimentResults, String> compare) {
        menu.addRuns(() -> openRuns(owner.get(), dialogs, compare),
                () -> files.openLibrary(owner.get()).ifPresent(p -> open(p,
                        m -> dialogs.showError("Run library", m)).thenRun(() -> {
                            if (library != null && library.file().equals(p)) {
                                chosen.accept(p);
                                openRuns(owner.get(), dialogs, compare);
                            }
                        })));
    }

    /** Once a frame, after the view model's pull. */
    void pull() {
        if (recorder != null) {
            recorder.pull();
        }
    }

    AppRecorder recorder() {
        return recorder;
    }

    RunsWindow runsWindow() {
        return runs;
    }

    /** The Runs window, opened on first use. */
    void openRuns(Window owner, Dialogs dialogs,
                  BiConsumer<ExperimentResults, String> compare) {
        if (library == null) {
            dialogs.showError("Run library", unavailable != null ? unavailable
                    : "The run library is still opening: try again in a moment");
            return;
        }
        if (runs == null) {
            runs = new RunsWindow(owner, library, io, dialogs, (opening, what) ->
                    vm.files().openWithMilestones(opening, what), CartPoleLabApp.STYLESHEET);
            runs.onCompare(compare);
        }
        runs.show();
    }

    /**
     * Records an experiment the Compare window starts, as {@code compare} records its grid:
     * one experiment, a run per cell pulled while it trains, each run's final checkpoint and
     * state when it ends (on the I/O thread: the snapshots are waited for there).
     */
    void recordExperiment(Experiment e, GradientVarianceProbe.Settings measure) {
        if (recorder == null) {
            return; // no library: the window trains unrecorded, as it said
        }
        ExperimentSpec spec = e.spec();
        String name = "compare window " + spec.label();
        ExperimentRecording recording = new ExperimentRecording(recorder.writer(), name, e, null,
                measure == null ? 0 : measure.everyEpisodes(),
                measure == null ? 0 : measure.episodes());
        e.done().whenCompleteAsync((v, failure) -> {
            try {
                recording.end();
            } catch (InterruptedException x) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException x) {
                // closed with the window before its snapshots: the rows stay, unfinished
            }
        }, io);
    }

    /** The window closes: the run in progress is kept, deleted runs go for good. */
    void close() {
        if (runs != null) {
            runs.close();
        }
        closed = true;
        if (recorder != null) {
            RunLibrary lib = library;
            // the deleted runs go for good once the writer is done, before the library closes
            recorder.close(() -> {
                try {
                    lib.purgeTrash();
                } catch (LibraryException e) {
                    // they stay in the trash, hidden; the next close tries again
                }
            });
        }
        io.shutdown();
    }
}
