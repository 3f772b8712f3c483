package cartpolelab.ui;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.geometry.Insets;
import javafx.scene.layout.Region;
import javafx.scene.shape.Rectangle;
import javafx.scene.transform.Scale;

/**
 * Zooms everything inside it, controls, canvases, charts and maps alike: the content is laid
 * out at the window's size divided by the zoom, then scaled up by it. Events reach the
 * content in its own coordinates, so clicks, hovers and drags work at any zoom. The
 * canvases are scaled as pictures (their text is a little soft above 100 %).
 */
public final class ZoomPane extends Region {

    public static final double MIN_ZOOM = 1.0;
    public static final double MAX_ZOOM = 2.0;

    private final Region content;
    private final Scale scale = new Scale(1, 1, 0, 0);
    private final DoubleProperty zoom = new SimpleDoubleProperty(this, "zoom", 1.0);

    public ZoomPane(Region content) {
        this.content = content;
        setId("zoomPane");
        content.getTransforms().add(scale);
        getChildren().add(content);
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);
        setPadding(Insets.EMPTY);
        zoom.addListener((o, a, b) -> {
            double z = clamp(b.doubleValue());
            if (z != b.doubleValue()) {
                zoom.set(z);
                return;
            }
            scale.setX(z);
            scale.setY(z);
            requestLayout();
        });
    }

    /** The zoom factor, 1.0 (100 %) to 2.0 (200 %); values outside are clamped. */
    public DoubleProperty zoomProperty() {
        return zoom;
    }

    public static double clamp(double z) {
        return Double.isNaN(z) ? MIN_ZOOM : Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, z));
    }

    public Region content() {
        return content;
    }

    @Override
    protected void layoutChildren() {
        double z = zoom.get();
        content.resizeRelocate(0, 0, getWidth() / z, getHeight() / z);
    }

    @Override
    protected double computePrefWidth(double height) {
        return content.prefWidth(-1) * zoom.get();
    }

    @Override
    protected double computePrefHeight(double width) {
        return content.prefHeight(-1) * zoom.get();
    }

    @Override
    protected double computeMinWidth(double height) {
        return 0;
    }

    @Override
    protected double computeMinHeight(double width) {
        return 0;
    }
}
