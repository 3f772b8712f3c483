package cartpolelab;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * The app image's Java runtime (jlink, {@code dist.modules} in the pom) holds every JDK module
 * the app's own classes use. A module missing there only shows when the installed app reaches
 * the class: {@code bench} once died with {@code NoClassDefFoundError:
 * java/lang/management/ManagementFactory} in the app image while every test passed.
 */
class RuntimeModulesTest {

    @Test
    void theAppImageRuntimeHoldsEveryModuleTheClassesUse() throws Exception {
        Set<String> used = jdepsModules(Path.of("target", "classes"));
        assertFalse(used.isEmpty(), "jdeps named no modules for target/classes");
        assertTrue(used.contains("java.base"), "jdeps output not understood: " + used);

        Set<String> runtime = closure(distModules());
        Set<String> missing = new TreeSet<>(used);
        missing.removeAll(runtime);
        assertTrue(missing.isEmpty(), "the pom's dist.modules lacks " + missing
                + " (jlink would leave them out of the app image); it has " + runtime);
    }

    /** The JDK modules jdeps sees the classes in {@code dir} use (its summary lines). */
    private static Set<String> jdepsModules(Path dir) {
        ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow(
                () -> new AssertionError("this JDK has no jdeps tool"));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = jdeps.run(new PrintWriter(out), new PrintWriter(err),
                "-s", "--multi-release", "17", "--ignore-missing-deps", dir.toString());
        assertTrue(code == 0, "jdeps failed: " + err);
        Set<String> modules = new TreeSet<>();
        Matcher m = Pattern.compile("->\\s+(\\S+)").matcher(out.toString());
        while (m.find()) {
            if (!m.group(1).equals("not")) {
                modules.add(m.group(1));
            }
        }
        return modules;
    }

    /** The modules the pom's dist profile hands to jlink. */
    private static Set<String> distModules() throws Exception {
        String pom = Files.readString(Path.of("pom.xml"), StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("<dist\\.modules>([^<]+)</dist\\.modules>").matcher(pom);
        assertTrue(m.find(), "pom.xml has no <dist.modules>");
        return new TreeSet<>(Arrays.asList(m.group(1).trim().split("\\s*,\\s*")));
    }

    /** {@code roots} and every JDK module they require, as jlink resolves them. */
    private static Set<String> closure(Set<String> roots) {
        ModuleFinder system = ModuleFinder.ofSystem();
        Set<String> seen = new TreeSet<>();
        Deque<String> todo = new ArrayDeque<>(roots);
        while (!todo.isEmpty()) {
            String name = todo.pop();
            if (!seen.add(name)) {
                continue;
            }
            system.find(name).ifPresent(ref -> {
                for (ModuleDescriptor.Requires r : ref.descriptor().requires()) {
                    todo.push(r.name());
                }
            });
        }
        return seen;
    }
}
