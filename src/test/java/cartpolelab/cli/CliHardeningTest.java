package cartpolelab.cli;

import static cartpolelab.cli.CliTest.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cartpolelab.io.Checkpoint;
import cartpolelab.train.RunSnapshot;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command-line points of issue 13: checked before work, one line, nothing lost. */
class CliHardeningTest {

    @TempDir
    Path dir;

    private static void assertRefusedBeforeWork(CliTest.Run r, String message) {
        assertEquals(2, r.code(), r.out() + r.err());
        assertTrue(r.err().startsWith("error: ") && r.err().contains(message),
                "want '" + message + "' in: " + r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
        assertTrue(r.err().lines().count() <= 2, r.err());
        assertFalse(r.out().contains("training ") || r.out().contains("steps/s"),
                "nothing ran: " + r.out());
    }

    @Test
    void twoOutputsNamingOneFileAreRefusedBeforeTraining() {
        Path same = dir.resolve("out");
        assertRefusedBeforeWork(cli("train", "--episodes", "5", "--csv", same.toString(),
                "--checkpoint", same.toString()), "both name");
        assertRefusedBeforeWork(cli("train", "--episodes", "5", "--csv", same.toString(),
                "--png", dir.resolve(".").resolve("out").toString()), "both name");
        assertFalse(Files.exists(same));
    }

    @Test
    void unwritablePlacesAndTheRootAreRefusedBeforeTraining() {
        assertRefusedBeforeWork(cli("train", "--episodes", "5", "--csv", "/"),
                "is a directory");
        assertFalse(cli("train", "--episodes", "5", "--csv", "/").err().contains("null"));
        assertRefusedBeforeWork(cli("train", "--episodes", "5", "--csv",
                dir.resolve("x".repeat(260)).toString()), "choose a shorter name");
        if (Files.isDirectory(Path.of("/proc/self"))) {
            assertRefusedBeforeWork(cli("train", "--episodes", "5", "--checkpoint",
                    "/proc/cartpole-lab.cplb"), "cannot write /proc/cartpole-lab.cplb");
        }
    }

    @Test
    void benchFlagsAreBoundedAndNamedBeforeAnyWork() {
        assertRefusedBeforeWork(cli("bench", "--steps", "9223372036854775807"),
                "--steps must be in [1, 1000000000]");
        assertRefusedBeforeWork(cli("bench", "--trainer-episodes", "10000001"),
                "--trainer-episodes must be in [0, 10000000]");
        assertRefusedBeforeWork(cli("bench", "--warmup", "-1"), "--warmup must be in");
    }

    @Test
    void hostileCheckpointsAreOneLineAndQuick() {
        CliTest.Run r = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> cli("eval", "--checkpoint", "/dev/zero"));
        assertRefusedBeforeWork(r, "/dev/zero is not a regular file");
    }

    @Test
    void argumentFileProblemsAreOneLine() throws Exception {
        assertRefusedBeforeWork(cli("train", "@" + dir), "cannot read argument file");
        assertRefusedBeforeWork(cli("train", "@" + dir.resolve("none.txt")), "does not exist");
        Path args = Files.writeString(dir.resolve("args.txt"), "--episodes 3 --quiet\n");
        assertEquals(0, cli("train", "@" + args).code());
    }

    @Test
    void flagsTheAlgorithmIgnoresAreNamed() {
        CliTest.Run r = cli("train", "--algorithm", "reinforce", "--entropy-coef", "0.05",
                "--n-steps", "5", "--episodes", "2", "--hidden", "8", "--quiet");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("--entropy-coef is ignored"), r.err());
        assertTrue(r.err().contains("--n-steps is ignored"), r.err());
        CliTest.Run a2c = cli("train", "--entropy-coef", "0.05", "--episodes", "2",
                "--hidden", "8", "--quiet");
        assertFalse(a2c.err().contains("ignored"), a2c.err());
    }

    @Test
    void aCollapsedRunSaysSoAndWhatToTry() {
        CliTest.Run r = cli("train", "--lr", "1", "--episodes", "150", "--hidden", "32",
                "--quiet");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("the policy collapsed") && r.out().contains("--lr"),
                r.out());
        CliTest.Run fine = cli("train", "--episodes", "150", "--hidden", "32", "--quiet");
        assertFalse(fine.out().contains("collapsed"), fine.out());
    }

    @Test
    void aLongTrainSavesItsCheckpointAndCsvWhileItRuns() throws Exception {
        Path ckpt = dir.resolve("run.cplb");
        Path csv = dir.resolve("run.csv");
        CompletableFuture<CliTest.Run> run = CompletableFuture.supplyAsync(() -> cli("train",
                "--episodes", "600", "--hidden", "64", "--quiet", "--checkpoint-every", "10",
                "--checkpoint", ckpt.toString(), "--csv", csv.toString()));
        RunSnapshot during = null;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!run.isDone() && System.nanoTime() < deadline && during == null) {
            if (Files.exists(ckpt)) {
                during = Checkpoint.read(ckpt);
            }
            Thread.sleep(1);
        }
        CliTest.Run done = run.get(60, TimeUnit.SECONDS);
        assertEquals(0, done.code(), done.err());
        assertTrue(during != null && during.episodes() < 600, "a checkpoint during training");
        assertEquals(0, during.episodes() % 10, "saved every 10 episodes");
        assertEquals(0, during.replayedSteps(), "saved between episodes: continues exactly");
        assertEquals(601, Files.readAllLines(csv).size());
        assertEquals(600, Checkpoint.read(ckpt).episodes());
    }

    @Test
    void theProgressBarKeepsItsWidthOnAnEightyColumnTerminal() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream stream = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        BarProgress bar = new BarProgress(3000, new ConsoleProgressBarConsumer(stream, 80));
        cartpolelab.metrics.RunProgress p = new cartpolelab.metrics.RunProgress(195);
        for (int e = 1; e <= 1500; e++) {
            p.add(150);
            bar.episode(new cartpolelab.metrics.EpisodeStats(e, 150, 150, 150, 0, 0, 0,
                    150L * e, e, 1000), p);
        }
        bar.close();
        String text = bytes.toString(StandardCharsets.UTF_8);
        String last = text.substring(text.lastIndexOf('\r') + 1).strip()
                .replaceAll("\u001B\\[[0-9;]*m", ""); // colours are not columns
        int open = last.indexOf('│');
        int close = last.indexOf('│', open + 1);
        assertTrue(open >= 0 && close > open, last);
        assertTrue(close - open - 1 >= 25, "a bar of " + (close - open - 1) + " cells: " + last);
        assertTrue(last.length() <= 80, last);
        assertTrue(last.contains("MA50 150"), last);
    }
}
