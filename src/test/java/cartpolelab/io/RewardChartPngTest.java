package cartpolelab.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cartpolelab.env.CartPoleVersion;
import cartpolelab.metrics.EpisodeHistory;
import cartpolelab.metrics.EpisodeStats;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RewardChartPngTest {

    private static EpisodeHistory history(int n, int spikeAt) {
        EpisodeHistory h = new EpisodeHistory();
        for (int e = 1; e <= n; e++) {
            double r = e == spikeAt ? 500 : 20 + (e % 7);
            h.add(new EpisodeStats(e, r, (int) r, 23, 0, 0, 0.69, e * 25L, e * 1e-4, 1e5));
        }
        return h;
    }

    private static boolean near(int rgb, Color c) {
        return Math.abs(((rgb >> 16) & 0xff) - c.getRed()) < 60
                && Math.abs(((rgb >> 8) & 0xff) - c.getGreen()) < 60
                && Math.abs((rgb & 0xff) - c.getBlue()) < 60;
    }

    @Test
    void aSpikeAmongAHundredThousandEpisodesStaysVisible() {
        BufferedImage image = RewardChartPng.render(history(100_000, 61_234), CartPoleVersion.V1,
                "spike", 1200, 600);
        // the spike (500) sits in the top quarter of the plot; every other episode near 23
        boolean seen = false;
        for (int y = 58; y < 200 && !seen; y++) {
            for (int x = 78; x < 1172; x++) {
                if (near(image.getRGB(x, y), ChartPalette.REWARD_COLOR)) {
                    seen = true;
                    break;
                }
            }
        }
        assertTrue(seen, "the single 500-step episode is drawn");
    }

    @Test
    void anEmptyHistoryStillMakesAChart(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("empty.png");
        RewardChartPng.write(file, new EpisodeHistory(), CartPoleVersion.V0, "nothing yet",
                800, 400);
        BufferedImage image = ImageIO.read(file.toFile());
        assertNotNull(image);
        assertEquals(800, image.getWidth());
        assertEquals(400, image.getHeight());
    }

    @Test
    void theThresholdLineIsDrawn() {
        BufferedImage image = RewardChartPng.render(history(300, -1), CartPoleVersion.V0, "t",
                1200, 600);
        int n = 0;
        for (int y = 0; y < 600; y++) {
            for (int x = 0; x < 1200; x++) {
                if (near(image.getRGB(x, y), ChartPalette.THRESHOLD_COLOR)) {
                    n++;
                }
            }
        }
        assertTrue(n > 300, "dashed solved line: " + n + " pixels");
    }
}
