package cartpolelab.ui.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cartpolelab.agent.GradientVarianceProbe;
import cartpolelab.agent.Hyperparameters;
import cartpolelab.train.TrainingRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Save plots from the data: the gradient-variance chart with its CSV, and zoom in subtitles. */
class PlotExportTest {

    @TempDir
    Path dir;

    private static TrainingRun measured() {
        Hyperparameters hp = Hyperparameters.DEFAULTS.withHiddenSize(8).withEpisodes(30);
        TrainingRun run = new TrainingRun(hp);
        run.measureGradientVariance(new GradientVarianceProbe.Settings(10, 2));
        run.train(false, null);
        return run;
    }

    @Test
    void theVarianceChartIsWrittenAsSvgOrPngWithItsMeasurementsAsCsvBeside() throws Exception {
        TrainingRun run = measured();
        PlotExport reward = new PlotExport(run.history(), 30, run.hyperparameters(), -1, false,
                800, 400, null);
        PlotExport variance = reward.withVariance(run.gradientVariance());
        Path svg = dir.resolve("variance.svg");
        variance.write(svg);
        String text = Files.readString(svg);
        assertTrue(text.contains("Variance (log scale)"), "the variance panel");
        assertFalse(text.contains("zoomed"), "the whole run");
        List<String> csv = Files.readAllLines(dir.resolve("variance.csv"));
        assertEquals("episode,update,gradvar/reinforce,gradvar/baseline,gradvar/td,"
                + "gradvar/learner,samples",
                csv.get(0));
        assertEquals(1 + run.gradientVariance().size(), csv.size());
        assertTrue(csv.size() > 1, "measured every 10 updates");
        assertTrue(csv.get(1).startsWith(run.gradientVariance().episode(0) + ","), csv.get(1));

        Path png = dir.resolve("v.png");
        variance.write(png);
        assertTrue(ImageIO.read(png.toFile()).getWidth() >= 800);
        assertTrue(Files.exists(dir.resolve("v.csv")));
        reward.write(dir.resolve("reward.svg"));
        assertFalse(Files.exists(dir.resolve("reward.csv")), "no CSV with the reward chart");
    }

    @Test
    void aZoomedChartSaysSoWithItsRangeInTheSubtitle() throws Exception {
        TrainingRun run = measured();
        PlotExport zoomed = new PlotExport(run.history(), 30, run.hyperparameters(), -1, false,
                800, 400, new double[] {4.6, 20.3});
        Path svg = dir.resolve("zoomed.svg");
        zoomed.write(svg);
        assertTrue(Files.readString(svg).contains("zoomed to episodes 5\u201320"));
        zoomed.withVariance(run.gradientVariance()).write(dir.resolve("zv.svg"));
        assertTrue(Files.readString(dir.resolve("zv.svg")).contains("zoomed to episodes 5"));
    }
}
