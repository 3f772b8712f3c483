package cartpolelab.ui.compare;

import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;

/**
 * A bar of control groups that keep their natural width and wrap onto another line when the
 * window is narrow: the Compare window opens beside the main one, half a screen wide, where
 * one row of every control squeezed Start and the exports to "...".
 */
final class WrappingBar {

    private WrappingBar() {
    }

    /** The groups, each a row of its controls at their preferred widths, wrapping as units. */
    @SafeVarargs
    static FlowPane of(List<? extends Node>... groups) {
        FlowPane bar = new FlowPane(24, 6);
        bar.setAlignment(Pos.CENTER_LEFT);
        for (List<? extends Node> g : groups) {
            HBox row = new HBox(8, g.toArray(Node[]::new));
            row.setAlignment(Pos.CENTER_LEFT);
            row.setMinWidth(Region.USE_PREF_SIZE);
            bar.getChildren().add(row);
        }
        return bar;
    }
}
