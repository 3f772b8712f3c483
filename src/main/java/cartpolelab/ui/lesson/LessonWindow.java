package cartpolelab.ui.lesson;

import cartpolelab.agent.Hyperparameters;
import cartpolelab.ui.TextLayoutGuard;
import cartpolelab.ui.ZoomPane;
import cartpolelab.ui.canvas.Term;
import java.io.File;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.beans.property.DoubleProperty;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.stage.FileChooser;
import javafx.stage.Stage;

/**
 * The lesson in a window of its own (Lesson…, or L in the main window): one at a time,
 * asking again brings it forward. Page Up / Page Down walk the chapters, Enter runs the
 * chapter's experiment. Closing it stops the experiment.
 */
public final class LessonWindow {

    private final Stage stage = new Stage();
    private final LessonView view;
    private final ExecutorService compute = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "lesson-statistics");
        t.setDaemon(true);
        return t;
    });
    private final AnimationTimer timer;

    public LessonWindow(Supplier<Hyperparameters> base, String stylesheet, DoubleProperty zoom,
                        Consumer<Scene> theme) {
        TextLayoutGuard.install(); // before the window shows: see there
        view = new LessonView(base, compute);
        ZoomPane pane = new ZoomPane(view);
        if (zoom != null) {
            pane.zoomProperty().bind(zoom);
        }
        Scene scene = new Scene(pane, 1000, 860);
        scene.getStylesheets().add(stylesheet);
        if (theme != null) {
            theme.accept(scene);
        }
        scene.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.PAGE_DOWN) {
                step(1);
            } else if (e.getCode() == KeyCode.PAGE_UP) {
                step(-1);
            } else if (e.getCode() == KeyCode.ENTER) {
                view.runExperiment();
            }
        });
        view.saveButton().setOnAction(e -> askAndSave());
        stage.setTitle("CartPole Lab \u2014 Lesson");
        stage.setScene(scene);
        stage.setMinWidth(700);
        stage.setMinHeight(560);
        timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                view.tick();
            }
        };
        stage.setOnHidden(e -> {
            timer.stop();
            view.stop();
        });
    }

    /** Asks where to save the chapter's slide (PNG or SVG) and saves it there. */
    private void askAndSave() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save the chapter as a slide");
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("PNG image", "*.png"),
                new FileChooser.ExtensionFilter("SVG drawing", "*.svg"));
        chooser.setInitialFileName("lesson-" + (view.chapter().ordinal() + 1) + ".png");
        File file = chooser.showSaveDialog(stage);
        if (file != null) {
            view.save(file.toPath()).whenComplete((v, failure) -> Platform
                    .runLater(() -> view.saved(file.toPath(), failure)));
        }
    }

    /** Tells the formula's terms to {@code link} (the main window's overlay). */
    public void setTermLink(Consumer<Term> link) {
        view.setTermLink(link);
    }

    private void step(int by) {
        int i = view.chapter().ordinal() + by;
        if (i >= 0 && i < Chapter.values().length) {
            view.show(Chapter.values()[i]);
        }
    }

    public void show() {
        timer.start();
        stage.show();
        stage.toFront();
    }

    public LessonView view() {
        return view;
    }

    public Stage stage() {
        return stage;
    }

    public void close() {
        stage.hide();
        compute.shutdown();
    }
}
