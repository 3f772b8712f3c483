package cartpolelab.ui.export;

import cartpolelab.agent.Hyperparameters;
import cartpolelab.io.PlotFiles;
import cartpolelab.metrics.EpisodeHistory;
import cartpolelab.plot.Figure;
import cartpolelab.plot.RunFigures;
import java.io.IOException;
import java.nio.file.Path;

/**
 * What Save plots writes, captured on the FX thread and painted from the data on the I/O
 * thread (no node snapshot): the first {@code episodes} episodes of {@code history}, the
 * reward chart or both charts stacked over one x axis, at the chart's on-screen size, the x
 * range the window shows (null: the whole run). PNG or SVG by the file's extension.
 *
 * @param solvedAt the episode the run was solved at, or -1
 */
public record PlotExport(EpisodeHistory history, int episodes, Hyperparameters settings,
                         int solvedAt, boolean stacked, int width, int height,
                         double[] xRange) implements Picture {

    /** The smallest picture written, in pixels at scale 1. */
    public static final int MIN_WIDTH = 640;
    public static final int MIN_HEIGHT = 360;

    /** The figure, built from the data (any thread). */
    public Figure figure() {
        RunFigures.Description d = PlotFiles.describe(settings, solvedAt);
        return stacked ? RunFigures.stacked(history, episodes, d)
                : RunFigures.reward(history, episodes, d);
    }

    @Override
    public void write(Path file) throws IOException {
        PlotFiles.formatOf(file);
        Figure f = figure();
        f.catchUp();
        double[] r = xRange == null ? f.fullRange() : xRange;
        int w = Math.max(MIN_WIDTH, width);
        int h = Math.max(stacked ? 2 * MIN_HEIGHT : MIN_HEIGHT, height);
        PlotFiles.write(file, f, w, h, r[0], r[1]);
    }
}
