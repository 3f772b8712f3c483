package cartpolelab.ui.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cartpolelab.cli.PlotBenchmark;
import cartpolelab.plot.ChartScheme;
import cartpolelab.plot.Figure;
import cartpolelab.plot.PlotPainter;
import java.util.Random;
import javafx.scene.Group;
import javafx.scene.Scene;
import javafx.scene.canvas.Canvas;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The kept rasters of a chart's faint runs are never stale: after a canvas has drawn 30 runs
 * from its raster, new data, another x range (zoom, axis), another size and another theme
 * each paint what a fresh canvas paints (and not the old picture), and an unchanged repaint
 * makes no new raster.
 */
@ExtendWith(ApplicationExtension.class)
class LayerRastersTest {

    private static final int W = 700;
    private static final int H = 320;
    private final Group root = new Group();

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(root, W, H));
        stage.show();
    }

    @AfterEach
    void standardColours(FxRobot robot) {
        robot.interact(() -> FxSurface.setScheme(ChartScheme.STANDARD));
    }

    /** A canvas of the window with its surface and painter. */
    private final class Chart {
        final Canvas canvas = new Canvas(W, H);
        final FxSurface surface = new FxSurface(canvas.getGraphicsContext2D());
        final PlotPainter painter = new PlotPainter();

        Chart() {
            root.getChildren().add(canvas);
        }

        int[] paint(Figure f, double w, double h, double to) {
            canvas.getGraphicsContext2D().clearRect(0, 0, W, H);
            painter.paint(surface, f, w, h, 0, to);
            WritableImage image = canvas.snapshot(null, null);
            int[] argb = new int[W * H];
            image.getPixelReader().getPixels(0, 0, W, H, PixelFormat.getIntArgbInstance(),
                    argb, 0, W);
            return argb;
        }
    }

    /**
     * Pixels whose colour differs by more than {@code tolerance} in a channel: 8 between a
     * raster and the same lines stroked (30 translucent lines composited in 8 bits, once on
     * a transparent image and once on the chart, round differently; measured at most 7), far
     * below what a stale or shifted raster changes.
     */
    private static int differing(int[] a, int[] b, int tolerance) {
        int n = 0;
        for (int i = 0; i < a.length; i++) {
            for (int shift = 0; shift < 32; shift += 8) {
                if (Math.abs((a[i] >> shift & 0xFF) - (b[i] >> shift & 0xFF)) > tolerance) {
                    n++;
                    break;
                }
            }
        }
        return n;
    }

    /** Paints {@code f} as given on a canvas that drew {@code before} from its raster. */
    private void assertFresh(FxRobot robot, Figure before, Figure f, double w, double h,
                             double to, Runnable change) {
        robot.interact(() -> {
            Chart kept = new Chart();
            double full = before.fullRange()[1];
            kept.paint(before, W, H, full);
            kept.paint(before, W, H, full); // seen twice: rasterised
            int[] old = kept.paint(before, W, H, full); // drawn from the raster
            assertEquals(1, kept.surface.rastersMade(), "an unchanged repaint uses the raster");
            change.run();
            int[] first = kept.paint(f, w, h, to);
            int[] again = kept.paint(f, w, h, to); // this one from a new raster
            int[] fresh = new Chart().paint(f, w, h, to);
            assertTrue(differing(old, fresh, 8) > 1000, "the change shows in the picture");
            assertEquals(0, differing(first, fresh, 0), "the changed runs, stroked");
            assertEquals(0, differing(again, fresh, 8), "the changed runs, from their raster");
            assertEquals(2, kept.surface.rastersMade(), "a raster of the new runs");
        });
    }

    @Test
    void newDataRepaintsTheRuns(FxRobot robot) {
        Figure a = PlotBenchmark.manyRuns(new Random(1));
        Figure b = PlotBenchmark.manyRuns(new Random(2));
        assertFresh(robot, a, b, W, H, b.fullRange()[1], () -> { });
    }

    @Test
    void zoomAndAxisRepaintTheRuns(FxRobot robot) {
        Figure a = PlotBenchmark.manyRuns(new Random(1));
        assertFresh(robot, a, a, W, H, 1200, () -> { });
    }

    @Test
    void aResizeRepaintsTheRuns(FxRobot robot) {
        Figure a = PlotBenchmark.manyRuns(new Random(1));
        assertFresh(robot, a, a, W - 90, H - 40, a.fullRange()[1], () -> { });
    }

    @Test
    void aThemeRepaintsTheRuns(FxRobot robot) {
        Figure a = PlotBenchmark.manyRuns(new Random(1));
        assertFresh(robot, a, a, W, H, a.fullRange()[1],
                () -> FxSurface.setScheme(ChartScheme.DARK));
    }
}
