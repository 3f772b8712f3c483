package cartpolelab.ui.chart;

import javafx.scene.chart.NumberAxis;

/**
 * The episode (x) axis: whole episodes from 0 to a round number at or above the last one, with
 * round tick steps (1, 2, 2.5 or 5 × 10^k), so two episodes never show ticks like 1.3.
 * Auto-ranging is off; {@link #fit} sets the range as the data grows.
 */
final class EpisodeAxis {

    /** The axis never shows fewer than this many episodes. */
    static final int MIN_SPAN = 10;

    private EpisodeAxis() {
    }

    static NumberAxis create() {
        NumberAxis axis = new NumberAxis(0, MIN_SPAN, 1);
        axis.setAutoRanging(false);
        axis.setMinorTickVisible(false);
        axis.setForceZeroInRange(true);
        axis.setTickLabelFormatter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Number n) {
                return label(n.doubleValue());
            }

            @Override
            public Number fromString(String s) {
                throw new UnsupportedOperationException();
            }
        });
        return axis;
    }

    /** Sets the axis to show episodes 0..n (rounded up); cheap when nothing changes. */
    static void fit(NumberAxis axis, int episodes) {
        double unit = tickUnit(Math.max(episodes, MIN_SPAN));
        double upper = Math.ceil(Math.max(episodes, MIN_SPAN) / unit) * unit;
        if (axis.getUpperBound() != upper) {
            axis.setUpperBound(upper);
        }
        if (axis.getTickUnit() != unit) {
            axis.setTickUnit(unit);
        }
        if (axis.getLowerBound() != 0) {
            axis.setLowerBound(0);
        }
    }

    /** "2,500" below ten thousand, then "250k", "1.2M": long runs keep short labels. */
    static String label(double episode) {
        if (Math.abs(episode) < 10_000) {
            return String.format(java.util.Locale.ROOT, "%,.0f", episode);
        }
        return CompactNumber.format(episode);
    }

    /** A round step giving about 5 to 10 ticks over {@code span}. */
    static double tickUnit(double span) {
        double raw = span / 8;
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            if (m * magnitude >= raw) {
                return Math.max(1, m * magnitude);
            }
        }
        return Math.max(1, 10 * magnitude);
    }
}
