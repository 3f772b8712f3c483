package cartpolelab.ui;

import cartpolelab.io.SafeText;
import cartpolelab.metrics.EpisodeHistory;
import cartpolelab.train.Speed;
import cartpolelab.ui.canvas.CartPoleCanvas;
import cartpolelab.agent.Hyperparameters;
import cartpolelab.ui.chart.RunCharts;
import cartpolelab.ui.export.PlotExport;
import cartpolelab.ui.compare.CompareWindow;
import cartpolelab.ui.maps.NetworkMapsView;
import cartpolelab.ui.settings.SettingsPane;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import javafx.scene.Node;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.MouseEvent;
import javafx.scene.control.Button;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * The main window's content: the {@link MainToolbar} on top, settings and the
 * {@link Shortcuts} hint panel on the left, the cart-pole canvas over the two charts in the
 * middle, the status bar at the bottom. Built in code; styled by {@code app.css}. What shows
 * the run is brought up to date once per screen refresh by {@link RunDisplay}; file commands
 * are {@link FileActions}'.
 */
public final class MainView extends BorderPane {

    private final TrainingViewModel vm;
    private final Dialogs dialogs;

    private final CartPoleCanvas canvas = new CartPoleCanvas();
    private final RunCharts charts = new RunCharts();
    private final Button followButton = new Button("Show whole run");
    private final SettingsPane settings;
    private final StatusBar statusBar = new StatusBar();
    private final FileActions files;
    private final MainToolbar toolbar;
    private final Shortcuts shortcuts;
    private final RunDisplay display;
    private final Replay replay = new Replay();
    private final ReplayBar replayBar = new ReplayBar(replay);
    private final NetworkMapsView maps;
    private final FileDialogs fileDialogs;
    private final CompareOpener compare;
    private Appearance appearance;
    private final LessonOpener lesson;
    final WindowLibrary library;
    private boolean shutDown;

    public MainView(TrainingViewModel vm, FileDialogs fileDialogs, Dialogs dialogs) {
        this.vm = vm;
        this.dialogs = dialogs;
        this.settings = new SettingsPane(vm.settingsProperty().get());
        this.fileDialogs = fileDialogs;
        this.compare = new CompareOpener(this, vm, fileDialogs);
        this.lesson = new LessonOpener(() -> vm.runSettingsProperty().get(), canvas::setHighlight);
        this.files = new FileActions(vm, fileDialogs, this::window, this::plotExport);
        this.maps = new NetworkMapsView(() -> vm.run().snapshot());
        files.setMaps(maps::export);
        files.setVariance(() -> plotExport(false).withVariance(charts.boundVariance()));
        replayBar.setOnSaveGif(c -> files.saveGif(replay.episode(), c,
                replay.speed().stepsPerSecond() / Speed.REAL_TIME_STEPS_PER_SECOND,
                canvas.getWidth()));
        this.library = new WindowLibrary(vm);
        this.toolbar = new MainToolbar(vm, this::resetRun, files);
        toolbar.setOnCompare(this::openCompare);
        this.shortcuts = Shortcuts.standard(vm, this::resetRun,
                () -> files.savePlots(toolbar.isStackCharts()), replay, this::openCompare,
                this::openLesson);
        this.display = new RunDisplay(vm, canvas, charts, followButton, statusBar, replay,
                replayBar, maps, library);
        setId("root");
        getStyleClass().add("app-root");
        createView();
        initListeners();
        display.start();
    }

    // ---- layout ---------------------------------------------------------------------------

    private void createView() {
        setTop(toolbar);

        VBox left = new VBox(settings, shortcuts.createHintPane());
        left.getStyleClass().add("left-column");
        ScrollPane settingsScroll = new ScrollPane(left);
        settingsScroll.setFitToWidth(true);
        settingsScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        settingsScroll.getStyleClass().add("settings-scroll");
        setLeft(settingsScroll);

        followButton.setOnAction(e -> charts.view().follow());
        CanvasAndCharts center = new CanvasAndCharts(canvas, replayBar, maps, charts, followButton);
        setCenter(center);
        center.onMeasurementChange(() -> vm.measureGradientVariance(center.measurement()));
        maps.visibleProperty().bind(toolbar.mapsShownProperty()
                .and(center.wideEnoughForMaps()));
        toolbar.mapsAvailable(center.wideEnoughForMaps());

        setBottom(statusBar);
    }

    // ---- wiring ---------------------------------------------------------------------------

    private void initListeners() {
        settings.valueProperty().addListener((o, a, b) -> vm.settingsProperty().set(b));
        vm.loadedSettingsProperty().addListener((o, a, b) -> {
            if (b != null) {
                settings.setValue(b);
            }
        });
        vm.settingsNeedResetProperty().addListener((o, a, b) -> settings.setNeedsReset(b));
        vm.setOnError((title, text) -> dialogs.showError(title, SafeText.line(text)));
        shortcuts.install(this);
        charts.view().setOnEpisodeClicked(replay::show); // a click replays that episode
        // a click outside the fields (canvas, charts, background) gives the keys back to
        // the shortcuts: F must not type into the Seed field after clicking the canvas
        addEventFilter(MouseEvent.MOUSE_PRESSED, e -> {
            if (!(e.getTarget() instanceof Node n) || !insideInput(n)) {
                requestFocus();
            }
        });
    }

    private static boolean insideInput(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n instanceof TextInputControl || n instanceof ComboBoxBase<?>) {
                return true;
            }
        }
        return false;
    }

    // ---- commands that need the window ------------------------------------------------------

    /**
     * Reset, after asking when it would throw away training that is in no checkpoint; the
     * charts drop the old run at once, before the trainer has replaced it.
     */
    private void resetRun() {
        int unsaved = vm.unsavedEpisodes();
        if (unsaved > 0 && !vm.controlsProperty().get().resetDisabled()
                && !dialogs.confirm("Reset the run?", String.format(Locale.ROOT,
                        "Reset starts fresh networks and clears the charts. The %,d episodes "
                                + "trained since the last checkpoint will be lost. "
                                + "Save checkpoint keeps them.", unsaved), "Reset")) {
            return;
        }
        EpisodeHistory old = vm.history();
        if (!vm.reset()) {
            return;
        }
        Hyperparameters hp = vm.shownSettingsProperty().get();
        charts.startOver(old, hp != null ? hp : vm.runSettingsProperty().get());
        charts.paintIfDirty();
    }

    /** The lesson's window, opened on first use (Lesson…, or L). */
    void openLesson() {
        lesson.open(appearance);
    }

    /** The Compare window, opened beside this one ({@link CompareOpener}). */
    void openCompare() {
        compare.open();
    }

    CompareWindow compareWindow() {
        return compare.window();
    }

    private Window window() {
        return getScene() == null ? null : getScene().getWindow();
    }

    /** What Save plots writes: the run as charted now, at the reward chart's size. */
    private PlotExport plotExport(boolean stacked) {
        display.refreshCharts();
        return charts.export(stacked, vm.statusProperty().get() == null ? -1
                : vm.statusProperty().get().solvedAtEpisode());
    }

    /** Asks for a file and writes the plots (as the Save plots button would). */
    public void savePlots() {
        files.savePlots(toolbar.isStackCharts());
    }

    /**
     * Stops the refresh timer and tells the trainer to stop. Never waits for the trainer's thread
     * (this runs on the FX thread; the thread is a daemon and ends by itself). Idempotent.
     */
    public void shutdown() {
        if (shutDown) {
            return;
        }
        shutDown = true;
        compare.close();
        lesson.close();
        display.stop();
        library.close();
        vm.close();
    }

    /** Records every run in the library {@code file} (null: the default) and shows its runs. */
    public CompletableFuture<Void> openLibrary(Path file) {
        return library.open(file, m -> dialogs.showError("Run library", m));
    }

    /** The projector mode's settings: the View menu, and the Compare window follows them. */
    void setAppearance(Appearance a) {
        appearance = a;
        ViewMenu menu = new ViewMenu(a);
        menu.addLesson(this::openLesson); // in the menu: the toolbar has no room left
        library.addToMenu(menu, this::window, dialogs, fileDialogs, compare::showStored);
        toolbar.addBeforeFiles(menu);
    }

    public Appearance appearance() {
        return appearance;
    }

    public boolean isStackCharts() {
        return toolbar.isStackCharts();
    }

    public TrainingViewModel viewModel() {
        return vm;
    }

    /** The shortcut table behind the key handler and the hint panel. */
    public Shortcuts shortcuts() {
        return shortcuts;
    }

    FileActions files() {
        return files;
    }

    RunCharts charts() {
        return charts;
    }
}
