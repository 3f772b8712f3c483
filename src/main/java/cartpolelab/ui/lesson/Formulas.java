package cartpolelab.ui.lesson;

import java.awt.Color;
import java.awt.image.BufferedImage;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.Image;
import org.scilab.forge.jlatexmath.TeXConstants;
import org.scilab.forge.jlatexmath.TeXFormula;
import org.scilab.forge.jlatexmath.TeXIcon;

/**
 * Formulas typeset by JLaTeXMath (TeX's layout rules and fonts in Java2D), painted into an
 * image at twice the size asked for and shown at half, so they stay sharp when zoomed.
 */
final class Formulas {

    private Formulas() {
    }

    /** {@code tex} at {@code size} points, dark text or (for the dark theme) light. */
    static Image image(String tex, float size, boolean dark) {
        TeXIcon icon = new TeXFormula(tex).createTeXIcon(TeXConstants.STYLE_DISPLAY, size * 2);
        icon.setForeground(dark ? new Color(0xE6EDF3) : new Color(0x1F2328));
        BufferedImage img = new BufferedImage(Math.max(1, icon.getIconWidth()),
                Math.max(1, icon.getIconHeight()), BufferedImage.TYPE_INT_ARGB);
        var g = img.createGraphics();
        g.setRenderingHint(java.awt.RenderingHints.KEY_ANTIALIASING,
                java.awt.RenderingHints.VALUE_ANTIALIAS_ON);
        icon.paintIcon(null, g, 0, 0);
        g.dispose();
        return SwingFXUtils.toFXImage(img, null);
    }
}
