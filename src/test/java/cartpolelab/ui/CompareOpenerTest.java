package cartpolelab.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Where Compare opens: beside the main window, which makes room when it must. */
class CompareOpenerTest {

    @Test
    void compareTakesTheFreeSideOrTheMainWindowNarrowsForIt() {
        // room on the right of a 1000-wide main window on a 1920 screen
        assertArrayEquals(new double[] {0, 1000, 1000, 920},
                CompareOpener.place(0, 1920, 0, 1000, 900, 1280));
        // room on the left only
        assertArrayEquals(new double[] {900, 1000, 0, 900},
                CompareOpener.place(0, 1920, 900, 1000, 900, 1280));
        // the default 1536-wide window centred on full HD: it narrows to 1160, Compare 760
        assertArrayEquals(new double[] {0, 1160, 1160, 760},
                CompareOpener.place(0, 1920, 192, 1536, 900, 1280));
        // a second screen to the right
        assertArrayEquals(new double[] {1920, 1160, 3080, 760},
                CompareOpener.place(1920, 1920, 2112, 1536, 900, 1280));
    }

    @Test
    void theyNeverOverlapWhereTheScreenHasRoomForBoth() {
        for (double screen = 1660; screen <= 3840; screen += 37) {
            for (double x = 0; x < screen - 900; x += 101) {
                double w = Math.min(screen - x, 1536);
                double[] p = CompareOpener.place(0, screen, x, w, 900, 1280);
                boolean apart = p[2] >= p[0] + p[1] - 1e-9 || p[2] + p[3] <= p[0] + 1e-9;
                assertTrue(apart, "screen " + screen + " main at " + x + ": "
                        + java.util.Arrays.toString(p));
                assertTrue(p[1] >= 900 && p[3] >= CompareOpener.MIN_COMPARE_WIDTH
                        && p[2] + p[3] <= screen + 1e-9 && p[0] >= 0, java.util.Arrays
                        .toString(p));
            }
        }
    }
}
