package cartpolelab.ui;

import java.util.List;
import java.util.Objects;
import javafx.event.EventHandler;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/**
 * The keyboard shortcuts: ONE table (key, description, action) drives both the key handler
 * and the hint panel under the settings, so the two cannot disagree.
 *
 * <p>Plain keys do nothing while a text field has the focus (so Space types a space there) or
 * while a modifier is held; Ctrl shortcuts (Cmd on macOS) work everywhere.
 */
public final class Shortcuts implements EventHandler<KeyEvent> {

    /**
     * One shortcut.
     *
     * @param key         the key
     * @param ctrl        true for Ctrl+key (the platform's shortcut modifier), else a plain key
     * @param description what it does, as the hint panel says it
     * @param action      what it does
     */
    public record Shortcut(KeyCode key, boolean ctrl, String description, Runnable action) {

        public Shortcut {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(description, "description");
            Objects.requireNonNull(action, "action");
        }

        /** "Space", "N", "Ctrl+S": the key as the hint panel shows it. */
        public String keyText() {
            return (ctrl ? "Ctrl+" : "") + key.getName();
        }

        boolean matches(KeyEvent e, boolean typing) {
            if (e.getCode() != key) {
                return false;
            }
            if (ctrl) {
                return e.isShortcutDown() && !e.isAltDown();
            }
            return !typing && !e.isShortcutDown() && !e.isControlDown() && !e.isAltDown()
                    && !e.isMetaDown();
        }
    }

    private final List<Shortcut> table;

    public Shortcuts(List<Shortcut> table) {
        this.table = List.copyOf(table);
    }

    /** The window's shortcuts, in the order the hint panel lists them. */
    static Shortcuts standard(TrainingViewModel vm, Runnable reset, Runnable savePlots,
                              Replay replay,
                              Runnable compare, Runnable lesson) {
        return new Shortcuts(List.of(
                new Shortcut(KeyCode.SPACE, false, "Start / pause", vm::toggleStartPause),
                new Shortcut(KeyCode.N, false, "Step one episode", vm::stepEpisode),
                new Shortcut(KeyCode.F, false, "Step one frame", vm::stepFrame),
                new Shortcut(KeyCode.R, false, "Reset", reset),
                new Shortcut(KeyCode.S, true, "Save plots", savePlots),
                new Shortcut(KeyCode.P, false, "Replay: play / pause", replay::togglePlay),
                new Shortcut(KeyCode.LEFT, false, "Replay: frame back", () -> replay.step(-1)),
                new Shortcut(KeyCode.RIGHT, false, "Replay: frame forward",
                        () -> replay.step(1)),
                new Shortcut(KeyCode.PAGE_UP, false, "Replay: previous episode",
                        () -> replay.jump(-1)),
                new Shortcut(KeyCode.PAGE_DOWN, false, "Replay: next episode",
                        () -> replay.jump(1)),
                new Shortcut(KeyCode.ESCAPE, false, "Replay: back to live", replay::stop),
                new Shortcut(KeyCode.C, false, "Compare algorithms", compare),
                new Shortcut(KeyCode.L, false, "Lesson: the notebook's story", lesson)));
    }

    public List<Shortcut> table() {
        return table;
    }

    /** Runs the first shortcut {@code e} matches, and consumes the event. */
    @Override
    public void handle(KeyEvent e) {
        boolean typing = e.getSource() instanceof Scene scene
                && scene.getFocusOwner() instanceof TextInputControl;
        for (Shortcut s : table) {
            if (s.matches(e, typing)) {
                e.consume();
                s.action().run();
                return;
            }
        }
    }

    /** Listens on whichever scene {@code root} is in (a filter, so it sees keys first). */
    public void install(Node root) {
        root.sceneProperty().addListener((o, a, b) -> {
            if (a != null) {
                a.removeEventFilter(KeyEvent.KEY_PRESSED, this);
            }
            if (b != null) {
                b.addEventFilter(KeyEvent.KEY_PRESSED, this);
            }
        });
        if (root.getScene() != null) {
            root.getScene().addEventFilter(KeyEvent.KEY_PRESSED, this);
        }
    }

    /** The hint panel, listed under the settings where a new user looks for it. */
    public Node createHintPane() {
        Label title = new Label("Keyboard");
        title.getStyleClass().add("section-title");
        GridPane keys = new GridPane();
        keys.getStyleClass().add("keys-grid");
        for (int i = 0; i < table.size(); i++) {
            Label key = new Label(table.get(i).keyText());
            key.getStyleClass().add("key-cap");
            Label what = new Label(table.get(i).description());
            what.getStyleClass().add("hint");
            keys.addRow(i, key, what);
        }
        VBox pane = new VBox(title, keys);
        pane.getStyleClass().add("keys-pane");
        pane.setId("keysPane");
        return pane;
    }
}
