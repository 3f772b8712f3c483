package cartpolelab.plot;

import java.util.ArrayList;
import java.util.List;

/**
 * A function of two variables on a grid, to paint as coloured cells with a colour bar
 * ({@link HeatmapPainter}): π(push right | s) or V(s) over the pole's angle and angular
 * velocity, say. Cell (column c, row r) holds {@code values[r * columns + c]}; row 0 is the
 * top (the largest y). Vertical marker lines (the failure angles) and a path (the episode's
 * states) are drawn over the cells.
 */
public final class Heatmap {

    /** Maps a value to a colour; {@link #lo()} and {@link #hi()} bound the colour bar. */
    public interface Scale {
        int argb(double v);

        double lo();

        double hi();
    }

    /** A vertical line at x, labelled. */
    public record Line(double x, String label, int argb) {
    }

    public final String title;
    public final String xLabel;
    public final String yLabel;
    final double xMin;
    final double xMax;
    final double yMin;
    final double yMax;
    final int columns;
    final int rows;
    final double[] values;
    final Scale scale;
    final List<Line> lines = new ArrayList<>();
    double[] pathX = new double[0];
    double[] pathY = new double[0];
    int pathLength;

    public Heatmap(String title, String xLabel, String yLabel,
                   double xMin, double xMax, double yMin, double yMax,
                   int columns, int rows, double[] values, Scale scale) {
        if (values.length != columns * rows) {
            throw new IllegalArgumentException(values.length + " values for " + columns + " × "
                    + rows + " cells");
        }
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
        this.xMin = xMin;
        this.xMax = xMax;
        this.yMin = yMin;
        this.yMax = yMax;
        this.columns = columns;
        this.rows = rows;
        this.values = values.clone();
        this.scale = scale;
    }

    public Heatmap add(Line line) {
        lines.add(line);
        return this;
    }

    /** The path drawn over the cells: the first {@code n} points of (xs, ys). */
    public Heatmap path(double[] xs, double[] ys, int n) {
        pathX = xs.clone();
        pathY = ys.clone();
        pathLength = Math.min(n, Math.min(xs.length, ys.length));
        return this;
    }

    public double value(int column, int row) {
        return values[row * columns + column];
    }

    public int columns() {
        return columns;
    }

    public int rows() {
        return rows;
    }

    public Scale scale() {
        return scale;
    }

    /** A blue–white–orange scale centred on {@code mid}: for a probability around ½. */
    public static Scale diverging(double lo, double mid, double hi, String low, String high) {
        int a = Palette.argb(low);
        int b = Palette.argb(high);
        return new Scale() {
            @Override
            public int argb(double v) {
                return v <= mid ? mix(a, 0xFFFFFFFF, (v - lo) / (mid - lo))
                        : mix(0xFFFFFFFF, b, (v - mid) / (hi - mid));
            }

            @Override
            public double lo() {
                return lo;
            }

            @Override
            public double hi() {
                return hi;
            }
        };
    }

    /** Viridis from {@code lo} to {@code hi}: ordered, and readable in grey and by most
     *  colour-blind readers. */
    public static Scale viridis(double lo, double hi) {
        double top = hi > lo ? hi : lo + 1;
        return new Scale() {
            @Override
            public int argb(double v) {
                double t = Math.max(0, Math.min(1, (v - lo) / (top - lo))) * (VIRIDIS.length - 1);
                int i = (int) Math.min(VIRIDIS.length - 2, Math.floor(t));
                return mix(VIRIDIS[i], VIRIDIS[i + 1], t - i);
            }

            @Override
            public double lo() {
                return lo;
            }

            @Override
            public double hi() {
                return top;
            }
        };
    }

    private static final int[] VIRIDIS = {0xFF440154, 0xFF482878, 0xFF3E4A89, 0xFF31688E,
        0xFF26828E, 0xFF1F9E89, 0xFF35B779, 0xFF6DCD59, 0xFFB4DE2C, 0xFFFDE725};

    static int mix(int a, int b, double t) {
        double u = Math.max(0, Math.min(1, Double.isNaN(t) ? 0 : t));
        int r = (int) Math.round(((a >> 16) & 255) * (1 - u) + ((b >> 16) & 255) * u);
        int g = (int) Math.round(((a >> 8) & 255) * (1 - u) + ((b >> 8) & 255) * u);
        int bl = (int) Math.round((a & 255) * (1 - u) + (b & 255) * u);
        return 0xFF000000 | r << 16 | g << 8 | bl;
    }
}
