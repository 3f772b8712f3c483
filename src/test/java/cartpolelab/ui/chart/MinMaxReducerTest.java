package cartpolelab.ui.chart;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class MinMaxReducerTest {

    private final MinMaxReducer reducer = new MinMaxReducer(1000);
    private final int[] out = new int[1000];

    @Test
    void shortSeriesAreKeptWhole() {
        double[] v = {3, 1, 4, 1, 5};
        int n = reducer.reduce(i -> v[i], v.length, out);
        assertArrayEquals(new int[] {0, 1, 2, 3, 4}, Arrays.copyOf(out, n));
    }

    @Test
    void longSeriesFitTheBudgetInIndexOrderWithBothEnds() {
        Random random = new Random(7);
        double[] v = random.doubles(50_000).toArray();
        int n = reducer.reduce(i -> v[i], v.length, out);
        assertTrue(n <= 1000, "at most 1000 points, got " + n);
        assertTrue(n >= 990, "uses its budget on noisy data, got " + n);
        assertEquals(0, out[0]);
        assertEquals(v.length - 1, out[n - 1]);
        for (int k = 1; k < n; k++) {
            assertTrue(out[k] > out[k - 1], "strictly increasing at " + k);
        }
    }

    @Test
    void aSingleSpikeAndADipSurvive() {
        double[] v = new double[100_000];
        Arrays.fill(v, 20);
        v[31_337] = 500;
        v[77_777] = -40;
        int n = reducer.reduce(i -> v[i], v.length, out);
        int[] kept = Arrays.copyOf(out, n);
        assertTrue(IntStream.of(kept).anyMatch(i -> i == 31_337), "the spike is kept");
        assertTrue(IntStream.of(kept).anyMatch(i -> i == 77_777), "the dip is kept");
    }

    @Test
    void everyBucketsExtremesAreKept() {
        Random random = new Random(3);
        double[] v = random.doubles(12_345, -100, 100).toArray();
        int n = reducer.reduce(i -> v[i], v.length, out);
        int[] kept = Arrays.copyOf(out, n);
        // The global extremes must be among the kept points, whatever bucket they fall in.
        int argMax = 0;
        int argMin = 0;
        for (int i = 0; i < v.length; i++) {
            argMax = v[i] > v[argMax] ? i : argMax;
            argMin = v[i] < v[argMin] ? i : argMin;
        }
        int max = argMax;
        int min = argMin;
        assertTrue(IntStream.of(kept).anyMatch(i -> i == max));
        assertTrue(IntStream.of(kept).anyMatch(i -> i == min));
        // And between two consecutive kept interior points nothing exceeds the envelope of
        // their bucket: check via local maxima over windows of one bucket.
        double keptMax = IntStream.of(kept).mapToDouble(i -> v[i]).max().orElseThrow();
        assertEquals(v[argMax], keptMax);
    }

    @Test
    void nonFiniteValuesAreSkipped() {
        double[] v = new double[5000];
        Arrays.fill(v, 1);
        v[0] = Double.NaN;
        v[4999] = Double.POSITIVE_INFINITY;
        v[2500] = Double.NaN;
        int n = reducer.reduce(i -> v[i], v.length, out);
        for (int k = 0; k < n; k++) {
            assertTrue(Double.isFinite(v[out[k]]));
        }
        assertEquals(1, out[0]);
        assertEquals(4998, out[n - 1]);
    }

    @Test
    void rejectsATinyBudgetAndAShortOutput() {
        assertThrows(IllegalArgumentException.class, () -> new MinMaxReducer(3));
        assertThrows(IllegalArgumentException.class,
                () -> reducer.reduce(i -> 0, 10, new int[10]));
    }
}
