package cartpolelab.ui;

import java.nio.file.Path;
import java.util.Optional;
import javafx.stage.Window;

/**
 * Asks the user for file paths. The app uses {@link FxFileDialogs} (native FileChooser);
 * tests supply paths directly, since a native dialog cannot be driven headless.
 */
public interface FileDialogs {

    /** Where to save the plots as PNG; empty if cancelled. */
    Optional<Path> savePlots(Window owner);

    /** Where to write the metrics CSV. */
    Optional<Path> exportCsv(Window owner);

    /** Where to save a checkpoint. */
    Optional<Path> saveCheckpoint(Window owner);

    /** Which checkpoint to load. */
    Optional<Path> loadCheckpoint(Window owner);

    /** Where to save the networks for PyTorch (.safetensors). */
    Optional<Path> savePyTorch(Window owner);

    /** Which PyTorch networks (.safetensors) to open. */
    Optional<Path> openPyTorch(Window owner);

    /** Where to save an episode as GIF. */
    Optional<Path> saveGif(Window owner);

    /** A run library file to open (an SQLite {@code .db}); none by default. */
    default Optional<Path> openLibrary(Window owner) {
        return Optional.empty();
    }
}
