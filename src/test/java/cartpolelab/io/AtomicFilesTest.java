package cartpolelab.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writes that must not clobber (issue 13): what {@link AtomicFiles} guarantees. */
class AtomicFilesTest {

    @TempDir
    Path dir;

    private static AtomicFiles.Writer bytes(byte[] content) {
        return out -> out.write(content);
    }

    @Test
    void aUsersOwnTmpFileBesideTheTargetIsLeftAlone() throws IOException {
        Path target = dir.resolve("run.csv");
        Path users = dir.resolve("run.csv.tmp");
        Files.writeString(users, "my notes");
        AtomicFiles.write(target, bytes("a,b\n".getBytes(StandardCharsets.UTF_8)));
        assertEquals("my notes", Files.readString(users));
        assertEquals("a,b\n", Files.readString(target));
    }

    @Test
    void concurrentWritersToOneTargetEachReplaceItWhole() throws Exception {
        Path target = dir.resolve("run.csv");
        int writers = 4;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            for (int trial = 0; trial < 20; trial++) {
                CyclicBarrier start = new CyclicBarrier(writers);
                List<byte[]> contents = new ArrayList<>();
                List<Future<?>> done = new ArrayList<>();
                for (int w = 0; w < writers; w++) {
                    byte[] content = new byte[64 * 1024];
                    Arrays.fill(content, (byte) ('a' + w));
                    contents.add(content);
                    done.add(pool.submit(() -> {
                        start.await();
                        AtomicFiles.write(target, out -> {
                            for (int i = 0; i < content.length; i += 4096) {
                                out.write(content, i, 4096);
                                out.flush();
                                Thread.yield();
                            }
                        });
                        return null;
                    }));
                }
                for (Future<?> f : done) {
                    f.get(10, TimeUnit.SECONDS); // every writer succeeds
                }
                byte[] got = Files.readAllBytes(target);
                assertTrue(contents.stream().anyMatch(c -> Arrays.equals(c, got)),
                        "trial " + trial + ": the file is one writer's content, not a mix");
                try (Stream<Path> files = Files.list(dir)) {
                    assertEquals(1, files.count(), "no temporary file left");
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theTargetsPermissionsAreKept() throws IOException {
        Path target = dir.resolve("run.cplb");
        Files.writeString(target, "old");
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-------"));
        AtomicFiles.write(target, bytes(new byte[] {1, 2}));
        assertEquals("rw-------",
                PosixFilePermissions.toString(Files.getPosixFilePermissions(target)));
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-r-----"));
        AtomicFiles.write(target, bytes(new byte[] {3}));
        assertEquals("rw-r-----",
                PosixFilePermissions.toString(Files.getPosixFilePermissions(target)));
    }

    @Test
    void aSymbolicLinkIsRefusedAndLeftPointingWhereItDid() throws IOException {
        Path real = dir.resolve("real.csv");
        Files.writeString(real, "real");
        Path link = Files.createSymbolicLink(dir.resolve("link.csv"), real);
        IOException e = assertThrows(IOException.class,
                () -> AtomicFiles.write(link, bytes(new byte[] {1})));
        assertTrue(e.getMessage().contains("symbolic link") && e.getMessage().contains("link.csv"),
                e.getMessage());
        assertTrue(Files.isSymbolicLink(link));
        assertEquals("real", Files.readString(real));
        assertThrows(IOException.class, () -> AtomicFiles.checkWritable(link));
    }

    @Test
    void aFifoIsRefusedWithoutOpeningIt() throws Exception {
        Path fifo = dir.resolve("pipe.csv");
        Process p = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assumeTrue(p.waitFor(5, TimeUnit.SECONDS) && p.exitValue() == 0, "mkfifo available");
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.checkWritable(fifo));
        assertTrue(e.getMessage().contains("not a regular file"), e.getMessage());
        assertThrows(IOException.class, () -> AtomicFiles.write(fifo, bytes(new byte[] {1})));
        assertFalse(Files.isRegularFile(fifo), "the FIFO was not replaced");
    }

    @Test
    void temporaryFilesOfEndedProcessesAreCleanedAndLiveOnesKept() throws IOException {
        // pids above the kernel's maximum (4194304) never run
        Path stale = Files.writeString(dir.resolve(".cplab-99999999-abc.tmp"), "crash");
        Path live = Files.writeString(dir.resolve(".cplab-" + ProcessHandle.current().pid()
                + "-def.tmp"), "in progress");
        Path other = Files.writeString(dir.resolve(".cplab-notes.tmp"), "not ours");
        AtomicFiles.write(dir.resolve("run.csv"), bytes(new byte[] {1}));
        assertFalse(Files.exists(stale));
        assertTrue(Files.exists(live));
        assertTrue(Files.exists(other));
    }

    @Test
    void namesUpTo255BytesAreWrittenAndLongerOnesRefusedBeforeWork() throws IOException {
        Path longest = dir.resolve("r".repeat(251) + ".csv"); // 255 bytes
        AtomicFiles.checkWritable(longest);
        AtomicFiles.write(longest, bytes(new byte[] {1}));
        assertArrayEquals(new byte[] {1}, Files.readAllBytes(longest));
        Path tooLong = dir.resolve("r".repeat(252) + ".csv");
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.checkWritable(tooLong));
        assertTrue(e.getMessage().contains("256 bytes"), e.getMessage());
    }

    @Test
    void aPlaceWhereNoFileCanBeCreatedFailsTheCheck() {
        Path proc = Path.of("/proc/cartpole-lab-test.csv");
        assumeTrue(Files.isDirectory(Path.of("/proc/self")), "a Linux /proc");
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.checkWritable(proc));
        assertTrue(e.getMessage().startsWith("cannot write " + proc), e.getMessage());
    }

    @Test
    void theRootDirectoryIsNamedAsADirectory() {
        IOException e = assertThrows(IOException.class,
                () -> AtomicFiles.checkWritable(Path.of("/")));
        assertTrue(e.getMessage().contains("is a directory"), e.getMessage());
        assertFalse(e.getMessage().contains("null"), e.getMessage());
    }
}
