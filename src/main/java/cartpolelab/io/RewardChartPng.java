package cartpolelab.io;

import cartpolelab.env.CartPoleVersion;
import cartpolelab.metrics.EpisodeHistory;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.IntToDoubleFunction;

/**
 * The reward chart of a run as a PNG, drawn with Java2D so the command line can write it on a
 * machine without a display: episode reward, its 50-episode moving average and the solved
 * threshold, in the app chart's colours ({@link ChartPalette}).
 *
 * <p>When there are more episodes than pixel columns, each column draws the minimum and the
 * maximum of its episodes, so a spike is never averaged away.
 */
public final class RewardChartPng {

    public static final int DEFAULT_WIDTH = 1200;
    public static final int DEFAULT_HEIGHT = 600;

    private static final int LEFT = 78;
    private static final int RIGHT = 28;
    private static final int TOP = 58;
    private static final int BOTTOM = 92;

    private RewardChartPng() {
    }

    /** Renders and writes the chart atomically. */
    public static void write(Path file, EpisodeHistory history, CartPoleVersion version,
                             String title, int width, int height) throws IOException {
        BufferedImage image = render(history, version, title, width, height);
        AtomicFiles.writePng(file, image);
    }

    /** The chart as an image. */
    public static BufferedImage render(EpisodeHistory history, CartPoleVersion version,
                                       String title, int width, int height) {
        if (width < 300 || height < 200) {
            throw new IllegalArgumentException("chart size must be at least 300x200, was "
                    + width + "x" + height);
        }
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING,
                    RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setColor(ChartPalette.BACKGROUND_COLOR);
            g.fillRect(0, 0, width, height);
            new Plot(g, history, version, width, height).draw(title);
        } finally {
            g.dispose();
        }
        return image;
    }

    /** One drawing: the data, the plot area and the axis ranges. */
    private static final class Plot {
        private final Graphics2D g;
        private final EpisodeHistory history;
        private final int n;
        private final double threshold;
        private final int width;
        private final int height;
        private final int x0;
        private final int x1;
        private final int y0;
        private final int y1;
        private final double xMax;
        private final double yMax;

        Plot(Graphics2D g, EpisodeHistory history, CartPoleVersion version, int width,
             int height) {
            this.g = g;
            this.history = history;
            this.n = history.size();
            this.threshold = version.solvedThreshold();
            this.width = width;
            this.height = height;
            x0 = LEFT;
            x1 = width - RIGHT;
            y0 = height - BOTTOM;
            y1 = TOP;
            double maxReward = 0;
            for (int i = 0; i < n; i++) {
                maxReward = Math.max(maxReward, history.reward(i));
            }
            xMax = Math.max(10, n);
            yMax = niceCeiling(Math.max(threshold, maxReward) * 1.05);
        }

        double px(double episode) {
            return x0 + (episode - 1) / Math.max(1, xMax - 1) * (x1 - x0);
        }

        double py(double reward) {
            return y0 - reward / yMax * (y0 - y1);
        }

        void draw(String title) {
            drawTitle(title);
            drawGridAndAxes();
            if (n == 0) {
                g.setColor(ChartPalette.AXIS_COLOR);
                g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 16));
                centered("no episodes yet", (x0 + x1) / 2, (y0 + y1) / 2);
            } else {
                g.setClip(x0, y1 - 2, x1 - x0 + 1, y0 - y1 + 4);
                drawSeries(history::reward, withAlpha(ChartPalette.REWARD_COLOR, 220), 1.2f);
                drawThreshold();
                drawSeries(history::movingAverage, ChartPalette.MOVING_AVERAGE_COLOR, 2.5f);
                g.setClip(null);
            }
            drawLegend();
        }

        private void drawTitle(String title) {
            g.setColor(ChartPalette.TEXT_COLOR);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 18));
            centered(title, width / 2, 32);
        }

        private void drawGridAndAxes() {
            Font tickFont = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
            g.setFont(tickFont);
            FontMetrics fm = g.getFontMetrics();
            // y: grid lines and labels
            double yStep = niceStep(yMax / 6);
            for (double v = 0; v <= yMax + 1e-9; v += yStep) {
                int y = (int) Math.round(py(v));
                g.setColor(ChartPalette.GRID_COLOR);
                g.setStroke(new BasicStroke(1f));
                g.drawLine(x0, y, x1, y);
                g.setColor(ChartPalette.TEXT_COLOR);
                String label = format(v);
                g.drawString(label, x0 - 8 - fm.stringWidth(label), y + fm.getAscent() / 2 - 1);
            }
            // x: whole episodes, 1-2-5 steps
            double xStep = Math.max(1, niceStep((xMax - 1) / 8));
            double first = xStep >= 2 ? xStep : 1;
            drawXTick(1, fm);
            for (double v = first; v <= xMax + 1e-9; v += xStep) {
                if (v > 1 && px(v) - px(1) > fm.stringWidth("00000")) {
                    drawXTick(v, fm);
                }
            }
            g.setColor(ChartPalette.AXIS_COLOR);
            g.setStroke(new BasicStroke(1.2f));
            g.drawLine(x0, y0, x1, y0);
            g.drawLine(x0, y0, x0, y1);
            // axis titles
            g.setColor(ChartPalette.TEXT_COLOR);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
            centered("Episode", (x0 + x1) / 2, height - 50);
            Graphics2D r = (Graphics2D) g.create();
            r.rotate(-Math.PI / 2);
            r.setFont(g.getFont());
            FontMetrics tm = r.getFontMetrics();
            r.drawString("Reward", -(y0 + y1) / 2 - tm.stringWidth("Reward") / 2, 22);
            r.dispose();
        }

        private void drawXTick(double v, FontMetrics fm) {
            int x = (int) Math.round(px(v));
            g.setColor(ChartPalette.GRID_COLOR);
            g.setStroke(new BasicStroke(1f));
            g.drawLine(x, y0, x, y1);
            g.setColor(ChartPalette.TEXT_COLOR);
            centered(format(v), x, y0 + 8 + fm.getAscent());
        }

        /**
         * A polyline through every episode, or, with more episodes than columns, a min-max
         * segment per pixel column joined in order.
         */
        private void drawSeries(IntToDoubleFunction value, Color color, float widthPx) {
            g.setColor(color);
            g.setStroke(new BasicStroke(widthPx, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            Path2D.Double path = new Path2D.Double();
            int columns = x1 - x0;
            if (n <= columns) {
                for (int i = 0; i < n; i++) {
                    double x = px(i + 1);
                    double y = py(value.applyAsDouble(i));
                    if (i == 0) {
                        path.moveTo(x, y);
                    } else {
                        path.lineTo(x, y);
                    }
                }
                if (n == 1) {
                    path.lineTo(px(1) + 0.5, py(value.applyAsDouble(0)));
                }
            } else {
                int start = 0;
                for (int c = 0; c < columns; c++) {
                    int end = (int) ((long) n * (c + 1) / columns);
                    if (end <= start) {
                        continue;
                    }
                    double lo = Double.POSITIVE_INFINITY;
                    double hi = Double.NEGATIVE_INFINITY;
                    for (int i = start; i < end; i++) {
                        double v = value.applyAsDouble(i);
                        lo = Math.min(lo, v);
                        hi = Math.max(hi, v);
                    }
                    double x = x0 + c + 0.5;
                    if (start == 0) {
                        path.moveTo(x, py(value.applyAsDouble(0)));
                    }
                    path.lineTo(x, py(hi));
                    path.lineTo(x, py(lo));
                    start = end;
                }
            }
            g.draw(path);
        }

        private void drawThreshold() {
            g.setColor(ChartPalette.THRESHOLD_COLOR);
            g.setStroke(new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                    new float[] {8f, 6f}, 0f));
            int y = (int) Math.round(py(threshold));
            g.drawLine(x0, y, x1, y);
        }

        private void drawLegend() {
            String[] labels = {"Episode reward", "Moving average (50)",
                "Solved (" + format(threshold) + ")"};
            Color[] colors = {ChartPalette.REWARD_COLOR, ChartPalette.MOVING_AVERAGE_COLOR,
                ChartPalette.THRESHOLD_COLOR};
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
            FontMetrics fm = g.getFontMetrics();
            int swatch = 22;
            int gap = 26;
            int total = 0;
            for (String l : labels) {
                total += swatch + 6 + fm.stringWidth(l) + gap;
            }
            total -= gap;
            int x = (width - total) / 2;
            int y = height - 20;
            for (int i = 0; i < labels.length; i++) {
                g.setColor(colors[i]);
                g.setStroke(i == 2 ? new BasicStroke(2f, BasicStroke.CAP_BUTT,
                        BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f)
                        : new BasicStroke(i == 1 ? 3f : 2f));
                g.drawLine(x, y, x + swatch, y);
                g.setColor(ChartPalette.TEXT_COLOR);
                g.drawString(labels[i], x + swatch + 6, y + fm.getAscent() / 2 - 1);
                x += swatch + 6 + fm.stringWidth(labels[i]) + gap;
            }
        }

        private void centered(String text, int cx, int baseline) {
            FontMetrics fm = g.getFontMetrics();
            g.drawString(text, cx - fm.stringWidth(text) / 2, baseline);
        }
    }

    private static Color withAlpha(Color c, int alpha) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), alpha);
    }

    /** 1, 2 or 5 times a power of ten, at least {@code raw}. */
    static double niceStep(double raw) {
        if (!(raw > 0)) {
            return 1;
        }
        double p = Math.pow(10, Math.floor(Math.log10(raw)));
        double f = raw / p;
        return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * p;
    }

    private static double niceCeiling(double v) {
        double step = niceStep(v / 6);
        return Math.ceil(v / step) * step;
    }

    private static String format(double v) {
        return v == Math.rint(v) ? String.format(Locale.ROOT, "%,.0f", v)
                : String.format(Locale.ROOT, "%.1f", v);
    }
}
