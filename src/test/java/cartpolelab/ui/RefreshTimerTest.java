package cartpolelab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The refresh timer's schedule, driven with made-up screen refreshes (no FX thread). */
class RefreshTimerTest {

    private final AtomicInteger pulls = new AtomicInteger();
    private final AtomicInteger chartRefreshes = new AtomicInteger();
    private final List<Double> fps = new ArrayList<>();
    private final RefreshTimer pump = new RefreshTimer(pulls::incrementAndGet,
            chartRefreshes::incrementAndGet, fps::add);

    @Test
    void pullsEveryFrameRefreshesChartsAtMostAtFifteenHertzAndMeasuresFps() {
        long start = 5_000_000_000L;
        long frame = 1_000_000_000L / 60;
        for (int i = 0; i <= 180; i++) { // three seconds at 60 Hz
            pump.tick(start + i * frame);
        }
        assertEquals(181, pulls.get(), "one pull per screen refresh");
        int charts = chartRefreshes.get();
        // Never faster than 15 Hz; at 60 Hz the period rounds up to every 5th refresh (12 Hz).
        assertTrue(charts <= 3 * RefreshTimer.CHART_HZ + 1, "at most 15 Hz: " + charts);
        assertTrue(charts >= 3 * 10, "at least 10 Hz: " + charts);
        assertEquals(2, fps.size(), "one fps reading a second");
        for (double f : fps) {
            assertEquals(60, f, 1.5);
        }
    }

    @Test
    void slowFramesStillRefreshTheChartsEachTime() {
        long start = 1_000_000_000L;
        for (int i = 0; i < 10; i++) { // 10 Hz, slower than the chart rate
            pump.tick(start + i * 100_000_000L);
        }
        assertEquals(10, pulls.get());
        assertEquals(10, chartRefreshes.get());
    }
}
