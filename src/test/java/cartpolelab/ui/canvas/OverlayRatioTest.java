package cartpolelab.ui.canvas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cartpolelab.train.Frame;
import org.junit.jupiter.api.Test;

/** The overlay says PPO's ρ and clipped term where they are known, and nothing else changes. */
class OverlayRatioTest {

    private static final Frame F = new Frame(0.1, 0, 0.02, 0, 1, 0.4, 0.6, 12.5, 7, 3, 7,
            false, false, false);

    @Test
    void ppoShowsRhoAndTheClippedTermOtherAlgorithmsDoNot() {
        Overlay.Explanation ppo = new Overlay.Explanation(true, "PPO", 20, 0.5, "\u00c2\u209c",
                1.25, 0.6);
        String line = Overlay.line(F, true, ppo);
        assertTrue(line.contains("\u03c1 1.250 \u00b7 clip(\u03c1)\u00c2 +0.60"), line);
        Overlay.Explanation a2c = new Overlay.Explanation(true, "A2C", 20, 0.5,
                "\u00c2\u209c");
        assertFalse(Overlay.line(F, true, a2c).contains("\u03c1"));
        assertEquals(Overlay.height(a2c) + 19, Overlay.height(ppo), 1e-9, "one row more");
        // a PPO step no update learned from yet: no ρ row
        Overlay.Explanation unknown = new Overlay.Explanation(true, "PPO", 20, 0.5,
                "\u00c2\u209c", Double.NaN, Double.NaN);
        assertEquals(Overlay.height(a2c), Overlay.height(unknown), 1e-9);
        assertFalse(Overlay.line(F, true, unknown).contains("\u03c1"));
    }
}
