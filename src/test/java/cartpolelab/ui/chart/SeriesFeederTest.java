package cartpolelab.ui.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.chart.XYChart;
import org.junit.jupiter.api.Test;

/** The series logic on synthetic data; the series is not in a scene, so no FX thread needed. */
class SeriesFeederTest {

    private final XYChart.Series<Number, Number> series = new XYChart.Series<>();
    private final SeriesFeeder feeder = new SeriesFeeder(series);

    private static double value(int i) {
        return i % 97 == 0 ? 1000 + i : Math.sin(i * 0.01) * 100;
    }

    @Test
    void upToTheLimitEveryPointIsShownAndNewOnesAreAppended() {
        feeder.update(SeriesFeederTest::value, 10);
        XYChart.Data<Number, Number> first = series.getData().get(0);
        feeder.update(SeriesFeederTest::value, 1500);
        assertEquals(1500, series.getData().size());
        assertSame(first, series.getData().get(0), "existing points are kept, not rebuilt");
        assertEquals(1, series.getData().get(0).getXValue().intValue(), "x is the episode");
        assertEquals(value(1499), series.getData().get(1499).getYValue().doubleValue());
        assertFalse(feeder.reduced());
    }

    @Test
    void beyondTheLimitAtMostAThousandPointsAreDrawnReusingTheDataObjects() {
        feeder.update(SeriesFeederTest::value, SeriesFeeder.SHOW_ALL_LIMIT);
        List<XYChart.Data<Number, Number>> before = new ArrayList<>(series.getData());
        feeder.update(SeriesFeederTest::value, 50_000);
        assertTrue(feeder.reduced());
        assertTrue(series.getData().size() <= SeriesFeeder.REDUCED_POINTS);
        for (int k = 0; k < series.getData().size(); k++) {
            assertSame(before.get(k), series.getData().get(k), "Data object reused at " + k);
        }
        List<XYChart.Data<Number, Number>> reducedOnce = new ArrayList<>(series.getData());
        feeder.update(SeriesFeederTest::value, 60_000);
        int common = Math.min(reducedOnce.size(), series.getData().size());
        for (int k = 0; k < common; k++) {
            assertSame(reducedOnce.get(k), series.getData().get(k));
        }
        // Spikes (every 97th episode, over 1000) stay visible: the series maximum is the data's.
        double shownMax = series.getData().stream()
                .mapToDouble(d -> d.getYValue().doubleValue()).max().orElseThrow();
        double trueMax = 0;
        for (int i = 0; i < 60_000; i++) {
            trueMax = Math.max(trueMax, value(i));
        }
        assertEquals(trueMax, shownMax);
        assertEquals(60_000, series.getData().get(series.getData().size() - 1)
                .getXValue().intValue(), "the last episode is drawn");
    }

    @Test
    void aShorterHistoryMeansANewRun() {
        feeder.update(SeriesFeederTest::value, 3000);
        feeder.update(i -> 7, 5);
        assertEquals(5, series.getData().size());
        assertFalse(feeder.reduced());
        assertEquals(7.0, series.getData().get(4).getYValue().doubleValue());
    }
}
