package cartpolelab.cli;

import static cartpolelab.cli.CliTest.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code compare --grad-variance-every K --variance-png/--variance-svg}: the measurements in
 * the tidy CSV's gradvar columns and the variance chart as files.
 */
class CompareVarianceCliTest {

    @TempDir
    Path dir;

    @Test
    void compareMeasuresAndChartsTheGradientVarianceOfEachGroup() throws Exception {
        Path csv = dir.resolve("runs.csv");
        Path png = dir.resolve("variance.png");
        Path svg = dir.resolve("variance.svg");
        CliTest.Run r = cli("compare", "--algorithms", "a2c,reinforce", "--seeds", "2",
                "--episodes", "20", "--hidden", "8", "--threads", "2", "--quiet",
                "--grad-variance-every", "5", "--grad-variance-episodes", "2",
                "--csv", csv.toString(), "--variance-png", png.toString(),
                "--variance-svg", svg.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("wrote variance   " + png), r.out());
        List<String> lines = Files.readAllLines(csv);
        long measured = lines.stream().skip(1).filter(l -> !l.endsWith(",,,")).count();
        assertEquals(4 * 4, measured, "4 runs, a measurement every 5 of 20 episodes");
        BufferedImage image = ImageIO.read(png.toFile());
        assertTrue(image.getWidth() > 500, "a chart, not an empty file");
        String text = Files.readString(svg);
        assertTrue(text.contains("Gradient variance, median of each group"), "the title");
        // the legend names each group's colour and each estimator's dash once
        assertTrue(text.contains(">A2C<") && text.contains(">REINFORCE<")
                && text.contains("TD \u03b4"), "a legend entry per group and per estimator");
        assertTrue(text.contains("2 algorithms \u00d7 2 seeds \u00b7 gradient variance"),
                "the subtitle names the experiment");
    }

    @Test
    void aVarianceChartWithoutMeasurementsIsRefusedBeforeTraining() {
        CliTest.Run r = cli("compare", "--seeds", "1", "--episodes", "5", "--variance-png",
                dir.resolve("v.png").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("error: --variance-png and --variance-svg need "
                + "--grad-variance-every K"), r.err());
        assertTrue(Files.notExists(dir.resolve("v.png")));
    }
}
