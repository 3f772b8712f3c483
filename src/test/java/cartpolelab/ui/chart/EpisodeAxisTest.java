package cartpolelab.ui.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;

import javafx.scene.chart.NumberAxis;
import org.junit.jupiter.api.Test;

class EpisodeAxisTest {

    @Test
    void ticksAreWholeRoundNumbersAndTheRangeCoversTheEpisodes() {
        NumberAxis axis = EpisodeAxis.create();
        EpisodeAxis.fit(axis, 2);
        assertEquals(0, axis.getLowerBound());
        assertEquals(10, axis.getUpperBound());
        assertEquals(2, axis.getTickUnit()); // never 0.1-episode ticks
        EpisodeAxis.fit(axis, 918);
        assertEquals(200, axis.getTickUnit());
        assertEquals(1000, axis.getUpperBound());
        EpisodeAxis.fit(axis, 3000);
        assertEquals(500, axis.getTickUnit());
        assertEquals(3000, axis.getUpperBound());
        EpisodeAxis.fit(axis, 123_456);
        assertEquals(20_000, axis.getTickUnit());
        assertEquals(140_000, axis.getUpperBound());
    }
}
