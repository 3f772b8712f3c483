package cartpolelab.cli;

import cartpolelab.library.LibraryException;
import cartpolelab.library.LibraryLocation;
import cartpolelab.library.LibraryWriter;
import cartpolelab.library.RunLibrary;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --library FILE} and {@code --no-library}, on every command: which run library a
 * command records into or reads from ({@link LibraryLocation#defaultPath()} by default).
 * A {@code String}, not a {@code Path}, so {@link OutputPaths} does not take it for an output
 * file to replace.
 */
final class LibraryOptions {

    @Option(names = "--library", paramLabel = "FILE",
            description = "the run library (an SQLite file) to record runs in and read them "
                    + "from (default: $XDG_DATA_HOME/cartpole-lab/runs.db, "
                    + "~/.local/share/cartpole-lab/runs.db when unset)")
    private String library;

    @Option(names = "--no-library", description = "record nothing in the run library")
    private boolean noLibrary;

    /** The library these flags name, or null with {@code --no-library}. */
    Path path() {
        if (noLibrary && library != null) {
            throw new Cli.UserError("--library and --no-library contradict each other: give "
                    + "one");
        }
        if (noLibrary) {
            return null;
        }
        if (library != null && library.isBlank()) {
            throw new Cli.UserError("--library needs a file name, e.g. --library runs.db");
        }
        return library != null ? Path.of(library) : LibraryLocation.defaultPath();
    }

    /** {@code --library}'s file when given, else null ({@code bench}: a temporary one). */
    Path given() {
        path(); // the two flags checked
        return library == null ? null : Path.of(library);
    }

    /** Whether {@code --no-library} was given. */
    boolean off() {
        return noLibrary;
    }

    /**
     * A writer into the library, or null with {@code --no-library} or when the library cannot
     * be written now (a full disk, a read-only file: said once on {@code err}, and the command
     * goes on without it). Later write failures are said once on {@code err} too.
     *
     * @throws Cli.UserError if the file is not a library this build can use (a user error,
     *                       before any work)
     */
    LibraryWriter openWriter(PrintWriter err) {
        Path p = path();
        if (p == null) {
            return null;
        }
        try {
            RunLibrary lib = RunLibrary.open(p);
            return new LibraryWriter(lib, m -> {
                err.println("warning: " + m);
                err.flush();
            });
        } catch (LibraryException e) {
            if (e.unwritable()) {
                err.println("warning: " + e.getMessage() + "; this run is not recorded");
                err.flush();
                return null;
            }
            throw new Cli.UserError(e.getMessage());
        }
    }

    /** The library to read ({@code runs}, {@code merge}); {@code --no-library} is refused. */
    RunLibrary openForReading(String command) {
        Path p = path();
        if (p == null) {
            throw new Cli.UserError(command + " reads the run library: drop --no-library");
        }
        try {
            return RunLibrary.open(p);
        } catch (LibraryException e) {
            throw new Cli.UserError(e.getMessage());
        }
    }

    /** The same library, closed after use (with its writer), tolerating null. */
    static void close(LibraryWriter writer) {
        if (writer != null) {
            writer.close();
            writer.library().close();
        }
    }
}
