package cartpolelab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Issue 23: opening the window where there is no display is one line saying what to do. */
class NoDisplayTest {

    @Test
    void withoutADisplayTheAppSaysWhatToDoInsteadOfAStackTrace() throws Exception {
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin",
                "java").toString(), "-cp", System.getProperty("java.class.path"),
                Launcher.class.getName()).redirectErrorStream(true);
        pb.environment().remove("DISPLAY");
        pb.environment().remove("WAYLAND_DISPLAY");
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), out);
        assertEquals(1, p.exitValue(), out);
        assertTrue(out.contains("error: cannot open the window: "), out);
        assertTrue(out.contains("xvfb-run") || out.contains("libgtk-3-0"), out);
        assertFalse(out.contains("Exception") || out.contains("\tat "), out);
    }

    @Test
    void otherFailuresAreNotMistakenForAMissingDisplay() {
        assertEquals(null, Launcher.windowProblem(new IllegalStateException("boom")));
        assertTrue(Launcher.windowProblem(new RuntimeException("launch", new
                UnsupportedOperationException("Unable to open DISPLAY"))).contains("xvfb-run"));
    }
}
