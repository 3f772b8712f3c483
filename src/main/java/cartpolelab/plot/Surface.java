package cartpolelab.plot;

/**
 * What the plot painter draws on: a few primitives in pixels (origin top left, y down),
 * colours as {@code 0xAARRGGBB}. Implemented over a JavaFX {@code GraphicsContext} (the
 * window) and a Java2D {@code Graphics2D} (PNG, SVG); tests record the calls.
 *
 * <p>State (stroke, fill, font) stays set until changed. Text is drawn in the fill colour,
 * with the font's baseline at {@code y}.
 */
public interface Surface {

    /** Colour of later fills and text. */
    void fill(int argb);

    /** Colour, width and dash pattern (null: solid) of later lines. */
    void stroke(int argb, double width, double[] dash);

    /** The sans-serif font of later text, {@code size} pixels. */
    void font(double size, boolean bold);

    /** Width of {@code text} in the current font. */
    double textWidth(String text);

    void fillRect(double x, double y, double w, double h);

    void line(double x1, double y1, double x2, double y2);

    /** One connected line through the first {@code n} points. */
    void polyline(double[] xs, double[] ys, int n);

    /** A filled polygon through the first {@code n} points. */
    void fillPolygon(double[] xs, double[] ys, int n);

    /** Text with its left end at {@code x} and its baseline at {@code y}. */
    void text(String text, double x, double y);

    /** Text turned a quarter left (reading upwards), centred on (cx, cy). */
    void verticalText(String text, double cx, double cy);

    /**
     * Strokes the layer's lines, each in its own style, inside the current clip. A surface
     * may instead draw a raster it kept of an equal layer ({@link LineLayer#sameAs}); it must
     * {@link LineLayer#copy copy} a layer it keeps (the painter reuses this one).
     */
    default void lines(LineLayer layer) {
        layer.stroke(this);
    }

    /** Later drawing is limited to this rectangle until {@link #unclip()}. */
    void clip(double x, double y, double w, double h);

    void unclip();
}
