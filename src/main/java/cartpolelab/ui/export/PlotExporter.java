package cartpolelab.ui.export;

import cartpolelab.io.AtomicFiles;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.transform.Transform;

/**
 * Saves charts as PNG: the snapshot is taken on the FX thread (it must be), at twice the
 * on-screen size for crisp print; converting, stacking and writing happen on {@code executor}.
 * The file is written next to its target and moved into place, so a failed write never
 * leaves half a PNG (or destroys an older one).
 */
public final class PlotExporter {

    /** Snapshots are taken at this scale: "the chart's size or larger". */
    public static final double SCALE = 2.0;
    /** The extension of the files written (the caller adds it, with {@code FileNames}). */
    public static final String EXTENSION = ".png";

    private PlotExporter() {
    }

    /**
     * Snapshots {@code nodes} (FX thread) and writes them stacked top to bottom as one PNG at
     * exactly {@code target} on {@code executor}.
     */
    public static CompletableFuture<Path> save(List<? extends Node> nodes, Path target,
                                               Executor executor) {
        List<WritableImage> shots;
        try {
            // Stacked charts share one width: each is rendered (not stretched) at the scale
            // that makes it as wide as the widest one at SCALE.
            double widest = nodes.stream().mapToDouble(n -> n.getLayoutBounds().getWidth())
                    .max().orElse(0);
            shots = nodes.stream().map(n -> snapshot(n, n.getLayoutBounds().getWidth() < 1
                    ? SCALE : SCALE * widest / n.getLayoutBounds().getWidth())).toList();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return CompletableFuture.supplyAsync(() -> {
            try {
                write(stack(shots), target);
                return target;
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, executor);
    }

    /** A white-backed snapshot at {@link #SCALE}; FX thread only. */
    public static WritableImage snapshot(Node node) {
        return snapshot(node, SCALE);
    }

    /** A white-backed snapshot at {@code scale}; FX thread only. */
    public static WritableImage snapshot(Node node, double scale) {
        var bounds = node.getLayoutBounds();
        if (bounds.getWidth() < 1 || bounds.getHeight() < 1) {
            throw new IllegalStateException("the chart is not on screen (it has no size)");
        }
        SnapshotParameters p = new SnapshotParameters();
        p.setFill(Color.WHITE);
        p.setTransform(Transform.scale(scale, scale));
        int w = (int) Math.ceil(bounds.getWidth() * scale);
        int h = (int) Math.ceil(bounds.getHeight() * scale);
        return node.snapshot(p, new WritableImage(w, h));
    }

    static BufferedImage stack(List<WritableImage> shots) {
        List<BufferedImage> images = shots.stream()
                .map(s -> SwingFXUtils.fromFXImage(s, null)).toList();
        if (images.size() == 1) {
            return opaque(images.get(0));
        }
        int w = images.stream().mapToInt(BufferedImage::getWidth).max().orElse(1);
        int h = images.stream().mapToInt(BufferedImage::getHeight).sum();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setColor(java.awt.Color.WHITE);
            g.fillRect(0, 0, w, h);
            int y = 0;
            for (BufferedImage i : images) {
                g.drawImage(i, 0, y, null);
                y += i.getHeight();
            }
        } finally {
            g.dispose();
        }
        return out;
    }

    private static BufferedImage opaque(BufferedImage in) {
        BufferedImage out = new BufferedImage(in.getWidth(), in.getHeight(),
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setColor(java.awt.Color.WHITE);
            g.fillRect(0, 0, in.getWidth(), in.getHeight());
            g.drawImage(in, 0, 0, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    /** Refuses a blank image; otherwise writes it atomically ({@link AtomicFiles}). */
    static void write(BufferedImage image, Path target) throws IOException {
        if (isBlank(image)) {
            throw new IOException("the snapshot came out blank; nothing was written");
        }
        AtomicFiles.writePng(target, image);
    }

    /** True when every pixel has the same colour. */
    static boolean isBlank(BufferedImage image) {
        int first = image.getRGB(0, 0);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if (image.getRGB(x, y) != first) {
                    return false;
                }
            }
        }
        return true;
    }
}
