package cartpolelab.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cartpolelab.agent.Hyperparameters;
import cartpolelab.train.RunSnapshot;
import cartpolelab.train.TrainingRun;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files that are hostile or odd (issue 13): every truncation of a small checkpoint, seeded bit
 * flips, crafted files whose checksum is valid but whose contents are not, and files that are
 * not files. Each must be refused with a {@link CheckpointException} that names the file once
 * and says what to do, quickly, or (for a flip that leaves every value valid) load an agent
 * that trains.
 */
class CheckpointFuzzTest {

    /** Hidden 4: a 1.6 kB checkpoint, so every truncation length is cheap. */
    private static final Hyperparameters HP = Hyperparameters.DEFAULTS.withHiddenSize(4)
            .withSeed(5).withEpisodes(100);
    private static final int EPISODES = 6;

    // offsets into the file (big-endian DataOutputStream, algorithm "A2C", version "V0")
    private static final int VERSION = 4;
    private static final int ALGORITHM_NAME = 10;
    private static final int LEARNING_RATE = 21;
    // format 2's named settings after the seed: count, then each (key, value) as UTF
    private static final int NAMED = 4 + cartpolelab.agent.NamedSettings.of(HP).entrySet()
            .stream().mapToInt(e -> 2 + e.getKey().length() + 2 + e.getValue().length()).sum();
    private static final int RANDOM_DRAWS = 73 + NAMED;
    private static final int ADAM_STEP = 81 + NAMED;
    private static final int ACTOR_W1 = 111 + NAMED;
    private static final int W1_VALUES = 4 * 4;
    private static final int FIRST_MOMENT = ACTOR_W1 + 8 * W1_VALUES;
    private static final int SECOND_MOMENT = FIRST_MOMENT + 8 * W1_VALUES;
    private static final int EPISODE_BYTES = 68 + 16; // format 4: PPO's two measures

    @TempDir
    Path dir;
    private Path file;
    private byte[] good;

    @BeforeEach
    void save() throws IOException {
        TrainingRun run = new TrainingRun(HP);
        for (int e = 0; e < EPISODES; e++) {
            run.finishEpisode();
        }
        file = dir.resolve("fuzz.cplb");
        Checkpoint.write(file, run.snapshot());
        good = Files.readAllBytes(file);
        Checkpoint.read(file);
    }

    private int episodeOffset(int index) {
        // after the episodes, format 3's gradient-variance count (0 here)
        return good.length - 8 - 4 - (EPISODES - index) * EPISODE_BYTES;
    }

    private CheckpointException refused(byte[] bytes, String what) throws IOException {
        Files.write(file, bytes);
        CheckpointException e = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> assertThrows(CheckpointException.class, () -> Checkpoint.read(file),
                        what), what);
        assertNamedOnceWithAFix(e.getMessage(), "fuzz.cplb");
        return e;
    }

    static void assertNamedOnceWithAFix(String message, String name) {
        int first = message.indexOf(name);
        assertTrue(first >= 0 && message.indexOf(name, first + 1) < 0,
                "the file named once: " + message);
        assertTrue(message.matches(".*(: use |: give |: check |: open |; use |; give ).*"),
                "says what to do: " + message);
        assertFalse(message.contains("No enum constant") || message.contains("Exception"),
                message);
    }

    /** A copy of the good file, edited, with a correct checksum. */
    private byte[] crafted(Consumer<ByteBuffer> edit) {
        byte[] bytes = good.clone();
        ByteBuffer b = ByteBuffer.wrap(bytes);
        edit.accept(b);
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(bytes, 0, bytes.length - 8);
        b.putLong(bytes.length - 8, crc.getValue());
        return bytes;
    }

    @Test
    void everyTruncationIsRefused() throws IOException {
        for (int len = 0; len < good.length; len++) {
            refused(Arrays.copyOf(good, len), "length " + len);
        }
    }

    @Test
    void seededBitFlipsAreRefusedByTheChecksum() throws IOException {
        Random random = new Random(13);
        for (int i = 0; i < 300; i++) {
            byte[] bad = good.clone();
            int bit = random.nextInt(bad.length * 8);
            bad[bit / 8] ^= (byte) (1 << (bit % 8));
            CheckpointException e = refused(bad, "bit " + bit);
            assertTrue(e.getMessage().contains("checksum") || e.getMessage().contains("magic"),
                    e.getMessage());
        }
    }

    @Test
    void bitFlipsBehindAValidChecksumAreRefusedOrLoadAnAgentThatTrains() throws IOException {
        Random random = new Random(17);
        int loaded = 0;
        for (int i = 0; i < 200; i++) {
            int bit = 64 + random.nextInt((good.length - 8 - 8) * 8); // after magic+version
            byte[] bad = crafted(b -> b.put(bit / 8, (byte) (b.get(bit / 8) ^ (1 << (bit % 8)))));
            Files.write(file, bad);
            RunSnapshot s;
            try {
                s = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> Checkpoint.read(file));
            } catch (Exception e) {
                assertTrue(e instanceof CheckpointException, e.toString());
                assertNamedOnceWithAFix(e.getMessage(), "fuzz.cplb");
                continue;
            }
            loaded++;
            TrainingRun run = assertTimeoutPreemptively(Duration.ofSeconds(30),
                    () -> TrainingRun.restore(s));
            run.finishEpisode(); // may fail with a message (a huge weight), never throw
        }
        assertTrue(loaded > 0 && loaded < 200, "some flips hit harmless weight bits: " + loaded);
    }

    @Test
    void validChecksumsWithInvalidValuesAreRefused() throws IOException {
        int e0 = episodeOffset(0);
        int historyCount = episodeOffset(0) - 4;
        Object[][] cases = {
            {"NaN weight", (Consumer<ByteBuffer>) b -> b.putDouble(ACTOR_W1, Double.NaN),
                "actor.w1"},
            {"infinite weight", (Consumer<ByteBuffer>) b -> b.putDouble(ACTOR_W1 + 8,
                Double.POSITIVE_INFINITY), "actor.w1"},
            {"NaN first moment", (Consumer<ByteBuffer>) b -> b.putDouble(FIRST_MOMENT,
                Double.NaN), "first moment"},
            {"negative second moment", (Consumer<ByteBuffer>) b -> b.putDouble(SECOND_MOMENT,
                -1.0), "second moment"},
            {"2^62 random draws", (Consumer<ByteBuffer>) b -> b.putLong(RANDOM_DRAWS, 1L << 62),
                "random-stream position"},
            {"huge Adam step", (Consumer<ByteBuffer>) b -> b.putLong(ADAM_STEP, Long.MAX_VALUE),
                "Adam"},
            {"NaN reward", (Consumer<ByteBuffer>) b -> b.putDouble(e0, Double.NaN), "reward"},
            {"negative length", (Consumer<ByteBuffer>) b -> b.putInt(e0 + 8, -3), "length"},
            {"NaN entropy", (Consumer<ByteBuffer>) b -> b.putDouble(e0 + 12 + 24, Double.NaN),
                "entropy"},
            {"wrong running total", (Consumer<ByteBuffer>) b -> b.putLong(e0 + 44, 1),
                "total steps"},
            {"unknown algorithm", (Consumer<ByteBuffer>) b -> b.put(ALGORITHM_NAME,
                "FOO".getBytes(StandardCharsets.US_ASCII)), "unknown algorithm 'FOO'"},
            {"NaN learning rate", (Consumer<ByteBuffer>) b -> b.putDouble(LEARNING_RATE,
                Double.NaN), "settings"},
            {"more episodes than bytes", (Consumer<ByteBuffer>) b -> b.putInt(historyCount,
                Integer.MAX_VALUE), "episodes"},
            {"other format version", (Consumer<ByteBuffer>) b -> b.putInt(VERSION, 7),
                "format version 7"},
        };
        for (Object[] c : cases) {
            @SuppressWarnings("unchecked")
            Consumer<ByteBuffer> edit = (Consumer<ByteBuffer>) c[1];
            CheckpointException e = refused(crafted(edit), (String) c[0]);
            assertTrue(e.getMessage().contains((String) c[2]), c[0] + ": " + e.getMessage());
        }
    }

    @Test
    void aFlippedVersionByteIsAChecksumErrorNotAStrangeVersion() throws IOException {
        byte[] bad = good.clone();
        bad[VERSION] ^= 0x40;
        CheckpointException e = refused(bad, "version byte");
        assertTrue(e.getMessage().contains("checksum"), e.getMessage());
        assertFalse(e.getMessage().contains("format version"), e.getMessage());
    }

    @Test
    void devicesAndFifosAreRefusedAtOnce() throws Exception {
        for (String device : new String[] {"/dev/zero", "/dev/urandom"}) {
            assumeTrue(Files.exists(Path.of(device)));
            CheckpointException e = assertTimeoutPreemptively(Duration.ofSeconds(30),
                    () -> assertThrows(CheckpointException.class,
                            () -> Checkpoint.read(Path.of(device))));
            assertTrue(e.getMessage().contains("not a regular file"), e.getMessage());
            assertNamedOnceWithAFix(e.getMessage(), device);
        }
        Path fifo = dir.resolve("pipe.cplb");
        Process p = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assumeTrue(p.waitFor(5, TimeUnit.SECONDS) && p.exitValue() == 0, "mkfifo available");
        CheckpointException e = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> assertThrows(CheckpointException.class, () -> Checkpoint.read(fifo)));
        assertTrue(e.getMessage().contains("not a regular file"), e.getMessage());
    }

    @Test
    void hugeFilesAreJudgedWithoutReadingThem() throws IOException {
        Path junk = dir.resolve("junk.cplb");
        try (RandomAccessFile f = new RandomAccessFile(junk.toFile(), "rw")) {
            f.setLength(2L << 30); // sparse: 2 GiB of zeros without using the disk
        }
        CheckpointException e = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> assertThrows(CheckpointException.class, () -> Checkpoint.read(junk)));
        assertTrue(e.getMessage().contains("bad magic"), e.getMessage());
        try (RandomAccessFile f = new RandomAccessFile(junk.toFile(), "rw")) {
            f.write("CPLB".getBytes(StandardCharsets.US_ASCII));
        }
        e = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> assertThrows(CheckpointException.class, () -> Checkpoint.read(junk)));
        assertTrue(e.getMessage().contains("bytes, more than"), e.getMessage());
    }

    @Test
    void anUnreadableFileSaysWhy() throws IOException {
        if (!"root".equals(System.getProperty("user.name"))) {
            Files.setPosixFilePermissions(file, java.util.Set.of());
            CheckpointException e = assertThrows(CheckpointException.class,
                    () -> Checkpoint.read(file));
            assertTrue(e.getMessage().contains("permission denied"), e.getMessage());
            assertNamedOnceWithAFix(e.getMessage(), "fuzz.cplb");
        } else {
            // root reads any file it may open; /proc/self/mem opens but cannot be read at
            // offset 0, the same path through the reader with another reason
            Path mem = Path.of("/proc/self/mem");
            CheckpointException e = assertThrows(CheckpointException.class,
                    () -> Checkpoint.read(mem));
            assertTrue(e.getMessage().contains("Input/output error"), e.getMessage());
            assertNamedOnceWithAFix(e.getMessage(), "mem");
        }
    }

    @Test
    void theGoodFileStillLoadsExactly() throws IOException {
        Files.write(file, good);
        RunSnapshot s = Checkpoint.read(file);
        assertEquals(EPISODES, s.episodes());
        assertEquals(0, s.replayedSteps());
    }
}
