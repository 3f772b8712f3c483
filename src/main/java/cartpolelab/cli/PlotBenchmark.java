package cartpolelab.cli;

import cartpolelab.agent.Hyperparameters;
import cartpolelab.io.Java2DSurface;
import cartpolelab.io.PlotFiles;
import cartpolelab.metrics.EpisodeHistory;
import cartpolelab.metrics.EpisodeStats;
import cartpolelab.plot.Band;
import cartpolelab.plot.Column;
import cartpolelab.plot.Figure;
import cartpolelab.plot.Palette;
import cartpolelab.plot.Panel;
import cartpolelab.plot.PlotPainter;
import cartpolelab.plot.RunFigures;
import cartpolelab.plot.Series;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

/**
 * The plot painter's cost per frame on a 1100 × 420 Java2D image (software rendering, like a
 * window without a GPU): one run of 100,000 episodes (reward chart), 30 runs of 3,000
 * episodes (30 faint lines, a 10–90 % band, the mean), and writing the 100,000-episode PNG.
 */
public final class PlotBenchmark {

    record Result(double oneRunMs, double manyRunsMs, double pngMs) {
    }

    private PlotBenchmark() {
    }

    static Result run() throws Exception {
        Random random = new Random(1);
        EpisodeHistory h = new EpisodeHistory();
        double ma = 20;
        for (int e = 1; e <= 100_000; e++) {
            double r = random.nextDouble() < Math.min(1, e / 3000.0) ? 200 : 10
                    + random.nextInt(190);
            ma += (r - ma) / 50;
            h.add(new EpisodeStats(e, r, (int) r, ma, random.nextGaussian(), 50 * random
                    .nextDouble(), 0.6, e * 150L, e * 1e-3, 1e5));
        }
        Hyperparameters hp = Hyperparameters.DEFAULTS.withEpisodes(100_000);
        Figure one = RunFigures.reward(h, PlotFiles.describe(hp, 2757));
        one.catchUp();
        Figure many = manyRuns(random);
        BufferedImage image = new BufferedImage(1100, 420, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        Java2DSurface surface = new Java2DSurface(g);
        PlotPainter painter = new PlotPainter();
        double oneMs = perFrame(() -> painter.paint(surface, one, 1100, 420));
        double manyMs = perFrame(() -> painter.paint(surface, many, 1100, 420));
        g.dispose();
        Path png = Files.createTempFile("cartpole-bench", ".png");
        try {
            for (int i = 0; i < 3; i++) {
                PlotFiles.write(png, RunFigures.reward(h, h.size(), PlotFiles.describe(hp, h)),
                        PlotFiles.DEFAULT_WIDTH, PlotFiles.DEFAULT_HEIGHT);
            }
            long t0 = System.nanoTime();
            int n = 5;
            for (int i = 0; i < n; i++) {
                PlotFiles.write(png, RunFigures.reward(h, h.size(), PlotFiles.describe(hp, h)),
                        PlotFiles.DEFAULT_WIDTH, PlotFiles.DEFAULT_HEIGHT);
            }
            return new Result(oneMs, manyMs, (System.nanoTime() - t0) / 1e6 / n);
        } finally {
            Files.deleteIfExists(png);
        }
    }

    /** The benchmark's 30 runs × 3,000 episodes: faint runs, a 10–90 % band, the mean. */
    public static Figure manyRuns(Random random) {
        int runs = 30;
        int n = 3000;
        double[][] v = new double[runs][n];
        for (double[] run : v) {
            double level = 20;
            for (int i = 0; i < n; i++) {
                level += (Math.min(200, 20 + i / 10.0) - level) * 0.01;
                run[i] = Math.max(8, Math.min(200, level + random.nextGaussian() * 30));
            }
        }
        double[] lo = new double[n];
        double[] hi = new double[n];
        double[] mean = new double[n];
        double[] sorted = new double[runs];
        for (int i = 0; i < n; i++) {
            for (int r = 0; r < runs; r++) {
                sorted[r] = v[r][i];
                mean[i] += v[r][i] / runs;
            }
            Arrays.sort(sorted);
            lo[i] = sorted[3];
            hi[i] = sorted[26];
        }
        Panel p = new Panel("Reward", 1).add(new Band("10–90 % of runs", Column.of(lo),
                Column.of(hi), Palette.argb(Palette.REWARD, 0.2)));
        for (double[] run : v) {
            p.add(new Series(null, Column.of(run), Palette.argb(Palette.REWARD, 0.15), 1, null,
                    Series.Kind.FAINT));
        }
        p.add(new Series("Mean of 30 runs", Column.of(mean), Palette.argb(Palette.REWARD),
                2.2, null, Series.Kind.SMOOTH));
        Figure f = new Figure("30 runs", "A2C · seeds 1–30", "Episode").add(p);
        f.catchUp();
        return f;
    }

    private static double perFrame(Runnable frame) {
        for (int i = 0; i < 30; i++) {
            frame.run();
        }
        int n = 100;
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            frame.run();
        }
        return (System.nanoTime() - t0) / 1e6 / n;
    }
}
