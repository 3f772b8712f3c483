package cartpolelab.ui.chart;

import static org.junit.jupiter.api.Assertions.assertTrue;

import cartpolelab.io.ChartPalette;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The app's charts and the CLI's PNG use one palette: app.css carries ChartPalette's colours. */
class PaletteTest {

    @Test
    void theStylesheetUsesTheSharedChartColours() throws IOException {
        String css;
        try (InputStream in = PaletteTest.class.getResourceAsStream(
                "/cartpolelab/ui/app.css")) {
            css = new String(in.readAllBytes(), StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
        }
        for (String colour : List.of(ChartPalette.REWARD, ChartPalette.MOVING_AVERAGE,
                ChartPalette.THRESHOLD, ChartPalette.GRID, ChartPalette.TEXT,
                ChartPalette.ACTOR_LOSS, ChartPalette.CRITIC_LOSS, ChartPalette.ENTROPY)) {
            assertTrue(css.contains(colour.toLowerCase(Locale.ROOT)), colour + " in app.css");
        }
    }
}
