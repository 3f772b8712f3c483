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

    private MainView view;

    @Override
    public void start(Stage stage) {
        view = open(stage, Hyperparameters.DEFAULTS, cartpolelab.train.Trainer::new, new FxFileDialogs(),
                null, Platform::exit);
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
        // 1280 × 800, or the screen's usable area if that is smaller.
        var screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(view, Math.min(1280, screen.getWidth()),
                Math.min(800, screen.getHeight()));
        scene.getStylesheets().add(STYLESHEET);
        stage.setTitle("CartPole Lab");
        stage.setMinWidth(900);
        stage.setMinHeight(640);
        stage.setScene(scene);
        stage.sizeToScene();
        stage.setOnCloseRequest(e -> {
            view.shutdown();
            exit.run();
        });
        stage.show();
        return view;
    }
}
