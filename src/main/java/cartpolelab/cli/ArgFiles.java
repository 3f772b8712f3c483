package cartpolelab.cli;

import cartpolelab.io.SafeText;
import cartpolelab.train.Failures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Checks the {@code @file} arguments picocli will expand, before it reads them: each must be a
 * readable regular file of at most {@link #MAX_BYTES} (picocli reads an argument file whole, so
 * a 2 GiB file took a minute to fail), and so must the {@code @file}s named inside it, to a
 * depth of {@link #MAX_DEPTH}.
 */
final class ArgFiles {

    /** The largest argument file read: far more flags than any command has. */
    static final long MAX_BYTES = 1 << 20;
    static final int MAX_DEPTH = 8;

    private ArgFiles() {
    }

    /** The first problem as one line for "error: ", or null when every argument file is fine. */
    static String problem(String[] args) {
        return problem(Arrays.asList(args), 0);
    }

    private static String problem(Iterable<String> args, int depth) {
        for (String arg : args) {
            if (arg.length() <= 1 || !arg.startsWith("@") || arg.startsWith("@@")) {
                continue;
            }
            Path file;
            try {
                file = Path.of(arg.substring(1));
            } catch (InvalidPathException e) {
                return cannot(arg.substring(1), "not a valid path");
            }
            try {
                String problem = !Files.exists(file) ? "it does not exist"
                        : !Files.isRegularFile(file) ? "it is not a regular file"
                        : !Files.isReadable(file) ? "permission denied"
                        : Files.size(file) > MAX_BYTES ? "it is " + Files.size(file)
                                + " bytes, more than an argument file may be (" + MAX_BYTES
                                + ")"
                        : depth >= MAX_DEPTH ? "argument files nest deeper than " + MAX_DEPTH
                        : null;
                if (problem != null) {
                    return cannot(file.toString(), problem);
                }
                String text = Files.readString(file, StandardCharsets.UTF_8);
                String nested = problem(Arrays.asList(text.strip().split(
                        "[\\s\"']+")), depth + 1);
                if (nested != null) {
                    return nested;
                }
            } catch (IOException | RuntimeException e) {
                return cannot(file.toString(), Failures.message(e));
            }
        }
        return null;
    }

    private static String cannot(String file, String problem) {
        return "cannot read argument file " + SafeText.value(file) + ": " + problem
                + "; check the path after '@' (write '@@' for a literal '@')";
    }
}
