package cartpolelab.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import cartpolelab.plot.ChartScheme;
import cartpolelab.ui.chart.FxSurface;
import java.util.ArrayList;
import java.util.List;
import javafx.application.Application;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

/**
 * Projector mode: the window's zoom (100 %–200 %, Ctrl + / Ctrl − / Ctrl 0), its theme
 * (AtlantaFX's Primer light or dark, with the app's stylesheet over it) and the charts'
 * colours (standard, or high contrast for a washed-out projector and colour-blind viewers).
 * Applies to every window of the app: the theme is the application's user-agent stylesheet,
 * the chart colours are {@link FxSurface}'s scheme, and each scene gets the "dark" style class.
 * FX thread only.
 */
public final class Appearance {

    /** The window's theme. */
    public enum Theme {
        LIGHT("Light"), DARK("Dark");

        private final String displayName;

        Theme(String displayName) {
            this.displayName = displayName;
        }

        public String displayName() {
            return displayName;
        }
    }

    /** One press of Ctrl + or Ctrl − changes the zoom by this much. */
    public static final double ZOOM_STEP = 0.25;

    private final ZoomPane zoomPane;
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(this, "theme",
            Theme.LIGHT);
    private final BooleanProperty highContrast = new SimpleBooleanProperty(this,
            "highContrast", false);
    private final List<Scene> scenes = new ArrayList<>();

    public Appearance(ZoomPane zoomPane) {
        this.zoomPane = zoomPane;
        theme.addListener((o, a, b) -> apply());
        highContrast.addListener((o, a, b) -> apply());
    }

    public DoubleProperty zoomProperty() {
        return zoomPane.zoomProperty();
    }

    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    public BooleanProperty highContrastProperty() {
        return highContrast;
    }

    public void zoomIn() {
        zoomProperty().set(ZoomPane.clamp(zoomProperty().get() + ZOOM_STEP));
    }

    public void zoomOut() {
        zoomProperty().set(ZoomPane.clamp(zoomProperty().get() - ZOOM_STEP));
    }

    public void zoomReset() {
        zoomProperty().set(1.0);
    }

    /** Follows the theme from now on (the main window, the Compare window). */
    public void attach(Scene scene) {
        scenes.add(scene);
        apply();
    }

    /** Ctrl + (or Ctrl =), Ctrl − and Ctrl 0 on {@code scene}: zoom in, out, back to 100 %. */
    public void installKeys(Scene scene) {
        var keys = scene.getAccelerators();
        // "+" is Shift and "=" on most layouts: a real Ctrl + is Ctrl Shift =, so Shift may
        // be down (a combination without SHIFT_ANY requires it up)
        for (KeyCode plus : new KeyCode[] {KeyCode.PLUS, KeyCode.EQUALS, KeyCode.ADD}) {
            keys.put(new KeyCodeCombination(plus, KeyCombination.SHORTCUT_DOWN,
                    KeyCombination.SHIFT_ANY), this::zoomIn);
        }
        keys.put(new KeyCodeCombination(KeyCode.MINUS, KeyCombination.SHORTCUT_DOWN),
                this::zoomOut);
        keys.put(new KeyCodeCombination(KeyCode.SUBTRACT, KeyCombination.SHORTCUT_DOWN),
                this::zoomOut);
        keys.put(new KeyCodeCombination(KeyCode.DIGIT0, KeyCombination.SHORTCUT_DOWN),
                this::zoomReset);
        keys.put(new KeyCodeCombination(KeyCode.NUMPAD0, KeyCombination.SHORTCUT_DOWN),
                this::zoomReset);
    }

    /** The chart colours the theme and the high-contrast choice give. */
    public ChartScheme chartScheme() {
        return ChartScheme.of(theme.get() == Theme.DARK, highContrast.get());
    }

    private void apply() {
        boolean dark = theme.get() == Theme.DARK;
        Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
        for (Scene s : scenes) {
            if (s.getRoot() != null) {
                s.getRoot().getStyleClass().remove("dark");
                if (dark) {
                    s.getRoot().getStyleClass().add("dark");
                }
            }
        }
        FxSurface.setScheme(chartScheme());
    }
}
