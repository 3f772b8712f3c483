package cartpolelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cartpolelab.plot.Palette;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line, in-process, as a user would type it. */
class CliTest {

    record Run(int code, String out, String err) {}

    static Run cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    @TempDir
    Path dir;

    @Test
    void trainWritesCsvPngAndCheckpointAndEvalRunsTheCheckpoint() throws Exception {
        Path csv = dir.resolve("run.csv");
        Path png = dir.resolve("run.png");
        Path ckpt = dir.resolve("run.cplb");
        Run r = cli("train", "--episodes", "150", "--seed", "2", "--csv", csv.toString(),
                "--png", png.toString(), "--checkpoint", ckpt.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("episodes     150"), r.out());
        assertTrue(r.err().contains("episode 150/150"), "plain progress lines: " + r.err());

        List<String> lines = Files.readAllLines(csv);
        assertEquals(151, lines.size());
        assertTrue(lines.get(0).startsWith("episode,episode/reward,"));

        BufferedImage image = ImageIO.read(png.toFile());
        assertNotNull(image, "a decodable PNG");
        assertTrue(image.getWidth() >= 800 && image.getHeight() >= 400);
        assertTrue(count(image, Color.decode(Palette.REWARD)) > 100, "reward series drawn");
        assertTrue(count(image, Color.decode(Palette.MOVING_AVERAGE)) > 100, "average drawn");

        Run eval = cli("eval", "--checkpoint", ckpt.toString(), "--episodes", "20");
        assertEquals(0, eval.code(), eval.err());
        assertTrue(eval.out().matches("(?s).*greedy policy over 20 episodes: mean [0-9.]+ ± "
                + "[0-9.]+.*"), eval.out());
        Run sampled = cli("eval", "--checkpoint", ckpt.toString(), "--episodes", "5",
                "--sample");
        assertEquals(0, sampled.code(), sampled.err());
        assertTrue(sampled.out().contains("sampled policy over 5 episodes"));
    }

    @Test
    void trainWritesPngAndSvgInOneRunAndPlotByItsExtension() throws Exception {
        Path png = dir.resolve("chart.png");
        Path svg = dir.resolve("chart.svg");
        Path plot = dir.resolve("by-extension.svg");
        Run r = cli("train", "--episodes", "40", "--hidden", "16", "--seed", "3", "--quiet",
                "--png", png.toString(), "--svg", svg.toString(), "--plot", plot.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("wrote chart      " + png), r.out());
        assertTrue(r.out().contains("wrote chart      " + svg), r.out());
        assertTrue(r.out().contains("wrote chart      " + plot), r.out());

        BufferedImage image = ImageIO.read(png.toFile());
        assertNotNull(image, "a decodable PNG");
        assertTrue(count(image, Color.decode(Palette.REWARD)) > 100, "reward series drawn");
        for (Path s : List.of(svg, plot)) {
            String doc = Files.readString(s);
            assertTrue(doc.contains("<svg") && doc.contains("</svg>"), s + ": " + doc.length());
            Color c = Color.decode(Palette.REWARD);
            assertTrue(doc.contains("rgb(" + c.getRed() + "," + c.getGreen() + ","
                    + c.getBlue() + ")"), "the reward series is in " + s);
        }
    }

    @Test
    void aPngOrSvgOptionWithTheOtherTypesNameIsRefusedBeforeTraining() {
        Path svg = dir.resolve("chart.svg");
        Run r = cli("train", "--episodes", "5", "--png", svg.toString());
        assertUsage(r, "--png " + svg + ": give a .png file name (for SVG use --svg)");
        assertFalse(r.out().contains("training "), "nothing trained: " + r.out());
        assertUsage(cli("train", "--episodes", "5", "--svg", dir.resolve("c.png").toString()),
                "give a .svg file name (for PNG use --png)");
        assertUsage(cli("train", "--episodes", "5", "--plot", dir.resolve("c.gif").toString()),
                "unknown image type");
        assertUsage(cli("train", "--episodes", "5", "--png", dir.resolve("c.png").toString(),
                "--plot", dir.resolve("c.png").toString()), "both name");
        assertFalse(Files.exists(svg) || Files.exists(dir.resolve("c.png")), "nothing written");
    }

    private static int count(BufferedImage image, Color c) {
        int n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                int dr = Math.abs(((rgb >> 16) & 0xff) - c.getRed());
                int dg = Math.abs(((rgb >> 8) & 0xff) - c.getGreen());
                int db = Math.abs((rgb & 0xff) - c.getBlue());
                if (dr < 60 && dg < 60 && db < 60) {
                    n++;
                }
            }
        }
        return n;
    }

    @Test
    void theSameSeedWritesTheSameRewards() throws Exception {
        Path a = dir.resolve("a.csv");
        Path b = dir.resolve("b.csv");
        assertEquals(0, cli("train", "--episodes", "80", "--hidden", "64", "--seed", "5",
                "--quiet", "--csv", a.toString()).code());
        assertEquals(0, cli("train", "--episodes", "80", "--hidden", "64", "--seed", "5",
                "--quiet", "--csv", b.toString()).code());
        assertEquals(rewards(a), rewards(b));
    }

    private static List<String> rewards(Path csv) throws Exception {
        return Files.readAllLines(csv).stream().skip(1).map(l -> l.split(",")[1]).toList();
    }

    @Test
    void stopWhenSolvedStopsAtTheSolvingEpisode() {
        Run r = cli("train", "--stop-when-solved", "--seed", "1", "--quiet");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("solved       at episode"), r.out());
    }

    @Test
    void badInputIsOneLineExitTwoAndNoStackTrace() throws Exception {
        assertUsage(cli("train", "--lr", "5"), "--lr must be in (0, 1], was 5.0");
        assertUsage(cli("train", "--lr", "abc"), "'abc' is not a number");
        assertUsage(cli("train", "--algorithm", "dqn"), "unknown algorithm 'dqn'");
        assertUsage(cli("train", "--env", "v3"), "use v0 or v1");
        assertUsage(cli("train", "--hidden", "0"), "--hidden must be in [1, 4096], was 0");
        assertUsage(cli("train", "--frobnicate"), "Unknown option: '--frobnicate'");
        assertUsage(cli("fly"), "Unmatched argument");
        assertUsage(cli("eval"), "give --checkpoint FILE or --run ID");
        assertUsage(cli("eval", "--checkpoint", dir.resolve("none.cplb").toString()),
                "does not exist");
        Path junk = dir.resolve("junk.cplb");
        Files.writeString(junk, "hello");
        assertUsage(cli("eval", "--checkpoint", junk.toString()),
                "not a CartPole Lab checkpoint");
        assertUsage(cli("train", "--episodes", "5", "--csv",
                dir.resolve("missing/out.csv").toString()), "does not exist");
    }

    private static void assertUsage(Run r, String message) {
        assertEquals(2, r.code(), r.out() + r.err());
        assertTrue(r.err().startsWith("error: "), r.err());
        assertTrue(r.err().contains(message), "want '" + message + "' in: " + r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
        assertTrue(r.err().lines().count() <= 2, "one line and a hint: " + r.err());
    }

    @Test
    void helpListsTheCommandsAndEveryHyperparameterFlag() {
        Run top = cli("--help");
        assertEquals(0, top.code());
        for (String c : new String[] {"train", "eval", "bench"}) {
            assertTrue(top.out().contains(c), top.out());
        }
        Run train = cli("train", "--help");
        assertEquals(0, train.code());
        for (String flag : new String[] {"--algorithm", "--env", "--hidden", "--lr", "--gamma",
                "--entropy-coef", "--max-steps", "--episodes", "--n-steps", "--seed",
                "--stop-when-solved", "--csv", "--png", "--checkpoint"}) {
            assertTrue(train.out().contains(flag), flag + " in " + train.out());
        }
        assertTrue(train.out().contains("default: 3.0E-4") || train.out().contains("0.0003"),
                train.out());
    }

    @Test
    void benchPrintsItsFigures() {
        Run r = cli("bench", "--steps", "20000", "--warmup", "1000", "--hidden", "32",
                "--trainer-episodes", "20", "--recorder-episodes", "30", "--compare-seeds", "1",
                "--episodes", "20");
        assertEquals(0, r.code(), r.err());
        for (String s : new String[] {"training throughput", "env steps/s", "actor forward",
                "A2C update", "--envs 8", "--preset sb3-ppo", "whole grid", "load average",
                "TrainingRun loop", "episode recorder"}) {
            assertTrue(r.out().contains(s), s + " in " + r.out());
        }
    }

    // --- issue 14: --version and the program name as typed ------------------------------------

    @Test
    void versionNamesTheAppTheJavaRuntimeAndJavaFx() {
        for (String[] args : new String[][] {{"--version"}, {"train", "--version"}}) {
            Run r = cli(args);
            assertEquals(0, r.code(), r.err());
            List<String> lines = r.out().lines().toList();
            assertEquals(3, lines.size(), r.out());
            assertTrue(lines.get(0).matches("CartPole Lab \\d+\\.\\d+\\.\\d+.*"),
                    "the project's version, filtered in by Maven: " + lines.get(0));
            assertTrue(lines.get(1).startsWith("Java " + Runtime.version()), lines.get(1));
            // the tests load JavaFX from the class path (surefire), without starting it
            assertTrue(lines.get(2).matches("JavaFX 2\\d[0-9.+]* \\((class path|modules of "
                    + "the Java runtime)\\)"), lines.get(2));
        }
    }

    @Test
    void helpAndErrorsNameTheProgramAsTyped() {
        String jar = "java -jar target/cartpole-lab.jar";
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertEquals(0, Cli.runAs(jar, new PrintWriter(out), new PrintWriter(err), "train",
                "--help"));
        assertTrue(out.toString().startsWith("Usage: " + jar + " train "), out.toString());
        assertTrue(out.toString().contains("  " + jar + " train --episodes 3000"),
                "the example names the program too: " + out);

        out = new StringWriter();
        err = new StringWriter();
        assertEquals(2, Cli.runAs(jar, new PrintWriter(out), new PrintWriter(err), "eval"));
        assertTrue(err.toString().contains("Try '" + jar + " eval --help'."), err.toString());

        Run r = cli("train", "--lr", "5");
        assertTrue(r.err().contains("Try 'cartpole-lab train --help'."), r.err());
    }

    @Test
    void theProgramNameComesFromTheLauncherTheJarOrTheOverride() {
        Path jar = Path.of("/home/u/dl/cartpole-lab.jar");
        assertEquals("cartpole-lab", Cli.commandName(p -> null, null));
        assertEquals("cartpole-lab", Cli.commandName(p -> null, Path.of("/src/target/classes")));
        assertEquals("cartpole-lab", Cli.commandName(
                p -> p.equals("jpackage.app-path") ? "/opt/cartpole-lab/bin/cartpole-lab" : null,
                Path.of("/opt/cartpole-lab/lib/app/cartpole-lab-0.1.0.jar")));
        assertEquals("cartpole-lab", Cli.commandName(
                p -> p.equals("jpackage.app-path") ? "C:\\Apps\\cartpole-lab.exe" : null, null));
        assertEquals("java -jar dl/cartpole-lab.jar", Cli.commandName(
                p -> p.equals("sun.java.command") ? "dl/cartpole-lab.jar train --lr 5" : null,
                jar));
        assertEquals("java -jar cartpole-lab.jar", Cli.commandName(
                p -> p.equals("sun.java.command") ? "cartpolelab.Launcher train" : null, jar));
        assertEquals("lab", Cli.commandName(
                p -> p.equals(Cli.COMMAND_PROPERTY) ? "lab" : "x.jar", jar));
    }
}
