package cartpolelab;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fat jar's JavaFX modules, extracted once into the cache for the window's JVM. */
class WindowProcessTest {

    @TempDir
    Path dir;

    private Path jar(String name, String... entries) throws Exception {
        Path jar = dir.resolve(name);
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            for (int i = 0; i < entries.length; i += 2) {
                out.putNextEntry(new JarEntry(entries[i]));
                out.write(entries[i + 1].getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return jar;
    }

    @Test
    void modulesAreExtractedOnceIntoADirectoryNamedByTheirChecksums() throws Exception {
        Path root = dir.resolve("cache");
        Path jar = jar("a.jar", "cartpolelab/X.class", "x",
                WindowProcess.PREFIX + "javafx-base.jar", "base v1",
                WindowProcess.PREFIX + "javafx-graphics.jar", "graphics v1",
                WindowProcess.PREFIX + "nested/ignored.jar", "no");
        Path modules = WindowProcess.extract(jar, root);
        assertEquals(root, modules.getParent());
        assertEquals("base v1", Files.readString(modules.resolve("javafx-base.jar")));
        assertEquals("graphics v1", Files.readString(modules.resolve("javafx-graphics.jar")));
        try (var files = Files.list(modules)) {
            assertEquals(2, files.count(), "the modules and nothing else (no temporaries)");
        }
        long modified = Files.getLastModifiedTime(modules.resolve("javafx-base.jar")).toMillis();
        Thread.sleep(20);
        assertEquals(modules, WindowProcess.extract(jar, root), "the same jar, the same place");
        assertEquals(modified, Files.getLastModifiedTime(modules.resolve("javafx-base.jar"))
                .toMillis(), "not written again");

        Path other = jar("b.jar", WindowProcess.PREFIX + "javafx-base.jar", "base v2");
        Path otherModules = WindowProcess.extract(other, root);
        assertNotEquals(modules, otherModules, "another JavaFX never reuses the old files");
        assertArrayEquals("base v2".getBytes(StandardCharsets.UTF_8),
                Files.readAllBytes(otherModules.resolve("javafx-base.jar")));
    }

    @Test
    void aJarWithoutModulesOrClassesFromADirectoryOpenTheWindowHere() throws Exception {
        assertNull(WindowProcess.extract(jar("c.jar", "cartpolelab/X.class", "x"),
                dir.resolve("cache")));
        assertFalse(Files.exists(dir.resolve("cache")), "nothing created for nothing");
        // the tests load classes from target/classes, not a jar: no child JVM
        assertNull(WindowProcess.jar());
        assertFalse(WindowProcess.needed());
        assertTrue(WindowProcess.cacheRoot().endsWith("cartpole-lab"));
    }

    @Test
    void theWindowsJvmGetsTheOptionsBeforeDashJarButNoDebuggerOrAgent() {
        assertEquals(java.util.List.of("-Xmx2g", "-Dprism.order=sw"), WindowProcess.jvmOptions(
                new String[] {"-Xmx2g", "-agentlib:jdwp=transport=dt_socket,server=y",
                    "-Dprism.order=sw", "-javaagent:x.jar", "-jar", "cartpole-lab.jar",
                    "-Xmx9g"}));
        assertEquals(java.util.List.of(), WindowProcess.jvmOptions(new String[0]));
    }
}
