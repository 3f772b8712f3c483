package cartpolelab.ui;

import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.scene.text.Text;

/**
 * A child JVM for {@link TextLayoutGuardTest}: threads lay out text all at once, the even ones
 * text that Pango must shape (θ with a combining dot, as the render thread draws the maps'
 * axis on their canvas), the odd ones plain text (as the FX thread lays out labels), as a
 * window's two threads do now and then. Prints "survived" and the layouts per thread, and
 * exits 0, when no thread failed; JavaFX's bug aborts the JVM (glibc: "free(): invalid
 * pointer", "malloc_consolidate(): unaligned fastbin chunk detected", ...) or throws a
 * ConcurrentModificationException from {@code PangoGlyphLayout.dispose}.
 *
 * <p>{@code java ... cartpolelab.ui.TextLayoutRace THREADS SECONDS guarded|unguarded}
 */
final class TextLayoutRace {

    private TextLayoutRace() {
    }

    public static void main(String[] args) throws Exception {
        int threads = Integer.parseInt(args[0]);
        long seconds = Long.parseLong(args[1]);
        boolean guarded = args[2].equals("guarded");
        CountDownLatch up = new CountDownLatch(1);
        Platform.startup(up::countDown);
        up.await();
        if (guarded && !TextLayoutGuard.install()) {
            System.out.println("the guard could not be installed");
            System.exit(2);
        }
        long until = System.nanoTime() + seconds * 1_000_000_000L;
        long[] layouts = new long[threads];
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread[] workers = new Thread[threads];
        for (int i = 0; i < threads; i++) {
            int k = i;
            workers[i] = new Thread(() -> {
                long n = 0;
                while (System.nanoTime() < until && failure.get() == null) {
                    Text t = new Text(k % 2 == 0 // shaped, as the maps' axis; plain, as labels
                            ? "angular velocity \u03b8\u0307 " + n % 97 + " (rad/s)"
                            : "Episode " + n + "  reward " + n % 500);
                    if (t.getLayoutBounds().getWidth() <= 0) {
                        throw new AssertionError("no width: " + t.getText());
                    }
                    n++;
                }
                layouts[k] = n;
            }, "layout-" + i);
            workers[i].setUncaughtExceptionHandler((t, e) -> failure.compareAndSet(null, e));
            workers[i].start();
        }
        for (Thread w : workers) {
            w.join();
        }
        if (failure.get() != null) {
            failure.get().printStackTrace(System.out);
            System.exit(1);
        }
        System.out.println("survived " + Arrays.toString(layouts));
        System.exit(0);
    }
}
