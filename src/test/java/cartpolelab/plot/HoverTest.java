package cartpolelab.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The hover readout names the faint run under the pointer, and only that one. */
class HoverTest {

    private static Figure twoRuns() {
        double[] low = new double[40];
        double[] high = new double[40];
        java.util.Arrays.fill(low, 10);
        java.util.Arrays.fill(high, 100);
        Panel p = new Panel("Reward", 1)
                .add(new Series(null, Column.of(low), 0x40FF0000, 0.8, null, Series.Kind.FAINT)
                        .tagged("a2c-s1"))
                .add(new Series(null, Column.of(high), 0x40FF0000, 0.8, null,
                        Series.Kind.FAINT).tagged("a2c-s2"));
        Figure f = new Figure("t", "s", "Episode").add(p);
        f.catchUp();
        return f;
    }

    @Test
    void theRunUnderThePointerIsNamedWithItsValue() {
        Figure f = twoRuns();
        RecordingSurface s = new RecordingSurface();
        Layout l = new PlotPainter().paint(s, f, 600, 300);
        List<String> near = Hover.paint(s, l, f, 19, true, List.of(f), l.py(0, 100) + 3);
        assertEquals(List.of("Episode 20", "a2c-s2  100"), near);
        List<String> other = Hover.paint(s, l, f, 19, true, List.of(f), l.py(0, 10) - 2);
        assertEquals(List.of("Episode 20", "a2c-s1  10"), other);
        List<String> between = Hover.paint(s, l, f, 19, true, List.of(f),
                (l.py(0, 10) + l.py(0, 100)) / 2);
        assertEquals(List.of("Episode 20"), between, "no run within "
                + Hover.NEAR + " px: none named");
        assertTrue(Hover.paint(s, l, f, 19, true, List.of(f), Double.NaN).size() == 1);
    }
}
