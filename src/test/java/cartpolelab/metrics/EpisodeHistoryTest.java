package cartpolelab.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EpisodeHistoryTest {

    private static EpisodeStats episode(int n) {
        return new EpisodeStats(n, n % 200, n % 200, n * 0.5, -n, n * 2.0, 0.69, n * 10L,
                n / 100.0, 1000.0);
    }

    @Test
    void growsPastItsCapacityAndKeepsEveryColumn() {
        EpisodeHistory h = new EpisodeHistory();
        for (int n = 1; n <= 100_000; n++) {
            h.add(episode(n));
        }
        assertEquals(100_000, h.size());
        for (int n : new int[] {1, 1024, 1025, 65_537, 100_000}) {
            assertEquals(episode(n), h.get(n - 1));
        }
        assertEquals(100_000, h.rewards().length);
    }

    @Test
    void episodesMustArriveInOrder() {
        EpisodeHistory h = new EpisodeHistory();
        h.add(episode(1));
        assertThrows(IllegalArgumentException.class, () -> h.add(episode(3)));
        assertThrows(IndexOutOfBoundsException.class, () -> h.get(1));
    }

    @Test
    void aReaderSeesACompleteRecordBelowTheSizeItRead() throws Exception {
        EpisodeHistory h = new EpisodeHistory();
        Thread writer = new Thread(() -> {
            for (int n = 1; n <= 200_000; n++) {
                h.add(episode(n));
            }
        });
        writer.start();
        while (writer.isAlive()) {
            int n = h.size();
            if (n > 0) {
                assertEquals(episode(n), h.get(n - 1));
            }
        }
        writer.join();
        assertTrue(h.size() == 200_000);
    }

    @Test
    void movingAverageOverTheLastFifty() {
        MovingAverage ma = new MovingAverage(50);
        assertTrue(Double.isNaN(ma.mean()));
        assertEquals(10.0, ma.add(10));
        assertEquals(15.0, ma.add(20));
        for (int i = 0; i < 100; i++) {
            ma.add(i);
        }
        assertEquals((50 + 99) / 2.0, ma.mean(), 1e-12);
        assertTrue(ma.full());
    }
}
