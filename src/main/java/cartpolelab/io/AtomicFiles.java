package cartpolelab.io;

import java.awt.image.RenderedImage;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import java.util.function.BiFunction;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Writes a file so that a crash, a full disk, an exception mid-write or a second writer never
 * leaves a broken or mixed file where a good one was.
 *
 * <p>Guarantees of {@link #write}: the bytes go to a temporary file of a unique name
 * ({@code .cplab-<pid>-<random>-<check>.tmp}) in the target's directory, created new (never an
 * existing file of the user's) and locked while it is written; it is forced to disk, given the target's permissions if the
 * target exists, and renamed over the target in one atomic step; then the directory is forced
 * too, so the rename survives a power cut. Two writers to one target each replace it whole
 * (the last rename wins). The target must be a regular file or absent: a symbolic link, a
 * directory, a device or a FIFO is refused. A temporary file left by a crash or a kill is
 * deleted by a later write in that directory only when it is proven ours and dead
 * ({@link Temporaries}: check digits in its name, unchanged for a minute, its lock free), never
 * by its name or process id alone. A failed write is one line naming the file and the reason.
 */
public final class AtomicFiles {

    /** Writes the content of a file to a stream; may throw. */
    @FunctionalInterface
    public interface Writer {
        void writeTo(OutputStream out) throws IOException;
    }

    private static final int MAX_NAME_BYTES = 255;

    private AtomicFiles() {
    }

    /**
     * Writes {@code target} atomically.
     *
     * @throws IOException with a message naming the path, the problem and what to do;
     *                     {@code target} is then exactly as it was before
     */
    public static void write(Path target, Writer writer) throws IOException {
        write(target, writer, false);
    }

    /**
     * Writes {@code target} atomically as {@link #write} does, and returns the new file's
     * channel, still open and positioned at its end, so more can be appended to the file now
     * in place (an output that grows with a run: O(n) over the run, not a rewrite each time).
     * The caller closes it.
     */
    public static FileChannel writeAndKeepOpen(Path target, Writer writer) throws IOException {
        return write(target, writer, true);
    }

    /** The atomic write; returns the open channel if {@code keepOpen}, else null. */
    private static FileChannel write(Path target, Writer writer, boolean keepOpen)
            throws IOException {
        Path file = absolute(target);
        checkTarget(file);
        Path dir = file.getParent();
        Temporaries.cleanStale(dir);
        Temporaries.Open open = Temporaries.create(file);
        Path tmp = open.path();
        boolean moved = false;
        // the channel, and so the lock, stays open until the rename: a locked temporary file
        // is never taken for a dead one by another writer (Temporaries)
        FileChannel channel = open.channel();
        try {
            try {
                OutputStream out = new BufferedOutputStream(
                        streams.apply(tmp, Channels.newOutputStream(channel)));
                writer.writeTo(out);
                out.flush();
                channel.force(true);
            } catch (IOException e) {
                throw failed(file, e);
            }
            keepPermissions(file, tmp);
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            moved = true;
            forceDirectory(dir);
            FileChannel kept = keepOpen ? channel : null;
            if (keepOpen) {
                channel = null; // the caller's now
            }
            return kept;
        } catch (AccessDeniedException e) {
            throw new IOException("cannot write " + file + ": permission denied; choose "
                    + "another location", e);
        } catch (IOException e) {
            throw failed(file, e);
        } finally {
            if (channel != null) {
                channel.close();
            }
            if (!moved) {
                Files.deleteIfExists(tmp);
            }
        }
    }

    /**
     * Tests put a full disk here ({@code FullDisk}): the stream of each temporary file passes
     * through it. Production leaves it alone.
     */
    static volatile BiFunction<Path, OutputStream, OutputStream> streams =
            (tmp, out) -> out;

    /**
     * A failed write as one line naming the file, the reason (the innermost cause's, so
     * ImageIO's "I/O error writing PNG file!" becomes "No space left on device") and what to
     * do; the previous file at the path is untouched (the rename never happened).
     */
    private static IOException failed(Path file, IOException e) {
        String message = e.getMessage();
        if (message != null && message.startsWith("cannot write ")) {
            return e;
        }
        Throwable root = e;
        String reason = null;
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = t instanceof FileSystemException f && f.getReason() != null
                    ? f.getReason() : t.getMessage();
            if (m != null && !m.isBlank()) {
                reason = m;
                root = t;
            }
        }
        if (reason == null) {
            reason = root.getClass().getSimpleName();
        }
        String fix = reason.contains("No space left") || reason.contains("quota")
                ? "free some space or choose another location"
                : "check the disk or choose another location";
        return new IOException("cannot write " + file + ": " + reason + "; "
                + (Files.exists(file, LinkOption.NOFOLLOW_LINKS)
                        ? "the previous file there is unchanged" : "nothing was written there")
                + "; " + fix, e);
    }

    /**
     * Writes {@code image} as a PNG to {@code target} atomically, with a fast deflate level:
     * charts are flat colours, which compress well at any level, and the default level spends
     * most of a chart's export time for a few percent of file size.
     */
    public static void writePng(Path target, RenderedImage image)
            throws IOException {
        var writers = ImageIO.getImageWritersByFormatName("png");
        if (!writers.hasNext()) {
            throw new IOException("cannot write " + target + ": no PNG writer available");
        }
        ImageWriter writer = writers.next();
        write(target, out -> {
            // in memory: ImageIO's default file cache in the temporary directory fails again
            // on a full disk, and its shutdown hook then prints a NullPointerException
            try (var stream = new MemoryCacheImageOutputStream(out)) {
                var param = writer.getDefaultWriteParam();
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(0.75f); // deflate level 2 of 9
                writer.setOutput(stream);
                writer.write(null, new IIOImage(image, null, null), param);
            } finally {
                writer.dispose();
            }
        });
    }

    /** Writes an SVG document (as made by JFreeSVG) to {@code target} atomically, UTF-8. */
    public static void writeSvg(Path target, String document) throws IOException {
        write(target, out -> out.write(document.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Fails fast, before any work is done, when {@code target} cannot be written: its
     * directory is missing or read-only, its name is too long, it is a directory, a link or a
     * device, or no temporary file can be created beside it (this creates one and deletes it).
     */
    public static void checkWritable(Path target) throws IOException {
        Path file = absolute(target);
        checkTarget(file);
        Temporaries.Open open = Temporaries.create(file);
        try (FileChannel channel = open.channel()) {
            Files.deleteIfExists(open.path());
        }
    }

    /** The absolute path; an empty one ({@code --csv ""}) is refused by name. */
    private static Path absolute(Path target) throws IOException {
        if (target.toString().isEmpty()) {
            throw new IOException("the file name is empty (\"\"): give a file name");
        }
        return target.toAbsolutePath();
    }

    private static void checkTarget(Path file) throws IOException {
        Path dir = file.getParent();
        if (dir == null || file.getFileName() == null) {
            throw new IOException("cannot write " + file + ": it is a directory; give a file "
                    + "name");
        }
        if (!Files.isDirectory(dir)) {
            Path up = dir;
            while (up != null && !Files.exists(up)) {
                up = up.getParent();
            }
            if (up != null && !Files.isDirectory(up)) {
                throw new IOException("cannot write " + file + ": " + up + " is a file, not a "
                        + "directory; choose another location");
            }
            throw new IOException("cannot write " + file + ": directory " + dir
                    + " does not exist; create it or choose another location");
        }
        if (Files.isSymbolicLink(file)) {
            throw new IOException("cannot write " + file + ": it is a symbolic link, which "
                    + "would be replaced by a file; give the path it points to");
        }
        if (Files.isDirectory(file)) {
            throw new IOException("cannot write " + file + ": it is a directory; give a file "
                    + "name");
        }
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)
                && !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException("cannot write " + file + ": it is a device, FIFO or socket, "
                    + "not a regular file; choose a file name");
        }
        int bytes = file.getFileName().toString().getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_NAME_BYTES) {
            throw new IOException("cannot write " + file + ": the file name is " + bytes
                    + " bytes long, more than " + MAX_NAME_BYTES + "; choose a shorter name");
        }
        if (!Files.isWritable(dir) || Files.exists(file) && !Files.isWritable(file)) {
            throw new IOException("cannot write " + file + ": permission denied; choose "
                    + "another location");
        }
    }

    private static void keepPermissions(Path file, Path tmp) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(file,
                PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
        if (view == null || !Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Set<PosixFilePermission> permissions = view.readAttributes().permissions();
        Files.setPosixFilePermissions(tmp, permissions);
    }

    /** Makes the rename durable; not every platform can open a directory, which is fine. */
    private static void forceDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Windows cannot open directories; the rename itself has happened
        }
    }
}
