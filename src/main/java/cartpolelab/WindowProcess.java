package cartpolelab;

import cartpolelab.ui.TextLayoutGuard;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.zip.CRC32;

/**
 * Opens the window from {@code java -jar cartpole-lab.jar} with JavaFX as named modules, as
 * JavaFX supports it: the jar carries JavaFX's platform jars unchanged
 * ({@code META-INF/javafx-modules/}); they are extracted once into a cache directory and the
 * window runs in a child JVM with them on {@code --module-path} (the same java, the same JVM
 * options, the jar on the class path, stdin/out/err shared, its exit code passed on).
 * Loaded from the class path, JavaFX prints "Unsupported JavaFX configuration: classes were
 * loaded from 'unnamed module'" and is not supported.
 *
 * <p>The command line never comes here: it does not need JavaFX and runs in the first JVM.
 */
final class WindowProcess {

    static final String PREFIX = "META-INF/javafx-modules/";
    /** Set in the child, so it opens the window itself instead of starting another child. */
    static final String CHILD_PROPERTY = "cartpolelab.window.child";
    static final String MODULES = "javafx.controls,javafx.swing";

    private WindowProcess() {
    }

    /** True when this JVM must hand the window to a child: JavaFX is not a named module. */
    static boolean needed() {
        return ModuleLayer.boot().findModule("javafx.graphics").isEmpty()
                && System.getProperty(CHILD_PROPERTY) == null && jar() != null;
    }

    /** The jar this class was loaded from, or null (classes in a directory: tests, IDE). */
    static Path jar() {
        try {
            var source = WindowProcess.class.getProtectionDomain().getCodeSource();
            Path p = source == null ? null : Path.of(source.getLocation().toURI());
            return p != null && Files.isRegularFile(p) ? p : null;
        } catch (URISyntaxException | IllegalArgumentException | SecurityException e) {
            return null;
        }
    }

    /**
     * Runs the window in a child JVM and returns its exit code; -1 when it could not be
     * started (the jar holds no JavaFX modules, or the cache cannot be written), with the
     * reason on stderr: the caller then opens the window here, as before.
     */
    static int run(String[] args) {
        Path jar = jar();
        try {
            Path modules = extract(jar, cacheRoot());
            if (modules == null) {
                return -1;
            }
            List<String> command = new ArrayList<>();
            command.add(javaExecutable());
            command.addAll(jvmOptions(ProcessHandle.current().info().arguments()
                    .orElse(new String[0])));
            command.add("-D" + CHILD_PROPERTY + "=true");
            command.add("--module-path");
            command.add(modules.toString());
            command.add("--add-modules");
            command.add(MODULES);
            // the window takes JavaFX's shared glyph layout (TextLayoutGuard: a JavaFX crash)
            command.add("--add-exports");
            command.add(TextLayoutGuard.EXPORT);
            command.add("-cp");
            command.add(jar.toString());
            command.add(Launcher.class.getName());
            command.addAll(List.of(args));
            Process child = new ProcessBuilder(command).inheritIO().start();
            Thread stop = new Thread(child::destroy, "stop-window-process");
            Runtime.getRuntime().addShutdownHook(stop);
            while (true) {
                try {
                    return child.waitFor();
                } catch (InterruptedException e) {
                    child.destroy();
                }
            }
        } catch (IOException e) {
            System.err.println("note: cannot start the window with JavaFX as modules (" + e
                    .getMessage() + "); opening it from the class path instead");
            return -1;
        }
    }

    /**
     * The JVM options this JVM was started with ({@code -Xmx2g}, {@code -Dprism.order=sw}):
     * the arguments before {@code -jar}, without a debugger, agents or a recording, which
     * would clash with the first JVM's. (JDK_JAVA_OPTIONS reaches the child by the
     * environment.) Not java.management's input arguments: the app image's runtime has no
     * java.management, and they would repeat JDK_JAVA_OPTIONS.
     */
    static List<String> jvmOptions(String[] arguments) {
        List<String> options = new ArrayList<>();
        for (String a : arguments) {
            if (a.equals("-jar") || !a.startsWith("-")) {
                break;
            }
            if (!a.startsWith("-agentlib:") && !a.startsWith("-agentpath:")
                    && !a.startsWith("-javaagent:") && !a.startsWith("-XX:StartFlightRecording")
                    && !a.startsWith("-Xrunjdwp")) {
                options.add(a);
            }
        }
        return options;
    }

    private static String javaExecutable() {
        Path bin = Path.of(System.getProperty("java.home"), "bin");
        Path java = bin.resolve("java");
        return Files.isExecutable(java) ? java.toString() : bin.resolve("java.exe").toString();
    }

    /** $XDG_CACHE_HOME/cartpole-lab, else ~/.cache/cartpole-lab. */
    static Path cacheRoot() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg)
                : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("cartpole-lab");
    }

    /**
     * Extracts the jar's JavaFX modules into a directory under {@code root} named by their
     * checksums (so a new version never reuses an old one's files), once; returns it, or null
     * when the jar carries none. Each file is written beside its place and moved in, so a
     * second launch at the same moment never sees half a jar.
     */
    static Path extract(Path jar, Path root) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            List<JarEntry> entries = new ArrayList<>();
            CRC32 id = new CRC32();
            for (Enumeration<JarEntry> e = file.entries(); e.hasMoreElements(); ) {
                JarEntry entry = e.nextElement();
                String name = entry.getName();
                if (name.startsWith(PREFIX) && name.endsWith(".jar")
                        && name.indexOf('/', PREFIX.length()) < 0) {
                    entries.add(entry);
                    id.update((name + entry.getCrc() + entry.getSize()).getBytes(
                            StandardCharsets.UTF_8));
                }
            }
            if (entries.isEmpty()) {
                return null;
            }
            Path dir = root.resolve(String.format(Locale.ROOT, "javafx-%08x", id.getValue()));
            Files.createDirectories(dir);
            for (JarEntry entry : entries) {
                Path target = dir.resolve(entry.getName().substring(PREFIX.length()));
                if (Files.isRegularFile(target) && Files.size(target) == entry.getSize()) {
                    continue;
                }
                Path temporary = Files.createTempFile(dir, ".extract-", ".tmp");
                try (InputStream in = file.getInputStream(entry)) {
                    Files.copy(in, temporary, StandardCopyOption.REPLACE_EXISTING);
                    try {
                        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE,
                                StandardCopyOption.REPLACE_EXISTING);
                    } catch (AtomicMoveNotSupportedException e) {
                        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                } finally {
                    Files.deleteIfExists(temporary);
                }
            }
            return dir;
        }
    }
}
