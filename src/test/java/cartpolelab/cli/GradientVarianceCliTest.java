package cartpolelab.cli;

import static cartpolelab.cli.CliTest.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code train --grad-variance-every K}: the CSV's gradvar/ columns, and bad values refused. */
class GradientVarianceCliTest {

    @TempDir
    Path dir;

    @Test
    void trainWritesTheMeasurementsEveryKEpisodesAndTheSameRewardsAsWithout() throws Exception {
        Path on = dir.resolve("on.csv");
        Path off = dir.resolve("off.csv");
        CliTest.Run r = cli("train", "--episodes", "30", "--hidden", "16", "--seed", "2",
                "--quiet", "--grad-variance-every", "10", "--grad-variance-episodes", "3",
                "--csv", on.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("gradvar      median of 3 measurements: REINFORCE "),
                r.out());
        assertEquals(0, cli("train", "--episodes", "30", "--hidden", "16", "--seed", "2",
                "--quiet", "--csv", off.toString()).code());
        List<String> withProbe = Files.readAllLines(on);
        List<String> without = Files.readAllLines(off);
        assertTrue(withProbe.get(0).endsWith(",gradvar/reinforce,gradvar/baseline,gradvar/td,"
                + "gradvar/learner,ppo/approx_kl,ppo/clip_fraction"), withProbe.get(0));
        assertEquals(31, withProbe.size());
        for (int n = 1; n <= 30; n++) {
            String[] cells = withProbe.get(n).split(",", -1);
            String[] plain = without.get(n).split(",", -1);
            for (int c = 0; c < 7; c++) {
                assertEquals(plain[c], cells[c], "episode " + n + " column " + c);
            }
            assertEquals(List.of("", "", "", ""), List.of(plain).subList(10, 14));
            if (n % 10 == 0) {
                for (int c = 10; c < 14; c++) {
                    assertTrue(Double.parseDouble(cells[c]) > 0, withProbe.get(n));
                }
            } else {
                assertEquals(List.of("", "", "", ""), List.of(cells).subList(10, 14), "row " + n);
            }
        }
    }

    @Test
    void badValuesAreOneLineAndExitTwoBeforeTraining() {
        refused(cli("train", "--grad-variance-every", "-1"),
                "--grad-variance-every must be in [0, 10000000] (0 = off), was -1");
        refused(cli("train", "--grad-variance-every", "10", "--grad-variance-episodes", "1"),
                "--grad-variance-episodes must be in [2, 10000], was 1");
        refused(cli("train", "--grad-variance-every", "10", "--grad-variance-episodes",
                "20000"), "--grad-variance-episodes must be in [2, 10000], was 20000");
        refused(cli("train", "--grad-variance-every", "ten"), "'ten' is not an int");
    }

    @Test
    void episodesWithoutAnIntervalGetANote() {
        CliTest.Run r = cli("train", "--episodes", "3", "--hidden", "8", "--quiet",
                "--grad-variance-episodes", "4");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("note: --grad-variance-episodes does nothing without "
                + "--grad-variance-every K"), r.err());
        assertFalse(r.out().contains("gradvar"), r.out());
    }

    private static void refused(CliTest.Run r, String message) {
        assertEquals(2, r.code(), r.out() + r.err());
        assertTrue(r.err().startsWith("error: ") && r.err().contains(message),
                "want '" + message + "' in: " + r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
        assertTrue(r.err().lines().count() <= 2, r.err());
        assertFalse(r.out().contains("training "), "nothing ran: " + r.out());
    }
}
