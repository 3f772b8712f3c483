package cartpolelab.ui;

import cartpolelab.io.Checkpoint;
import cartpolelab.ui.export.PlotExporter;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.stage.Window;

/**
 * The window's file commands: ask for a path, give it its extension, hand the work to the view
 * model's {@link BackgroundWork}. FX thread; nothing here reads or writes a file itself.
 */
public final class FileActions {

    private final TrainingViewModel vm;
    private final FileDialogs dialogs;
    private final Supplier<Window> owner;
    private final Supplier<List<? extends Node>> plots;

    /**
     * @param owner the window the dialogs belong to (may supply null)
     * @param plots the charts to save as PNG, brought up to date
     */
    public FileActions(TrainingViewModel vm, FileDialogs dialogs, Supplier<Window> owner,
                       Supplier<List<? extends Node>> plots) {
        this.vm = Objects.requireNonNull(vm, "vm");
        this.dialogs = Objects.requireNonNull(dialogs, "dialogs");
        this.owner = Objects.requireNonNull(owner, "owner");
        this.plots = Objects.requireNonNull(plots, "plots");
    }

    /** Asks for a file and writes the charts as PNG. Ignored while a file operation runs. */
    public void savePlots() {
        if (vm.fileBusyProperty().get()) {
            return;
        }
        Optional<Path> chosen = dialogs.savePlots(owner.get());
        if (chosen.isPresent()) {
            vm.files().savePlots(plots.get(),
                    FileNames.withExtension(chosen.get(), PlotExporter.EXTENSION));
        }
    }

    public void exportCsv() {
        dialogs.exportCsv(owner.get()).ifPresent(
                p -> vm.files().exportCsv(FileNames.withExtension(p, ".csv")));
    }

    public void saveCheckpoint() {
        dialogs.saveCheckpoint(owner.get()).ifPresent(
                p -> vm.files().saveCheckpoint(FileNames.withExtension(p, Checkpoint.EXTENSION)));
    }

    public void loadCheckpoint() {
        dialogs.loadCheckpoint(owner.get()).ifPresent(p -> vm.files().loadCheckpoint(p));
    }
}
