package cartpolelab.ui;

import cartpolelab.library.LibraryException;
import cartpolelab.library.LibraryLocation;
import cartpolelab.library.LibraryWriter;
import cartpolelab.library.RunLibrary;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
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

    WindowLibrary(TrainingViewModel vm) {
        this.vm = vm;
    }

    /**
     * Opens {@code file} (the default library when null) on the I/O thread; {@code failed}
     * hears, on the FX thread, the one line that says why it cannot be used.
     */
    CompletableFuture<Void> open(Path file, java.util.function.Consumer<String> failed) {
        Path path = file != null ? file : LibraryLocation.defaultPath();
        CompletableFuture<Void> done = new CompletableFuture<>();
        io.execute(() -> {
            try {
                RunLibrary lib = RunLibrary.open(path);
                Platform.runLater(() -> {
                    use(lib, failed);
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

    private void use(RunLibrary lib, java.util.function.Consumer<String> failed) {
        library = lib;
        LibraryWriter writer = new LibraryWriter(lib, m -> Platform.runLater(
                () -> failed.accept(m)));
        recorder = new AppRecorder(writer, vm.run(), () -> vm.runSettingsProperty().get());
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
    void openRuns(Window owner, Dialogs dialogs) {
        if (library == null) {
            dialogs.showError("Run library", unavailable != null ? unavailable
                    : "The run library is still opening: try again in a moment");
            return;
        }
        if (runs == null) {
            runs = new RunsWindow(owner, library, io, dialogs, (snapshot, what) ->
                    vm.files().open(snapshot, what), CartPoleLabApp.STYLESHEET);
        }
        runs.show();
    }

    /** The window closes: the run in progress is kept, deleted runs go for good. */
    void close() {
        if (runs != null) {
            runs.close();
        }
        if (recorder != null) {
            RunLibrary lib = library;
            io.execute(() -> {
                try {
                    lib.purgeTrash();
                } catch (LibraryException e) {
                    // they stay in the trash, hidden; the next close tries again
                }
            });
            recorder.close();
        }
        io.shutdown();
    }
}
