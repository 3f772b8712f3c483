package cartpolelab.cli;

import static cartpolelab.cli.CliTest.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code compare} and {@code merge}, in-process, as a user types them. */
class CompareCliTest {

    @TempDir
    Path dir;

    /** A small grid: 2 algorithms × 2 values × 2 seeds, 30 episodes, small networks. */
    private static final String[] GRID = {"--algorithms", "a2c,reinforce", "--seeds", "2",
        "--sweep", "lr=1e-3,3e-4", "--episodes", "30", "--hidden", "16", "--threads", "2",
        "--episodes-per-turn", "4"};

    private CliTest.Run compare(String... more) {
        List<String> args = new ArrayList<>(List.of("compare"));
        args.addAll(List.of(GRID));
        args.addAll(List.of(more));
        return cli(args.toArray(String[]::new));
    }

    private String p(String name) {
        return dir.resolve(name).toString();
    }

    @Test
    void shardsMergedWriteWhatOneUnshardedRunWrites() throws Exception {
        CliTest.Run whole = compare("--csv", p("runs.csv"), "--summary", p("summary.csv"),
                "--png", p("chart.png"), "--svg", p("chart.svg"));
        assertEquals(0, whole.code(), whole.err());
        assertTrue(whole.out().contains("8 runs (2 algorithms × 2 seeds × 2 values of lr)"),
                whole.out());
        assertTrue(whole.out().contains("P(row solves sooner than column)"), whole.out());
        assertNotNull(ImageIO.read(dir.resolve("chart.png").toFile()));
        assertTrue(Files.readString(dir.resolve("chart.svg")).contains("<svg"),
                "--png and --svg in one run write both");

        for (int k = 1; k <= 3; k++) {
            CliTest.Run shard = compare("--shard", k + "/3", "--csv", p("shard" + k + ".csv"),
                    "--quiet");
            assertEquals(0, shard.code(), shard.err());
        }
        CliTest.Run merged = cli("merge", "--csv", p("merged.csv"), "--summary",
                p("merged-summary.csv"), p("shard3.csv"), p("shard1.csv"), p("shard2.csv"));
        assertEquals(0, merged.code(), merged.err());
        assertTrue(merged.out().contains("merged 8 runs from 3 files"), merged.out());

        List<String> want = Files.readAllLines(dir.resolve("runs.csv"));
        List<String> got = Files.readAllLines(dir.resolve("merged.csv"));
        assertEquals("run,algorithm,seed,sweep/lr,episode,episode/reward,episode/length,",
                want.get(0).substring(0, 66));
        assertEquals(1 + 8 * 30, want.size());
        assertEquals(want.size(), got.size());
        // every column but the two clocks is the same, bit for bit
        List<String> header = Arrays.asList(want.get(0).split(","));
        int wall = header.indexOf("perf/wall_seconds");
        int speed = header.indexOf("perf/steps_per_sec");
        for (int i = 0; i < want.size(); i++) {
            String[] a = want.get(i).split(",");
            String[] b = got.get(i).split(",");
            if (i > 0) {
                a[wall] = b[wall] = a[speed] = b[speed] = "";
            }
            assertEquals(String.join(",", a), String.join(",", b), "line " + (i + 1));
        }
        assertEquals(Files.readString(dir.resolve("summary.csv")),
                Files.readString(dir.resolve("merged-summary.csv")));

        List<String> summary = Files.readAllLines(dir.resolve("summary.csv"));
        List<String> cols = Arrays.asList(summary.get(0).split(",", -1));
        assertTrue(cols.containsAll(List.of("algorithm", "seed", "solved_at", "sweep/lr",
                "p_sooner_than/a2c lr=3e-4")), summary.get(0));
        assertEquals(1 + 8 + 4, summary.size(), "a row per run, then per group");
        String[] first = summary.get(1).split(",", -1);
        assertEquals("reinforce-lr=3e-4-s1", first[cols.indexOf("run")]);
        assertEquals("", first[cols.indexOf("solved_at")], "30 episodes never solve");
        assertEquals(cols.size(), first.length);
        String[] group = summary.get(9).split(",", -1);
        assertEquals("group", group[0]);
        assertEquals("2", group[cols.indexOf("runs")]);
        assertEquals("0.5", group[cols.indexOf("p_sooner_than/reinforce lr=3e-4")],
                "a group against itself");
    }

    @Test
    void badGridFlagsGetOneLineAndExitCode2BeforeAnyWork() {
        String[][] cases = {
            {"--seeds", "x", "--seeds x is neither a count nor a list"},
            {"--seeds", "1,1", "a seed is given twice"},
            {"--sweep", "seed=1,2", "--sweep cannot sweep 'seed'"},
            {"--sweep", "lr=5", "sweep value 5 of lr is out of range"},
            {"--shard", "3/2", "shard 3/2 does not exist"},
            {"--shard", "half", "--shard half is not K/N"},
            {"--threads", "0", "--threads must be in [1, 1024]"},
            {"--algorithms", "dqn", "unknown algorithm 'dqn'"},
            {"--seed", "3", "--seed does not apply to compare: use --seeds"},
            {"--band", "iqr", "--band iqr is not a band"},
            {"--csv", "/", "is a directory"},
        };
        for (String[] c : cases) {
            CliTest.Run r = cli("compare", "--episodes", "5", c[0], c[1]);
            assertEquals(2, r.code(), String.join(" ", c) + ": " + r.err());
            assertTrue(r.err().startsWith("error: ") && r.err().contains(c[2]),
                    "want '" + c[2] + "' in: " + r.err());
            assertTrue(r.err().lines().count() <= 2, r.err());
            assertFalse(r.err().contains("\tat "), r.err());
            assertFalse(r.out().contains("runs ("), "nothing ran: " + r.out());
        }
        CliTest.Run missing = cli("merge", "--csv", p("m.csv"), p("nope.csv"));
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("cannot read shard") && missing.err().contains(
                "does not exist"), missing.err());
        CliTest.Run nothing = cli("merge", p("nope.csv"));
        assertEquals(2, nothing.code());
        assertTrue(nothing.err().contains("nothing to write"), nothing.err());
    }

    @Test
    void mergeRefusesARunGivenTwice() throws Exception {
        CliTest.Run shard = compare("--shard", "1/4", "--csv", p("s1.csv"), "--quiet");
        assertEquals(0, shard.code(), shard.err());
        CliTest.Run r = cli("merge", "--csv", p("m.csv"), p("s1.csv"), p("s1.csv"));
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("give each shard once"), r.err());
        assertFalse(Files.exists(dir.resolve("m.csv")));
    }
}
