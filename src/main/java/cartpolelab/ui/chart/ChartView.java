package cartpolelab.ui.chart;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.IntConsumer;

/**
 * What the user did to the charts, shared by every chart of the window so they stay lined
 * up: the x range zoomed to (or "follow the whole run"), the episode under the pointer and
 * the range being dragged out. Changes mark the charts for repainting on the next frame.
 * FX thread only.
 */
public final class ChartView {

    private boolean following = true;
    private double from;
    private double to;
    private int hovered = -1;
    private PlotCanvas hoveredCanvas;
    private double dragFrom = Double.NaN;
    private double dragTo = Double.NaN;
    private final List<Runnable> listeners = new ArrayList<>();
    private IntConsumer onEpisodeClicked = episode -> { };

    /** What a click (not a drag) on a chart does with the episode under it (from 1). */
    public void setOnEpisodeClicked(IntConsumer handler) {
        this.onEpisodeClicked = Objects.requireNonNull(handler);
    }

    void clicked(int episode) {
        onEpisodeClicked.accept(episode);
    }

    void onChange(Runnable r) {
        listeners.add(r);
    }

    private void changed() {
        for (Runnable r : listeners) {
            r.run();
        }
    }

    /** True while the charts show the whole run and follow new episodes. */
    public boolean following() {
        return following;
    }

    /** Shows x in [from, to] until {@link #follow()}; ignored for a range under 2 episodes. */
    public void zoom(double from, double to) {
        double a = Math.min(from, to);
        double b = Math.max(from, to);
        if (b - a < 2) {
            return;
        }
        this.from = a;
        this.to = b;
        following = false;
        changed();
    }

    /** Back to the whole run, following new episodes. */
    public void follow() {
        if (!following) {
            following = true;
            changed();
        }
    }

    /** The x range to show, given the whole run's. */
    double[] range(double[] whole) {
        return following ? whole : new double[] {from, to};
    }

    /** The hovered episode index (0-based) on {@code canvas}, or -1 for none. */
    void hover(int index, PlotCanvas canvas) {
        if (index != hovered || canvas != hoveredCanvas) {
            hovered = index;
            hoveredCanvas = index < 0 ? null : canvas;
            changed();
        }
    }

    public int hovered() {
        return hovered;
    }

    PlotCanvas hoveredCanvas() {
        return hoveredCanvas;
    }

    void drag(double fromX, double toX) {
        dragFrom = fromX;
        dragTo = toX;
        changed();
    }

    void endDrag() {
        dragFrom = Double.NaN;
        dragTo = Double.NaN;
        changed();
    }

    boolean dragging() {
        return !Double.isNaN(dragFrom);
    }

    double dragFrom() {
        return dragFrom;
    }

    double dragTo() {
        return dragTo;
    }

    /** A new run: back to following, nothing hovered. */
    void reset() {
        following = true;
        hovered = -1;
        hoveredCanvas = null;
        dragFrom = Double.NaN;
        dragTo = Double.NaN;
        changed();
    }
}
