package cartpolelab.ui.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cartpolelab.agent.Hyperparameters;
import cartpolelab.plot.Figure;
import cartpolelab.plot.XAxis;
import cartpolelab.train.TrainingRun;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Save plots over environment steps: the file has the window's axis and a zoom in steps. */
class PlotExportStepsTest {

    @TempDir
    Path dir;

    @Test
    void theExportFollowsTheWindowsAxisAndNamesAZoomInSteps() throws Exception {
        Hyperparameters hp = Hyperparameters.DEFAULTS.withHiddenSize(8).withEpisodes(30);
        TrainingRun run = new TrainingRun(hp);
        run.train(false, null);
        PlotExport plain = new PlotExport(run.history(), 30, hp, -1, false, 800, 400,
                new double[] {2, 5});
        Figure f = plain.over(XAxis.STEPS).figure();
        assertEquals(XAxis.STEPS.label(), f.xLabel);
        assertEquals("Episode", plain.figure().xLabel);
        Path svg = dir.resolve("r.svg");
        plain.over(XAxis.STEPS).write(svg);
        String text = Files.readString(svg);
        assertTrue(text.contains("zoomed to steps 200\u2013500"), "the zoom in steps");
        assertTrue(text.contains("Environment steps"), "the axis");
    }
}
