package cartpolelab.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The GIF of an episode: one frame a step at ×1 (a stride at ×k), looping, decodable. */
class EpisodeGifTest {

    @TempDir
    Path dir;

    private static EpisodeGif.Track swinging(int episode, int steps) {
        EpisodeGif.Track t = new EpisodeGif.Track(episode);
        for (int k = 0; k <= steps; k++) {
            t.add(0.02 * k, 0.15 * Math.sin(k / 5.0), k % 2, 0.5 + 0.3 * Math.sin(k / 7.0),
                    20 - 0.1 * k, k);
        }
        t.end(true);
        return t;
    }

    @Test
    void atX1EveryStepIsAFrameOf2HundredthsTheLastHeldAndTheGifLoops() throws Exception {
        Path f = dir.resolve("e.gif");
        EpisodeGif.write(f, List.of(swinging(3, 60)), new EpisodeGif.Options(240, 1, true,
                "A2C"));
        try (ImageInputStream in = ImageIO.createImageInputStream(f.toFile())) {
            ImageReader r = ImageIO.getImageReaders(in).next();
            r.setInput(in);
            assertEquals(61, r.getNumImages(true), "frames 0..60");
            for (int i = 0; i < 61; i++) {
                IIOMetadataNode root = (IIOMetadataNode) r.getImageMetadata(i)
                        .getAsTree("javax_imageio_gif_image_1.0");
                IIOMetadataNode gce = (IIOMetadataNode) root
                        .getElementsByTagName("GraphicControlExtension").item(0);
                assertEquals(i == 60 ? "100" : "2", gce.getAttribute("delayTime"), "frame " + i);
                if (i == 0) {
                    IIOMetadataNode app = (IIOMetadataNode) root
                            .getElementsByTagName("ApplicationExtension").item(0);
                    assertEquals("NETSCAPE", app.getAttribute("applicationID"));
                    assertArrayEquals(new byte[] {1, 0, 0}, (byte[]) app.getUserObject(),
                            "loop count 0: for ever");
                }
            }
            BufferedImage first = r.read(0);
            assertEquals(240, first.getWidth());
            assertEquals(86, first.getHeight());
            r.dispose();
        }
    }

    @Test
    void atXkEveryKthFrameAndTheLastEpisodesFollowOneAnother() throws Exception {
        assertArrayEquals(new int[] {0, 4, 8, 9}, EpisodeGif.keptFrames(10, 4));
        assertArrayEquals(new int[] {0, 4, 8}, EpisodeGif.keptFrames(9, 4));
        Path f = dir.resolve("k.gif");
        EpisodeGif.write(f, List.of(swinging(1, 9), swinging(2, 8)),
                new EpisodeGif.Options(200, 4, false, ""));
        try (ImageInputStream in = ImageIO.createImageInputStream(f.toFile())) {
            ImageReader r = ImageIO.getImageReaders(in).next();
            r.setInput(in);
            assertEquals(4 + 3, r.getNumImages(true));
            r.dispose();
        }
    }

    @Test
    void onlyTheChangedRectangleIsStoredAfterTheFirstFrame() {
        int[] a = new int[6 * 4];
        int[] b = a.clone();
        b[1 * 6 + 2] = 7;
        b[3 * 6 + 4] = 9;
        java.awt.Rectangle r = EpisodeGif.changed(a, b, 6, 4);
        assertEquals(new java.awt.Rectangle(2, 1, 3, 3), r);
        assertEquals(new java.awt.Rectangle(0, 0, 1, 1), EpisodeGif.changed(a, a, 6, 4));
        assertNotEquals(0, r.width);
        assertTrue(r.height > 0);
    }
}
