package cartpolelab;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 23: UTF-8 file names and readable output under LANG=C. */
class Utf8RelaunchTest {

    @TempDir
    Path dir;

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Runs {@code script} in /bin/sh under {@code LC_ALL=C}; stdout and stderr, merged. */
    private static byte[] sh(String script, Path dir) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("/bin/sh", "-c", script).redirectErrorStream(true);
        pb.environment().put("LC_ALL", "C");
        pb.environment().put("LANG", "C");
        pb.environment().remove(Utf8Relaunch.MARK);
        pb.environment().remove("CARTPOLELAB_TERMINAL_CHARSET");
        pb.environment().put("JAVA", Path.of(System.getProperty("java.home"), "bin", "java")
                .toString());
        pb.environment().put("CP", System.getProperty("java.class.path"));
        pb.environment().put("DIR", dir.toString());
        // the child records its runs in the suite's library, never in the user's
        String library = System.getProperty("cartpolelab.library");
        if (library != null) {
            pb.environment().put("CARTPOLE_LAB_LIBRARY", library);
        }
        Process p = pb.start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        p.getInputStream().transferTo(out);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out.toString(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    @Test
    void theRestartScriptPassesEveryByteOfEveryArgument() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/bin/sh")));
        List<byte[]> argv = new ArrayList<>();
        for (String a : new String[] {"printf", "[%s]", "café", "a b\n\n", "$(false)", "'q'\"",
            "%d\\n", ""}) {
            argv.add(utf8(a));
        }
        argv.add(new byte[] {(byte) 0xff, (byte) 0xfe}); // not UTF-8 at all: still passed
        byte[] out = sh(Utf8Relaunch.script(argv), dir);
        ByteArrayOutputStream want = new ByteArrayOutputStream();
        for (byte[] a : argv.subList(2, argv.size())) {
            want.write('[');
            want.write(a);
            want.write(']');
        }
        assertArrayEquals(want.toByteArray(), out);
        byte[] raw = "java\0-jar\0x.jar\0caf\u00e9\0".getBytes(StandardCharsets.UTF_8);
        assertEquals(4, Utf8Relaunch.split(raw).size());
        assertArrayEquals(utf8("café"), Utf8Relaunch.split(raw).get(3));
    }

    @Test
    void underLangCaUtf8FileNameWorksAndOutputIsPlainAscii() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/bin/sh"))
                && (Files.isDirectory(Path.of("/usr/lib/locale/C.utf8"))
                        || Files.isDirectory(Path.of("/usr/lib/locale/C.UTF-8"))),
                "a C.UTF-8 locale (Debian's libc-bin has one)");
        // the name is made by the shell from bytes, so this JVM's own locale does not matter
        byte[] out = sh("name=\"$DIR/$(printf 'caf\\303\\251.csv')\"; "
                + "\"$JAVA\" -cp \"$CP\" cartpolelab.Launcher train --episodes 2 --hidden 4 "
                + "--csv \"$name\" && test -f \"$name\"", dir);
        String text = new String(out, StandardCharsets.UTF_8);
        assertTrue(text.contains("café.csv"), "the name printed as its bytes: " + text);
        assertTrue(text.startsWith("training CartPole-v0 - A2C - seed 1"), text);
        String withoutName = text.replace("café", "cafe");
        assertTrue(withoutName.chars().allMatch(c -> c < 0x80),
                "plain ASCII besides the file name: " + text);
        assertTrue(!text.contains("?"), text);
    }
}
