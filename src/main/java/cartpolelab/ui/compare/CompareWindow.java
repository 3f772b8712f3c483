package cartpolelab.ui.compare;

import cartpolelab.agent.Hyperparameters;
import cartpolelab.train.Experiment;
import cartpolelab.ui.Accessibility;
import cartpolelab.ui.BackgroundWork;
import cartpolelab.ui.FileDialogs;
import cartpolelab.ui.TextLayoutGuard;
import cartpolelab.ui.ZoomPane;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.beans.property.DoubleProperty;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The Compare view in a window of its own beside the main one, so a single run and an
 * experiment can be watched side by side. One at a time: asking again brings it to the front.
 * Closing it stops its experiment.
 */
public final class CompareWindow {

    private final Stage stage = new Stage();
    private final CompareView view;
    private final ZoomPane zoomPane;
    private final ExecutorService statistics = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "compare-statistics");
        t.setDaemon(true);
        return t;
    });
    private final AnimationTimer timer;

    /**
     * @param base       the main window's settings, read when Start is pressed
     * @param open       opens a cell's run of an experiment in the main window
     * @param stylesheet the app's stylesheet
     */
    public CompareWindow(Window owner, Supplier<Hyperparameters> base, FileDialogs dialogs,
                         BackgroundWork files, BiConsumer<Experiment, Integer> open,
                         String stylesheet) {
        TextLayoutGuard.install(); // before the window shows: see there
        view = new CompareView(base, dialogs, files, open, statistics);
        zoomPane = new ZoomPane(view);
        Accessibility.describe(view);
        Scene scene = new Scene(zoomPane, 1280, 860);
        scene.getStylesheets().add(stylesheet);
        stage.setTitle("CartPole Lab \u2014 Compare");
        stage.setScene(scene);
        if (owner != null) {
            stage.initOwner(owner);
        }
        stage.setMinWidth(760);
        stage.setMinHeight(520);
        timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                view.tick(now);
            }
        };
        stage.setOnHidden(e -> {
            timer.stop();
            view.close();
        });
    }

    /** The main window's zoom and theme, from now on ({@code theme} attaches a scene). */
    public void follow(DoubleProperty zoom,
                       Consumer<Scene> theme) {
        zoomPane.zoomProperty().bind(zoom);
        theme.accept(stage.getScene());
    }

    /**
     * Shows the window (again), in front; {@code place} (null: a size that fits the screen)
     * sets its bounds once it is on screen, where window managers honour them.
     */
    public void show(Consumer<Stage> place) {
        timer.start();
        stage.show();
        stage.toFront();
        Platform.runLater(() -> {
            if (place != null) {
                place.accept(stage);
                return;
            }
            stage.setWidth(Math.min(1280, Screen.getPrimary().getVisualBounds()
                    .getWidth()));
            stage.setHeight(Math.min(860, Screen.getPrimary().getVisualBounds()
                    .getHeight() - 40));
        });
    }

    public CompareView view() {
        return view;
    }

    /** Closes the window and ends its threads. */
    public void close() {
        stage.hide();
        statistics.shutdownNow();
    }
}
