package cartpolelab.ui;

import cartpolelab.agent.Hyperparameters;
import cartpolelab.ui.lesson.LessonWindow;
import java.util.function.Supplier;

/** The lesson's window, opened on first use (View → Lesson…, or L). */
final class LessonOpener {

    private final Supplier<Hyperparameters> base;
    private LessonWindow window;

    LessonOpener(Supplier<Hyperparameters> base) {
        this.base = base;
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
