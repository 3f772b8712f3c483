package cartpolelab.cli;

import static cartpolelab.cli.CliTest.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cartpolelab.io.Checkpoint;
import cartpolelab.io.FullDisk;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 23: a disk that fills up. Each failed write is one line naming the file and the
 * reason; the file keeps what it had; {@code train} goes on and saves everything else.
 */
class FullDiskTest {

    @TempDir
    Path dir;

    private static void assertNoTemporaries(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")),
                    "no temporary file left");
        }
    }

    @Test
    void everyOutputOnAFullDiskIsOneLineAndTheOldFileStays() throws IOException {
        Path full = Files.createDirectory(dir.resolve("full"));
        Path png = Files.writeString(full.resolve("run.png"), "old png");
        Path csv = Files.writeString(full.resolve("run.csv"), "old csv");
        Path ckpt = Files.writeString(full.resolve("run.cplb"), "old checkpoint");
        CliTest.Run r;
        try (FullDisk disk = FullDisk.in(full, 1000)) {
            r = cli("train", "--episodes", "60", "--hidden", "8", "--quiet", "--png",
                    png.toString(), "--csv", csv.toString(), "--checkpoint", ckpt.toString());
        }
        assertEquals(2, r.code(), r.err());
        List<String> lines = r.err().lines().toList();
        assertEquals(1, lines.size(), r.err());
        for (Path p : new Path[] {png, csv, ckpt}) {
            assertTrue(lines.get(0).contains("cannot write " + p.toAbsolutePath()
                    + ": No space left on device; the previous file there is unchanged"),
                    r.err());
        }
        assertFalse(r.err().contains("Exception") || r.err().contains("I/O error writing PNG"),
                r.err());
        assertEquals("old png", Files.readString(png));
        assertEquals("old csv", Files.readString(csv));
        assertEquals("old checkpoint", Files.readString(ckpt));
        assertNoTemporaries(full);
    }

    @Test
    void aPeriodicSaveThatFailsLetsTrainingGoOnAndSavesTheRest() throws IOException {
        Path full = Files.createDirectory(dir.resolve("full"));
        Path csv = full.resolve("run.csv");
        Path ckpt = dir.resolve("run.cplb");
        CliTest.Run r;
        try (FullDisk disk = FullDisk.in(full, 6_000)) { // room for some 40 rows
            r = cli("train", "--episodes", "200", "--hidden", "8", "--quiet",
                    "--checkpoint-every", "20", "--csv", csv.toString(), "--checkpoint",
                    ckpt.toString());
        }
        assertEquals(2, r.code(), r.err());
        assertEquals(200, Checkpoint.read(ckpt).episodes(), "the training is not lost");
        List<String> errors = r.err().lines().filter(l -> !l.isBlank()).toList();
        // the CSV is appended on its own thread: whether a periodic append met the full disk
        // before the run ended depends on timing; either way one line a failure, the end's last
        assertTrue(errors.size() == 1 || errors.size() == 2, r.err());
        if (errors.size() == 2) {
            assertTrue(errors.get(0).contains("No space left on device")
                    && errors.get(0).contains("training goes on"), errors.get(0));
        }
        assertTrue(errors.get(errors.size() - 1).contains("No space left on device"), r.err());
        assertNoTemporaries(full);
        // the CSV is appended while training: what fitted stays, ending at a whole row
        if (!Files.exists(csv)) {
            return; // the disk was full before the first append: nothing half-written either
        }
        List<String> kept = Files.readAllLines(csv);
        int rows = kept.size() - 1;
        assertTrue(rows > 0 && rows < 200, rows + " rows");
        int fields = kept.get(0).split(",", -1).length;
        for (int i = 1; i < kept.size(); i++) {
            assertEquals(fields, kept.get(i).split(",", -1).length, "row " + i + " whole");
            assertTrue(kept.get(i).startsWith(i + ","), "episode " + i + " in order");
        }
    }
}
