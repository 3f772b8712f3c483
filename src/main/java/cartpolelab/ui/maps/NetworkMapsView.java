package cartpolelab.ui.maps;

import cartpolelab.agent.Agent;
import cartpolelab.agent.Hyperparameters;
import cartpolelab.agent.NetworkMaps;
import cartpolelab.io.PlotFiles;
import cartpolelab.plot.Heatmap;
import cartpolelab.plot.HeatmapPainter;
import cartpolelab.plot.Titled;
import cartpolelab.train.Frame;
import cartpolelab.train.RecordedEpisode;
import cartpolelab.train.RunSnapshot;
import cartpolelab.ui.chart.FxSurface;
import cartpolelab.ui.export.Picture;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * What the networks know, beside the canvas: π(push right | s) and V(s) over the pole's angle
 * × angular velocity, the cart at x = ẋ = 0 or at the frame's x and ẋ (the check box), with the
 * ±12° failure lines and the current episode's path on top.
 *
 * <p>Threads: the maps are computed from a snapshot of the run's weights on a daemon thread,
 * at most {@link #REFRESH_NANOS} apart and only when the run took steps since (or the cart's
 * x changed); the FX thread only paints what arrived. Painting goes through the
 * {@link HeatmapPainter}, as the PNG/SVG export does.
 */
public final class NetworkMapsView extends VBox {

    /** At most about three refreshes a second. */
    static final long REFRESH_NANOS = 300_000_000L;

    private final Supplier<CompletableFuture<RunSnapshot>> snapshots;
    private final Executor compute;
    private final Canvas canvas = new Canvas();
    private final FxSurface surface = new FxSurface(canvas.getGraphicsContext2D());
    /** The episode's path, on a layer of its own: it moves every frame, the maps do not. */
    private final Canvas pathLayer = new Canvas();
    private final FxSurface pathSurface = new FxSurface(pathLayer.getGraphicsContext2D());
    private final Pane canvasPane = new Pane(canvas, pathLayer);
    private List<double[]> areas = List.of();
    private boolean mapsDirty = true;
    private final CheckBox atFrame = new CheckBox("x, \u1e8b of the frame");
    private final Label note = new Label();
    private final HeatmapPainter painter = new HeatmapPainter();

    private NetworkMaps maps;
    private long computedFor = -1;
    private Object computedRun;
    private double computedX;
    private double computedXDot;
    private long requestedAt;
    private boolean inFlight;

    private double[] pathTheta = new double[256];
    private double[] pathThetaDot = new double[256];
    private int pathLength;
    private int pathEpisode = -1;
    private int pathStep = -1;
    private boolean dirty = true;
    private int paintedScheme = FxSurface.schemeVersion();

    /** @param snapshots the run's snapshot, taken on the trainer's thread */
    public NetworkMapsView(Supplier<CompletableFuture<RunSnapshot>> snapshots) {
        this(snapshots, Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "network-maps");
            t.setDaemon(true);
            return t;
        }));
    }

    NetworkMapsView(Supplier<CompletableFuture<RunSnapshot>> snapshots, Executor compute) {
        this.snapshots = snapshots;
        this.compute = compute;
        setId("networkMaps");
        getStyleClass().add("network-maps");
        atFrame.setId("mapsAtFrame");
        atFrame.setTooltip(new Tooltip("Off: the maps show the cart standing still at the "
                + "centre (x = 0, \u1e8b = 0). On: at the current frame's position and "
                + "velocity, so you see what the networks think of the pole right now."));
        atFrame.selectedProperty().addListener((o, a, b) -> computedFor = -1);
        note.setId("mapsNote");
        note.getStyleClass().add("hint");
        note.setWrapText(true);
        Label title = new Label("What the networks know");
        title.getStyleClass().add("section-title");
        Tooltip.install(title, new Tooltip("Left: the actor's probability of pushing right in "
                + "each state (blue: left, orange: right, white: undecided). Right: the "
                + "critic's estimate of the discounted return from each state. The black "
                + "line is the current episode's path; the dashed red lines are where the pole "
                + "falls (\u00b112\u00b0)."));
        HBox header = new HBox(8, title, atFrame);
        header.getStyleClass().add("maps-header");
        canvasPane.setMinSize(0, 0);
        canvasPane.widthProperty().addListener((o, a, b) -> mapsDirty = dirty = true);
        canvasPane.heightProperty().addListener((o, a, b) -> mapsDirty = dirty = true);
        pathLayer.setMouseTransparent(true);
        VBox.setVgrow(canvasPane, Priority.ALWAYS);
        getChildren().addAll(header, canvasPane, note);
        setMinWidth(0);
    }

    /**
     * Once per screen refresh (FX thread): follows the frame shown, asks for fresh maps when
     * due, and repaints if anything changed.
     *
     * @param frame       the frame on the canvas, or null
     * @param replayed    the recorded episode being replayed, or null (live)
     * @param replayFrame the replayed frame's index
     * @param run         the run's identity (its history object): a new run recomputes
     * @param totalSteps  steps the run has taken: new steps recompute
     */
    public void update(Frame frame, RecordedEpisode replayed, int replayFrame, Object run,
                       long totalSteps) {
        followPath(frame, replayed, replayFrame);
        if (isVisible()) {
            requestIfDue(frame, run, totalSteps);
            paintIfDirty();
        }
    }

    private void followPath(Frame f, RecordedEpisode replayed, int k) {
        if (replayed != null) {
            pathLength = 0;
            for (int i = 0; i <= k; i++) {
                Frame r = replayed.frame(i);
                append(r.theta(), r.thetaDot());
            }
            pathEpisode = -1;
            dirty = true;
            return;
        }
        if (f == null) {
            return;
        }
        if (f.episode() != pathEpisode || f.step() < pathStep) {
            pathLength = 0;
            pathEpisode = f.episode();
            pathStep = -1;
            dirty = true;
        }
        if (f.step() > pathStep) {
            append(f.theta(), f.thetaDot());
            pathStep = f.step();
            dirty = true;
        }
    }

    private void append(double theta, double thetaDot) {
        if (pathLength == pathTheta.length) {
            pathTheta = Arrays.copyOf(pathTheta, 2 * pathLength);
            pathThetaDot = Arrays.copyOf(pathThetaDot, 2 * pathLength);
        }
        pathTheta[pathLength] = Math.toDegrees(theta);
        pathThetaDot[pathLength] = thetaDot;
        pathLength++;
    }

    private void requestIfDue(Frame f, Object run, long totalSteps) {
        long now = System.nanoTime();
        double x = atFrame.isSelected() && f != null ? f.x() : 0;
        double xDot = atFrame.isSelected() && f != null ? f.xDot() : 0;
        boolean stale = totalSteps != computedFor || run != computedRun || x != computedX
                || xDot != computedXDot;
        if (!stale || inFlight || now - requestedAt < REFRESH_NANOS) {
            return;
        }
        inFlight = true;
        requestedAt = now;
        snapshots.get().thenApplyAsync(s -> {
            Hyperparameters hp = s.hyperparameters();
            return new Computed(NetworkMaps.of(Agent.restore(hp, s.agent()), x, xDot), hp,
                    s.episodes());
        }, compute).whenComplete((c, error) -> Platform.runLater(() -> {
            inFlight = false;
            if (c != null) {
                maps = c.maps();
                mapsTitle = String.format(Locale.ROOT, "What the networks know  "
                        + "\u00b7  %s  \u00b7  seed %d  \u00b7  after episode %,d",
                        c.hp().algorithm().displayName(), c.hp().seed(), c.episodes());
                computedFor = totalSteps;
                computedRun = run;
                computedX = x;
                computedXDot = xDot;
                mapsDirty = true;
                dirty = true;
            }
        }));
    }

    /** Paints the maps if they, the path or the size changed. */
    public void paintIfDirty() {
        double w = Math.floor(canvasPane.getWidth());
        double h = Math.floor(canvasPane.getHeight());
        if (paintedScheme != FxSurface.schemeVersion()) {
            paintedScheme = FxSurface.schemeVersion(); // the theme or chart colours changed
            mapsDirty = dirty = true;
        }
        if (!dirty || maps == null || w < 1 || h < 1) {
            return;
        }
        dirty = false;
        List<Heatmap> figures = heatmaps();
        if (mapsDirty || canvas.getWidth() != w || canvas.getHeight() != h) {
            mapsDirty = false;
            canvas.setWidth(w);
            canvas.setHeight(h);
            pathLayer.setWidth(w);
            pathLayer.setHeight(h);
            areas = painter.paint(surface, figures, w, h, false);
        }
        pathLayer.getGraphicsContext2D().clearRect(0, 0, w, h);
        for (int i = 0; i < figures.size() && i < areas.size(); i++) {
            HeatmapPainter.paintPath(pathSurface, figures.get(i), areas.get(i));
        }
        note.setText(figures.size() == 1 ? "No V(s) map: REINFORCE has no critic." : "");
        note.setVisible(figures.size() == 1);
        note.setManaged(figures.size() == 1);
    }

    /** Maps computed from a snapshot, with what the export's title names. */
    private record Computed(NetworkMaps maps, Hyperparameters hp, int episodes) {
    }

    /** The exported picture's title: algorithm, run, the episode the weights are after. */
    private String mapsTitle = "";

    private List<Heatmap> heatmaps() {
        return MapFigures.of(maps, pathTheta, pathThetaDot, pathLength);
    }

    /** The maps as shown now, to write as PNG or SVG; null before the first maps arrive. */
    public Picture export() {
        if (maps == null) {
            return null;
        }
        List<Heatmap> figures = heatmaps();
        int w = Math.max(720, (int) canvasPane.getWidth());
        int h = Math.max(360, (int) canvasPane.getHeight()) + (int) Titled.HEIGHT;
        String title = mapsTitle;
        return file -> PlotFiles.write(file, w, h, s -> Titled.paint(s, title,
                w, body -> new HeatmapPainter().paint(body, figures, w, h - Titled.HEIGHT)));
    }

    /** The maps last computed (tests), or null. */
    public NetworkMaps maps() {
        return maps;
    }

    /** Points of the path drawn now (tests). */
    public int pathLength() {
        return pathLength;
    }
}
