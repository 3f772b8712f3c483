package cartpolelab.ui.chart;

import cartpolelab.cli.PlotBenchmark;
import cartpolelab.plot.Figure;
import cartpolelab.plot.PlotPainter;
import java.lang.management.ManagementFactory;
import java.util.Locale;
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
 * an unchanged canvas is measured apart and taken off. Two figures: a repaint whose 30 runs
 * are unchanged (their kept raster is drawn: hover, the band or mean, any repaint of the same
 * view) and one whose runs changed every frame (x range changing by a tenth of an episode each frame, as new
 * data, a zoom or a resize do: the runs are stroked and rasterised again). Each as wall time
 * and as the process's CPU time per frame (steadier on a shared machine), with the load
 * average. Not a test: run by hand, see the README's Speed section.
 */
public final class FxPlotBenchmark {

    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory
                    .getOperatingSystemMXBean();

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
        double load = OS.getSystemLoadAverage();
        CompletableFuture<double[][]> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                Canvas canvas = new Canvas(1100, 420);
                new Scene(new Group(canvas));
                FxSurface surface = new FxSurface(canvas.getGraphicsContext2D());
                PlotPainter painter = new PlotPainter();
                WritableImage image = new WritableImage(1100, 420);
                double to = many.fullRange()[1];
                int[] frames = {0};
                Runnable same = () -> {
                    painter.paint(surface, many, 1100, 420, 0, to);
                    canvas.snapshot(null, image);
                };
                Runnable changed = () -> {
                    painter.paint(surface, many, 1100, 420, 0, to - (frames[0]++ % 50) / 10.0);
                    canvas.snapshot(null, image);
                };
                Runnable still = () -> canvas.snapshot(null, image);
                result.complete(new double[][] {perFrame(same), perFrame(changed),
                        perFrame(still)});
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        double[][] r = result.get();
        double[] snap = r[2];
        System.out.printf(Locale.ROOT, "JavaFX canvas, 30 runs × 3k  %6.2f ms/frame  "
                + "(CPU %.2f ms; runs unchanged, drawn from their raster)%n",
                r[0][0] - snap[0], r[0][1] - snap[1]);
        System.out.printf(Locale.ROOT, "  the runs changed           %6.2f ms/frame  "
                + "(CPU %.2f ms; stroked and rasterised again)%n",
                r[1][0] - snap[0], r[1][1] - snap[1]);
        System.out.printf(Locale.ROOT, "  (less a snapshot's %.2f ms, CPU %.2f ms; 1100×420, "
                + "prism.order=sw, Monocle headless; load average %.2f before, %.2f after)%n",
                snap[0], snap[1], load, OS.getSystemLoadAverage());
        Platform.exit();
    }

    /**
     * Wall and process CPU milliseconds per frame after a warm-up (the JIT's work is done by
     * then): the best of five rounds of 30 frames, each figure on its own (a shared machine
     * only ever adds time).
     */
    private static double[] perFrame(Runnable frame) {
        for (int i = 0; i < 100; i++) {
            frame.run();
        }
        double[] best = {Double.MAX_VALUE, Double.MAX_VALUE};
        int n = 30;
        for (int round = 0; round < 5; round++) {
            long cpu0 = OS.getProcessCpuTime();
            long t0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                frame.run();
            }
            best[0] = Math.min(best[0], (System.nanoTime() - t0) / 1e6 / n);
            best[1] = Math.min(best[1], (OS.getProcessCpuTime() - cpu0) / 1e6 / n);
        }
        return best;
    }
}
