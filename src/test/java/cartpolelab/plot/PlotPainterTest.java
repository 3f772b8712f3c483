package cartpolelab.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The painter against a recording surface: what is drawn where. */
class PlotPainterTest {

    private static final int NOISY = Palette.argb(Palette.REWARD);
    private static final int SMOOTH = Palette.argb(Palette.MOVING_AVERAGE);

    private static Figure figure(double[] noisy, double[] smooth) {
        Panel p = new Panel("Reward", 1)
                .add(new Series("Episode reward", Column.of(noisy), NOISY, 1, null,
                        Series.Kind.NOISY))
                .add(new Series("Moving average (50)", Column.of(smooth), SMOOTH, 2, null,
                        Series.Kind.SMOOTH))
                .add(new Panel.Threshold(195, "Solved (195)", Palette.argb(Palette.THRESHOLD)));
        Figure f = new Figure("title", "subtitle", "Episode").add(p);
        f.catchUp();
        return f;
    }

    /** The x tick labels: texts on one baseline below the plot. */
    private static List<RecordingSurface.Text> xLabels(RecordingSurface s, Layout l) {
        double below = l.bottoms[l.bottoms.length - 1];
        return s.texts.stream().filter(t -> t.y() > below && t.y() < below + 30).toList();
    }

    @Test
    void xTickLabelsNeverOverlapAndNeverRepeatForWidths300To3000AndRanges1To1e7() {
        PlotPainter painter = new PlotPainter();
        for (int width = 300; width <= 3000; width += 100) {
            for (double span : new double[] {1, 2, 7, 10, 15, 99, 1001, 1234, 2000, 9999,
                10_001, 99_999, 123_456, 1e6, 2.5e6, 9_999_999, 1e7}) {
                for (double from : new double[] {0, 3, 997}) {
                    RecordingSurface s = new RecordingSurface();
                    Layout l = painter.paint(s, figure(new double[] {1, 2}, new double[] {1, 2}),
                            width, 400, from, from + span);
                    List<RecordingSurface.Text> labels = xLabels(s, l).stream()
                            .filter(t -> !t.text().equals("Episode"))
                            .sorted((a, b) -> Double.compare(a.x(), b.x())).toList();
                    String where = "width " + width + ", x " + from + " to " + (from + span)
                            + ": " + labels.stream().map(RecordingSurface.Text::text).toList();
                    assertTrue(labels.size() >= 2 || span < 2, "at least two ticks, " + where);
                    for (int i = 1; i < labels.size(); i++) {
                        RecordingSurface.Text a = labels.get(i - 1);
                        RecordingSurface.Text b = labels.get(i);
                        assertTrue(a.x() + a.width() + 8 <= b.x(), "overlap at " + where);
                        assertTrue(!a.text().equals(b.text()), "repeated label, " + where);
                    }
                }
            }
        }
    }

    @Test
    void yTickLabelsNeverOverlap() {
        PlotPainter painter = new PlotPainter();
        for (int height = 150; height <= 1500; height += 50) {
            for (double top : new double[] {1e-4, 0.69, 3, 500, 12_345, 1e7}) {
                RecordingSurface s = new RecordingSurface();
                Layout l = painter.paint(s, figure(new double[] {0, top}, new double[] {0, top}),
                        800, height, 0, 10);
                List<Double> ys = s.texts.stream()
                        .filter(t -> t.x() + t.width() <= l.left && t.y() >= l.tops[0] - 10
                                && t.y() <= l.bottoms[0] + 10)
                        .map(RecordingSurface.Text::y).sorted().toList();
                for (int i = 1; i < ys.size(); i++) {
                    assertTrue(ys.get(i) - ys.get(i - 1) >= PlotPainter.TICK_SIZE,
                            "height " + height + ", top " + top + ": " + ys);
                }
            }
        }
    }

    @Test
    void aSingleSpikeAmongAMillionPointsIsDrawn() {
        double[] noisy = new double[1_000_000];
        Arrays.fill(noisy, 20);
        noisy[612_345] = 500;
        noisy[77_777] = -40;
        RecordingSurface s = new RecordingSurface();
        Layout l = new PlotPainter().paint(s, figure(noisy, noisy.clone()), 1100, 500);
        RecordingSurface.Polyline line = s.polylines.stream().filter(p -> p.argb() == NOISY)
                .findFirst().orElseThrow();
        double top = Arrays.stream(line.ys()).min().orElseThrow();
        double bottom = Arrays.stream(line.ys()).max().orElseThrow();
        assertEquals(l.py(0, 500), top, 1e-6, "the spike reaches 500");
        assertEquals(l.py(0, -40), bottom, 1e-6, "the dip reaches -40");
        assertTrue(line.xs().length <= 2 * 1100, "at most two points a pixel column");
    }

    @Test
    void theMovingAverageIsOneThinPolylineOfItsOwnValues() {
        Random random = new Random(5);
        double[] noisy = random.doubles(200_000, 0, 200).toArray();
        double[] smooth = new double[noisy.length];
        for (int i = 0; i < smooth.length; i++) {
            smooth[i] = 100 + 50 * Math.sin(i / 20_000.0);
        }
        RecordingSurface s = new RecordingSurface();
        Layout l = new PlotPainter().paint(s, figure(noisy, smooth), 1000, 500);
        List<RecordingSurface.Polyline> lines = s.polylines.stream()
                .filter(p -> p.argb() == SMOOTH).toList();
        assertEquals(1, lines.size(), "one polyline");
        RecordingSurface.Polyline ma = lines.get(0);
        assertTrue(ma.xs().length <= 1000, "one point per pixel column at most");
        for (int k = 1; k < ma.xs().length; k++) {
            assertTrue(ma.xs()[k] > ma.xs()[k - 1], "x strictly increases: no min/max band");
            assertTrue(Math.abs(ma.ys()[k] - ma.ys()[k - 1]) < 2, "smooth stays smooth");
        }
        assertTrue(ma.ys()[0] <= l.py(0, 99) && ma.ys()[0] >= l.py(0, 101));
    }

    @Test
    void theLegendGetsItsOwnRowsAboveThePlotWhenNarrow() {
        RecordingSurface s = new RecordingSurface();
        Layout l = new PlotPainter().paint(s, figure(new double[] {1, 2, 3},
                new double[] {1, 2, 3}), 300, 400);
        for (String label : List.of("Episode reward", "Moving average (50)", "Solved (195)")) {
            RecordingSurface.Text t = s.texts.stream().filter(x -> x.text().equals(label))
                    .findFirst().orElseThrow(() -> new AssertionError(label + " missing"));
            assertTrue(t.y() < l.tops[0], label + " above the plot");
            assertTrue(t.x() + t.width() <= 300, label + " inside the picture");
        }
    }

    @Test
    void aBandIsFilledAndStacksShareOneXAxis() {
        double[] lo = new double[3000];
        double[] hi = new double[3000];
        Arrays.fill(hi, 10);
        Panel a = new Panel("a", 2).add(new Band("10–90 %", Column.of(lo), Column.of(hi),
                Palette.argb(Palette.REWARD, 0.2)));
        Panel b = new Panel("b", 1).add(new Series("b", Column.of(hi), NOISY, 1, null,
                Series.Kind.NOISY));
        Figure f = new Figure("t", null, "Episode").add(a).add(b);
        f.catchUp();
        RecordingSurface s = new RecordingSurface();
        Layout l = new PlotPainter().paint(s, f, 900, 600);
        assertEquals(1, s.polygons.size());
        assertEquals(2, l.tops.length);
        assertTrue(l.bottoms[0] - l.tops[0] > 1.5 * (l.bottoms[1] - l.tops[1]), "weights");
        assertEquals(1, s.texts.stream().filter(t -> t.text().equals("3,000")).count(),
                "x tick labels once, under the last panel");
    }

    /**
     * Thirty faint runs over a noisy main series: each run is one polyline of at most one
     * point per three pixel columns, each point the mean of the episodes under it; the main
     * series in the same panel still shows its one spike (faint is opt-in, per series).
     */
    @Test
    void faintRunsAreCoarserMeansWhileTheMainSeriesKeepsItsSpike() {
        int faint = Palette.argb(Palette.REWARD, 0.15);
        Random random = new Random(3);
        Panel p = new Panel("Reward", 1);
        double[][] runs = new double[30][];
        for (int r = 0; r < runs.length; r++) {
            runs[r] = random.doubles(3000, 0, 200).toArray();
            p.add(new Series(null, Column.of(runs[r]), faint, 1, null, Series.Kind.FAINT));
        }
        double[] main = new double[3000];
        Arrays.fill(main, 50);
        main[1234] = 900;
        p.add(new Series("Mean", Column.of(main), NOISY, 2, null, Series.Kind.NOISY));
        Figure f = new Figure("t", null, "Episode").add(p);
        f.catchUp();
        RecordingSurface s = new RecordingSurface();
        Layout l = new PlotPainter().paint(s, f, 1100, 500);

        List<RecordingSurface.Polyline> lines = s.polylines.stream()
                .filter(x -> x.argb() == faint).toList();
        assertEquals(30, lines.size(), "one path per run");
        double plotWidth = l.right - l.left;
        for (int r = 0; r < 30; r++) {
            RecordingSurface.Polyline line = lines.get(r);
            int n = line.xs().length;
            assertTrue(n <= plotWidth / Series.FAINT_PIXELS + 2 && n >= plotWidth / 4,
                    n + " points over " + plotWidth + " px");
            for (int k = 1; k < n; k++) {
                assertTrue(line.xs()[k] - line.xs()[k - 1] >= Series.FAINT_PIXELS - 0.5,
                        "at least three pixels apart");
            }
            // a point is the mean of the episodes it stands for: the values vary 0..200,
            // the means of ~9 of them stay well inside
            int k = n / 2;
            double from = l.xAt(line.xs()[k] - Series.FAINT_PIXELS / 2.0);
            double to = l.xAt(line.xs()[k] + Series.FAINT_PIXELS / 2.0);
            double sum = 0;
            int count = 0;
            for (int i = (int) Math.ceil(from) - 1; i < Math.ceil(to) - 1; i++) {
                sum += runs[r][i];
                count++;
            }
            assertEquals(l.py(0, sum / count), line.ys()[k], 1e-6, "run " + r + ", point " + k);
        }
        RecordingSurface.Polyline spiky = s.polylines.stream().filter(x -> x.argb() == NOISY)
                .findFirst().orElseThrow();
        assertEquals(l.py(0, 900), Arrays.stream(spiky.ys()).min().orElseThrow(), 1e-6,
                "the main series still reaches its spike");
    }

    /** "solved at …" sits in a strip above the plot, beside its line: never over the data. */
    @Test
    void theSolvedAtLabelIsDrawnAboveTheDataNotOverIt() {
        double[] r = new double[300];
        for (int e = 0; e < r.length; e++) {
            r[e] = e % 2 == 0 ? 200 : 10; // data over the whole height
        }
        for (double at : new double[] {20, 150, 295}) {
            Figure f = figure(r, r);
            f.panels().get(0).add(new Panel.Marker(at, "solved at " + (int) at,
                    Palette.argb(Palette.THRESHOLD)));
            f.catchUp();
            RecordingSurface s = new RecordingSurface();
            Layout l = new PlotPainter().paint(s, f, 700, 400);
            RecordingSurface.Text t = s.texts.stream()
                    .filter(x -> x.text().startsWith("solved at")).findFirst().orElseThrow();
            assertTrue(t.y() <= l.tops[0], "label baseline " + t.y() + " above the plot's top "
                    + l.tops[0]);
            assertTrue(t.y() - t.size() > l.tops[0] - PlotPainter.MARKER_STRIP - 2,
                    "and below the legend's strip");
            assertTrue(t.x() >= l.left && t.x() + t.width() <= l.right + 1, "within the plot's width");
        }
    }

    /**
     * Runs that stop close together (Compare's "N=5", "N=4", … where each run stops when
     * solved): no two marker labels overlap; the first of a cluster keeps its label.
     */
    @Test
    void markerLabelsCloseTogetherNeverOverlap() {
        double[] r = new double[300];
        Arrays.fill(r, 100);
        Figure f = figure(r, r);
        for (int k = 5; k >= 1; k--) {
            f.panels().get(0).add(new Panel.Marker(100 + (5 - k) * 2, "N=" + k,
                    Palette.argb(Palette.THRESHOLD)));
        }
        f.panels().get(0).add(new Panel.Marker(250, "N=9", Palette.argb(Palette.THRESHOLD)));
        f.catchUp();
        RecordingSurface s = new RecordingSurface();
        new PlotPainter().paint(s, f, 700, 400);
        List<RecordingSurface.Text> labels = s.texts.stream()
                .filter(t -> t.text().startsWith("N=")).sorted(
                        java.util.Comparator.comparingDouble(RecordingSurface.Text::x)).toList();
        assertTrue(labels.stream().anyMatch(t -> t.text().equals("N=5")), "first kept");
        assertTrue(labels.stream().anyMatch(t -> t.text().equals("N=9")), "a far one kept");
        for (int i = 1; i < labels.size(); i++) {
            RecordingSurface.Text a = labels.get(i - 1);
            RecordingSurface.Text b = labels.get(i);
            assertTrue(a.x() + a.width() <= b.x(), a.text() + " runs into " + b.text());
        }
    }

    /**
     * The losses card at 900 × 600: three short panels. A y label is whole words or absent,
     * never "E…"; the x axis has its tick labels and one "Episode", under the last panel.
     */
    @Test
    void yLabelsOfShortPanelsAreWholeWordsOrNone() {
        Figure f = new Figure("Losses and entropy", "sub", "Episode");
        for (String name : List.of("Actor loss", "Critic loss", "Entropy")) {
            f.add(new Panel(name, 1).add(new Series(name, Column.of(new double[] {1, 2, 3}),
                    NOISY, 1, null, Series.Kind.NOISY)));
        }
        f.catchUp();
        for (double h : new double[] {120, 150, 200, 230, 400}) {
            RecordingSurface s = new RecordingSurface();
            Layout l = new PlotPainter().paint(s, f, 210, h);
            for (RecordingSurface.Text t : s.verticals) {
                assertFalse(t.text().contains("\u2026"), t.text() + " at height " + h);
                assertTrue(List.of("Actor", "Actor loss", "Critic", "Critic loss", "Entropy")
                        .contains(t.text()), t.text());
            }
            assertTrue(l.bottoms[2] - l.tops[2] < 80 || s.verticals.size() == 3,
                    "tall panels are all labelled at " + h);
            if (h < 230) { // cramped (1280 × 720 at 150 %): "Episode" under the panels or none
                assertTrue(s.texts.stream().filter(t -> t.text().equals("Episode"))
                        .allMatch(t -> t.y() - t.size() > l.bottoms[2]), "no label over a panel");
                continue;
            }
            assertTrue(xLabels(s, l).size() >= 2, "x tick labels under the card at " + h);
            assertEquals(1, s.texts.stream().filter(t -> t.text().equals("Episode")).count());
            assertTrue(s.texts.stream().filter(t -> t.text().equals("Episode")).findFirst()
                    .orElseThrow().y() > l.bottoms[2], "'Episode' under the last panel at " + h + ": "
                    + Arrays.toString(l.tops) + Arrays.toString(l.bottoms) + " "
                    + s.texts.stream().filter(t -> t.text().equals("Episode")).toList());
        }
    }
}
