package cartpolelab.ui;

import cartpolelab.agent.Hyperparameters;
import java.util.Objects;
import java.util.function.Function;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The JavaFX application: one window, {@link MainView} over a {@link TrainingViewModel} that
 * owns a {@link TrainerAdapter}. Closing the window stops the trainer and exits.
 */
public final class CartPoleLabApp extends Application {

    public static final String STYLESHEET =
            Objects.requireNonNull(CartPoleLabApp.class.getResource("app.css")).toExternalForm();

    @Override
    public void start(Stage stage) {
        open(stage, Hyperparameters.DEFAULTS, TrainerAdapter::new, new FxFileDialogs(), null,
                Platform::exit);
    }

    /**
     * Builds the window on {@code stage} and shows it.
     *
     * @param dialogs null for the real Alert dialogs
     * @param exit    what closing the window does after the trainer stopped (the app:
     *                {@code Platform::exit}; tests: nothing, the toolkit lives on)
     */
    public static MainView open(Stage stage, Hyperparameters initial,
                                Function<Hyperparameters, TrainerPort> trainerFactory,
                                FileDialogs fileDialogs, Dialogs dialogs, Runnable exit) {
        TrainingViewModel vm = new TrainingViewModel(initial, trainerFactory);
        MainView view = new MainView(vm, fileDialogs,
                dialogs != null ? dialogs : Dialogs.fx(stage));
        Scene scene = new Scene(view, 1280, 800);
        scene.getStylesheets().add(STYLESHEET);
        stage.setTitle("CartPole Lab");
        stage.setMinWidth(960);
        stage.setMinHeight(640);
        stage.setScene(scene);
        stage.setOnCloseRequest(e -> {
            view.shutdown();
            exit.run();
        });
        stage.show();
        return view;
    }
}
