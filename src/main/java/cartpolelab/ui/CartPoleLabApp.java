package cartpolelab.ui;

import cartpolelab.agent.Hyperparameters;
import java.util.Objects;
import cartpolelab.train.TrainerPort;
import java.util.function.Function;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The JavaFX application: one window, {@link MainView} over a {@link TrainingViewModel} that
 * owns a {@link cartpolelab.train.Trainer}. Closing the window tells the trainer to stop and
 * exits; the FX thread never waits for the trainer's (daemon) thread.
 */
public final class CartPoleLabApp extends Application {

    public static final String STYLESHEET =
            Objects.requireNonNull(CartPoleLabApp.class.getResource("app.css")).toExternalForm();

    /** Every control is reachable at this size (see {@link MainView}'s layout). */
    static final double MIN_WIDTH = 900;
    static final double MIN_HEIGHT = 600;

    private MainView view;

    @Override
    public void start(Stage stage) {
        view = open(stage, Hyperparameters.DEFAULTS, cartpolelab.train.Trainer::new, new FxFileDialogs(),
                null, Platform::exit);
        view.openLibrary(null); // every run of the window is kept in the run library
    }

    /** However the toolkit ends, the trainer's thread is told to end (no wait: a daemon). */
    @Override
    public void stop() {
        if (view != null) {
            view.shutdown();
        }
    }

    /**
     * Builds the window on {@code stage} and shows it.
     *
     * @param dialogs null for the real Alert dialogs
     * @param exit    what closing the window does after stopping the trainer (the app:
     *                {@code Platform::exit}; tests: nothing, the toolkit lives on)
     */
    public static MainView open(Stage stage, Hyperparameters initial,
                                Function<Hyperparameters, TrainerPort> trainerFactory,
                                FileDialogs fileDialogs, Dialogs dialogs, Runnable exit) {
        TrainingViewModel vm = new TrainingViewModel(initial, trainerFactory);
        MainView view = new MainView(vm, fileDialogs,
                dialogs != null ? dialogs : Dialogs.fx(stage));
        var screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        // a comfortable size that fits the screen: 1280 × 800 on a laptop, 1536 × 972 on
        // full HD, the whole usable area on a small screen (the window's frame is extra)
        double width = Math.min(screen.getWidth(), Math.max(1280, screen.getWidth() * 0.8));
        double height = Math.min(screen.getHeight() - 40,
                Math.max(800, screen.getHeight() * 0.9));
        Scene scene = new Scene(view, width, height);
        scene.getStylesheets().add(STYLESHEET);
        stage.setTitle("CartPole Lab");
        stage.setScene(scene);
        stage.setOnCloseRequest(e -> {
            view.shutdown();
            exit.run();
        });
        stage.setMinWidth(Math.min(MIN_WIDTH, width));
        stage.setMinHeight(Math.min(MIN_HEIGHT, height));
        stage.show();
        // Some window managers (openbox) ignore the size asked for before the window is
        // mapped and open it at its minimum: ask again once it is on screen.
        Platform.runLater(() -> {
            stage.setWidth(width);
            stage.setHeight(height);
            stage.centerOnScreen();
        });
        return view;
    }
}
