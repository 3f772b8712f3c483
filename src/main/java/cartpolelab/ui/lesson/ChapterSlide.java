package cartpolelab.ui.lesson;

import cartpolelab.io.AtomicFiles;
import cartpolelab.io.Java2DSurface;
import cartpolelab.io.PlotFiles;
import cartpolelab.plot.Figure;
import cartpolelab.plot.PlotPainter;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGHints;
import org.scilab.forge.jlatexmath.TeXIcon;

/**
 * A chapter as a 16:9 slide (1280 × 720, PNG at twice that): its title, its formula typeset
 * by JLaTeXMath, its plain words, the chart the experiment drew and the caption computed from
 * it, on white whatever the window's theme (slides are projected on white). The SVG has the
 * formula's glyphs as outlines, so it needs none of JLaTeXMath's fonts to show.
 *
 * <p>Build it on the FX thread (the chart's figure is the one on screen), write it anywhere.
 */
final class ChapterSlide {

    static final int WIDTH = 1280;
    static final int HEIGHT = 720;
    private static final int MARGIN = 48;
    private static final Color TEXT = new Color(0x1F2328);
    private static final Color MUTED = new Color(0x57606A);

    private final PlotFiles.Format format;
    private final BufferedImage png;
    private final String svg;

    private ChapterSlide(PlotFiles.Format format, BufferedImage png, String svg) {
        this.format = format;
        this.png = png;
        this.svg = svg;
    }

    /** The slide for {@code file}'s format (.png or .svg; anything else is refused). */
    static ChapterSlide of(Path file, Chapter chapter, String caption, Figure chart)
            throws IOException {
        PlotFiles.Format format = PlotFiles.formatOf(file);
        if (format == PlotFiles.Format.SVG) {
            SVGGraphics2D g = new SVGGraphics2D(WIDTH, HEIGHT);
            g.setRenderingHint(SVGHints.KEY_DRAW_STRING_TYPE,
                    SVGHints.VALUE_DRAW_STRING_TYPE_VECTOR);
            paint(g, chapter, caption, chart);
            return new ChapterSlide(format, null, g.getSVGDocument());
        }
        BufferedImage image = new BufferedImage(WIDTH * 2, HEIGHT * 2,
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.scale(2, 2);
            paint(g, chapter, caption, chart);
        } finally {
            g.dispose();
        }
        return new ChapterSlide(format, image, null);
    }

    /** Writes the slide (atomically: a failed write leaves no half file). */
    void write(Path file) throws IOException {
        if (format == PlotFiles.Format.SVG) {
            AtomicFiles.writeSvg(file, svg);
        } else {
            AtomicFiles.writePng(file, png);
        }
    }

    /** The slide's picture (PNG only; null for SVG). */
    BufferedImage image() {
        return png;
    }

    /** The SVG document (null for PNG). */
    String svg() {
        return svg;
    }

    private static void paint(Graphics2D g, Chapter chapter, String caption, Figure chart) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING,
                RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        int textW = WIDTH - 2 * MARGIN;
        g.setColor(TEXT);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 30));
        double y = MARGIN + g.getFontMetrics().getAscent();
        g.drawString(chapter.title(), MARGIN, (float) y);
        y += 18;
        // the formula, narrowed to the slide when wider
        TeXIcon icon = Formulas.icon(chapter.tex(), 28, false);
        double k = Math.min(1, textW / (double) icon.getIconWidth());
        AffineTransform saved = g.getTransform();
        g.translate(MARGIN, y);
        g.scale(k, k);
        icon.paintIcon(null, g, 0, 0);
        g.setTransform(saved);
        y += icon.getIconHeight() * k + 16;
        Font words = new Font(Font.SANS_SERIF, Font.PLAIN, 18);
        y = paragraph(g, chapter.words(), words, TEXT, y, textW);
        Font captionFont = new Font(Font.SANS_SERIF, Font.ITALIC, 19);
        List<String> captionLines = wrap(g.getFontMetrics(captionFont), caption, textW);
        double lineH = g.getFontMetrics(captionFont).getHeight();
        double captionTop = HEIGHT - MARGIN - captionLines.size() * lineH;
        double chartTop = y + 12;
        double chartH = captionTop - 12 - chartTop;
        if (chart != null && chartH > 120) {
            chart.catchUp();
            double[] r = chart.fullRange();
            g.translate(MARGIN, chartTop);
            new PlotPainter().paint(new Java2DSurface(g), chart, textW, (int) chartH, r[0],
                    r[1]);
            g.setTransform(saved);
        }
        paragraph(g, caption, captionFont, MUTED, captionTop, textW);
    }

    /** {@code text} wrapped to {@code width} from {@code top}; returns the y below it. */
    private static double paragraph(Graphics2D g, String text, Font font, Color colour,
                                    double top, int width) {
        g.setFont(font);
        g.setColor(colour);
        FontMetrics fm = g.getFontMetrics();
        double y = top;
        for (String line : wrap(fm, text, width)) {
            g.drawString(line, MARGIN, (float) (y + fm.getAscent()));
            y += fm.getHeight();
        }
        return y;
    }

    /** Lines of whole words no wider than {@code width}. */
    static List<String> wrap(FontMetrics fm, String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            String next = line.isEmpty() ? word : line + " " + word;
            if (fm.stringWidth(next) > width && !line.isEmpty()) {
                lines.add(line.toString());
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(next);
            }
        }
        if (!line.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }
}
