package cartpolelab.ui.compare;

import cartpolelab.agent.Hyperparameters;
import cartpolelab.train.Experiment;
import cartpolelab.ui.BackgroundWork;
import cartpolelab.ui.FileDialogs;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import javafx.animation.AnimationTimer;
import javafx.scene.Scene;
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
        view = new CompareView(base, dialogs, files, open, statistics);
        Scene scene = new Scene(view, 1280, 860);
        scene.getStylesheets().add(stylesheet);
        stage.setTitle("CartPole Lab \u2014 Compare");
        stage.setScene(scene);
        stage.initOwner(owner);
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

    /** Shows the window (again), in front. */
    public void show() {
        timer.start();
        stage.show();
        stage.toFront();
        javafx.application.Platform.runLater(() -> {
            stage.setWidth(Math.min(1280, javafx.stage.Screen.getPrimary().getVisualBounds()
                    .getWidth()));
            stage.setHeight(Math.min(860, javafx.stage.Screen.getPrimary().getVisualBounds()
                    .getHeight() - 40));
        });
    }

    public CompareView view() {
        return view;
    }

    public Stage stage() {
        return stage;
    }

    /** Closes the window and ends its threads. */
    public void close() {
        stage.hide();
        statistics.shutdownNow();
    }
}
