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
                    f.get(60, TimeUnit.SECONDS); // every writer succeeds
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

    /** A temporary file as another writer would leave it, last changed {@code age} ago. */
    private Path temporary(long pid, String content, java.time.Duration age)
            throws IOException {
        Path p = Files.writeString(dir.resolve(Temporaries.name(pid, 12345)), content);
        Files.setLastModifiedTime(p, java.nio.file.attribute.FileTime.from(
                java.time.Instant.now().minus(age)));
        return p;
    }

    @Test
    void onlyTemporaryFilesProvenOursAndDeadAreCleaned() throws IOException {
        java.time.Duration old = Temporaries.STALE_AFTER.plusMinutes(5);
        // pids above the kernel's maximum (4194304) never run here
        Path dead = temporary(99999999, "crash", old);
        Path fresh = temporary(99999998, "just created", java.time.Duration.ZERO);
        Path own = temporary(ProcessHandle.current().pid(), "ours, in progress", old);
        Path notes = Files.writeString(dir.resolve(".cplab-notes.tmp"), "a user's");
        Path lookalike = Files.writeString(dir.resolve(".cplab-99999997-abc.tmp"), "a user's");
        Files.setLastModifiedTime(lookalike, Files.getLastModifiedTime(dead));
        AtomicFiles.write(dir.resolve("run.csv"), bytes(new byte[] {1}));
        assertFalse(Files.exists(dead), "ours, old, unlocked: its writer ended");
        for (Path kept : new Path[] {fresh, own, notes, lookalike}) {
            assertTrue(Files.exists(kept), kept.getFileName() + " kept");
        }
        assertFalse(Temporaries.isOurs(lookalike.getFileName().toString()));
        assertTrue(Temporaries.isOurs(dead.getFileName().toString()));
    }

    @Test
    void aLockedTemporaryFileOfAnUnseenProcessIsKept() throws IOException {
        // a writer in another container or on another host: its pid is not visible here, but
        // it holds the lock of its temporary file while it writes
        Path live = temporary(99999996, "being written elsewhere",
                Temporaries.STALE_AFTER.plusMinutes(5));
        try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(live,
                java.nio.file.StandardOpenOption.WRITE);
             java.nio.channels.FileLock lock = channel.lock()) {
            AtomicFiles.write(dir.resolve("run.csv"), bytes(new byte[] {1}));
            assertTrue(Files.exists(live), "a live write is never deleted");
            assertTrue(lock.isValid());
        }
    }

    @Test
    void aTemporaryFileLockedByAnotherProcessIsKeptAndFreedOnceItEnds() throws Exception {
        Path live = temporary(99999995, "being written by another process",
                Temporaries.STALE_AFTER.plusMinutes(5));
        Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin",
                "java").toString(), "-cp", System.getProperty("java.class.path"),
                HoldLock.class.getName(), live.toString()).redirectErrorStream(true).start();
        try (var out = new java.io.BufferedReader(new java.io.InputStreamReader(
                holder.getInputStream(), java.nio.charset.StandardCharsets.UTF_8))) {
            assertEquals("locked", out.readLine());
            AtomicFiles.write(dir.resolve("run.csv"), bytes(new byte[] {1}));
            assertTrue(Files.exists(live), "another process's live write is never deleted");
        } finally {
            holder.getOutputStream().close();
            assertTrue(holder.waitFor(60, TimeUnit.SECONDS));
        }
        Files.setLastModifiedTime(live, java.nio.file.attribute.FileTime.from(
                java.time.Instant.now().minus(Temporaries.STALE_AFTER.plusMinutes(5))));
        AtomicFiles.write(dir.resolve("run.csv"), bytes(new byte[] {2}));
        assertFalse(Files.exists(live), "its writer ended: now it is cleaned");
    }

    @Test
    void aWritersTemporaryFileIsLockedWhileItWrites() throws IOException {
        Path target = dir.resolve("run.csv");
        AtomicFiles.write(target, out -> {
            Path tmp;
            try (var files = Files.list(dir)) {
                tmp = files.filter(p -> Temporaries.isOurs(p.getFileName().toString()))
                        .findFirst().orElseThrow();
            }
            try (java.nio.channels.FileChannel other = java.nio.channels.FileChannel.open(tmp,
                    java.nio.file.StandardOpenOption.WRITE)) {
                assertThrows(java.nio.channels.OverlappingFileLockException.class,
                        other::tryLock, "the writer holds the lock");
            }
            out.write(7);
        });
        assertArrayEquals(new byte[] {7}, Files.readAllBytes(target));
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
        assertFalse(e.getMessage().contains("java.") || e.getMessage().contains(".cplab-"),
                "no exception class, no temporary file's name: " + e.getMessage());
    }

    @Test
    void theRootDirectoryIsNamedAsADirectory() {
        IOException e = assertThrows(IOException.class,
                () -> AtomicFiles.checkWritable(Path.of("/")));
        assertTrue(e.getMessage().contains("is a directory"), e.getMessage());
        assertFalse(e.getMessage().contains("null"), e.getMessage());
    }
}
