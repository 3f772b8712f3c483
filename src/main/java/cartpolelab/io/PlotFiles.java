package cartpolelab.io;

import cartpolelab.agent.Algorithm;
import cartpolelab.agent.Hyperparameters;
import cartpolelab.metrics.EpisodeHistory;
import cartpolelab.metrics.RunProgress;
import cartpolelab.plot.Figure;
import cartpolelab.plot.PlotPainter;
import cartpolelab.plot.RunFigures;
import cartpolelab.plot.Surface;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.jfree.svg.SVGGraphics2D;

/**
 * Plots as files, painted by the same {@link PlotPainter} as the window: PNG (through
 * {@code ImageIO}) or SVG (through JFreeSVG), chosen by the file's extension, written
 * atomically. Works without a display and off the FX thread.
 */
public final class PlotFiles {

    /** A file type plots can be written as. */
    public enum Format {
        PNG(".png"), SVG(".svg");

        public final String extension;

        Format(String extension) {
            this.extension = extension;
        }

        /** The format named by {@code file}'s extension, or null for any other. */
        public static Format of(Path file) {
            String name = file.getFileName() == null ? ""
                    : file.getFileName().toString().toLowerCase(Locale.ROOT);
            for (Format f : values()) {
                if (name.endsWith(f.extension)) {
                    return f;
                }
            }
            return null;
        }
    }

    /** The size of {@code train --png}'s reward chart, in pixels at scale 1. */
    public static final int DEFAULT_WIDTH = 1100;
    public static final int DEFAULT_HEIGHT = 520;
    /** PNG files are painted at this scale: sharp in print and on high-density screens. */
    public static final double PNG_SCALE = 2;

    private PlotFiles() {
    }

    /** Title of the run's figures: "CartPole-v0 · A2C · seed 1". */
    public static String title(Hyperparameters hp) {
        return hp.version().id() + " \u00b7 " + hp.algorithm().displayName() + " \u00b7 seed "
                + hp.seed();
    }

    /**
     * The other settings, for the subtitle: those the algorithm uses (REINFORCE and its
     * baseline have no entropy bonus and learn from whole episodes, so their subtitle names
     * no coefficient and no n steps).
     */
    public static String subtitle(Hyperparameters hp) {
        return subtitle(hp, List.of(hp.algorithm()));
    }

    /**
     * The shared settings of a grid of {@code algorithms} run from {@code hp}: the entropy
     * coefficient and the n steps only when one of them uses it (a REINFORCE-only grid names
     * neither).
     */
    public static String subtitle(Hyperparameters hp,
                                  Collection<Algorithm> algorithms) {
        String entropy = algorithms.stream().anyMatch(Algorithm::usesEntropy)
                ? "  ·  entropy " + plain(hp.entropyCoefficient()) : "";
        String s = String.format(Locale.ROOT, "hidden %d  ·  lr %s  ·  γ %s%s  ·  "
                + "max steps %d", hp.hiddenSize(), plain(hp.learningRate()), plain(hp.discount()),
                entropy, hp.maxSteps());
        boolean nSteps = hp.nSteps() > 0 && algorithms.stream()
                .anyMatch(Algorithm::supportsNSteps);
        return nSteps ? s + "  ·  " + hp.nSteps() + "-step" : s;
    }

    /**
     * The settings of an experiment's grid on {@code base}: the base's, or for a sweep of
     * presets (each with its own network, optimiser and γ) only what they share.
     */
    public static String subtitle(Hyperparameters base, boolean presetSweep,
                                  Collection<Algorithm> algorithms) {
        return presetSweep ? "each preset's own settings  \u00b7  max steps " + base.maxSteps()
                : subtitle(base, algorithms);
    }

    /** 3e-4 as "0.0003", not "3.0E-4". */
    private static String plain(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    /** What the figures say about a run of {@code hp} solved at {@code solvedAt} (or -1). */
    public static RunFigures.Description describe(Hyperparameters hp, int solvedAt) {
        return new RunFigures.Description(title(hp), subtitle(hp),
                hp.version().solvedThreshold(), solvedAt, hp.algorithm().usesCritic(),
                hp.algorithm().clipped());
    }

    /** Describes a finished history, working out where it was solved. */
    public static RunFigures.Description describe(Hyperparameters hp, EpisodeHistory h) {
        return describe(hp, RunProgress.of(h, hp.version().solvedThreshold())
                .solvedAtEpisode());
    }

    /** Refuses a file that is neither .png nor .svg, naming both. */
    public static Format formatOf(Path file) throws IOException {
        Format f = Format.of(file);
        if (f == null) {
            throw new IOException("cannot write " + file + " as a plot: use a .png or .svg "
                    + "file name");
        }
        return f;
    }

    /**
     * Paints {@code figure} at {@code width} × {@code height} (scale 1 pixels), showing x from
     * {@code xFrom} to {@code xTo}, and writes it as PNG (at {@link #PNG_SCALE}) or SVG.
     */
    public static void write(Path file, Figure figure, int width, int height, double xFrom,
                             double xTo) throws IOException {
        write(file, formatOf(file), figure, width, height, xFrom, xTo);
    }

    /** As {@link #write(Path, Figure, int, int, double, double)}, in the given format. */
    public static void write(Path file, Format format, Figure figure, int width, int height,
                             double xFrom, double xTo) throws IOException {
        if (format == Format.SVG) {
            AtomicFiles.writeSvg(file, svg(figure, width, height, xFrom, xTo));
        } else {
            AtomicFiles.writePng(file, png(figure, width, height, PNG_SCALE, xFrom, xTo));
        }
    }

    /** Writes the whole run shown by {@code figure}. */
    public static void write(Path file, Figure figure, int width, int height)
            throws IOException {
        write(file, formatOf(file), figure, width, height);
    }

    /** Writes the whole run shown by {@code figure} in the given format. */
    public static void write(Path file, Format format, Figure figure, int width, int height)
            throws IOException {
        figure.catchUp();
        double[] r = figure.fullRange();
        write(file, format, figure, width, height, r[0], r[1]);
    }

    /**
     * Writes whatever {@code paint} draws on a {@code width} × {@code height} surface (scale 1
     * pixels) as PNG (at {@link #PNG_SCALE}) or SVG, by {@code file}'s extension.
     */
    public static void write(Path file, int width, int height,
                             Consumer<Surface> paint)
            throws IOException {
        if (formatOf(file) == Format.SVG) {
            SVGGraphics2D g = new SVGGraphics2D(width, height);
            paint.accept(new Java2DSurface(g));
            AtomicFiles.writeSvg(file, g.getSVGDocument());
            return;
        }
        BufferedImage image = new BufferedImage((int) Math.ceil(width * PNG_SCALE),
                (int) Math.ceil(height * PNG_SCALE), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.scale(PNG_SCALE, PNG_SCALE);
            paint.accept(new Java2DSurface(g));
        } finally {
            g.dispose();
        }
        AtomicFiles.writePng(file, image);
    }

    /** The figure as an image of (width·scale) × (height·scale) pixels. */
    public static BufferedImage png(Figure figure, int width, int height, double scale,
                                    double xFrom, double xTo) {
        figure.catchUp();
        BufferedImage image = new BufferedImage((int) Math.ceil(width * scale),
                (int) Math.ceil(height * scale), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.scale(scale, scale);
            new PlotPainter().paint(new Java2DSurface(g), figure, width, height, xFrom, xTo);
        } finally {
            g.dispose();
        }
        return image;
    }

    /** The figure as an SVG document. */
    public static String svg(Figure figure, int width, int height, double xFrom, double xTo) {
        figure.catchUp();
        SVGGraphics2D g = new SVGGraphics2D(width, height);
        new PlotPainter().paint(new Java2DSurface(g), figure, width, height, xFrom, xTo);
        return g.getSVGDocument();
    }
}
