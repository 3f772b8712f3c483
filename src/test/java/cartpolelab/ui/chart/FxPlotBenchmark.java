package cartpolelab.ui.chart;

import cartpolelab.cli.PlotBenchmark;
import cartpolelab.plot.Figure;
import cartpolelab.plot.PlotPainter;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.scene.Group;
import javafx.scene.Scene;
import javafx.scene.canvas.Canvas;
import javafx.scene.image.WritableImage;

/**
 * {@code bench --plots}' 30 runs × 3,000 episodes on a JavaFX {@link Canvas} with the
 * software pipeline, headless (Monocle), as the window paints it: each frame is painted and
 * rendered (a snapshot makes Prism render the canvas's commands); the cost of a snapshot of
 * an unchanged canvas is measured apart and taken off. Not a test: run by hand, see README.
 */
public final class FxPlotBenchmark {

    private FxPlotBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("prism.order", "sw");
        System.setProperty("prism.text", "t2k");
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get();
        Figure many = PlotBenchmark.manyRuns(new Random(1));
        CompletableFuture<double[]> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                Canvas canvas = new Canvas(1100, 420);
                new Scene(new Group(canvas));
                FxSurface surface = new FxSurface(canvas.getGraphicsContext2D());
                PlotPainter painter = new PlotPainter();
                WritableImage image = new WritableImage(1100, 420);
                Runnable frame = () -> {
                    painter.paint(surface, many, 1100, 420);
                    canvas.snapshot(null, image);
                };
                Runnable still = () -> canvas.snapshot(null, image);
                double withPaint = perFrame(frame);
                double snapshotOnly = perFrame(still);
                result.complete(new double[] {withPaint, snapshotOnly});
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        double[] r = result.get();
        System.out.printf(java.util.Locale.ROOT, "JavaFX canvas, 30 runs × 3k  %6.2f ms/frame"
                + "    (paint and render %.2f ms, less a snapshot's %.2f ms; 1100×420, "
                + "prism.order=sw, Monocle headless)%n", r[0] - r[1], r[0], r[1]);
        Platform.exit();
    }

    private static double perFrame(Runnable frame) {
        for (int i = 0; i < 20; i++) {
            frame.run();
        }
        int n = 60;
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            frame.run();
        }
        return (System.nanoTime() - t0) / 1e6 / n;
    }
}
