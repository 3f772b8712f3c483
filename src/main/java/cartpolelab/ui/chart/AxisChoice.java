package cartpolelab.ui.chart;

import cartpolelab.plot.XAxis;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.collections.FXCollections;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.util.StringConverter;

/** The box that chooses what a chart's x axis counts, the same in every window. */
public final class AxisChoice {

    private AxisChoice() {
    }

    /** "x: episode" / "x: environment steps", starting at {@code initial}. */
    public static ChoiceBox<XAxis> create(String id, XAxis initial, Consumer<XAxis> onChange) {
        ChoiceBox<XAxis> box = new ChoiceBox<>(FXCollections.observableArrayList(
                XAxis.values()));
        box.setId(id);
        box.setValue(initial);
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(XAxis a) {
                return a == null ? "" : "x: " + a.id();
            }

            @Override
            public XAxis fromString(String s) {
                return XAxis.parse(s);
            }
        });
        box.setTooltip(new Tooltip("What the x axis counts: episodes (the notebook's way) or "
                + "environment steps (the way RL papers, Stable-Baselines3 and TensorBoard "
                + "plot it: an algorithm that needs fewer steps is more sample-efficient). "
                + "Over steps a point shows the last episode finished by then; hovering names "
                + "both."));
        box.setAccessibleText("Chart x axis: episodes or environment steps");
        box.setMinWidth(Region.USE_PREF_SIZE);
        // compact, so it sits in a chart's corner without covering the titles
        box.setStyle("-fx-font-size: 0.85em; -fx-padding: 0 2 0 2;");
        box.valueProperty().addListener((o, a, b) -> onChange.accept(b));
        return box;
    }
}
