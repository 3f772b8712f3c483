package cartpolelab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.javafx.text.GlyphLayout;
import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

/**
 * The test JVM died now and then in a full {@code ./mvnw verify} with a glibc heap abort and
 * no Java trace. The cause is a JavaFX bug (see {@link TextLayoutGuard}) that two threads
 * laying out text at once trigger when one of them shapes it: every window with the maps does
 * that now and then (the render thread shapes their "θ̇" axis label on the canvas, gdb saw it
 * there and only there; the FX thread lays out labels). The child JVM below does it all the
 * time. Without the guard (a loaded 2-core machine, 2 to 4 threads, 6 to 10 s) 20 of 24 runs
 * with every thread shaping failed, 15 of them dying ("malloc(): unaligned tcache chunk
 * detected", "malloc_consolidate(): unaligned fastbin chunk detected", "corrupted size vs.
 * prev_size in fastbins", a SIGSEGV in malloc, one hang) and 5 throwing a
 * ConcurrentModificationException from {@code PangoGlyphLayout.dispose}; with one thread
 * shaping and one plain, 6 of 6; as below (4 threads, 8 s), 4 of 4 (one a Pango assertion).
 * With the guard none of 23 failed (up to 3 threads × 20 s, 3.4 million layouts).
 */
class TextLayoutGuardTest {

    @Test
    void theSharedGlyphLayoutIsTakenForGood() throws Exception {
        FxToolkit.registerPrimaryStage();
        assertTrue(TextLayoutGuard.install());
        assertTrue(TextLayoutGuard.installed());
        assertSame(staticField("reusableGL"), TextLayoutGuard.held(),
                "the guard holds JavaFX's shared instance, not one of its own");
        assertEquals(Boolean.TRUE, staticField("inUse"), "JavaFX sees it in use");
        GlyphLayout a = GlyphLayout.getInstance();
        a.dispose();
        GlyphLayout b = GlyphLayout.getInstance();
        b.dispose();
        assertTrue(a != b && a != TextLayoutGuard.held(),
                "every layout gets a glyph layout of its own");
        assertTrue(TextLayoutGuard.install(), "a second install keeps the first");
        assertSame(staticField("reusableGL"), TextLayoutGuard.held());
    }

    @Test
    void threadsShapingTextAtOnceNoLongerCorruptTheHeap() throws Exception {
        Child child = child("4", "8", "guarded");
        assertEquals(0, child.exit, child.output);
        assertTrue(child.output.contains("survived"), child.output);
    }

    private static Object staticField(String name) throws ReflectiveOperationException {
        Field f = GlyphLayout.class.getDeclaredField(name);
        f.setAccessible(true);
        return f.get(null);
    }

    private record Child(int exit, String output) {
    }

    /** {@link TextLayoutRace} in a JVM of its own, headless as this one. */
    private static Child child(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path")));
        for (String p : new String[] {"prism.order", "prism.text", "glass.platform",
                "monocle.platform", "headless.geometry", "java.awt.headless"}) {
            String v = System.getProperty(p);
            if (v != null) {
                command.add("-D" + p + "=" + v);
            }
        }
        command.add(TextLayoutRace.class.getName());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] out = process.getInputStream().readAllBytes(); // until the child ends
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the child did not end");
        }
        return new Child(process.exitValue(), new String(out, StandardCharsets.UTF_8));
    }
}
