package cartpolelab.cli;

import static cartpolelab.cli.CliTest.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cartpolelab.io.CraftedCheckpoints;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 23: hostile files, flags and first-time mistakes on the command line. */
class HostileInputTest {

    @TempDir
    Path dir;

    /** One line (plus the "Try --help" line), no raw control character, of a sane length. */
    private static void assertOneSafeLine(CliTest.Run r, String message) {
        assertEquals(2, r.code(), r.out() + r.err());
        assertTrue(r.err().startsWith("error: ") && r.err().contains(message),
                "want '" + message + "' in: " + r.err());
        assertTrue(r.err().lines().count() <= 2, r.err());
        assertTrue(r.err().lines().allMatch(l -> l.length() < 1200), "a sane length");
        assertTrue((r.out() + r.err()).chars().noneMatch(c -> c < 0x20 && c != '\n'
                && c != '\r' || c == 0x7f), "no raw control character: " + r.err());
        assertFalse(r.err().contains("\tat ") || r.err().contains("Exception"), r.err());
    }

    @Test
    void aCraftedAlgorithmNameIsEscapedAndCut() throws IOException {
        Path evil = dir.resolve("evil.cplb");
        Files.write(evil, CraftedCheckpoints.withAlgorithmName(dir, "A2C\n\u001b[2J\u001b[31mPWNED"));
        CliTest.Run r = cli("eval", "--checkpoint", evil.toString());
        assertOneSafeLine(r, "unknown algorithm 'A2C\\n\\e[2J\\e[31mPWNED'");
        Files.write(evil, CraftedCheckpoints.withAlgorithmName(dir, "X".repeat(60_000)));
        CliTest.Run huge = cli("eval", "--checkpoint", evil.toString());
        assertOneSafeLine(huge, "more characters)");
        assertTrue(huge.err().contains("use another checkpoint"), "the fix stays: " + huge.err());
    }

    @Test
    void mergeNeutralisesFormulasAndEscapesInTheTableAndTheCsvs() throws IOException {
        Path shard = dir.resolve("shard.csv");
        assertEquals(0, cli("compare", "--algorithms", "a2c", "--seeds", "2", "--episodes", "3",
                "--hidden", "4", "--csv", shard.toString()).code());
        List<String> lines = new ArrayList<>(Files.readAllLines(shard));
        for (int i = 1; i < lines.size(); i++) {
            String[] c = lines.get(i).split(",", -1);
            if (c[2].equals("1")) {
                c[0] = "=cmd|'/c calc'!A1";
            } else {
                c[0] = "x\u001b[31mred";
                c[1] = "a2c\u001b";
            }
            lines.set(i, String.join(",", c));
        }
        Files.write(shard, lines);
        Path csv = dir.resolve("merged.csv");
        Path summary = dir.resolve("summary.csv");
        CliTest.Run r = cli("merge", "--csv", csv.toString(), "--summary", summary.toString(),
                shard.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("x\\e[31mred") && r.out().chars().noneMatch(c -> c == 0x1b),
                r.out());
        for (Path written : new Path[] {csv, summary}) {
            String text = Files.readString(written);
            assertTrue(text.chars().noneMatch(c -> c == 0x1b), text);
            assertTrue(text.lines().noneMatch(l -> l.startsWith("=") || l.contains(",=")),
                    "no cell starts a formula: " + text);
            assertTrue(text.contains("'=cmd|'/c calc'!A1,a2c,"), text);
        }
        // merging the merged file gives it back: the guard reads back as the same id
        Path again = dir.resolve("again.csv");
        assertEquals(0, cli("merge", "--csv", again.toString(), csv.toString()).code());
        assertEquals(Files.readString(csv), Files.readString(again));
    }

    @Test
    void aHugeArgumentFileIsRefusedWithoutReadingIt() throws IOException {
        Path big = dir.resolve("big.args");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(2L << 30); // sparse: no disk used
        }
        CliTest.Run r = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> cli("train", "@" + big));
        assertOneSafeLine(r, "more than an argument file may be");
        Path nesting = Files.writeString(dir.resolve("small.args"), "--episodes 3 @" + big);
        assertOneSafeLine(assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> cli("train", "@" + nesting)), "more than an argument file may be");
    }

    @Test
    void emptyAndImpossiblePathsAreNamedForWhatTheyAre() throws IOException {
        assertOneSafeLine(cli("train", "--episodes", "3", "--checkpoint", ""),
                "--checkpoint is empty");
        assertOneSafeLine(cli("eval", "--checkpoint", ""), "file name is empty");
        Path file = Files.writeString(dir.resolve("file"), "x");
        assertOneSafeLine(cli("train", "--episodes", "3", "--csv",
                file.resolve("x.csv").toString()), file + " is a file, not a directory");
    }

    @Test
    void twoNamesOfOneNewFileThroughALinkedDirectoryAreCaught() throws IOException {
        Path link = Files.createSymbolicLink(dir.resolve("linkdir"), dir);
        CliTest.Run r = cli("train", "--episodes", "3", "--csv", dir.resolve("s.csv")
                .toString(), "--checkpoint", link.resolve("s.csv").toString());
        assertOneSafeLine(r, "both name");
        assertFalse(Files.exists(dir.resolve("s.csv")));
    }

    @Test
    void aShardNamedLikeAFlagGetsTheWayToPassIt() {
        assertOneSafeLine(cli("merge", "--csv", dir.resolve("m.csv").toString(), "-shard.csv"),
                "needs '--' before it (-- -shard.csv) or './' in front (./-shard.csv)");
        // a command that takes no file names gets no such hint for a flag it lacks
        CliTest.Run r = cli("eval", "--checkpoint", "x.cplb", "--zzzz");
        assertOneSafeLine(r, "Unknown option: '--zzzz'");
        assertFalse(r.err().contains("file name"), r.err());
    }

    @Test
    void evalHelpStatesTheLimitItEnforces() {
        String help = cli("eval", "--help").out();
        String line = help.lines().filter(l -> l.strip().startsWith("--episodes=N")).findFirst()
                .orElseThrow();
        assertTrue(line.contains("1 to " + EvalCommand.MAX_EPISODES), line);
        assertFalse(help.contains("10000000"), help);
        assertOneSafeLine(cli("eval", "--checkpoint", "x.cplb", "--episodes",
                Integer.toString(EvalCommand.MAX_EPISODES + 1)),
                "--episodes must be in [1, " + EvalCommand.MAX_EPISODES + "]");
    }

    @Test
    void helpPrintsNoPicocliWarnings() {
        PrintStream saved = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            for (String command : new String[] {"compare", "merge", "train", "eval", "bench"}) {
                CliTest.Run r = cli(command, "--help");
                assertEquals(0, r.code());
                assertFalse((r.out() + r.err()).contains("picocli"), r.out() + r.err());
                assertTrue(r.out().contains("%") || !command.equals("compare"),
                        "the escaped % is shown: " + r.out());
            }
        } finally {
            System.setErr(saved);
        }
        assertFalse(captured.toString(StandardCharsets.UTF_8).contains("WARN"),
                captured.toString(StandardCharsets.UTF_8));
    }

    @Test
    void typosGetSuggestionsAndABadAlgorithmTheList() {
        assertOneSafeLine(cli("train", "--epsiodes", "3"), "did you mean --episodes");
        assertOneSafeLine(cli("trian"), "did you mean train?");
        CliTest.Run r = cli("train", "--algorithm", "ac2");
        assertOneSafeLine(r, "unknown algorithm 'ac2': use reinforce, reinforce-baseline, a2c or ppo");
        assertFalse(r.err().contains("java.lang"), r.err());
    }

    /** Every choice flag says what it takes, in one line, with no exception class in it. */
    @Test
    void everyBadChoiceGetsItsListInOneLine() {
        assertOneSafeLine(cli("train", "--preset", "foo"), "unknown preset 'foo': use notebook");
        assertOneSafeLine(cli("train", "--activation", "x"), "unknown activation 'x': use relu");
        assertOneSafeLine(cli("train", "--init", "x"), "unknown initialisation 'x': use pytorch");
        assertOneSafeLine(cli("train", "--optimiser", "x"), "unknown optimiser 'x': use adam");
        assertOneSafeLine(cli("train", "--lr-schedule", "x"), "unknown schedule 'x': use constant");
        assertOneSafeLine(cli("train", "--clip-schedule", "\u001b[2Jx"),
                "unknown schedule '\\e[2Jx': use constant");
        assertOneSafeLine(cli("train", "--activation", "y".repeat(60_000)), "use relu or tanh");
    }

    /** A flag the algorithm ignores names the algorithms that use it (PPO too, not "only A2C"). */
    @Test
    void anIgnoredFlagNamesTheAlgorithmsThatUseIt() {
        CliTest.Run r = cli("train", "--algorithm", "reinforce", "--entropy-coef", "0.1",
                "--episodes", "1", "--no-library");
        assertTrue(r.err().contains("A2C and PPO have one"), r.err());
    }
}
