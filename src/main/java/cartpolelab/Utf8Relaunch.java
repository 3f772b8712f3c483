package cartpolelab;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * UTF-8 file names whatever the locale. Java 17 on Linux decodes file names and arguments in
 * the locale's character set ({@code sun.jnu.encoding}, which {@code -Dsun.jnu.encoding} cannot
 * change; {@code -Dfile.encoding} changes only file contents), so under {@code LANG=C} a name
 * such as {@code café.csv} cannot be used at all. When the locale's set is plain ASCII, the
 * launcher therefore starts the same command again, byte for byte (read from
 * {@code /proc/self/cmdline}), with {@code LC_ALL=C.UTF-8}, and passes on its exit code; the
 * user's own character set goes along ({@code CARTPOLELAB_TERMINAL_CHARSET}) so output stays
 * plain ASCII on such a terminal. Nothing happens on other systems, under a UTF-8 or other
 * 8-bit locale, or where no C.UTF-8 locale is installed.
 */
final class Utf8Relaunch {

    /** Set in the restarted process, so it never restarts again. */
    static final String MARK = "CARTPOLELAB_UTF8_RELAUNCHED";
    static final String LOCALE = "C.UTF-8";

    private Utf8Relaunch() {
    }

    /** True when this JVM cannot hold non-ASCII file names and a restart can. */
    static boolean needed() {
        String jnu = System.getProperty("sun.jnu.encoding", "");
        boolean ascii;
        try {
            ascii = Charset.forName(jnu).newEncoder().maxBytesPerChar() == 1
                    && !Charset.forName(jnu).newEncoder().canEncode('é');
        } catch (RuntimeException e) {
            ascii = false;
        }
        return ascii && System.getenv(MARK) == null
                && Files.isReadable(Path.of("/proc/self/cmdline"))
                && Files.isExecutable(Path.of("/bin/sh"))
                && (Files.isDirectory(Path.of("/usr/lib/locale/C.utf8"))
                        || Files.isDirectory(Path.of("/usr/lib/locale/C.UTF-8")));
    }

    /** Runs this command again under {@value #LOCALE}; its exit code, or -1 if it cannot. */
    static int run() {
        try {
            byte[] raw = Files.readAllBytes(Path.of("/proc/self/cmdline"));
            List<byte[]> argv = split(raw);
            if (argv.isEmpty()) {
                return -1;
            }
            ProcessBuilder pb = new ProcessBuilder("/bin/sh", "-c", script(argv)).inheritIO();
            // the app image's launcher marks its JVM's environment (_JPACKAGE_LAUNCHER);
            // inherited, it would make the restarted launcher act as a plain java
            pb.environment().keySet().removeIf(k -> k.startsWith("_JPACKAGE"));
            pb.environment().put("LC_ALL", LOCALE);
            pb.environment().put(MARK, "1");
            pb.environment().put("CARTPOLELAB_TERMINAL_CHARSET",
                    System.getProperty("native.encoding", "US-ASCII"));
            Process child = pb.start();
            Runtime.getRuntime().addShutdownHook(new Thread(child::destroy, "stop-relaunch"));
            while (true) {
                try {
                    return child.waitFor();
                } catch (InterruptedException e) {
                    child.destroy();
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** The NUL-separated entries of a command line. */
    static List<byte[]> split(byte[] raw) {
        List<byte[]> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] == 0) {
                out.add(Arrays.copyOfRange(raw, start, i));
                start = i + 1;
            }
        }
        if (start < raw.length) {
            out.add(Arrays.copyOfRange(raw, start, raw.length));
        }
        return out;
    }

    /**
     * A shell script, in ASCII, that executes {@code argv} exactly: each argument is rebuilt
     * from octal escapes by printf (a trailing 'x' keeps trailing newlines), so bytes the
     * locale cannot decode reach the new process unchanged.
     */
    static String script(List<byte[]> argv) {
        StringBuilder s = new StringBuilder("set --");
        for (byte[] arg : argv) {
            s.append("; a=$(printf '");
            for (byte b : arg) {
                s.append(String.format(Locale.ROOT, "\\%03o", b & 0xff));
            }
            s.append("x'); set -- \"$@\" \"${a%x}\"");
        }
        return s.append("; exec \"$@\"").toString();
    }
}
