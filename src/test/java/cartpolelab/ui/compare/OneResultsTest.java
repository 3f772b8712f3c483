package cartpolelab.ui.compare;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cartpolelab.agent.Algorithm;
import cartpolelab.agent.Hyperparameters;
import cartpolelab.cli.Cli;
import cartpolelab.io.ExperimentCsv;
import cartpolelab.metrics.Center;
import cartpolelab.metrics.Spread;
import cartpolelab.plot.XAxis;
import cartpolelab.results.ExperimentResults;
import cartpolelab.results.ExperimentSummary;
import cartpolelab.train.Experiment;
import cartpolelab.train.ExperimentSpec;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One experiment, one set of numbers: {@code compare}'s table, its summary CSV and the
 * Compare view's data agree, and each reads statistics computed once (counted by
 * {@link ExperimentResults#computations()}).
 */
class OneResultsTest {

    @TempDir
    Path dir;

    @Test
    void theCliTheWritersAndTheWindowGiveTheSameNumbersComputedOnce() throws Exception {
        // REINFORCE + baseline solves these three seeds by episode 300; REINFORCE solves one
        Path summary = dir.resolve("summary.csv");
        StringWriter out = new StringWriter();
        int before = ExperimentResults.computations();
        int code = Cli.run(new PrintWriter(out), new PrintWriter(new StringWriter()),
                "compare", "--no-library", "--quiet", "--algorithms",
                "reinforce-baseline,reinforce", "--lr", "3e-3", "--seeds", "3", "--episodes",
                "400", "--threads", "2", "--csv", dir.resolve("runs.csv").toString(),
                "--summary", summary.toString(), "--png", dir.resolve("c.png").toString(),
                "--svg", dir.resolve("c.svg").toString());
        assertEquals(0, code, out.toString());
        // the table, both CSVs and both chart files: one summary and one chart (the PNG and
        // the SVG share the line, band and axis)
        assertEquals(2, ExperimentResults.computations() - before);

        Hyperparameters hp = Hyperparameters.DEFAULTS.withLearningRate(3e-3).withEpisodes(400);
        ExperimentSpec spec = ExperimentSpec.of(hp, List.of(Algorithm.REINFORCE_BASELINE,
                Algorithm.REINFORCE), List.of(1L, 2L, 3L)).withThreads(2);
        try (Experiment e = new Experiment(spec)) {
            e.start();
            assertTrue(e.awaitDone(Duration.ofSeconds(300)));
            before = ExperimentResults.computations();
            CompareData d = CompareData.of(e, Center.MEAN, Spread.BOOTSTRAP, XAxis.EPISODES,
                    null);
            assertEquals(2, ExperimentResults.computations() - before, "results and a chart");
            // another line on the finished experiment: its chart, nothing else
            CompareData iqm = CompareData.of(e, Center.IQM, Spread.BOOTSTRAP, XAxis.EPISODES,
                    d.results());
            assertSame(d.results(), iqm.results());
            assertEquals(3, ExperimentResults.computations() - before);

            // the window's summary CSV is the command's, byte for byte
            Path windowSummary = dir.resolve("window-summary.csv");
            ExperimentCsv.writeSummary(windowSummary, d.results());
            assertArrayEquals(Files.readAllBytes(summary), Files.readAllBytes(windowSummary));

            // the window's rows and the command's table say the same
            ExperimentSummary s = d.summary();
            assertEquals(6, d.lines().size());
            int solved = 0;
            for (CompareData.RunLine line : d.lines()) {
                ExperimentSummary.Run r = d.results().line(line.id());
                assertEquals(r.solvedAt(), line.solvedAt());
                assertEquals(r.finalMa50(), line.finalMa50());
                solved += line.solvedAt() > 0 ? 1 : 0;
                String row = out.toString().lines().filter(l -> l.startsWith(line.id() + " "))
                        .findFirst().orElseThrow();
                assertTrue(row.contains(String.format(java.util.Locale.ROOT, "%.1f",
                        line.finalMa50())), row);
            }
            assertTrue(solved >= 3, "some runs solve: the steps-to-solve figures are numbers");
            for (ExperimentSummary.Group g : s.groups()) {
                String row = out.toString().lines().filter(l -> l.startsWith(g.key() + " "))
                        .findFirst().orElseThrow();
                assertTrue(row.contains(g.solved() + "/" + g.runs()), row);
                assertTrue(row.contains(ExperimentResults.interval(g.solveMedian(), "%.0f")),
                        row);
                assertTrue(row.contains(ExperimentResults.interval(g.stepsMedian(), "%,.0f")),
                        row);
            }
        }
    }
}
