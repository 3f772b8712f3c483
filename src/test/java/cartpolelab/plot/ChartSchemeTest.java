package cartpolelab.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The chart schemes: every palette colour has a stand-in, alpha is kept, others pass. */
class ChartSchemeTest {

    @Test
    void standardChangesNothingAndTheOthersMapEveryPaletteColourKeepingAlpha() {
        for (String hex : Palette.GROUPS) {
            int c = Palette.argb(hex, 0.25);
            assertEquals(c, ChartScheme.STANDARD.map(c));
            for (ChartScheme s : new ChartScheme[] {ChartScheme.HIGH_CONTRAST,
                ChartScheme.DARK, ChartScheme.DARK_HIGH_CONTRAST}) {
                assertNotEquals(c, s.map(c), s + " maps " + hex);
                assertEquals(c >>> 24, s.map(c) >>> 24, "alpha kept");
            }
        }
        int viridis = Palette.argb("#440154");
        assertEquals(viridis, ChartScheme.DARK.map(viridis), "the maps' scales pass unchanged");
    }

    @Test
    void groupColoursStayDistinctAndTextContrastsWithTheBackground() {
        for (ChartScheme s : ChartScheme.values()) {
            Set<Integer> seen = new HashSet<>();
            for (String hex : Palette.GROUPS) {
                assertTrue(seen.add(s.map(Palette.argb(hex))), s + ": " + hex + " repeats");
            }
            double bg = luminance(s.map(Palette.argb(Palette.BACKGROUND)));
            double text = luminance(s.map(Palette.argb(Palette.TEXT)));
            double ratio = (Math.max(bg, text) + 0.05) / (Math.min(bg, text) + 0.05);
            assertTrue(ratio >= (s.highContrast() ? 20 : 7), s + " text contrast " + ratio);
            assertEquals(s.dark(), bg < 0.2, s + " background");
        }
        assertEquals(ChartScheme.DARK_HIGH_CONTRAST, ChartScheme.of(true, true));
        assertEquals(ChartScheme.HIGH_CONTRAST, ChartScheme.of(false, true));
    }

    /** WCAG relative luminance of an sRGB colour. */
    private static double luminance(int argb) {
        double[] c = new double[3];
        for (int i = 0; i < 3; i++) {
            double v = (argb >> (16 - 8 * i) & 0xFF) / 255.0;
            c[i] = v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
    }
}
