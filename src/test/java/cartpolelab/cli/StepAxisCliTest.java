package cartpolelab.cli;

import static cartpolelab.cli.CliTest.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Curves over environment steps on the command line, and steps to solve in the summary. */
class StepAxisCliTest {

    @TempDir
    Path dir;

    @Test
    void chartsOverStepsAreWrittenAndBadAxesRefused() throws Exception {
        Path svg = dir.resolve("r.svg");
        CliTest.Run r = cli("train", "--episodes", "30", "--hidden", "8", "--quiet",
                "--x-axis", "steps", "--svg", svg.toString());
        assertEquals(0, r.code(), r.err());
        String text = Files.readString(svg);
        assertTrue(text.contains("Environment steps"), "x label");
        CliTest.Run bad = cli("train", "--episodes", "3", "--x-axis", "time");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("--x-axis") && bad.err().contains("episodes or steps"),
                bad.err());
    }

    @Test
    void theSummaryHasTheStepOfSolvingBesideTheEpisode() throws Exception {
        Path summary = dir.resolve("s.csv");
        Path tidy = dir.resolve("t.csv");
        CliTest.Run r = cli("compare", "--algorithms", "a2c", "--seeds", "1",
                "--episodes", "950", "--gae-lambda", "1", "--n-steps", "0",
                "--summary", summary.toString(), "--csv", tidy.toString(),
                "--x-axis", "steps", "--png", dir.resolve("c.png").toString());
        assertEquals(0, r.code(), r.err());
        List<String> lines = Files.readAllLines(summary);
        List<String> header = List.of(lines.get(0).split(",", -1));
        String[] run = lines.get(1).split(",", -1);
        int at = Integer.parseInt(run[header.indexOf("solved_at")]);
        long atStep = Long.parseLong(run[header.indexOf("solved_at_step")]);
        // the tidy CSV's total steps of the solving episode
        List<String> rows = Files.readAllLines(tidy);
        List<String> tidyHeader = List.of(rows.get(0).split(","));
        String[] solving = rows.get(at).split(",");
        assertEquals(Long.parseLong(solving[tidyHeader.indexOf("perf/total_steps")]), atStep);
        String[] group = lines.get(2).split(",", -1);
        assertEquals(atStep, (long) Double.parseDouble(
                group[header.indexOf("steps_to_solve_median")]));
        assertTrue(r.out().contains("median steps to solve"), r.out());
    }
}
