package cartpolelab.ui;

import cartpolelab.io.Checkpoint;
import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** {@link FileDialogs} with JavaFX's FileChooser; remembers the last folder used. */
public final class FxFileDialogs implements FileDialogs {

    private File lastFolder = new File(System.getProperty("user.dir"));

    @Override
    public Optional<Path> savePlots(Window owner) {
        return save(owner, "Save plots as PNG or SVG", "cartpole-plots.png",
                new FileChooser.ExtensionFilter("PNG image", "*.png"),
                new FileChooser.ExtensionFilter("SVG drawing", "*.svg"));
    }

    @Override
    public Optional<Path> exportCsv(Window owner) {
        return save(owner, "Export metrics as CSV", "cartpole-metrics.csv",
                new FileChooser.ExtensionFilter("CSV file", "*.csv"));
    }

    @Override
    public Optional<Path> saveCheckpoint(Window owner) {
        return save(owner, "Save checkpoint", "cartpole" + Checkpoint.EXTENSION,
                new FileChooser.ExtensionFilter("CartPole Lab checkpoint",
                        "*" + Checkpoint.EXTENSION),
                new FileChooser.ExtensionFilter("All files", "*"));
    }

    @Override
    public Optional<Path> loadCheckpoint(Window owner) {
        FileChooser chooser = chooser("Load checkpoint",
                new FileChooser.ExtensionFilter("CartPole Lab checkpoint",
                        "*" + Checkpoint.EXTENSION),
                new FileChooser.ExtensionFilter("All files", "*"));
        return remember(chooser.showOpenDialog(owner));
    }

    @Override
    public Optional<Path> openLibrary(Window owner) {
        FileChooser chooser = chooser("Open run library",
                new FileChooser.ExtensionFilter("Run library (SQLite)", "*.db", "*.sqlite"),
                new FileChooser.ExtensionFilter("All files", "*"));
        return remember(chooser.showOpenDialog(owner));
    }

    @Override
    public Optional<Path> savePyTorch(Window owner) {
        return save(owner, "Save networks for PyTorch", "model.safetensors",
                new FileChooser.ExtensionFilter("safetensors", "*.safetensors"));
    }

    @Override
    public Optional<Path> openPyTorch(Window owner) {
        return remember(chooser("Open PyTorch networks",
                new FileChooser.ExtensionFilter("safetensors", "*.safetensors"),
                new FileChooser.ExtensionFilter("All files", "*")).showOpenDialog(owner));
    }

    @Override
    public Optional<Path> saveGif(Window owner) {
        return save(owner, "Save the episode as GIF", "cartpole-episode.gif",
                new FileChooser.ExtensionFilter("GIF animation", "*.gif"));
    }

    private Optional<Path> save(Window owner, String title, String name,
                                FileChooser.ExtensionFilter... filters) {
        FileChooser chooser = chooser(title, filters);
        chooser.setInitialFileName(name);
        return remember(chooser.showSaveDialog(owner));
    }

    private FileChooser chooser(String title, FileChooser.ExtensionFilter... filters) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().addAll(filters);
        if (lastFolder != null && lastFolder.isDirectory()) {
            chooser.setInitialDirectory(lastFolder);
        }
        return chooser;
    }

    private Optional<Path> remember(File file) {
        if (file == null) {
            return Optional.empty();
        }
        lastFolder = file.getParentFile();
        return Optional.of(file.toPath());
    }
}
