package cartpolelab.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Compare's variance chart: 9 lines, each visible, named by a legend of 6 short entries. */
class VarianceChartTest {

    private static double[] flat(double v) {
        double[] x = new double[200];
        Arrays.fill(x, v);
        return x;
    }

    private static Figure chart() {
        // A2C's baseline line and the baseline group's coincide: same values
        List<CompareFigures.VarianceGroup> groups = List.of(
                new CompareFigures.VarianceGroup("A2C", flat(100), flat(40), flat(5)),
                new CompareFigures.VarianceGroup("REINFORCE + baseline", flat(100), flat(40),
                        flat(6)),
                new CompareFigures.VarianceGroup("REINFORCE", flat(90), flat(40), flat(7)));
        Figure f = CompareFigures.variance(groups, new CompareFigures.Description(
                "CartPole-v0 · 3 algorithms × 10 seeds", "", 195, "mean", "ci"));
        f.catchUp();
        return f;
    }

    @Test
    void theLegendNamesColoursAndDashesOnceEachInTwoRowsAt900Px() {
        RecordingSurface s = new RecordingSurface();
        Figure f = chart();
        Layout l = new PlotPainter().paint(s, f, 900, 420);
        // the legend names the dashes; the subtitle no longer repeats them as "solid:
        // REINFORCE", which read as the REINFORCE group's colour
        assertTrue(!f.subtitle.contains("solid"), f.subtitle);
        List<RecordingSurface.Text> legend = s.texts.stream()
                .filter(t -> t.y() < l.tops[0] && t.size() == PlotPainter.LEGEND_SIZE
                        && !t.text().equals(f.subtitle)).toList();
        assertEquals(List.of("A2C", "REINFORCE + baseline", "REINFORCE", "G\u209c",
                "G\u209c \u2212 V(s)", "TD \u03b4\u209c"), legend.stream().map(RecordingSurface.Text::text).toList());
        long rows = legend.stream().mapToDouble(RecordingSurface.Text::y).distinct().count();
        assertTrue(rows <= 2, rows + " legend rows");
    }

    @Test
    void linesPaintedFirstAreWiderSoCoincidingLinesStillShow() {
        Figure f = chart();
        List<Series> series = f.panels().get(0).series();
        assertEquals(9, series.size());
        for (int g = 0; g < 2; g++) {
            double under = series.get(3 * g + 1).width;
            double over = series.get(3 * (g + 1) + 1).width;
            assertTrue(under >= over + 1, "group " + g + "'s line (" + under
                    + ") shows around the next group's (" + over + ")");
        }
    }
}
