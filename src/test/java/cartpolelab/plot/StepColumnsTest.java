package cartpolelab.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Per-episode values seen over environment steps, in buckets of {@link StepColumns#UNIT}. */
class StepColumnsTest {

    // episodes end at steps 30, 150, 350, 360, 700
    private static final long[] ENDS = {30, 150, 350, 360, 700};
    private static final double[] VALUES = {1, 2, 3, 4, 5};

    @Test
    void eachBucketHoldsTheLastEpisodeFinishedByItsStep() {
        StepColumns c = StepColumns.fixed(e -> ENDS[e], ENDS.length);
        Column col = c.of(e -> VALUES[e]);
        assertEquals(7, col.size(), "whole buckets up to step 700");
        // step 100: episode 1 (ended at 30); 200: episode 2; 300: 2; 400: 4; ...; 700: 5
        double[] want = {1, 2, 2, 4, 4, 4, 5};
        for (int k = 0; k < want.length; k++) {
            assertEquals(want[k], col.value(k), "bucket " + k);
        }
        assertEquals(3.5, c.pointOf(2), 0, "episode 3 ends at step 350: x = 3.5 units");
    }

    @Test
    void beforeTheFirstEpisodeEndsThereIsNothing() {
        StepColumns c = StepColumns.fixed(e -> new long[] {250}[e], 1);
        Column col = c.of(e -> 7);
        assertEquals(2, col.size());
        assertTrue(Double.isNaN(col.value(0)) && Double.isNaN(col.value(1)));
        assertEquals(-1, c.episodeAt(1));
    }

    @Test
    void aGrowingRunNeverChangesABucketItAlreadyShowed() {
        int[] n = {3};
        StepColumns c = new StepColumns(e -> ENDS[e], () -> n[0]);
        Column col = c.of(e -> VALUES[e]);
        assertEquals(3, col.size(), "up to step 350: three whole buckets");
        double[] before = {col.value(0), col.value(1), col.value(2)};
        n[0] = 5;
        for (int k = 0; k < 3; k++) {
            assertEquals(before[k], col.value(k));
        }
    }

    @Test
    void theFigureLabelsStepsAndNamesTheEpisodeOnHover() {
        StepColumns c = StepColumns.fixed(e -> ENDS[e], ENDS.length);
        Figure f = new Figure("t", "s", XAxis.STEPS.label()).overSteps(c);
        assertEquals(StepColumns.UNIT, f.xUnit());
        assertEquals("Step 400 \u00b7 episode 4", f.describeX(3));
        assertEquals(3.6, f.xOfEpisode(4), 1e-12);
        assertEquals("Episode 4", new Figure("t", "s", "Episode").describeX(3));
    }

    @Test
    void theAxisParsesItsWords() {
        assertEquals(XAxis.STEPS, XAxis.parse("Steps"));
        assertEquals(XAxis.STEPS, XAxis.parse("step"));
        assertEquals(XAxis.EPISODES, XAxis.parse("episodes"));
        assertThrows(IllegalArgumentException.class, () -> XAxis.parse("time"));
    }
}
