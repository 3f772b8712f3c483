package cartpolelab.plot;

/**
 * Where a painted figure put things: the x range shown, the plot areas of its panels, the
 * legend's rows. Used to map the pointer back to an episode (hover, drag to zoom).
 */
public final class Layout {

    public final double xFrom;
    public final double xTo;
    public final double left;
    public final double right;
    /** Top and bottom of each panel's plot area, top to bottom. */
    public final double[] tops;
    public final double[] bottoms;
    /** Each panel's y range: [lo, hi]. */
    final double[][] yRanges;
    /** The x ticks in labelled units (episodes, or steps: {@link #xUnit} per data unit). */
    final Ticks xTicks;
    final double xUnit;

    Layout(double xFrom, double xTo, double left, double right, double[] tops,
           double[] bottoms, double[][] yRanges, Ticks xTicks, double xUnit) {
        this.xFrom = xFrom;
        this.xTo = xTo;
        this.left = left;
        this.right = right;
        this.tops = tops;
        this.bottoms = bottoms;
        this.yRanges = yRanges;
        this.xTicks = xTicks;
        this.xUnit = xUnit;
    }

    /** The k-th x tick in data units. */
    double xTick(int k) {
        return xTicks.value(k) / xUnit;
    }

    /** The pixel column of {@code x} (data units). */
    public double px(double x) {
        return left + (x - xFrom) / (xTo - xFrom) * (right - left);
    }

    /** The x value (data units) at pixel column {@code px}. */
    public double xAt(double px) {
        return xFrom + (px - left) / (right - left) * (xTo - xFrom);
    }

    /** The pixel row of {@code y} in panel {@code p}. */
    public double py(int p, double y) {
        double lo = yRanges[p][0];
        double hi = yRanges[p][1];
        return bottoms[p] - (y - lo) / (hi - lo) * (bottoms[p] - tops[p]);
    }

    /** True when (px, py) lies over the plot areas, from the top panel to the bottom one. */
    public boolean inside(double px, double py) {
        return px >= left && px <= right && py >= tops[0] && py <= bottoms[bottoms.length - 1];
    }
}
