package cartpolelab.ui;

import cartpolelab.io.Checkpoint;
import cartpolelab.io.EpisodeGif;
import cartpolelab.io.PlotFiles;
import cartpolelab.train.Frame;
import cartpolelab.train.RecordedEpisode;
import cartpolelab.ui.export.Picture;
import cartpolelab.ui.export.PlotExport;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.stage.Window;

/**
 * The window's file commands: ask for a path, give it its extension, hand the work to the view
 * model's {@link BackgroundWork}. FX thread; nothing here reads or writes a file itself.
 */
public final class FileActions {

    private final TrainingViewModel vm;
    private final FileDialogs dialogs;
    private final Supplier<Window> owner;
    private final Function<Boolean, PlotExport> plots;

    /**
     * @param owner the window the dialogs belong to (may supply null)
     * @param plots what Save plots writes: the reward chart (false) or both stacked (true)
     */
    public FileActions(TrainingViewModel vm, FileDialogs dialogs, Supplier<Window> owner,
                       Function<Boolean, PlotExport> plots) {
        this.vm = Objects.requireNonNull(vm, "vm");
        this.dialogs = Objects.requireNonNull(dialogs, "dialogs");
        this.owner = Objects.requireNonNull(owner, "owner");
        this.plots = Objects.requireNonNull(plots, "plots");
    }

    /** What "Network maps…" saves: the maps as shown, or null before they exist. */
    private Supplier<Picture> maps = () -> null;

    public void setMaps(Supplier<Picture> maps) {
        this.maps = Objects.requireNonNull(maps);
    }

    /** What "Gradient-variance chart…" saves. */
    private Supplier<PlotExport> variance = () -> null;

    public void setVariance(Supplier<PlotExport> variance) {
        this.variance = Objects.requireNonNull(variance);
    }

    /**
     * Asks for a file and writes the gradient-variance chart as PNG or SVG, and its
     * measurements as CSV beside it (same name, .csv).
     */
    public void saveVariance() {
        PlotExport picture = variance.get();
        if (picture != null) {
            savePicture(picture);
        }
    }

    /**
     * Asks for a file and writes the network maps as PNG or SVG (by the extension); nothing
     * before the first maps were computed.
     */
    public void saveMaps() {
        Picture picture = maps.get();
        if (picture != null) {
            savePicture(picture);
        }
    }

    /** Asks for a file and writes the reward chart as PNG or SVG (by the extension). */
    public void savePlots() {
        savePlots(false);
    }

    /**
     * Asks for a file and writes the reward chart, or both charts stacked, as PNG or SVG by
     * the extension chosen (none: PNG). Ignored while a file operation runs.
     */
    public void savePlots(boolean stacked) {
        savePicture(plots.apply(stacked));
    }

    private void savePicture(Picture picture) {
        if (vm.fileBusyProperty().get()) {
            return;
        }
        Optional<Path> chosen = dialogs.savePlots(owner.get());
        if (chosen.isPresent()) {
            Path file = PlotFiles.Format.of(chosen.get()) != null ? chosen.get()
                    : FileNames.withExtension(chosen.get(), PlotFiles.Format.PNG.extension);
            vm.files().savePlots(picture, file);
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

    /**
     * Asks for a file and writes {@code episode} (null: nothing shown, nothing done) as a GIF
     * on the I/O thread.
     *
     * @param stride       frames kept: 1 is real time, k the replay at ×k
     * @param canvasWidth  the width used when {@code choice} asks for the canvas's size
     */
    void saveGif(RecordedEpisode episode, ReplayBar.GifChoice choice,
                 int stride, double canvasWidth) {
        if (episode == null || vm.fileBusyProperty().get()) {
            return;
        }
        int width = choice.width() > 0 ? choice.width() : (int) Math.round(Math.max(
                EpisodeGif.MIN_WIDTH, Math.min(EpisodeGif.MAX_WIDTH, canvasWidth)));
        EpisodeGif.Options options = new EpisodeGif.Options(width,
                choice.atReplaySpeed() ? stride : 1, choice.overlay(),
                vm.settingsProperty().get().algorithm().displayName());
        EpisodeGif.Track track = track(episode);
        dialogs.saveGif(owner.get()).ifPresent(p -> vm.files().saveGif(
                FileNames.withExtension(p, ".gif"), track, options));
    }

    /** A recorded episode's frames for {@link EpisodeGif}. */
    static EpisodeGif.Track track(RecordedEpisode episode) {
        EpisodeGif.Track t = new EpisodeGif.Track(episode.episode());
        for (int k = 0; k <= episode.steps(); k++) {
            Frame f = episode.frame(k);
            t.add(f.x(), f.theta(), f.action(), f.probRight(), f.value(), f.episodeReward());
        }
        t.end(episode.fell());
        return t;
    }

    /** Asks for a file and writes the networks as the notebook's PyTorch model. */
    public void savePyTorch() {
        dialogs.savePyTorch(owner.get()).ifPresent(
                p -> vm.files().savePyTorch(FileNames.withExtension(p, ".safetensors")));
    }

    /** Asks for a PyTorch model of the notebook's layout and opens it as a new run. */
    public void openPyTorch() {
        dialogs.openPyTorch(owner.get()).ifPresent(p -> vm.files().openPyTorch(p));
    }
}
