package cartpolelab.ui.compare;

import cartpolelab.ui.chart.PlotCanvas;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The Compare view's right-hand chart: the performance profile or the gradient variance. */
final class RightChart {

    private RightChart() {
    }

    /** The profile, or the gradient variance: two toggles in the corner choose. */
    static javafx.scene.layout.StackPane of(PlotCanvas profile, PlotCanvas variance) {
        javafx.scene.control.ToggleGroup which = new javafx.scene.control.ToggleGroup();
        javafx.scene.control.ToggleButton showProfile =
                new javafx.scene.control.ToggleButton("Profile");
        javafx.scene.control.ToggleButton showVariance =
                new javafx.scene.control.ToggleButton("Gradient variance");
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
        toggles.setAlignment(javafx.geometry.Pos.CENTER_RIGHT);
        javafx.scene.layout.StackPane charts = new javafx.scene.layout.StackPane(profile,
                variance);
        VBox.setVgrow(charts, Priority.ALWAYS);
        return new javafx.scene.layout.StackPane(new VBox(4, toggles, charts));
    }
}
