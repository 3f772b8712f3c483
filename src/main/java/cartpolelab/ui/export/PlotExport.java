package cartpolelab.ui.export;

import cartpolelab.agent.Hyperparameters;
import cartpolelab.io.MetricsCsv;
import cartpolelab.io.PlotFiles;
import cartpolelab.metrics.EpisodeHistory;
import cartpolelab.metrics.GradientVarianceHistory;
import cartpolelab.plot.Figure;
import cartpolelab.plot.RunFigures;
import cartpolelab.plot.StepColumns;
import cartpolelab.plot.XAxis;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

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
                         double[] xRange, GradientVarianceHistory variance, XAxis axis)
        implements Picture {

    public PlotExport(EpisodeHistory history, int episodes, Hyperparameters settings,
                      int solvedAt, boolean stacked, int width, int height, double[] xRange) {
        this(history, episodes, settings, solvedAt, stacked, width, height, xRange, null,
                XAxis.EPISODES);
    }

    /** The same picture over {@code x} (episodes or environment steps), as the window shows. */
    public PlotExport over(XAxis x) {
        return new PlotExport(history, episodes, settings, solvedAt, stacked, width, height,
                xRange, variance, x);
    }

    /**
     * The gradient-variance chart of {@code g} instead, at the same size and range; written
     * with its measurements as CSV beside it ({@code name.csv}).
     */
    public PlotExport withVariance(GradientVarianceHistory g) {
        return new PlotExport(history, episodes, settings, solvedAt, false, width, height,
                xRange, g, axis);
    }

    /** The smallest picture written, in pixels at scale 1. */
    public static final int MIN_WIDTH = 640;
    public static final int MIN_HEIGHT = 360;

    /** The figure, built from the data (any thread). */
    public Figure figure() {
        RunFigures.Description d = PlotFiles.describe(settings, solvedAt);
        // a zoomed chart says so, with its range, on its subtitle line
        double unit = axis == XAxis.STEPS ? StepColumns.UNIT : 1;
        String zoom = xRange == null ? "" : String.format(Locale.ROOT,
                "  \u00b7  zoomed to %s %,d\u2013%,d", axis == XAxis.STEPS ? "steps" : "episodes",
                (long) Math.ceil(xRange[0] * unit), (long) Math.floor(xRange[1] * unit));
        if (variance != null) { // its subtitle line is the run's title
            return RunFigures.variance(history, variance, new RunFigures.Description(
                    d.title() + zoom, d.subtitle(), d.threshold(), d.solvedAt(), d.critic(),
                    d.ppo()),
                    axis);
        }
        d = new RunFigures.Description(d.title(), d.subtitle() + zoom, d.threshold(),
                d.solvedAt(), d.critic(), d.ppo());
        return stacked ? RunFigures.stacked(history, episodes, d, axis)
                : RunFigures.reward(history, episodes, d, axis);
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
        if (variance != null) {
            String name = file.getFileName().toString();
            int dot = name.lastIndexOf('.');
            MetricsCsv.writeGradientVariance(file.resolveSibling(
                    (dot > 0 ? name.substring(0, dot) : name) + ".csv"), variance);
        }
    }
}
