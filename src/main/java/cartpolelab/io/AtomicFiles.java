package cartpolelab.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes a file so that a crash, a full disk or an exception mid-write never leaves a broken
 * file where a good one was: the bytes go to a temporary file in the same directory, which is
 * forced to disk and then moved over the target in one atomic rename.
 */
public final class AtomicFiles {

    /** Writes the content of a file to a stream; may throw. */
    @FunctionalInterface
    public interface Writer {
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFiles() {
    }

    /**
     * Writes {@code target} atomically.
     *
     * @throws IOException with a message naming the path and the problem; {@code target} is
     *                     then exactly as it was before
     */
    public static void write(Path target, Writer writer) throws IOException {
        Path file = target.toAbsolutePath();
        checkWritable(file);
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        boolean moved = false;
        try {
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
                OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel));
                writer.writeTo(out);
                out.flush();
                channel.force(true);
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            moved = true;
        } catch (AccessDeniedException e) {
            throw new IOException("cannot write " + file + ": permission denied; choose "
                    + "another location", e);
        } finally {
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
     * directory is missing or read-only, or it is a directory itself.
     */
    public static void checkWritable(Path target) throws IOException {
        Path file = target.toAbsolutePath();
        Path dir = file.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new IOException("cannot write " + file + ": directory " + dir
                    + " does not exist; create it or choose another location");
        }
        if (Files.isDirectory(file)) {
            throw new IOException("cannot write " + file + ": it is a directory; give a file "
                    + "name");
        }
        if (!Files.isWritable(dir) || Files.exists(file) && !Files.isWritable(file)) {
            throw new IOException("cannot write " + file + ": permission denied; choose "
                    + "another location");
        }
    }
}
