package cartpolelab.ui.compare;

import cartpolelab.ui.chart.PlotCanvas;
import javafx.geometry.Pos;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** The Compare view's right-hand chart: the performance profile or the gradient variance. */
final class RightChart {

    private RightChart() {
    }

    /** The profile, or the gradient variance: two toggles in the corner choose. */
    static StackPane of(PlotCanvas profile, PlotCanvas variance) {
        ToggleGroup which = new ToggleGroup();
        ToggleButton showProfile =
                new ToggleButton("Profile");
        ToggleButton showVariance =
                new ToggleButton("Gradient variance");
        showProfile.setId("compareShowProfile");
        showVariance.setId("compareShowVariance");
        showProfile.setToggleGroup(which);
        showVariance.setToggleGroup(which);
        showProfile.setSelected(true);
        which.selectedToggleProperty().addListener((o, a, b) -> {
            if (b == null) {
                a.setSelected(true);
            }
        });
        profile.visibleProperty().bind(showProfile.selectedProperty());
        variance.visibleProperty().bind(showVariance.selectedProperty());
        variance.visibleProperty().addListener((o, a, b) -> variance.markDirty());
        HBox toggles = new HBox(showProfile, showVariance);
        toggles.setAlignment(Pos.CENTER_RIGHT);
        StackPane charts = new StackPane(profile,
                variance);
        VBox.setVgrow(charts, Priority.ALWAYS);
        return new StackPane(new VBox(4, toggles, charts));
    }
}
