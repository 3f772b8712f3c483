package cartpolelab.ui;

import cartpolelab.agent.Hyperparameters;
import cartpolelab.train.Trainer;
import java.util.Objects;
import cartpolelab.train.TrainerPort;
import java.util.function.Function;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Screen;
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
        AppPrefs prefs = AppPrefs.user();
        view = open(stage, Hyperparameters.DEFAULTS, Trainer::new, new FxFileDialogs(),
                null, Platform::exit, prefs);
        view.library.onChosen(f -> {
            prefs.saveLibrary(f);
            prefs.flush();
        });
        // every run of the window is kept in the run library (the one opened last)
        view.openLibrary(prefs.library());
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
        return open(stage, initial, trainerFactory, fileDialogs, dialogs, exit, null);
    }

    /**
     * As above, remembering the window between launches in {@code prefs} (null: remembers
     * nothing, the defaults of the view model): its size, position, zoom, theme, chart
     * colours, speed and the form's settings, read here and written when the window closes.
     */
    public static MainView open(Stage stage, Hyperparameters initial,
                                Function<Hyperparameters, TrainerPort> trainerFactory,
                                FileDialogs fileDialogs, Dialogs dialogs, Runnable exit,
                                AppPrefs prefs) {
        TextLayoutGuard.install(); // before the first window shows: see there
        TrainingViewModel vm = new TrainingViewModel(
                prefs == null ? initial : prefs.settings(initial), trainerFactory);
        if (prefs != null) {
            vm.speedProperty().set(prefs.speed());
        }
        MainView view = new MainView(vm, fileDialogs,
                dialogs != null ? dialogs : Dialogs.fx(stage));
        ZoomPane zoomPane = new ZoomPane(view);
        Appearance appearance = new Appearance(zoomPane);
        if (prefs != null) {
            appearance.zoomProperty().set(prefs.zoom());
            appearance.themeProperty().set(prefs.theme());
            appearance.highContrastProperty().set(prefs.highContrast());
        }
        var screen = Screen.getPrimary().getVisualBounds();
        // a comfortable size that fits the screen: 1280 × 800 on a laptop, 1536 × 972 on
        // full HD, the whole usable area on a small screen (the window's frame is extra)
        double[] saved = prefs == null ? null : onScreen(prefs.bounds());
        double width = saved != null ? saved[2]
                : Math.min(screen.getWidth(), Math.max(1280, screen.getWidth() * 0.8));
        double height = saved != null ? saved[3] : Math.min(screen.getHeight() - 40,
                Math.max(800, screen.getHeight() * 0.9));
        Scene scene = new Scene(zoomPane, width, height);
        scene.getStylesheets().add(STYLESHEET);
        appearance.attach(scene);
        appearance.installKeys(scene);
        view.setAppearance(appearance);
        Accessibility.describe(view);
        stage.setTitle("CartPole Lab");
        stage.setScene(scene);
        stage.setOnCloseRequest(e -> {
            if (prefs != null) {
                remember(prefs, stage, view, appearance);
            }
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
            if (saved != null) {
                stage.setX(saved[0]);
                stage.setY(saved[1]);
                stage.setMaximized(prefs.maximized());
            } else {
                stage.centerOnScreen();
            }
        });
        return view;
    }

    /** {@code bounds} if the window's title bar would be on some screen, else null. */
    private static double[] onScreen(double[] bounds) {
        if (bounds == null) {
            return null;
        }
        var hits = Screen.getScreensForRectangle(bounds[0], bounds[1],
                Math.min(bounds[2], 200), 40);
        return hits.isEmpty() ? null : bounds;
    }

    /** Writes what the next launch starts from (the window as it is now). */
    static void remember(AppPrefs prefs, Stage stage, MainView view, Appearance appearance) {
        prefs.saveBounds(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(),
                stage.isMaximized());
        prefs.saveAppearance(appearance.zoomProperty().get(), appearance.themeProperty().get(),
                appearance.highContrastProperty().get());
        prefs.saveSpeed(view.viewModel().speedProperty().get());
        prefs.saveSettings(view.viewModel().settingsProperty().get());
        prefs.flush();
    }
}
