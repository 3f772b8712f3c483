package cartpolelab.io;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

/**
 * Episodes of CartPole as an animated GIF (the JDK's ImageIO writer), for slides: the track
 * with its ±2.4 limits, the cart and the pole in Gymnasium's proportions (as the window draws
 * them), and optionally a panel with the episode, step, reward so far, π(·|s) and V(s).
 *
 * <p>Timing: 50 environment steps a second is real time (Gymnasium's τ = 0.02 s). Every frame
 * shows for 2/100 s; at speed ×k the GIF holds every k-th frame (0, k, 2k, …) and the last one,
 * so ×1 has {@code steps + 1} frames and plays in real time. Each episode's last frame stays
 * {@value #HOLD_LAST} hundredths of a second. The GIF loops for ever (NETSCAPE2.0 extension).
 */
public final class EpisodeGif {

    /** Hundredths of a second per frame: 50 steps/s. */
    public static final int FRAME_DELAY = 2;
    /** Hundredths of a second the last frame of an episode stays. */
    public static final int HOLD_LAST = 100;
    /** Widths allowed. */
    public static final int MIN_WIDTH = 120;
    public static final int MAX_WIDTH = 1920;

    /**
     * One recorded episode: frame k is the state after step k (frame 0 the start), the action
     * that led to it, the policy it was drawn from and V of the state shown.
     */
    public static final class Track {
        private final int episode;
        private final List<double[]> frames = new ArrayList<>();
        private boolean fell;

        public Track(int episode) {
            this.episode = episode;
        }

        /** Adds the next frame. */
        public void add(double x, double theta, int action, double probRight, double value,
                        double rewardSoFar) {
            frames.add(new double[] {x, theta, action, probRight, value, rewardSoFar});
        }

        /** Marks the episode as ended by the pole falling (false: cut by the step limit). */
        public void end(boolean fell) {
            this.fell = fell;
        }

        public int frames() {
            return frames.size();
        }
    }

    /**
     * How to draw.
     *
     * @param width   pixels, in [{@link #MIN_WIDTH}, {@link #MAX_WIDTH}]; the height follows
     * @param speed   1 (real time) … 64: the stride between frames kept
     * @param overlay draw the numbers panel
     * @param title   the panel's first line (e.g. "A2C · seed 1"), may be empty
     */
    public record Options(int width, int speed, boolean overlay, String title) {
        public Options {
            if (width < MIN_WIDTH || width > MAX_WIDTH) {
                throw new IllegalArgumentException("the GIF's width must be in [" + MIN_WIDTH
                        + ", " + MAX_WIDTH + "] pixels, was " + width);
            }
            if (speed < 1 || speed > 64) {
                throw new IllegalArgumentException("the GIF's speed must be in [1, 64], was "
                        + speed);
            }
        }

        /** The height for this width: the scene's proportions. */
        public int height() {
            return Math.max(60, (int) Math.round(width * 0.36));
        }
    }

    private EpisodeGif() {
    }

    /** The indices of the frames kept of an episode of {@code frames} frames at a speed. */
    public static int[] keptFrames(int frames, int speed) {
        int n = (frames - 1) / speed + 1 + ((frames - 1) % speed == 0 ? 0 : 1);
        int[] kept = new int[n];
        for (int i = 0; i < n; i++) {
            kept[i] = Math.min(i * speed, frames - 1);
        }
        return kept;
    }

    /** Writes the episodes one after another as one looping GIF, atomically. */
    public static void write(Path file, List<Track> episodes, Options o) throws IOException {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("gif");
        if (!writers.hasNext()) {
            throw new IOException("cannot write " + file + ": this Java has no GIF writer");
        }
        ImageWriter writer = writers.next();
        AtomicFiles.write(file, out -> {
            try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
                writer.setOutput(ios);
                writer.prepareWriteSequence(null);
                BufferedImage img = new BufferedImage(o.width(), o.height(),
                        BufferedImage.TYPE_INT_RGB);
                int[] previous = null;
                for (Track t : episodes) {
                    int[] kept = keptFrames(t.frames(), o.speed());
                    for (int i = 0; i < kept.length; i++) {
                        Graphics2D g = img.createGraphics();
                        try {
                            paint(g, o, t, kept[i]);
                        } finally {
                            g.dispose();
                        }
                        int[] pixels = img.getRGB(0, 0, o.width(), o.height(), null, 0,
                                o.width());
                        // only the rectangle that changed (the cart, the pole, the panel)
                        // goes into the file, drawn over the frame before it
                        Rectangle r = previous == null
                                ? new Rectangle(0, 0, o.width(), o.height())
                                : changed(previous, pixels, o.width(), o.height());
                        BufferedImage part = new BufferedImage(r.width, r.height,
                                BufferedImage.TYPE_INT_RGB);
                        part.setRGB(0, 0, r.width, r.height, pixels, r.y * o.width() + r.x,
                                o.width());
                        int delay = i == kept.length - 1 ? HOLD_LAST : FRAME_DELAY;
                        writer.writeToSequence(new IIOImage(part, null,
                                metadata(writer, part, delay, previous == null, r)), null);
                        previous = pixels;
                    }
                }
                writer.endWriteSequence();
            } finally {
                writer.dispose();
            }
        });
    }

    /** The smallest rectangle holding every pixel that differs (at least 1 × 1). */
    static Rectangle changed(int[] before, int[] after, int w, int h) {
        int x0 = w;
        int y0 = h;
        int x1 = -1;
        int y1 = -1;
        for (int y = 0; y < h; y++) {
            int row = y * w;
            for (int x = 0; x < w; x++) {
                if (before[row + x] != after[row + x]) {
                    x0 = Math.min(x0, x);
                    x1 = Math.max(x1, x);
                    y0 = Math.min(y0, y);
                    y1 = y;
                }
            }
        }
        return x1 < 0 ? new Rectangle(0, 0, 1, 1)
                : new Rectangle(x0, y0, x1 - x0 + 1, y1 - y0 + 1);
    }

    /**
     * Frame position and delay, kept under the next frame (disposal none), and (on the first
     * frame) the loop-for-ever extension.
     */
    private static IIOMetadata metadata(ImageWriter writer, BufferedImage img, int delay,
                                        boolean first, Rectangle at)
            throws IOException {
        ImageWriteParam param = writer.getDefaultWriteParam();
        IIOMetadata meta = writer.getDefaultImageMetadata(
                ImageTypeSpecifier.createFromRenderedImage(img), param);
        String format = meta.getNativeMetadataFormatName();
        IIOMetadataNode root = (IIOMetadataNode) meta.getAsTree(format);
        IIOMetadataNode gce = child(root, "GraphicControlExtension");
        gce.setAttribute("disposalMethod", "none");
        gce.setAttribute("userInputFlag", "FALSE");
        gce.setAttribute("transparentColorFlag", "FALSE");
        gce.setAttribute("delayTime", Integer.toString(delay));
        gce.setAttribute("transparentColorIndex", "0");
        IIOMetadataNode desc = child(root, "ImageDescriptor");
        desc.setAttribute("imageLeftPosition", Integer.toString(at.x));
        desc.setAttribute("imageTopPosition", Integer.toString(at.y));
        desc.setAttribute("imageWidth", Integer.toString(at.width));
        desc.setAttribute("imageHeight", Integer.toString(at.height));
        if (first) {
            IIOMetadataNode apps = child(root, "ApplicationExtensions");
            IIOMetadataNode app = new IIOMetadataNode("ApplicationExtension");
            app.setAttribute("applicationID", "NETSCAPE");
            app.setAttribute("authenticationCode", "2.0");
            app.setUserObject(new byte[] {1, 0, 0}); // sub-block 1, loop count 0 = for ever
            apps.appendChild(app);
        }
        meta.setFromTree(format, root);
        return meta;
    }

    private static IIOMetadataNode child(IIOMetadataNode root, String name) {
        for (int i = 0; i < root.getLength(); i++) {
            if (root.item(i).getNodeName().equalsIgnoreCase(name)) {
                return (IIOMetadataNode) root.item(i);
            }
        }
        IIOMetadataNode node = new IIOMetadataNode(name);
        root.appendChild(node);
        return node;
    }

    // ---- the scene, in the window's proportions and colours ----

    private static final double TRACK_HALF = 2.4;
    private static final double POLE_LENGTH = 1.0;
    private static final double CART_W = 0.4;
    private static final double CART_H = 0.24;
    private static final double POLE_W = 0.08;
    private static final double VIEW_HEIGHT = 1.75;

    private static final Color SKY_TOP = new Color(0xf8fafc);
    private static final Color SKY_BOTTOM = new Color(0xe8eef5);
    private static final Color GROUND = new Color(0xd5dde7);
    private static final Color TRACK = new Color(0x4a5566);
    private static final Color LIMIT = new Color(0xd64545);
    private static final Color CART = new Color(0x2f3b4c);
    private static final Color POLE = new Color(0xd9822b);
    private static final Color POLE_FALLEN = new Color(0xc8433a);
    private static final Color AXLE = new Color(0x8184cb);
    private static final Color TEXT = new Color(0x1f2933);
    private static final Color BAR_LEFT = new Color(0x3b82c4);
    private static final Color BAR_RIGHT = new Color(0xd9822b);

    private static void paint(Graphics2D g, Options o, Track t, int k) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING,
                RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        double w = o.width();
        double h = o.height();
        double scale = Math.min(w / (2 * (TRACK_HALF + CART_W)), h / VIEW_HEIGHT);
        double cx = w / 2;
        double trackY = Math.min(h - 0.32 * scale, h / 2 + 0.55 * scale);
        g.setPaint(new GradientPaint(0, 0, SKY_TOP, 0, (float) h, SKY_BOTTOM));
        g.fill(new Rectangle2D.Double(0, 0, w, h));
        g.setColor(GROUND);
        g.fill(new Rectangle2D.Double(0, trackY, w, h - trackY));
        g.setColor(TRACK);
        g.setStroke(new BasicStroke(2f));
        g.draw(new Line2D.Double(0, trackY, w, trackY));
        g.setStroke(new BasicStroke(1f));
        for (int m = -2; m <= 2; m++) {
            double x = cx + m * scale;
            g.draw(new Line2D.Double(x, trackY, x, trackY + 0.06 * scale));
        }
        g.setColor(LIMIT);
        g.setStroke(new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                new float[] {6f, 4f}, 0f));
        for (double x : new double[] {cx - TRACK_HALF * scale, cx + TRACK_HALF * scale}) {
            g.draw(new Line2D.Double(x, trackY - 0.5 * scale, x, trackY + 0.1 * scale));
        }

        double[] f = t.frames.get(k);
        boolean fell = t.fell && k == t.frames() - 1;
        double cartX = cx + f[0] * scale;
        double cartW = CART_W * scale;
        double cartH = CART_H * scale;
        g.setColor(CART);
        g.fill(new RoundRectangle2D.Double(cartX - cartW / 2, trackY - cartH / 2, cartW, cartH,
                cartH * 0.25, cartH * 0.25));
        double axleY = trackY - cartH / 4;
        double tipX = cartX + Math.sin(f[1]) * POLE_LENGTH * scale;
        double tipY = axleY - Math.cos(f[1]) * POLE_LENGTH * scale;
        g.setColor(fell ? POLE_FALLEN : POLE);
        g.setStroke(new BasicStroke((float) Math.max(2, POLE_W * scale), BasicStroke.CAP_BUTT,
                BasicStroke.JOIN_MITER));
        g.draw(new Line2D.Double(cartX, axleY, tipX, tipY));
        double r = Math.max(2, POLE_W * scale / 2);
        g.setColor(AXLE);
        g.fill(new Ellipse2D.Double(cartX - r, axleY - r, 2 * r, 2 * r));
        if (o.overlay()) {
            panel(g, o, t, k, f, w);
        }
    }

    /** Top left: title and episode, then step, reward, π as two bars, V(s). */
    private static void panel(Graphics2D g, Options o, Track t, int k, double[] f, double w) {
        float size = (float) Math.max(10, Math.min(14, w / 48));
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, Math.round(size)));
        String head = (o.title().isEmpty() ? "" : o.title() + " · ") + "episode " + t.episode;
        String line = String.format(Locale.ROOT, "step %d/%d · reward %.0f · V(s) %.1f", k,
                t.frames() - 1, f[5], f[4]);
        double lh = size * 1.35;
        double pw = Math.min(w - 12, Math.max(g.getFontMetrics().stringWidth(head),
                g.getFontMetrics().stringWidth(line)) + 16);
        g.setColor(new Color(255, 255, 255, 215));
        g.fill(new RoundRectangle2D.Double(6, 6, pw, lh * 3 + 10, 8, 8));
        g.setColor(TEXT);
        g.drawString(head, 14, (float) (6 + lh));
        g.drawString(line, 14, (float) (6 + 2 * lh));
        // "← π 0.44 | 0.56", then π(left) | π(right) as two bars from a middle line
        double barY = 6 + 2 * lh + lh * 0.3;
        g.setFont(g.getFont().deriveFont(Font.BOLD, size * 0.85f));
        String arrow = k == 0 ? " " : f[2] == 0 ? "←" : "→";
        double pr = f[3];
        String pi = String.format(Locale.ROOT, "%s π %.2f | %.2f", arrow, 1 - pr, pr);
        g.drawString(pi, 14, (float) (barY + lh * 0.55));
        double start = 14 + g.getFontMetrics().stringWidth(pi) + 8;
        double half = Math.max(10, (6 + pw - 8 - start) / 2);
        double mid = start + half;
        g.setColor(BAR_LEFT);
        g.fill(new Rectangle2D.Double(mid - half * (1 - pr), barY,
                half * (1 - pr), lh * 0.6));
        g.setColor(BAR_RIGHT);
        g.fill(new Rectangle2D.Double(mid, barY, half * pr, lh * 0.6));
    }
}
