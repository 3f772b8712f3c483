package cartpolelab.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cartpolelab.agent.Algorithm;
import cartpolelab.agent.Hyperparameters;
import cartpolelab.metrics.EpisodeHistory;
import cartpolelab.metrics.EpisodeStats;
import cartpolelab.plot.Palette;
import cartpolelab.plot.RunFigures;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

class PlotFilesTest {

    @TempDir
    Path dir;

    private static EpisodeHistory history(int n, int spikeAt) {
        EpisodeHistory h = new EpisodeHistory();
        double ma = 0;
        for (int e = 1; e <= n; e++) {
            double r = e == spikeAt ? 200 : 10 + (e * 7919L % 150) + Math.min(40, e / 50.0);
            r = e > n * 2 / 3 ? 200 : r; // solved in the last third
            ma += (r - ma) / 50;
            h.add(new EpisodeStats(e, r, (int) r, ma, Math.sin(e * 0.1), 50 + e % 13,
                    0.69 - e * 1e-6, e * 25L, e * 1e-4, 1e5));
        }
        return h;
    }

    static int countNear(BufferedImage image, String hex) {
        int rgb = Palette.argb(hex);
        int count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int p = image.getRGB(x, y);
                int d = Math.abs((p >> 16 & 0xFF) - (rgb >> 16 & 0xFF))
                        + Math.abs((p >> 8 & 0xFF) - (rgb >> 8 & 0xFF))
                        + Math.abs((p & 0xFF) - (rgb & 0xFF));
                count += d < 40 ? 1 : 0;
            }
        }
        return count;
    }

    @Test
    void aPngDecodesAndShowsTheSeriesColoursAndASpikeAmong100kEpisodes() throws Exception {
        Hyperparameters hp = Hyperparameters.DEFAULTS.withEpisodes(100_000);
        EpisodeHistory h = history(100_000, -1);
        Path file = dir.resolve("run.png");
        PlotFiles.write(file, RunFigures.reward(h, h.size(), PlotFiles.describe(hp, h)),
                PlotFiles.DEFAULT_WIDTH, PlotFiles.DEFAULT_HEIGHT);
        BufferedImage image = ImageIO.read(file.toFile());
        assertNotNull(image);
        assertEquals(PlotFiles.DEFAULT_WIDTH * 2, image.getWidth());
        assertTrue(countNear(image, Palette.REWARD) > 500, "reward");
        assertTrue(countNear(image, Palette.MOVING_AVERAGE) > 500, "moving average");
        assertTrue(countNear(image, Palette.THRESHOLD) > 100, "threshold");
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary file left");
        }
    }

    @Test
    void anSvgParsesAndCarriesTheColoursTheTitleAndWhereItWasSolved() throws Exception {
        Hyperparameters hp = Hyperparameters.DEFAULTS;
        EpisodeHistory h = history(3000, 10);
        Path file = dir.resolve("run.svg");
        PlotFiles.write(file, RunFigures.stacked(h, h.size(), PlotFiles.describe(hp, h)),
                900, 900);
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd",
                false); // the SVG 1.1 DOCTYPE; no network in a test
        Document doc = factory.newDocumentBuilder().parse(file.toFile());
        assertEquals("svg", doc.getDocumentElement().getTagName());
        String text = Files.readString(file).toLowerCase(Locale.ROOT);
        for (String colour : new String[] {Palette.REWARD, Palette.MOVING_AVERAGE,
            Palette.THRESHOLD, Palette.ACTOR_LOSS, Palette.CRITIC_LOSS, Palette.ENTROPY}) {
            int rgb = Palette.argb(colour);
            String css = "rgb(" + (rgb >> 16 & 0xFF) + "," + (rgb >> 8 & 0xFF) + ","
                    + (rgb & 0xFF) + ")";
            assertTrue(text.contains(css), colour + " as " + css);
        }
        assertTrue(text.contains("cartpole-v0 · a2c · seed 1"), "title");
        assertTrue(text.contains("solved at episode"), "solved in the subtitle");
        assertTrue(text.contains("hidden 256"), "settings in the subtitle");
    }

    @Test
    void anUnknownExtensionIsRefusedAndNothingIsWritten() {
        EpisodeHistory h = history(10, -1);
        Path file = dir.resolve("run.jpg");
        IOException e = assertThrows(IOException.class, () -> PlotFiles.write(file,
                RunFigures.reward(h, 10, PlotFiles.describe(Hyperparameters.DEFAULTS, h)),
                800, 400));
        assertTrue(e.getMessage().contains(".png or .svg"), e.getMessage());
        assertTrue(Files.notExists(file));
    }

    @Test
    void anEmptyRunStillMakesAPicture() throws Exception {
        Path file = dir.resolve("empty.png");
        EpisodeHistory h = new EpisodeHistory();
        PlotFiles.write(file, RunFigures.reward(h, 0, PlotFiles.describe(
                Hyperparameters.DEFAULTS, -1)), 800, 400);
        assertEquals(1600, ImageIO.read(file.toFile()).getWidth());
    }

    /**
     * REINFORCE and its baseline learn from whole episodes: their subtitles (and the SVG
     * written from them) say nothing of the n steps the settings carry; A2C's says "5-step",
     * and so does a grid with A2C in it.
     */
    @Test
    void onlyAnAlgorithmThatUsesNStepsIsSubtitledWithThem() throws Exception {
        Hyperparameters hp = Hyperparameters.DEFAULTS;
        assertEquals(5, hp.nSteps());
        for (Algorithm a : List.of(Algorithm.REINFORCE, Algorithm.REINFORCE_BASELINE,
                Algorithm.A2C)) {
            Hyperparameters run = hp.withAlgorithm(a);
            String subtitle = PlotFiles.subtitle(run);
            assertEquals(a.supportsNSteps(), subtitle.contains("5-step"), a + ": " + subtitle);
            Path file = dir.resolve(a + ".svg");
            EpisodeHistory h = history(10, -1);
            PlotFiles.write(file, RunFigures.reward(h, h.size(), PlotFiles.describe(run, h)),
                    800, 400);
            assertEquals(a.supportsNSteps(), Files.readString(file).contains("-step"),
                    a + "'s SVG");
        }
        assertTrue(PlotFiles.subtitle(hp, List.of(Algorithm.REINFORCE, Algorithm.A2C))
                .contains("5-step"), "a grid with A2C in it");
        assertFalse(PlotFiles.subtitle(hp, List.of(Algorithm.REINFORCE,
                Algorithm.REINFORCE_BASELINE)).contains("-step"), "whole-episode grid");
    }
}
