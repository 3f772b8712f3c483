package cartpolelab.io;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.zip.CRC32;

/**
 * The temporary files of {@link AtomicFiles}: created new beside the target and locked
 * ({@link FileChannel#lock()}) for as long as they are written, renamed or deleted.
 *
 * <p>Another writer deletes such a file only when it can prove it is ours and dead: its name is
 * ours to the check digits ({@code .cplab-<pid>-<random>-<check>.tmp}, the check a CRC of the
 * rest, so a user's {@code .cplab-notes.tmp} or {@code .cplab-1-x.tmp} never qualifies), it
 * was not made by this process (closing a channel would drop this JVM's own lock on it), it
 * has not changed for {@link #STALE_AFTER}, and no process holds its lock
 * ({@link FileChannel#tryLock()} succeeds). The lock is the kernel's (or NFS's), so a writer
 * in another container or on another host that shares the directory keeps its file; a process
 * id alone proves nothing there.
 */
final class Temporaries {

    static final String PREFIX = ".cplab-";
    static final String SUFFIX = ".tmp";
    /** How long a temporary file must be unchanged before anyone may take it for dead. */
    static final Duration STALE_AFTER = Duration.ofMinutes(1);
    private static final SecureRandom RANDOM = new SecureRandom();

    private Temporaries() {
    }

    /** An open, locked, new temporary file beside {@code file}. */
    record Open(Path path, FileChannel channel) {
    }

    /** A name of ours: {@code .cplab-<pid>-<random>-<check>.tmp}. */
    static String name(long pid, long random) {
        String body = pid + "-" + Long.toUnsignedString(random, 36);
        return PREFIX + body + "-" + check(body) + SUFFIX;
    }

    /** True only for a name {@link #name} makes (the check digits match). */
    static boolean isOurs(String name) {
        if (!name.startsWith(PREFIX) || !name.endsWith(SUFFIX)) {
            return false;
        }
        String inner = name.substring(PREFIX.length(), name.length() - SUFFIX.length());
        int last = inner.lastIndexOf('-');
        return last > 0 && inner.substring(0, last).matches("[0-9]+-[0-9a-z]+")
                && inner.substring(last + 1).equals(check(inner.substring(0, last)));
    }

    private static String check(String body) {
        CRC32 crc = new CRC32();
        crc.update(("cartpole-lab temporary " + body).getBytes(StandardCharsets.US_ASCII));
        return Long.toString(crc.getValue(), 36);
    }

    /** Creates and locks a new temporary file beside {@code file}. */
    static Open create(Path file) throws IOException {
        Path dir = file.getParent();
        for (int attempt = 0; ; attempt++) {
            Path tmp = dir.resolve(name(ProcessHandle.current().pid(), RANDOM.nextLong()));
            try {
                FileChannel channel = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW,
                        StandardOpenOption.WRITE);
                try {
                    channel.lock();
                } catch (IOException | RuntimeException e) {
                    channel.close();
                    Files.deleteIfExists(tmp);
                    throw e;
                }
                return new Open(tmp, channel);
            } catch (FileAlreadyExistsException e) {
                if (attempt > 10) {
                    throw e;
                }
            } catch (AccessDeniedException e) {
                throw new IOException("cannot write " + file + ": permission denied in " + dir
                        + "; choose another location", e);
            } catch (FileSystemException e) {
                // A NoSuchFileException has no reason, only the temporary file's name.
                String reason = e.getReason() != null ? " (" + e.getReason() + ")" : "";
                throw new IOException("cannot write " + file + ": cannot create a file in "
                        + dir + reason + "; choose another location", e);
            }
        }
    }

    /** Deletes the temporary files in {@code dir} proven ours and dead (see the class). */
    static void cleanStale(Path dir) {
        long self = ProcessHandle.current().pid();
        Instant before = Instant.now().minus(STALE_AFTER);
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, PREFIX + "*" + SUFFIX)) {
            for (Path p : files) {
                String name = p.getFileName().toString();
                if (!isOurs(name) || name.startsWith(PREFIX + self + "-")) {
                    continue;
                }
                try {
                    if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)
                            && Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS)
                                    .toInstant().isBefore(before)) {
                        deleteIfUnlocked(p);
                    }
                } catch (IOException e) {
                    // gone, or not ours to open: leave it
                }
            }
        } catch (IOException e) {
            // cleaning is a courtesy; the write itself reports real problems
        }
    }

    private static void deleteIfUnlocked(Path p) throws IOException {
        try (FileChannel channel = FileChannel.open(p, StandardOpenOption.WRITE,
                LinkOption.NOFOLLOW_LINKS)) {
            FileLock lock = channel.tryLock();
            if (lock != null) { // no writer anywhere holds it: its writer has ended
                Files.deleteIfExists(p);
            }
        } catch (OverlappingFileLockException e) {
            // this JVM holds it: alive
        }
    }
}
