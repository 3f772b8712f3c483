package cartpolelab.ui.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlotExporterTest {

    @TempDir
    Path dir;

    @Test
    void writesADecodablePngAndLeavesNoTemporaryFile() throws IOException {
        BufferedImage image = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
        image.setRGB(5, 5, 0x4C78A8);
        Path target = dir.resolve("out.png");
        PlotExporter.write(image, target);
        BufferedImage back = ImageIO.read(target.toFile());
        assertEquals(40, back.getWidth());
        assertEquals(0x4C78A8, back.getRGB(5, 5) & 0xFFFFFF);
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "only the PNG remains");
        }
    }

    @Test
    void refusesABlankImageAndAMissingFolder() {
        BufferedImage blank = new BufferedImage(10, 10, BufferedImage.TYPE_INT_RGB);
        assertTrue(PlotExporter.isBlank(blank));
        IOException e = assertThrows(IOException.class,
                () -> PlotExporter.write(blank, dir.resolve("x.png")));
        assertTrue(e.getMessage().contains("blank"));
        blank.setRGB(1, 1, 0xFFFFFF);
        assertFalse(PlotExporter.isBlank(blank));
        IOException missing = assertThrows(IOException.class,
                () -> PlotExporter.write(blank, dir.resolve("no/such/dir/x.png")));
        assertTrue(missing.getMessage().contains("does not exist"), missing.getMessage());
        assertFalse(Files.exists(dir.resolve("x.png")));
    }
}
