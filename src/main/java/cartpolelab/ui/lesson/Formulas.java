package cartpolelab.ui.lesson;

import cartpolelab.ui.canvas.Term;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.Image;
import org.scilab.forge.jlatexmath.TeXConstants;
import org.scilab.forge.jlatexmath.TeXFormula;
import org.scilab.forge.jlatexmath.TeXIcon;

/**
 * Formulas typeset by JLaTeXMath (TeX's layout rules and fonts in Java2D), painted into an
 * image at twice the size asked for and shown at half, so they stay sharp when zoomed.
 *
 * <p>A chapter's TeX marks the terms the numbers panel shows with {@code \term{NAME}{tex}};
 * {@link #plain} drops the marks and {@link #spans} finds where each term lies across the
 * image: the width of the formula typeset up to the term's start and up to its end (terms
 * are written outside fractions and groups, so every prefix is a formula of its own).
 */
final class Formulas {

    private static final String MARK = "\\term{";

    /** Where a term lies in the image, in the image's pixels. */
    record Span(Term term, double from, double to) {
    }

    private Formulas() {
    }

    /** {@code tex} without its term marks. */
    static String plain(String tex) {
        StringBuilder out = new StringBuilder();
        parse(tex, out, null, 0);
        return out.toString();
    }

    /** The marked terms of {@code tex} typeset at {@code size} points, at twice that size. */
    static List<Span> spans(String tex, float size) {
        List<Span> spans = new ArrayList<>();
        parse(tex, new StringBuilder(), spans, size * 2);
        return spans;
    }

    private static void parse(String tex, StringBuilder out, List<Span> spans, float size) {
        int i = 0;
        while (i < tex.length()) {
            int m = tex.indexOf(MARK, i);
            if (m < 0) {
                out.append(tex, i, tex.length());
                return;
            }
            out.append(tex, i, m);
            int nameEnd = tex.indexOf('}', m);
            Term term = Term.valueOf(tex.substring(m + MARK.length(), nameEnd));
            int bodyStart = nameEnd + 2; // past "}{"
            int bodyEnd = closing(tex, bodyStart);
            double from = spans == null ? 0 : width(out.toString(), size);
            out.append(tex, bodyStart, bodyEnd);
            if (spans != null) {
                spans.add(new Span(term, from, width(out.toString(), size)));
            }
            i = bodyEnd + 1;
        }
    }

    /** The index of the brace closing the group that starts at {@code from}. */
    private static int closing(String tex, int from) {
        int depth = 1;
        for (int i = from; i < tex.length(); i++) {
            char c = tex.charAt(i);
            if (c == '\\') {
                i++; // an escaped character, e.g. \{ 
            } else if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return i;
            }
        }
        throw new IllegalArgumentException("unclosed \\term in " + tex);
    }

    private static double width(String tex, float size) {
        return tex.isBlank() ? 0
                : new TeXFormula(tex).createTeXIcon(TeXConstants.STYLE_DISPLAY, size)
                .getIconWidth();
    }

    /** {@code tex} (marks dropped) at {@code size} points, dark text or (dark theme) light. */
    static Image image(String tex, float size, boolean dark) {
        return SwingFXUtils.toFXImage(awt(tex, size * 2, dark), null);
    }

    /** {@code tex} (marks dropped) painted at {@code size} points on a transparent image. */
    static BufferedImage awt(String tex, float size, boolean dark) {
        TeXIcon icon = icon(tex, size, dark);
        BufferedImage img = new BufferedImage(Math.max(1, icon.getIconWidth()),
                Math.max(1, icon.getIconHeight()), BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING,
                RenderingHints.VALUE_ANTIALIAS_ON);
        icon.paintIcon(null, g, 0, 0);
        g.dispose();
        return img;
    }

    /** The typeset formula, for painting on any Graphics2D (the slide's SVG). */
    static TeXIcon icon(String tex, float size, boolean dark) {
        TeXIcon icon = new TeXFormula(plain(tex)).createTeXIcon(TeXConstants.STYLE_DISPLAY,
                size);
        icon.setForeground(dark ? new Color(0xE6EDF3) : new Color(0x1F2328));
        return icon;
    }
}
