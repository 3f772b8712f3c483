package cartpolelab.ui;

import cartpolelab.agent.Hyperparameters;
import cartpolelab.ui.lesson.LessonWindow;
import java.util.function.Supplier;
import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;

/** The toolbar's Lesson… button and the lesson's window, opened on first use. */
final class LessonOpener {

    private final Supplier<Hyperparameters> base;
    private LessonWindow window;

    LessonOpener(Supplier<Hyperparameters> base) {
        this.base = base;
    }

    Button button(Runnable open) {
        Button b = new Button("Lesson\u2026");
        b.setId("lessonButton");
        Tooltip t = new Tooltip("The notebook's story in four chapters: REINFORCE, a baseline, "
                + "the TD advantage, A2C; each with its formula, an experiment to run and a "
                + "caption computed from what it measured  (L)");
        t.setWrapText(true);
        t.setMaxWidth(360);
        b.setTooltip(t);
        b.setOnAction(e -> open.run());
        return b;
    }

    /** Opens (or brings forward) the lesson, following {@code a}'s zoom and theme. */
    void open(Appearance a) {
        if (window == null) {
            window = new LessonWindow(base, CartPoleLabApp.STYLESHEET,
                    a == null ? null : a.zoomProperty(), a == null ? null : a::attach);
        }
        window.show();
    }

    LessonWindow window() {
        return window;
    }

    void close() {
        if (window != null) {
            window.close();
        }
    }
}
