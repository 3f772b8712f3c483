package cartpolelab.io;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The build's version, for {@code --version} and for what the run library records. */
public final class BuildInfo {

    private static final String VERSION = read();

    private BuildInfo() {
    }

    /** The project's version ({@code version.properties}, filtered by Maven), else the jar's. */
    public static String version() {
        return VERSION;
    }

    private static String read() {
        try (InputStream in = BuildInfo.class.getResourceAsStream(
                "/cartpolelab/cli/version.properties")) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                String v = p.getProperty("version", "");
                if (!v.isBlank() && !v.startsWith("${")) {
                    return v.strip();
                }
            }
        } catch (IOException e) {
            // fall through to the jar manifest
        }
        String manifest = BuildInfo.class.getPackage().getImplementationVersion();
        return manifest != null ? manifest : "unknown";
    }
}
