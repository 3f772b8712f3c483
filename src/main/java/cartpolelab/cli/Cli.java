package cartpolelab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;

/**
 * The command line: {@code train}, {@code eval} and {@code bench} over the same engine as the
 * app. It never touches JavaFX, so it needs no display and no GTK.
 *
 * <p>Exit codes: 0 success; 2 bad input (a wrong or missing flag, an unknown command, an
 * out-of-range value, an unreadable or unwritable file), with a one-line message naming the
 * problem and the fix and no stack trace; 1 a failure while training.
 */
@Command(name = "cartpole-lab", mixinStandardHelpOptions = true,
        version = "CartPole Lab " + Cli.VERSION,
        description = "Train, evaluate and benchmark actor-critic agents on CartPole without a "
                + "window. Run without arguments to open the app.",
        subcommands = {TrainCommand.class, EvalCommand.class, BenchCommand.class,
                HelpCommand.class})
public final class Cli implements Runnable {

    static final String VERSION = "0.1.0";

    /** Exit code for bad input. */
    public static final int USAGE = 2;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /** A problem with what the user asked for: printed as one line, exit code 2. */
    static final class UserError extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UserError(String message) {
            super(message);
        }
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "a command is missing: use train, eval or bench");
    }

    /** Runs the command line on standard output and error; returns the exit code. */
    public static int run(String... args) {
        return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    /** Runs the command line on the given writers (tests run it in-process). */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl = new CommandLine(new Cli());
        cl.setResourceBundle(new SettingHelp());
        cl.setOut(out);
        cl.setErr(err);
        cl.setParameterExceptionHandler((e, a) -> {
            err.println("error: " + e.getMessage());
            err.println("Try '" + e.getCommandLine().getCommandSpec().qualifiedName()
                    + " --help'.");
            err.flush();
            return USAGE;
        });
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
            Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
            if (cause instanceof UserError || cause instanceof IllegalArgumentException) {
                err.println("error: " + cause.getMessage());
                err.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help'.");
                err.flush();
                return USAGE;
            }
            if (cause instanceof IOException) {
                err.println("error: " + cause.getMessage());
                err.flush();
                return USAGE;
            }
            err.println("error: " + cause);
            err.flush();
            return 1;
        });
        int code = executeReadingArgFiles(cl, err, args);
        out.flush();
        err.flush();
        return code;
    }

    // ---- @argfile errors: one line naming the file and the reason, never a stack trace ----

    private static int executeReadingArgFiles(CommandLine cl, PrintWriter err, String[] args) {
        for (String arg : args) {
            if (arg.length() > 1 && arg.startsWith("@") && !arg.startsWith("@@")) {
                java.nio.file.Path file = java.nio.file.Path.of(arg.substring(1));
                String problem = !java.nio.file.Files.exists(file) ? "it does not exist"
                        : !java.nio.file.Files.isRegularFile(file) ? "it is not a regular file"
                        : !java.nio.file.Files.isReadable(file) ? "permission denied" : null;
                if (problem != null) {
                    err.println("error: cannot read argument file " + file + ": " + problem
                            + "; check the path after '@' (write '@@' for a literal '@')");
                    return USAGE;
                }
            }
        }
        try {
            return cl.execute(args);
        } catch (CommandLine.InitializationException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            err.println("error: " + e.getMessage() + ": " + cause.getMessage()
                    + "; check the argument file");
            return USAGE;
        }
    }
}
