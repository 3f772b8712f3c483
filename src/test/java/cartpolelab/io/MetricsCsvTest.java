package cartpolelab.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cartpolelab.metrics.EpisodeHistory;
import cartpolelab.metrics.EpisodeStats;
import cartpolelab.metrics.GradientVariance;
import cartpolelab.metrics.GradientVarianceHistory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gradient-variance columns: last in the header, values on measured rows, else empty. */
class MetricsCsvTest {

    @TempDir
    Path dir;

    private static EpisodeStats episode(int n) {
        return new EpisodeStats(n, 10 + n, 10 + n, 10 + n, -0.5, 3.0, 0.6, 100L * n, 0.1 * n,
                1000);
    }

    @Test
    void gradientVarianceColumnsHoldMeasurementsOnTheirRowsAndAreEmptyElsewhere()
            throws IOException {
        EpisodeHistory history = new EpisodeHistory();
        GradientVarianceHistory g = new GradientVarianceHistory();
        for (int n = 1; n <= 6; n++) {
            history.add(episode(n));
        }
        g.add(new GradientVariance(2, 2, 1234.5, 67.25, 8.0e-3, 0.5, 8));
        g.add(new GradientVariance(5, 5, 2e6, 1e5, 0.125, 3.0, 8));
        Path csv = dir.resolve("m.csv");
        MetricsCsv.write(csv, history, g);
        List<String> lines = Files.readAllLines(csv);
        assertEquals(7, lines.size());
        String[] header = lines.get(0).split(",");
        assertEquals(16, header.length);
        assertEquals(List.of("gradvar/reinforce", "gradvar/baseline", "gradvar/td",
                "gradvar/learner"), List.of(header).subList(10, 14));
        for (int n = 1; n <= 6; n++) {
            String[] cells = lines.get(n).split(",", -1);
            assertEquals(16, cells.length, lines.get(n));
            assertEquals(List.of("", ""), List.of(cells).subList(14, 16), "no PPO here");
            assertEquals(String.valueOf(n), cells[0]);
            List<String> last = List.of(cells).subList(10, 14);
            if (n == 2) {
                assertEquals(List.of("1234.5", "67.25", "0.008", "0.5"), last);
            } else if (n == 5) {
                assertEquals(List.of("2000000.0", "100000.0", "0.125", "3.0"), last);
            } else {
                assertEquals(List.of("", "", "", ""), last, "row " + n);
            }
        }
        // without measurements: the same header, every gradient-variance cell empty
        MetricsCsv.write(csv, history);
        for (String line : Files.readAllLines(csv).subList(1, 7)) {
            assertTrue(line.endsWith(",,,,,,") && line.split(",", -1).length == 16, line);
        }
        assertEquals(MetricsCsv.row(episode(3)), MetricsCsv.row(episode(3), null));
        assertEquals(16, MetricsCsv.row(episode(3)).split(",", -1).length,
                "row(EpisodeStats) matches header()");
    }

    @Test
    void ppoColumnsHoldTheEpisodesMeasuresAndReadBack() throws IOException {
        EpisodeStats ppo = new EpisodeStats(1, 20, 20, 20, -0.01, 2.5, 0.68, 20, 0.1, 200,
                0.0123, 0.25);
        String[] header = MetricsCsv.header().split(",");
        assertEquals(List.of("ppo/approx_kl", "ppo/clip_fraction"),
                List.of(header).subList(14, 16));
        String row = MetricsCsv.row(ppo);
        assertTrue(row.endsWith(",,,,,0.0123,0.25"), row);
        Path csv = dir.resolve("r.csv");
        MetricsRow back = MetricsRow.parse(row.split(",", -1), 0, csv, 2);
        assertEquals(ppo, back.stats());
        MetricsRow none = MetricsRow.parse(MetricsCsv.row(episode(2)).split(",", -1), 0, csv, 3);
        assertTrue(Double.isNaN(none.stats().approxKl()) && !none.stats().hasPpo());
        // one of the two cells alone is a damaged file, named
        IOException e = org.junit.jupiter.api.Assertions.assertThrows(IOException.class,
                () -> MetricsRow.parse((MetricsCsv.row(episode(2)) + "x").replace(",,x", ",0.5,")
                        .split(",", -1), 0, csv, 4));
        assertTrue(e.getMessage().contains("ppo/clip_fraction"), e.getMessage());
        // headers of earlier builds: 2 (no ppo/) or 3 (no gradvar/learner either) columns short
        String old = String.join(",", java.util.Arrays.copyOf(header, 14));
        assertEquals(2, MetricsCsv.missingColumns(old));
        assertEquals(3, MetricsCsv.missingColumns(String.join(",",
                java.util.Arrays.copyOf(header, 13))));
        assertEquals(0, MetricsCsv.missingColumns(MetricsCsv.header()));
        assertEquals(-1, MetricsCsv.missingColumns("episode,reward"));
    }
}
