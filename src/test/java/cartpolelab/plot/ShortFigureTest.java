package cartpolelab.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cartpolelab.metrics.EpisodeHistory;
import cartpolelab.metrics.EpisodeStats;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The losses card in a small window (about 160 pixels high at 1280 × 720 and 150 %): its
 * title and legend give way, every panel keeps a readable height above the x axis's labels
 * and names its line; a tall chart keeps its title and legend.
 */
class ShortFigureTest {

    private static Figure losses() {
        EpisodeHistory h = new EpisodeHistory();
        for (int i = 0; i < 50; i++) {
            h.add(new EpisodeStats(i + 1, 20, 20, 20, 0.5, 2.0, 0.6, 20L * (i + 1), i + 1, 100));
        }
        Figure f = RunFigures.losses(h, new RunFigures.Description("run", "settings", 195, -1),
                XAxis.EPISODES);
        f.catchUp();
        return f;
    }

    private static List<String> texts(RecordingSurface s) {
        return s.texts.stream().map(RecordingSurface.Text::text).toList();
    }

    @Test
    void aShortLossesChartGivesItsTitleAndLegendToItsPanelsAndNamesEachLine() {
        RecordingSurface s = new RecordingSurface();
        Layout l = new PlotPainter().paint(s, losses(), 260, 160);
        double axis = 160 - PlotPainter.LABEL_SIZE * 1.5 - PlotPainter.TICK_SIZE * 1.6;
        for (int i = 0; i < 3; i++) {
            assertTrue(l.bottoms[i] - l.tops[i] >= ShortFigure.MIN_PANEL, "panel " + i);
            assertTrue(l.bottoms[i] <= axis + 0.5, "panel " + i + " above the x axis");
        }
        List<String> texts = texts(s);
        assertFalse(texts.contains(RunFigures.TRAINING_TITLE), texts.toString());
        for (String line : List.of(RunFigures.ACTOR_LOSS, RunFigures.CRITIC_LOSS,
                RunFigures.ENTROPY)) {
            assertEquals(1, texts.stream().filter(line::equals).count(), line + " in " + texts);
        }
    }

    @Test
    void aTallLossesChartKeepsItsTitleAndLegend() {
        RecordingSurface s = new RecordingSurface();
        new PlotPainter().paint(s, losses(), 440, 400);
        assertTrue(texts(s).contains(RunFigures.TRAINING_TITLE), texts(s).toString());
        assertFalse(ShortFigure.crowded(losses(), 400));
    }
    @Test
    void anEmptyShortChartNamesItsPanelsWithoutANoteOverThem() {
        Figure empty = RunFigures.losses(new EpisodeHistory(),
                new RunFigures.Description("run", "settings", 195, -1), XAxis.EPISODES);
        empty.catchUp();
        RecordingSurface shortOne = new RecordingSurface();
        new PlotPainter().paint(shortOne, empty, 260, 160);
        // "No episodes yet" sat on "Actor loss" at 1280 × 720 and 150 %
        assertFalse(texts(shortOne).contains("No episodes yet"), texts(shortOne).toString());
        assertTrue(texts(shortOne).contains(RunFigures.ACTOR_LOSS), texts(shortOne).toString());
        RecordingSurface tall = new RecordingSurface();
        new PlotPainter().paint(tall, empty, 440, 400);
        assertTrue(texts(tall).contains("No episodes yet"), texts(tall).toString());
    }
}
