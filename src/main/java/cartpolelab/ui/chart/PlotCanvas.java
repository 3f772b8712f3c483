package cartpolelab.ui.chart;

import cartpolelab.plot.Figure;
import cartpolelab.plot.Hover;
import cartpolelab.plot.Layout;
import cartpolelab.plot.PlotPainter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javafx.animation.PauseTransition;
import javafx.scene.AccessibleRole;
import javafx.scene.canvas.Canvas;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import javafx.util.Duration;

/**
 * One chart of the window: a {@link Canvas} the {@link PlotPainter} paints a {@link Figure}
 * on, at most once per frame and only when something changed (new data, a resize, the
 * pointer). Hover shows a readout of the episode under the pointer; dragging across the plot
 * zooms to that x range; a double-click returns to following the whole run (a single click,
 * once no second click follows, chooses the episode under it). The zoom and
 * the hovered episode are shared with the other charts through a {@link ChartView}.
 */
public final class PlotCanvas extends Region {

    private final Canvas canvas = new Canvas();
    private final FxSurface surface = new FxSurface(canvas.getGraphicsContext2D());
    /**
     * The pointer's layer over the figure: the hover line, dots and readout, the zoom range
     * being dragged. Moving the pointer repaints only this, never the figure under it (which
     * with thirty runs costs far more than a frame).
     */
    private final Canvas overlay = new Canvas();
    private final FxSurface overlaySurface = new FxSurface(overlay.getGraphicsContext2D());
    private boolean figureDirty = true;
    private double[] paintedRange;
    private final PlotPainter painter = new PlotPainter();
    private final ChartView view;
    private Figure figure;
    private List<Figure> readout = List.of();
    private Layout layout;
    private boolean dirty = true;
    private int paintedScheme = FxSurface.schemeVersion();
    private int paints;
    private double pressX = Double.NaN;
    /** The pointer's y while it is over this chart (names the faint run under it). */
    private double pointerY = Double.NaN;
    private List<String> readoutShown = List.of();
    /**
     * A click on an episode waits this long for a second click: a double-click means "show
     * the whole run", and its first click must not also replay the episode under it.
     */
    static final Duration DOUBLE_CLICK = Duration.millis(350);
    private final PauseTransition pendingClick =
            new PauseTransition(DOUBLE_CLICK);

    public PlotCanvas(String id, ChartView view) {
        this.view = view;
        setId(id);
        setAccessibleRole(AccessibleRole.IMAGE_VIEW);
        setAccessibleText(id.replaceAll("([A-Z])", " $1").toLowerCase(Locale.ROOT));
        getStyleClass().add("plot-canvas");
        overlay.setMouseTransparent(true);
        getChildren().addAll(canvas, overlay);
        setMinSize(200, 120);
        setPrefSize(560, 260);
        view.onChange(() -> dirty = true); // hover, drag, zoom: paint() sees what changed
        canvas.addEventHandler(MouseEvent.MOUSE_MOVED, e -> hover(e.getX(), e.getY()));
        canvas.addEventHandler(MouseEvent.MOUSE_EXITED, e -> view.hover(-1, this));
        canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, this::pressed);
        canvas.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::dragged);
        canvas.addEventHandler(MouseEvent.MOUSE_RELEASED, this::released);
    }

    /** Shows {@code f} from now on (a new run); repaints on the next frame. */
    public void show(Figure f) {
        figure = f;
        layout = null;
        markDirty();
    }

    /** The figures whose values the hover readout lists (this one and the other chart's). */
    public void setReadout(List<Figure> figures) {
        readout = figures;
    }

    public Figure figure() {
        return figure;
    }

    /** Where the last paint put things (null before the first). */
    public Layout plotLayout() {
        return layout;
    }

    /** The hover readout's lines as last painted on this chart; empty when it shows none. */
    public List<String> readoutShown() {
        return readoutShown;
    }

    /** How many times the canvas was painted (tests: "it repainted"). */
    public int paints() {
        return paints;
    }

    /** The figure changed (new data, a new figure): repaint it, not only the pointer. */
    public void markDirty() {
        dirty = true;
        figureDirty = true;
    }

    /** Paints if anything changed since the last paint. FX thread, once per frame. */
    public void paintIfDirty() {
        if (paintedScheme != FxSurface.schemeVersion()) {
            paintedScheme = FxSurface.schemeVersion();
            markDirty(); // the theme or the chart colours changed
        }
        if (dirty) {
            paint();
        }
    }

    private void paint() {
        dirty = false;
        readoutShown = List.of();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        overlay.getGraphicsContext2D().clearRect(0, 0, w, h);
        if (figure == null || w < 10 || h < 10) {
            // nothing to show (the lesson's next chapter before its run): no stale chart
            canvas.getGraphicsContext2D().clearRect(0, 0, w, h);
            return;
        }
        double[] range = view.range(figure.fullRange());
        if (figureDirty || layout == null || !Arrays.equals(range, paintedRange)) {
            layout = painter.paint(surface, figure, w, h, range[0], range[1]);
            paintedRange = range;
            figureDirty = false;
        }
        if (view.dragging()) {
            Hover.paintSelection(overlaySurface, layout, view.dragFrom(), view.dragTo());
        } else if (view.hovered() >= 0 && view.hovered() < figure.length()) {
            readoutShown = Hover.paint(overlaySurface, layout, figure, view.hovered(),
                    view.hoveredCanvas() == this,
                    readout.isEmpty() ? List.of(figure) : readout,
                    view.hoveredCanvas() == this ? pointerY : Double.NaN);
        }
        paints++;
    }

    @Override
    protected void layoutChildren() {
        double w = Math.floor(getWidth());
        double h = Math.floor(getHeight());
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            overlay.setWidth(w);
            overlay.setHeight(h);
            figureDirty = true;
            paint(); // at once: a resized canvas is blank until painted
        }
    }

    private void hover(double x, double y) {
        if (layout == null || figure == null || !layout.inside(x, y)) {
            view.hover(-1, this);
            return;
        }
        int index = (int) Math.round(layout.xAt(x)) - 1;
        if (y != pointerY) {
            pointerY = y;
            dirty = true; // the run under the pointer may change without the episode changing
        }
        view.hover(Math.max(0, Math.min(figure.length() - 1, index)), this);
    }

    private void pressed(MouseEvent e) {
        if (e.getButton() != MouseButton.PRIMARY || layout == null) {
            return;
        }
        if (e.getClickCount() >= 2) {
            pendingClick.stop(); // the first click was half of this double-click
            view.follow();
            pressX = Double.NaN;
            return;
        }
        pressX = layout.inside(e.getX(), e.getY()) ? layout.xAt(e.getX()) : Double.NaN;
    }

    private void dragged(MouseEvent e) {
        if (!Double.isNaN(pressX) && layout != null) {
            view.drag(pressX, clampX(e.getX()));
        }
    }

    private void released(MouseEvent e) {
        if (!Double.isNaN(pressX) && layout != null) {
            double a = pressX;
            double b = clampX(e.getX());
            boolean dragged = view.dragging();
            if (dragged) {
                view.endDrag();
            }
            if (Math.abs(layout.px(a) - layout.px(b)) >= 6) { // a click is not a zoom
                if (dragged) {
                    view.zoom(a, b);
                }
            } else if (figure != null && figure.length() > 0) {
                int index = (int) Math.max(1, Math.min(figure.length(), Math.round(a))) - 1;
                int episode = figure.episodeAt(index);
                if (episode > 0) {
                    pendingClick.setOnFinished(done -> view.clicked(episode));
                    pendingClick.playFromStart();
                }
            }
        }
        pressX = Double.NaN;
        hover(e.getX(), e.getY());
    }

    private double clampX(double px) {
        return layout.xAt(Math.max(layout.left, Math.min(layout.right, px)));
    }
}
