package cartpolelab.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.security.SecureRandom;
import java.util.Set;

/**
 * Writes a file so that a crash, a full disk, an exception mid-write or a second writer never
 * leaves a broken or mixed file where a good one was.
 *
 * <p>Guarantees of {@link #write}: the bytes go to a temporary file of a unique name
 * ({@code .cplab-<pid>-<random>.tmp}) in the target's directory, created new (never an
 * existing file of the user's); it is forced to disk, given the target's permissions if the
 * target exists, and renamed over the target in one atomic step; then the directory is forced
 * too, so the rename survives a power cut. Two writers to one target each replace it whole
 * (the last rename wins). The target must be a regular file or absent: a symbolic link, a
 * directory, a device or a FIFO is refused. Temporary files of this program whose process has
 * ended (a crash, a kill) are deleted from the directory on the next write there.
 */
public final class AtomicFiles {

    /** Writes the content of a file to a stream; may throw. */
    @FunctionalInterface
    public interface Writer {
        void writeTo(OutputStream out) throws IOException;
    }

    private static final String TEMP_PREFIX = ".cplab-";
    private static final String TEMP_SUFFIX = ".tmp";
    private static final int MAX_NAME_BYTES = 255;
    private static final SecureRandom RANDOM = new SecureRandom();

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
        Path file = target.toAbsolutePath();
        checkTarget(file);
        Path dir = file.getParent();
        cleanStaleTemporaries(dir);
        Path tmp = createTemporary(file);
        boolean moved = false;
        FileChannel channel = null;
        try {
            channel = FileChannel.open(tmp, StandardOpenOption.WRITE);
            OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel));
            writer.writeTo(out);
            out.flush();
            channel.force(true);
            keepPermissions(file, tmp);
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            moved = true;
            forceDirectory(dir);
            FileChannel open = keepOpen ? channel : null;
            if (keepOpen) {
                channel = null; // the caller's now
            }
            return open;
        } catch (AccessDeniedException e) {
            throw new IOException("cannot write " + file + ": permission denied; choose "
                    + "another location", e);
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
     * Writes {@code image} as a PNG to {@code target} atomically, with a fast deflate level:
     * charts are flat colours, which compress well at any level, and the default level spends
     * most of a chart's export time for a few percent of file size.
     */
    public static void writePng(Path target, java.awt.image.RenderedImage image)
            throws IOException {
        var writers = javax.imageio.ImageIO.getImageWritersByFormatName("png");
        if (!writers.hasNext()) {
            throw new IOException("cannot write " + target + ": no PNG writer available");
        }
        javax.imageio.ImageWriter writer = writers.next();
        write(target, out -> {
            try (var stream = javax.imageio.ImageIO.createImageOutputStream(out)) {
                var param = writer.getDefaultWriteParam();
                param.setCompressionMode(javax.imageio.ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(0.75f); // deflate level 2 of 9
                writer.setOutput(stream);
                writer.write(null, new javax.imageio.IIOImage(image, null, null), param);
            } finally {
                writer.dispose();
            }
        });
    }

    /** Writes an SVG document (as made by JFreeSVG) to {@code target} atomically, UTF-8. */
    public static void writeSvg(Path target, String document) throws IOException {
        write(target, out -> out.write(document.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    /**
     * Fails fast, before any work is done, when {@code target} cannot be written: its
     * directory is missing or read-only, its name is too long, it is a directory, a link or a
     * device, or no temporary file can be created beside it (this creates one and deletes it).
     */
    public static void checkWritable(Path target) throws IOException {
        Path file = target.toAbsolutePath();
        checkTarget(file);
        Files.delete(createTemporary(file));
    }

    /** True for a name this class gives its temporary files. */
    static boolean isTemporaryName(String name) {
        return name.startsWith(TEMP_PREFIX) && name.endsWith(TEMP_SUFFIX);
    }

    private static void checkTarget(Path file) throws IOException {
        Path dir = file.getParent();
        if (dir == null || file.getFileName() == null) {
            throw new IOException("cannot write " + file + ": it is a directory; give a file "
                    + "name");
        }
        if (!Files.isDirectory(dir)) {
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

    /** A new, empty file of a unique name in the target's directory, normal permissions. */
    private static Path createTemporary(Path file) throws IOException {
        Path dir = file.getParent();
        for (int attempt = 0; ; attempt++) {
            Path tmp = dir.resolve(TEMP_PREFIX + ProcessHandle.current().pid() + "-"
                    + Long.toUnsignedString(RANDOM.nextLong(), 36) + TEMP_SUFFIX);
            try {
                return Files.createFile(tmp);
            } catch (FileAlreadyExistsException e) {
                if (attempt > 10) {
                    throw e;
                }
            } catch (AccessDeniedException e) {
                throw new IOException("cannot write " + file + ": permission denied in " + dir
                        + "; choose another location", e);
            } catch (FileSystemException e) {
                String reason = e.getReason() != null ? e.getReason() : e.toString();
                throw new IOException("cannot write " + file + ": cannot create a file in "
                        + dir + " (" + reason + "); choose another location", e);
            }
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

    /** Deletes temporary files of this program in {@code dir} whose process has ended. */
    static void cleanStaleTemporaries(Path dir) {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir,
                TEMP_PREFIX + "*" + TEMP_SUFFIX)) {
            for (Path p : files) {
                String name = p.getFileName().toString();
                int dash = name.indexOf('-', TEMP_PREFIX.length());
                if (dash < 0) {
                    continue;
                }
                try {
                    long pid = Long.parseLong(name.substring(TEMP_PREFIX.length(), dash));
                    if (ProcessHandle.of(pid).isEmpty()
                            && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                        Files.deleteIfExists(p);
                    }
                } catch (NumberFormatException | IOException e) {
                    // not ours, or already gone: leave it
                }
            }
        } catch (IOException e) {
            // cleaning is a courtesy; the write itself reports real problems
        }
    }
}
