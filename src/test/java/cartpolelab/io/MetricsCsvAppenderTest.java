package cartpolelab.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cartpolelab.metrics.EpisodeHistory;
import cartpolelab.metrics.EpisodeStats;
import cartpolelab.metrics.GradientVariance;
import cartpolelab.metrics.GradientVarianceHistory;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetricsCsvAppenderTest {

    @TempDir
    Path dir;

    @Test
    void appendingInPiecesWritesExactlyTheWholeFilesBytes() throws Exception {
        EpisodeHistory h = new EpisodeHistory();
        GradientVarianceHistory g = new GradientVarianceHistory();
        Path appended = dir.resolve("a.csv");
        Files.writeString(appended, "an old file of the user's, replaced at the first append");
        try (MetricsCsvAppender a = new MetricsCsvAppender(appended)) {
            for (int i = 1; i <= 2500; i++) {
                h.add(new EpisodeStats(i, i % 200, i % 200, 0.5 * i, -0.25, 1.5e3, 0.69, 7L * i,
                        0.001 * i, 1e5 / 3));
                if (i % 150 == 0) {
                    g.add(new GradientVariance(i, i, 1.0 / i, 2e6, 3e-5, 4e-5, 8));
                }
                if (i % 1000 == 0 || i == 1) {
                    a.append(h, g);
                    assertEquals(i + 1, Files.readAllLines(appended).size());
                }
            }
            a.append(h, g);
        }
        Path whole = dir.resolve("w.csv");
        MetricsCsv.write(whole, h, g);
        assertArrayEquals(Files.readAllBytes(whole), Files.readAllBytes(appended));
    }
}
