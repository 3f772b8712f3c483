package cartpolelab.cli;

import static cartpolelab.cli.CliTest.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code eval --gif}: one frame per step of the episodes shown; bad values refused. */
class EvalGifCliTest {

    @TempDir
    Path dir;

    @Test
    void theGifHasOneFrameForTheStartAndOneForEveryStepOfEachEpisodeShown() throws Exception {
        Path ckpt = dir.resolve("run.cplb");
        assertEquals(0, cli("train", "--episodes", "3", "--hidden", "8", "--quiet",
                "--checkpoint", ckpt.toString()).code());
        Path gif = dir.resolve("eval.gif");
        CliTest.Run r = cli("eval", "--checkpoint", ckpt.toString(), "--episodes", "3",
                "--sample", "--gif", gif.toString(), "--gif-episodes", "2", "--gif-width",
                "200");
        assertEquals(0, r.code(), r.err());
        Matcher m = Pattern.compile("wrote gif +\\S+ \\(2 episodes, 200×72, ([\\d,]+) bytes\\)")
                .matcher(r.out());
        assertTrue(m.find(), r.out());
        assertEquals(Files.size(gif), Long.parseLong(m.group(1).replace(",", "")));
        // the same two episodes, without a GIF: their lengths from the mean/min/max line
        try (ImageInputStream in = ImageIO.createImageInputStream(gif.toFile())) {
            ImageReader reader = ImageIO.getImageReaders(in).next();
            reader.setInput(in);
            int frames = reader.getNumImages(true);
            CliTest.Run two = cli("eval", "--checkpoint", ckpt.toString(), "--episodes", "2",
                    "--sample");
            Matcher mean = Pattern.compile("mean ([\\d.]+) ").matcher(two.out());
            assertTrue(mean.find(), two.out());
            // rewards = steps; each episode has steps + 1 frames
            assertEquals(Math.round(2 * Double.parseDouble(mean.group(1))) + 2, frames);
            reader.dispose();
        }
    }

    @Test
    void badGifValuesAreOneLineAndExitTwo() throws Exception {
        Path ckpt = dir.resolve("run.cplb");
        assertEquals(0, cli("train", "--episodes", "1", "--hidden", "8", "--quiet",
                "--checkpoint", ckpt.toString()).code());
        CliTest.Run r = cli("eval", "--checkpoint", ckpt.toString(), "--episodes", "2",
                "--gif", dir.resolve("a.gif").toString(), "--gif-width", "50");
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("error: --gif-width must be in [120, 1920] pixels, "
                + "was 50"), r.err());
        r = cli("eval", "--checkpoint", ckpt.toString(), "--episodes", "2", "--gif",
                dir.resolve("a.gif").toString(), "--gif-episodes", "3");
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("error: --gif-episodes must be in [1, 2]"), r.err());
        r = cli("eval", "--checkpoint", ckpt.toString(), "--gif",
                dir.resolve("no-such-dir/a.gif").toString());
        assertEquals(2, r.code());
        assertEquals(1, r.err().lines().filter(l -> l.startsWith("error:")).count(), r.err());
    }
}
