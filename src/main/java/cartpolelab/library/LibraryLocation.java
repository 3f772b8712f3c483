package cartpolelab.library;

import java.nio.file.Path;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * Where the run library lives unless {@code --library PATH} says otherwise: the user's data
 * directory, {@code $XDG_DATA_HOME/cartpole-lab/runs.db} ({@code ~/.local/share/…} when unset)
 * on Linux and other Unixes, {@code %LOCALAPPDATA%\cartpole-lab\runs.db} on Windows and
 * {@code ~/Library/Application Support/cartpole-lab/runs.db} on macOS. The system property
 * {@value #PROPERTY} (or the environment variable {@value #ENVIRONMENT}) overrides it: the
 * test suite points it at {@code target/}, so tests never touch the user's library.
 */
public final class LibraryLocation {

    /** System property naming the default library file. */
    public static final String PROPERTY = "cartpolelab.library";
    /** Environment variable naming the default library file (after the property). */
    public static final String ENVIRONMENT = "CARTPOLE_LAB_LIBRARY";
    /** The library's file name inside the data directory. */
    public static final String FILE_NAME = "runs.db";
    private static final String DIRECTORY = "cartpole-lab";

    private LibraryLocation() {
    }

    /** The default library of this user on this machine. */
    public static Path defaultPath() {
        return defaultPath(System::getProperty, System::getenv);
    }

    /**
     * The default library from the given system properties and environment (null when unset).
     */
    static Path defaultPath(UnaryOperator<String> properties, UnaryOperator<String> env) {
        String explicit = properties.apply(PROPERTY);
        if (blank(explicit)) {
            explicit = env.apply(ENVIRONMENT);
        }
        if (!blank(explicit)) {
            return Path.of(explicit.strip());
        }
        String home = properties.apply("user.home");
        String os = String.valueOf(properties.apply("os.name")).toLowerCase(Locale.ROOT);
        Path dir;
        if (os.startsWith("windows")) {
            String local = env.apply("LOCALAPPDATA");
            dir = !blank(local) ? Path.of(local)
                    : Path.of(home, "AppData", "Local");
        } else if (os.startsWith("mac")) {
            dir = Path.of(home, "Library", "Application Support");
        } else {
            String xdg = env.apply("XDG_DATA_HOME");
            // the XDG spec: a relative XDG_DATA_HOME is invalid and must be ignored
            dir = !blank(xdg) && Path.of(xdg).isAbsolute() ? Path.of(xdg)
                    : Path.of(home, ".local", "share");
        }
        return dir.resolve(DIRECTORY).resolve(FILE_NAME);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
