package cartpolelab.ui;

import java.util.List;
import java.util.Locale;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;

/**
 * The toolbar's View menu (projector mode): zoom 100 %–200 % (Ctrl + / Ctrl − / Ctrl 0),
 * light or dark theme, high-contrast chart colours. Its items follow {@link Appearance},
 * whichever way it changed (a key, the menu, the remembered preferences).
 */
final class ViewMenu extends MenuButton {

    static final double[] ZOOMS = {1.0, 1.25, 1.5, 1.75, 2.0};

    ViewMenu(Appearance appearance) {
        super("View");
        setId("viewMenu");
        setAccessibleText("View: zoom, theme and chart colours");
        Tooltip tip = new Tooltip("Projector mode: zoom the whole window (Ctrl + / Ctrl − / "
                + "Ctrl 0), light or dark theme, high-contrast chart colours");
        tip.setWrapText(true);
        tip.setMaxWidth(360);
        setTooltip(tip);
        ToggleGroup zooms = new ToggleGroup();
        for (double z : ZOOMS) {
            RadioMenuItem item = new RadioMenuItem(String.format(Locale.ROOT, "Zoom %d %%",
                    Math.round(z * 100)));
            item.setId("zoom" + Math.round(z * 100));
            item.setToggleGroup(zooms);
            item.setOnAction(e -> appearance.zoomProperty().set(z));
            getItems().add(item);
        }
        Runnable showZoom = () -> {
            for (var t : zooms.getToggles()) {
                RadioMenuItem r = (RadioMenuItem) t;
                r.setSelected(r.getId().equals("zoom"
                        + Math.round(appearance.zoomProperty().get() * 100)));
            }
        };
        appearance.zoomProperty().addListener((o, a, b) -> showZoom.run());
        showZoom.run();

        getItems().add(new SeparatorMenuItem());
        ToggleGroup themes = new ToggleGroup();
        for (Appearance.Theme t : Appearance.Theme.values()) {
            RadioMenuItem item = new RadioMenuItem(t.displayName() + " theme");
            item.setId("theme" + t.displayName());
            item.setToggleGroup(themes);
            item.setSelected(appearance.themeProperty().get() == t);
            item.setOnAction(e -> appearance.themeProperty().set(t));
            appearance.themeProperty().addListener((o, a, b) -> item.setSelected(b == t));
            getItems().add(item);
        }
        getItems().add(new SeparatorMenuItem());
        CheckMenuItem contrast = new CheckMenuItem("High-contrast chart colours");
        contrast.setId("highContrastItem");
        contrast.selectedProperty().bindBidirectional(appearance.highContrastProperty());
        getItems().add(contrast);
    }

    /** The lesson's item (Lesson…, L), first in the menu. */
    /** Runs… : the run library's window, first in the menu. */
    void addRuns(Runnable open, Runnable openLibrary) {
        MenuItem runs = new MenuItem(
                "Runs\u2026  (every run kept in the run library)");
        runs.setId("runsItem");
        runs.setOnAction(e -> open.run());
        MenuItem other = new MenuItem(
                "Open run library\u2026  (another library file)");
        other.setId("openLibraryItem");
        other.setOnAction(e -> openLibrary.run());
        getItems().addAll(0, List.of(runs, other));
    }

    void addLesson(Runnable open) {
        MenuItem lesson = new MenuItem(
                "Lesson: the notebook's story\u2026  (L)");
        lesson.setId("lessonItem");
        lesson.setOnAction(e -> open.run());
        getItems().addAll(0, List.of(lesson, new SeparatorMenuItem()));
    }
}
