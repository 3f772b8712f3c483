package cartpolelab.ui;

import com.sun.javafx.text.GlyphLayout;
import java.lang.reflect.Field;

/**
 * Works around a JavaFX bug (Linux, Pango text shaping, at least up to JavaFX 21.0.12) that
 * corrupts the C heap when two threads lay out text at the same moment, and so aborts the JVM
 * ("free(): invalid pointer", "malloc_consolidate(): unaligned fastbin chunk detected").
 *
 * <p>The bug: JavaFX lends one shared {@code GlyphLayout} to whichever thread lays out text
 * next. Pango's {@code PangoGlyphLayout.dispose()} first gives that shared instance back and
 * only then frees the UTF-8 copies of the text it kept in a plain {@code HashMap}. Another
 * thread that takes the instance in between adds its own copy to that map while the first
 * thread is still freeing: the first thread frees the second's string while Pango still
 * shapes it (and the second frees it again later), or the map's iterator fails. Two threads
 * lay out text in every window: the FX thread (labels, and {@code Text} measuring chart
 * labels) and the render thread (what a {@code Canvas} was told to {@code fillText}). Only
 * text that needs shaping (combining marks such as the dot of θ̇ on the maps' axis, Arabic,
 * Hebrew, Indic scripts...) fills the map, but any thread's give-back can free it.
 *
 * <p>The workaround: take the shared instance once and never give it back. From then on JavaFX
 * finds it in use and makes every layout a {@code GlyphLayout} of its own (a few small
 * objects per layout), so no map is ever shared between threads.
 *
 * <p>Call {@link #install()} before the first window shows (the render thread idle, so the
 * shared instance is free to take; where it can look, it waits until it is). JavaFX does not
 * export {@code com.sun.javafx.text}: JavaFX on the class path (the tests) needs nothing; on
 * the module path every launch passes
 * {@code --add-exports javafx.graphics/com.sun.javafx.text=ALL-UNNAMED} ({@link #EXPORT}).
 */
public final class TextLayoutGuard {

    /** The JVM option that lets the app take the layout on the module path. */
    public static final String EXPORT = "javafx.graphics/com.sun.javafx.text=ALL-UNNAMED";

    /** The shared instance, held for the JVM's life; null until {@link #install()}. */
    private static GlyphLayout held;
    private static boolean warned;

    private TextLayoutGuard() {
    }

    /**
     * Takes JavaFX's shared glyph layout for good (once per JVM; later calls do nothing).
     *
     * @return whether the workaround is in place (false: JavaFX's package not exported to
     *         the app, which prints one warning)
     */
    public static synchronized boolean install() {
        if (held != null) {
            return true;
        }
        try {
            GlyphLayout g = GlyphLayout.getInstance();
            // a fresh one while another thread lays out text with the shared one: again a
            // moment later (where JavaFX lets us look; else the first is trusted)
            for (int attempt = 0; attempt < 200 && Boolean.FALSE.equals(isShared(g)); attempt++) {
                sleepAMillisecond();
                g = GlyphLayout.getInstance(); // the fresh ones are just dropped
            }
            held = g;
            return true;
        } catch (IllegalAccessError e) {
            if (!warned) {
                warned = true;
                System.err.println("warning: text layout from two threads can crash JavaFX "
                        + "on Linux; run with --add-exports " + EXPORT + " (" + e + ")");
            }
            return false;
        }
    }

    /** Whether {@code g} is JavaFX's shared instance; null if JavaFX does not let us look. */
    private static Boolean isShared(GlyphLayout g) {
        try {
            Field f = GlyphLayout.class.getDeclaredField("reusableGL");
            f.setAccessible(true);
            return f.get(null) == g;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null; // on the module path (exported, not opened), or another JavaFX
        }
    }

    private static void sleepAMillisecond() {
        try {
            Thread.sleep(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Whether {@link #install()} took the layout. */
    static synchronized boolean installed() {
        return held != null;
    }

    /** The instance held (for the test: JavaFX's shared one). */
    static synchronized Object held() {
        return held;
    }
}
