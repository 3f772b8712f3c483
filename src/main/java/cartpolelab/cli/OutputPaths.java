package cartpolelab.cli;

import cartpolelab.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The files a command will write, checked before any work: every option of type
 * {@link Path} of the command is an output (the check knows no option by name, so a new
 * output flag is covered). Two outputs naming one file are refused (one would overwrite the
 * other), and each must be writable ({@link AtomicFiles#checkWritable}: its directory exists,
 * its name fits, a temporary file can be created beside it).
 */
final class OutputPaths {

    private OutputPaths() {
    }

    static void check(CommandSpec spec) throws IOException {
        List<OptionSpec> given = new ArrayList<>();
        List<Path> paths = new ArrayList<>();
        for (OptionSpec option : spec.options()) {
            // a DIR option (--tensorboard) is a directory its writer creates and checks itself
            if (option.type() == Path.class && option.getValue() != null
                    && !"DIR".equals(option.paramLabel())) {
                if (option.getValue().toString().isEmpty()) {
                    throw new Cli.UserError(option.longestName() + " is empty (\"\"): give a "
                            + "file name");
                }
                Path p = ((Path) option.getValue()).toAbsolutePath().normalize();
                for (int i = 0; i < paths.size(); i++) {
                    if (same(paths.get(i), p)) {
                        throw new Cli.UserError(given.get(i).longestName() + " and "
                                + option.longestName() + " both name " + p
                                + ": give each output its own file");
                    }
                }
                given.add(option);
                paths.add(p);
            }
        }
        for (Path p : paths) {
            AtomicFiles.checkWritable(p);
        }
    }

    private static boolean same(Path a, Path b) {
        if (a.equals(b) || real(a).equals(real(b))) {
            return true;
        }
        try {
            return Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * The file a path names, through symbolic links in its directories: its directory's real
     * path and its name ({@code linkdir/s.csv} with {@code linkdir -> .} is {@code ./s.csv}),
     * so two names of one not-yet-existing file are caught; the path itself if the directory
     * cannot be resolved.
     */
    private static Path real(Path p) {
        Path dir = p.getParent();
        if (dir == null || p.getFileName() == null) {
            return p;
        }
        try {
            return dir.toRealPath().resolve(p.getFileName());
        } catch (IOException e) {
            return p;
        }
    }
}
