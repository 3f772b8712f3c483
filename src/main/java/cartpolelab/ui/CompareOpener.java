package cartpolelab.ui;

import cartpolelab.agent.Hyperparameters;
import cartpolelab.results.ExperimentResults;
import cartpolelab.ui.compare.CompareWindow;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Opens the Compare window beside the main one, never on top of it: it is not owned by the
 * main window (an owned window stays above its owner), goes to the side of the screen with
 * more room, and when neither side has room for it the main window makes room by narrowing
 * to what is left (never below its minimum). Opening a run from Compare brings the main
 * window forward.
 */
final class CompareOpener {

    /** The Compare window's narrowest width when placed beside the main window. */
    static final double MIN_COMPARE_WIDTH = 760;

    private final MainView view;
    private final TrainingViewModel vm;
    private final FileDialogs fileDialogs;
    private CompareWindow compare;

    CompareOpener(MainView view, TrainingViewModel vm, FileDialogs fileDialogs) {
        this.view = view;
        this.vm = vm;
        this.fileDialogs = fileDialogs;
    }

    /** The Compare window, opened on first use over the form's settings (or the run's). */
    void open() {
        boolean first = compare == null;
        if (first) {
            compare = new CompareWindow(null, () -> {
                Hyperparameters hp = vm.settingsProperty().get();
                return hp != null ? hp : vm.runSettingsProperty().get();
            }, fileDialogs, vm.files(), (experiment, cell) -> {
                if (experiment == null) {
                    return; // stored runs: no trained run to open
                }
                vm.files().open(experiment.snapshot(cell), "run "
                        + experiment.cells().get(cell).runId() + " of the experiment");
                if (main() != null) {
                    main().toFront();
                    main().requestFocus();
                }
            }, CartPoleLabApp.STYLESHEET);
            compare.view().onStart(view.library::recordExperiment);
            if (view.appearance() != null) {
                compare.follow(view.appearance().zoomProperty(), view.appearance()::attach);
            }
        }
        if (first) {
            compare.show(main() != null ? this::placeBeside : null);
        } else {
            compare.show(stage -> { }); // where the user left it
        }
    }

    /** Opens the Compare window on stored runs' results (the Runs window's Compare). */
    void showStored(ExperimentResults results, String title) {
        open();
        compare.view().showStored(results, title);
    }

    CompareWindow window() {
        return compare;
    }

    void close() {
        if (compare != null) {
            compare.close();
        }
    }

    private Stage main() {
        Window w = view.getScene() == null ? null : view.getScene().getWindow();
        return w instanceof Stage s ? s : null;
    }

    /** Puts {@code c} beside the main window, moving and narrowing that if it must. */
    private void placeBeside(Stage c) {
        Stage m = main();
        var screens = Screen.getScreensForRectangle(m.getX(), m.getY(), m.getWidth(),
                m.getHeight());
        Rectangle2D s = (screens.isEmpty() ? Screen.getPrimary() : screens.get(0))
                .getVisualBounds();
        double[] p = place(s.getMinX(), s.getWidth(), m.getX(), m.getWidth(), m.getMinWidth(),
                Math.min(1280, s.getWidth()));
        if (p[0] != m.getX() || p[1] != m.getWidth()) {
            m.setMaximized(false);
            m.setX(p[0]);
            m.setWidth(p[1]);
        }
        c.setX(p[2]);
        c.setWidth(p[3]);
        c.setY(Math.max(s.getMinY(), m.getY()));
        c.setHeight(Math.min(s.getHeight(), Math.max(520, m.getHeight())));
    }

    /**
     * Where the two windows go on a screen from {@code screenX}, {@code screenWidth} wide:
     * {main x, main width, compare x, compare width}. Compare takes the wider free side if it
     * fits there (up to {@code compareWidth}); otherwise the main window narrows (to at least
     * {@code mainMin}) to the left and Compare takes the rest; on a screen narrower than both
     * minimums they overlap by the least possible, Compare at the right edge.
     */
    static double[] place(double screenX, double screenWidth, double mainX, double mainWidth,
                          double mainMin, double compareWidth) {
        double right = screenX + screenWidth - (mainX + mainWidth);
        double left = mainX - screenX;
        if (right >= MIN_COMPARE_WIDTH && right >= left) {
            return new double[] {mainX, mainWidth, mainX + mainWidth, Math.min(compareWidth,
                    right)};
        }
        if (left >= MIN_COMPARE_WIDTH) {
            double w = Math.min(compareWidth, left);
            return new double[] {mainX, mainWidth, mainX - w, w};
        }
        double mw = Math.max(mainMin, Math.min(mainWidth, screenWidth - MIN_COMPARE_WIDTH));
        double cw = Math.max(MIN_COMPARE_WIDTH, Math.min(compareWidth, screenWidth - mw));
        cw = Math.min(cw, screenWidth);
        return new double[] {screenX, mw, screenX + screenWidth - cw, cw};
    }
}
