package cartpolelab.ui;

import cartpolelab.agent.Hyperparameters;
import cartpolelab.ui.canvas.Term;
import cartpolelab.ui.lesson.LessonWindow;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** The lesson's window, opened on first use (View → Lesson…, or L). */
final class LessonOpener {

    private final Supplier<Hyperparameters> base;
    private final Consumer<Term> termLink;
    private LessonWindow window;

    /** {@code termLink}: marks a formula's term in the main window's numbers panel. */
    LessonOpener(Supplier<Hyperparameters> base,
                 Consumer<Term> termLink) {
        this.base = base;
        this.termLink = termLink;
    }

    /** Opens (or brings forward) the lesson, following {@code a}'s zoom and theme. */
    void open(Appearance a) {
        if (window == null) {
            window = new LessonWindow(base, CartPoleLabApp.STYLESHEET,
                    a == null ? null : a.zoomProperty(), a == null ? null : a::attach);
            window.setTermLink(termLink);
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
