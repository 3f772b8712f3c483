package cartpolelab.ui.chart;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntToDoubleFunction;
import javafx.collections.ObservableList;
import javafx.scene.chart.XYChart;

/**
 * Keeps one chart series in step with one column of the episode history (x = episode number,
 * 1-based). Up to {@link #SHOW_ALL_LIMIT} episodes every point is shown and new ones are
 * appended; beyond that the series shows {@link MinMaxReducer}'s at most
 * {@link #REDUCED_POINTS} points, written into the existing {@code Data} objects in place so
 * the chart never rebuilds its nodes. The full data stays in the history (and the CSV).
 *
 * <p>FX thread only once the series is in a scene.
 */
public final class SeriesFeeder {

    /** Series up to this many episodes are drawn point for point. */
    public static final int SHOW_ALL_LIMIT = 2000;
    /** Points drawn per series beyond {@link #SHOW_ALL_LIMIT}. */
    public static final int REDUCED_POINTS = 1000;

    private final XYChart.Series<Number, Number> series;
    private final MinMaxReducer reducer = new MinMaxReducer(REDUCED_POINTS);
    private final int[] indexes = new int[REDUCED_POINTS];
    private int shownSize;
    private boolean reduced;

    public SeriesFeeder(XYChart.Series<Number, Number> series) {
        this.series = series;
    }

    public XYChart.Series<Number, Number> series() {
        return series;
    }

    /** True when the series shows a min/max reduction rather than every point. */
    public boolean reduced() {
        return reduced;
    }

    /** Episodes covered by what the series shows. */
    public int shownSize() {
        return shownSize;
    }

    public void clear() {
        series.getData().clear();
        shownSize = 0;
        reduced = false;
    }

    /**
     * Brings the series up to date with {@code size} values of {@code column}. A smaller size
     * than last time means a new run: the series starts over.
     */
    public void update(IntToDoubleFunction column, int size) {
        if (size < shownSize) {
            clear();
        }
        if (size == shownSize) {
            return;
        }
        ObservableList<XYChart.Data<Number, Number>> data = series.getData();
        if (size <= SHOW_ALL_LIMIT && !reduced) {
            List<XYChart.Data<Number, Number>> added = new ArrayList<>(size - shownSize);
            for (int i = shownSize; i < size; i++) {
                double v = column.applyAsDouble(i);
                if (Double.isFinite(v)) {
                    added.add(new XYChart.Data<>(i + 1, v));
                }
            }
            data.addAll(added);
        } else {
            int n = reducer.reduce(column, size, indexes);
            int reuse = Math.min(n, data.size());
            for (int k = 0; k < reuse; k++) {
                XYChart.Data<Number, Number> d = data.get(k);
                int x = indexes[k] + 1;
                double y = column.applyAsDouble(indexes[k]);
                if (d.getXValue().intValue() != x) {
                    d.setXValue(x);
                }
                if (d.getYValue().doubleValue() != y) {
                    d.setYValue(y);
                }
            }
            if (n > data.size()) {
                List<XYChart.Data<Number, Number>> added = new ArrayList<>(n - data.size());
                for (int k = data.size(); k < n; k++) {
                    added.add(new XYChart.Data<>(indexes[k] + 1,
                            column.applyAsDouble(indexes[k])));
                }
                data.addAll(added);
            } else if (n < data.size()) {
                data.remove(n, data.size());
            }
            reduced = true;
        }
        shownSize = size;
    }
}
