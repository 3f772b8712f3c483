package cartpolelab.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.stage.Window;

/** File dialogs that answer with preset paths, and dialogs that record what they were told. */
public final class TestDialogs implements FileDialogs, Dialogs {

    public volatile Path plots;
    public volatile Path csv;
    public volatile Path checkpointSave;
    public volatile Path checkpointLoad;
    public volatile Path pytorchSave;
    public volatile Path pytorchOpen;
    public volatile Path gif;
    public volatile Path library;
    public final List<String> errors = new CopyOnWriteArrayList<>();
    final List<String> questions = new CopyOnWriteArrayList<>();
    /** What the user answers when asked to confirm. */
    volatile boolean confirmAnswer = true;

    @Override
    public Optional<Path> savePlots(Window owner) {
        return Optional.ofNullable(plots);
    }

    @Override
    public Optional<Path> exportCsv(Window owner) {
        return Optional.ofNullable(csv);
    }

    @Override
    public Optional<Path> saveCheckpoint(Window owner) {
        return Optional.ofNullable(checkpointSave);
    }

    @Override
    public Optional<Path> loadCheckpoint(Window owner) {
        return Optional.ofNullable(checkpointLoad);
    }

    @Override
    public Optional<Path> savePyTorch(Window owner) {
        return Optional.ofNullable(pytorchSave);
    }

    @Override
    public Optional<Path> openPyTorch(Window owner) {
        return Optional.ofNullable(pytorchOpen);
    }

    @Override
    public Optional<Path> openLibrary(Window owner) {
        return Optional.ofNullable(library);
    }

    @Override
    public Optional<Path> saveGif(Window owner) {
        return Optional.ofNullable(gif);
    }

    @Override
    public void showError(String title, String message) {
        errors.add(title + ": " + message);
    }

    @Override
    public boolean confirm(String title, String message, String action) {
        questions.add(title + ": " + message);
        return confirmAnswer;
    }
}
