package cartpolelab.cli;

import static cartpolelab.cli.CliTest.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --envs N}: bad values are one line, train and compare run the same runs, presets compare side by side. */
class EnvsCliTest {

    private static void assertOneLine(String contains, String... args) {
        CliTest.Run r = cli(args);
        assertEquals(2, r.code(), r.out() + r.err());
        String first = r.err().lines().findFirst().orElse("");
        assertTrue(first.startsWith("error: ") && first.contains(contains), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
        assertTrue(r.err().lines().count() <= 2, r.err());
    }

    @Test
    void badEnvironmentCountsAreOneLineExitTwo() {
        assertOneLine("--envs must be in [1, 64], was 0", "train", "--envs", "0");
        assertOneLine("--envs must be in [1, 64], was 65", "train", "--envs", "65");
        assertOneLine("--envs must be 1 when updates come at each episode's end", "train",
                "--envs", "4", "--n-steps", "0");
        assertOneLine("--envs must be 1", "train", "--envs", "4", "--algorithm", "reinforce");
        assertOneLine("sb3-a3c", "compare", "--sweep", "preset=notebook,sb3-a3c");
    }

    /** The per-episode rewards of a CSV, in order. */
    private static List<String> rewards(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        int at = List.of(lines.get(0).split(",")).indexOf("episode/reward");
        return lines.stream().skip(1).map(l -> l.split(",")[at]).toList();
    }

    @Test
    void trainAndCompareRunTheSameFourEnvironmentRun(@TempDir Path dir) throws IOException {
        Path a = dir.resolve("train.csv");
        Path b = dir.resolve("compare.csv");
        CliTest.Run r = cli("train", "--envs", "4", "--hidden", "16", "--episodes", "40",
                "--seed", "2", "--csv", a.toString(), "--no-library", "--quiet");
        assertEquals(0, r.code(), r.err());
        r = cli("compare", "--algorithms", "a2c", "--envs", "4", "--hidden", "16",
                "--episodes", "40", "--seeds", "2", "--csv", b.toString(), "--no-library");
        assertEquals(0, r.code(), r.err());
        List<String> want = rewards(a);
        List<String> all = rewards(b);
        assertEquals(40, want.size());
        assertEquals(want, all.subList(40, 80), "seed 2 is the second run of the grid");
    }

    @Test
    void thePresetsCompareSideBySide() {
        CliTest.Run r = cli("compare", "--sweep", "preset=sb3-ppo,notebook,sb3-a2c", "--seeds",
                "1", "--episodes", "3", "--env", "v1", "--max-steps", "500", "--no-library");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("3 presets × 1 seeds"), r.out());
        assertTrue(r.out().indexOf("a2c preset=notebook") < r.out().indexOf(
                "a2c preset=sb3-a2c") && r.out().contains("ppo preset=sb3-ppo"), r.out());
    }
}
