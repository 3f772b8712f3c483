package cartpolelab.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** A title over a picture: the title on top, everything else moved down by its height. */
class TitledTest {

    @Test
    void theTitleIsOnTopAndTheBodyIsShiftedDownByItsHeight() {
        RecordingSurface s = new RecordingSurface();
        Titled.paint(s, "A2C · seed 1", 400, body -> {
            body.fillRect(10, 0, 5, 5);
            body.text("map", 3, 20);
            body.polyline(new double[] {0, 1}, new double[] {2, 3}, 2);
        });
        assertEquals("A2C · seed 1", s.texts.get(0).text());
        assertEquals(Titled.HEIGHT - 9, s.texts.get(0).y());
        assertEquals("map", s.texts.get(1).text());
        assertEquals(20 + Titled.HEIGHT, s.texts.get(1).y());
        assertEquals(Titled.HEIGHT, s.rects.get(1).y(), "the body's rectangle moved down");
        assertEquals(3 + Titled.HEIGHT, s.polylines.get(0).ys()[1]);
    }
}
