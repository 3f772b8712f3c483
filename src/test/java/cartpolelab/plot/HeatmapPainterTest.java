package cartpolelab.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The heatmap painter against a recording surface: cells, colours, path, bar and ticks. */
class HeatmapPainterTest {

    /** 2 × 2 cells over x ∈ [−10, 10], y ∈ [−1, 1]: top row 0, 0.25; bottom row 0.75, 1. */
    private static Heatmap map() {
        return new Heatmap("Actor", "angle", "velocity", -10, 10, -1, 1, 2, 2,
                new double[] {0, 0.25, 0.75, 1},
                Heatmap.diverging(0, 0.5, 1, Palette.REWARD, Palette.MOVING_AVERAGE))
                .add(new Heatmap.Line(5, "falls", 0xFFD64545))
                .path(new double[] {-10, 10}, new double[] {1, -1}, 2);
    }

    @Test
    void cellsAreDrawnWhereTheirValuesBelongInTheirScalesColours() {
        RecordingSurface s = new RecordingSurface();
        Heatmap m = map();
        new HeatmapPainter().paint(s, List.of(m), 600, 400);
        // the first four rectangles after the background are the cells, row by row
        List<RecordingSurface.Rect> cells = s.rects.subList(1, 5);
        RecordingSurface.Rect topLeft = cells.get(0);
        RecordingSurface.Rect bottomRight = cells.get(3);
        assertEquals(Palette.argb(Palette.REWARD), topLeft.argb(), "0 is the low colour");
        assertEquals(Palette.argb(Palette.MOVING_AVERAGE), bottomRight.argb(),
                "1 is the high colour");
        assertEquals(Heatmap.mix(Palette.argb(Palette.REWARD), 0xFFFFFFFF, 0.5),
                cells.get(1).argb(), "0.25 is half way to white");
        assertTrue(topLeft.x() < bottomRight.x() && topLeft.y() < bottomRight.y());
        assertEquals(topLeft.w(), bottomRight.w(), 1e-9);

        // the path from (x min, y max) to (x max, y min) runs corner to corner of the cells
        RecordingSurface.Polyline path = s.polylines.get(s.polylines.size() - 1);
        assertEquals(topLeft.x(), path.xs()[0], 1e-6);
        assertEquals(topLeft.y(), path.ys()[0], 1e-6);
        assertEquals(bottomRight.x() + bottomRight.w() - 0.6, path.xs()[1], 1e-6);
        assertEquals(bottomRight.y() + bottomRight.h() - 0.6, path.ys()[1], 1e-6);
    }

    @Test
    void ticksAndTitlesNeverOverlapAndTwoMapsShareTheWidth() {
        for (int width : new int[] {300, 520, 900, 1800}) {
            RecordingSurface s = new RecordingSurface();
            new HeatmapPainter().paint(s, List.of(map(), map()), width, 300);
            List<RecordingSurface.Text> texts = s.texts;
            for (int i = 0; i < texts.size(); i++) {
                for (int j = i + 1; j < texts.size(); j++) {
                    RecordingSurface.Text a = texts.get(i);
                    RecordingSurface.Text b = texts.get(j);
                    boolean sameLine = Math.abs(a.y() - b.y()) < Math.max(a.size(), b.size());
                    boolean apart = a.x() + a.width() <= b.x() || b.x() + b.width() <= a.x();
                    assertTrue(!sameLine || apart, width + " px: '" + a.text() + "' overlaps '"
                            + b.text() + "'");
                }
            }
            assertTrue(texts.stream().allMatch(t -> t.x() >= 0 && t.x() + t.width() <= width
                    + 0.5), width + " px: a label leaves the picture");
        }
    }

    @Test
    void viridisRunsFromDarkToBrightAndClampsOutsideItsRange() {
        Heatmap.Scale v = Heatmap.viridis(0, 10);
        assertEquals(0xFF440154, v.argb(0));
        assertEquals(0xFFFDE725, v.argb(10));
        assertEquals(v.argb(10), v.argb(99));
        assertEquals(v.argb(0), v.argb(-5));
    }

    @Test
    void aLongAxisLabelKeepsItsSymbolAndUnitRatherThanHalfAWord() {
        RecordingSurface s = new RecordingSurface();
        String label = "angular velocity \u03b8\u0307 (rad/s)";
        assertEquals(label, HeatmapPainter.shortened(s, label, s.textWidth(label)));
        assertEquals("velocity \u03b8\u0307 (rad/s)", HeatmapPainter.shortened(s, label,
                s.textWidth(label) - 1));
        assertEquals("\u03b8\u0307 (rad/s)", HeatmapPainter.shortened(s, label,
                s.textWidth("\u03b8\u0307 (rad/s)")));
        assertTrue(HeatmapPainter.shortened(s, label, s.textWidth("\u03b8\u0307 (ra"))
                .endsWith("\u2026"), "narrower still: cut, with an ellipsis");
    }

    @Test
    void aPanelLabelThatDoesNotFitKeepsItsFirstWholeWords() {
        RecordingSurface s = new RecordingSurface();
        assertEquals("Actor loss", PlotPainter.firstWords(s, "Actor loss",
                s.textWidth("Actor loss")));
        assertEquals("Actor", PlotPainter.firstWords(s, "Actor loss",
                s.textWidth("Actor loss") - 1));
        assertTrue(PlotPainter.firstWords(s, "Actor loss", s.textWidth("Act"))
                .endsWith("\u2026"));
    }
}
