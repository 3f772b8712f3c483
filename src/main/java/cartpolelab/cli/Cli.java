package cartpolelab.cli;

import cartpolelab.io.BuildInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.Charset;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.function.UnaryOperator;
import cartpolelab.io.SafeText;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;

/**
 * The command line: {@code train}, {@code eval}, {@code bench}, {@code compare} and
 * {@code merge} over the same engine as the app. It never touches JavaFX, so it needs no display and no GTK.
 *
 * <p>Exit codes: 0 success; 2 bad input (a wrong or missing flag, an unknown command, an
 * out-of-range value, an unreadable or unwritable file), with a one-line message naming the
 * problem and the fix and no stack trace; 1 a failure while training.
 *
 * <p>Help and messages name the program as the user typed it: {@code cartpole-lab} from the
 * installed app image, {@code java -jar target/cartpole-lab.jar} from the jar (see
 * {@link #commandName()}).
 */
@Command(name = Cli.DEFAULT_NAME, mixinStandardHelpOptions = true,
        versionProvider = Cli.Version.class,
        description = "Train, evaluate and benchmark actor-critic agents on CartPole without a "
                + "window. Run without arguments to open the app.",
        subcommands = {TrainCommand.class, EvalCommand.class, BenchCommand.class,
                CompareCommand.class, MergeCommand.class, RunsCommand.class,
                HelpCommand.class})
public final class Cli implements Runnable {

    /** The launcher's name in the app image and the name help uses when nothing else is known. */
    static final String DEFAULT_NAME = "cartpole-lab";

    /** System property that overrides the program name in help and messages. */
    public static final String COMMAND_PROPERTY = "cartpolelab.command";

    /** The project's version, from the build ({@code version.properties}, filtered by Maven). */
    static final String VERSION = BuildInfo.version();

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
                "a command is missing: use train, eval, bench, compare, merge or runs");
    }

    /** Runs the command line on standard output and error; returns the exit code. */
    public static int run(String... args) {
        // in the terminal's character set, or plain ASCII symbols where it has none (LANG=C)
        Charset terminal = Terminal.charset();
        return runAs(commandName(), Terminal.writer(System.out, terminal),
                Terminal.writer(System.err, terminal), args);
    }

    /** Runs the command line on the given writers (tests run it in-process). */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return runAs(commandName(), out, err, args);
    }

    /**
     * Runs the command line on the given writers, naming the program {@code name} in help and
     * messages (for example {@code cartpole-lab} or {@code java -jar cartpole-lab.jar}).
     */
    public static int runAs(String name, PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl = new CommandLine(new Cli());
        // the settings' help only where the settings are flags: in eval, picocli would give
        // --episodes and --seed train's texts (and train's range) by their names
        SettingHelp help = new SettingHelp();
        for (CommandLine sub : cl.getSubcommands().values()) {
            if (sub.getCommandSpec().mixins().values().stream().anyMatch(m ->
                    m.userObject() instanceof HyperparameterOptions)) {
                sub.setResourceBundle(help);
            }
        }
        nameProgram(cl, name);
        cl.setOut(out);
        cl.setErr(err);
        cl.registerConverter(Path.class, Cli::path);
        cl.setParameterExceptionHandler((e, a) -> {
            err.println("error: " + SafeText.line(e.getMessage() + suggestion(e)));
            err.println("Try '" + e.getCommandLine().getCommandSpec().qualifiedName()
                    + " --help'.");
            err.flush();
            return USAGE;
        });
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
            Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
            if (cause instanceof UserError || cause instanceof IllegalArgumentException) {
                err.println("error: " + SafeText.line(cause.getMessage()));
                err.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help'.");
                err.flush();
                return USAGE;
            }
            if (cause instanceof IOException) {
                err.println("error: " + SafeText.line(cause.getMessage()));
                err.flush();
                return USAGE;
            }
            err.println("error: " + SafeText.line(String.valueOf(cause)));
            err.flush();
            return 1;
        });
        int code = executeReadingArgFiles(cl, err, args);
        out.flush();
        err.flush();
        return code;
    }

    /** A path flag; a name this locale cannot hold is one clear line, not picocli's trace. */
    private static Path path(String text) {
        try {
            return Path.of(text);
        } catch (InvalidPathException e) {
            throw new CommandLine.TypeConversionException("'" + SafeText.value(text)
                    + "' is not a file name this system can use (" + e.getReason() + ")"
                    + (Terminal.unicode() ? "" : "; the locale's character set ("
                    + System.getProperty("sun.jnu.encoding") + ") holds only ASCII: run with "
                    + "LC_ALL=C.UTF-8"));
        }
    }

    /**
     * Picocli's "Did you mean" for a mistyped flag or command ({@code --epsiodes},
     * {@code trian}), on the error's line; a name starting with '-' that is no flag (a file
     * called {@code -shard.csv}) gets the way to pass it.
     */
    private static String suggestion(CommandLine.ParameterException e) {
        if (e instanceof CommandLine.UnmatchedArgumentException u) {
            List<String> close = u.getSuggestions();
            if (!close.isEmpty()) {
                return "; did you mean " + String.join(" or ", close.subList(0,
                        Math.min(3, close.size()))) + "?";
            }
            Optional<String> dash = u.getUnmatched().stream()
                    .filter(a -> a.startsWith("-")).findFirst();
            // only a command that takes file names can have meant one
            if (dash.isPresent() && !u.getCommandLine().getCommandSpec().positionalParameters()
                    .isEmpty()) {
                return dashHint(dash.get());
            }
        }
        if (e instanceof CommandLine.MissingParameterException m
                && m.getMissing().stream().anyMatch(a -> a instanceof CommandLine.Model
                        .PositionalParamSpec) && e.getCommandLine().getParseResult() != null) {
            return e.getCommandLine().getParseResult().unmatched().stream()
                    .filter(a -> a.startsWith("-")).findFirst().map(Cli::dashHint).orElse("");
        }
        return "";
    }

    private static String dashHint(String arg) {
        String name = SafeText.value(arg);
        return "; a file name starting with '-' needs '--' before it (-- " + name
                + ") or './' in front (./" + name + ")";
    }

    /**
     * Names the program {@code name}: the usage lines, the "Try '... --help'" hints and the
     * examples in the subcommands' footers. Every subcommand also answers {@code --version}.
     */
    private static void nameProgram(CommandLine cl, String name) {
        cl.setCommandName(name);
        Version version = new Version();
        for (CommandLine sub : cl.getSubcommands().values()) {
            CommandLine.Model.CommandSpec spec = sub.getCommandSpec();
            spec.versionProvider(version);
            String[] footer = spec.usageMessage().footer();
            for (int i = 0; i < footer.length; i++) {
                String line = footer[i];
                String body = line.stripLeading();
                if (body.startsWith(DEFAULT_NAME + " ")) {
                    footer[i] = line.substring(0, line.length() - body.length()) + name
                            + body.substring(DEFAULT_NAME.length());
                }
            }
            spec.usageMessage().footer(footer);
        }
    }

    /** The program name as the user typed it, from this JVM's properties and its jar. */
    static String commandName() {
        return commandName(System::getProperty, codeSource());
    }

    /**
     * The program name as the user typed it: {@value #COMMAND_PROPERTY} if set; the launcher's
     * file name in a jpackage app image (which sets {@code jpackage.app-path}); {@code java -jar
     * JAR} when running from a jar, JAR as typed on the command line where the JVM tells it
     * ({@code sun.java.command}); otherwise {@value #DEFAULT_NAME}.
     *
     * @param properties system properties by name (null when unset)
     * @param codeSource the jar or directory this class was loaded from, or null
     */
    static String commandName(UnaryOperator<String> properties, Path codeSource) {
        String explicit = properties.apply(COMMAND_PROPERTY);
        if (explicit != null && !explicit.isBlank()) {
            return explicit.strip();
        }
        String appPath = properties.apply("jpackage.app-path");
        if (appPath != null && !appPath.isBlank()) {
            String path = appPath.strip();
            // the file name, on either kind of separator (C:\Apps\cartpole-lab.exe too)
            String launcher = path.substring(
                    Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
            if (launcher.toLowerCase(Locale.ROOT).endsWith(".exe")) {
                launcher = launcher.substring(0, launcher.length() - 4);
            }
            if (!launcher.isEmpty()) {
                return launcher;
            }
        }
        if (codeSource != null && codeSource.getFileName() != null
                && codeSource.getFileName().toString().endsWith(".jar")) {
            String command = properties.apply("sun.java.command");
            if (command != null) {
                int end = command.indexOf(".jar");
                String typed = end < 0 ? "" : command.substring(0, end + 4);
                if (!typed.isEmpty() && Path.of(typed).getFileName() != null
                        && Path.of(typed).getFileName().equals(codeSource.getFileName())) {
                    return "java -jar " + typed;
                }
            }
            return "java -jar " + codeSource.getFileName();
        }
        return DEFAULT_NAME;
    }

    private static Path codeSource() {
        try {
            CodeSource source = Cli.class.getProtectionDomain().getCodeSource();
            return source == null || source.getLocation() == null ? null
                    : Path.of(source.getLocation().toURI());
        } catch (URISyntaxException | RuntimeException e) {
            return null;
        }
    }

    /** {@code --version}: the app's version, the Java runtime and JavaFX. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {
                "CartPole Lab " + VERSION,
                "Java " + Runtime.version() + " (" + System.getProperty("java.vm.name") + ", "
                        + System.getProperty("java.vendor") + ") in "
                        + System.getProperty("java.home"),
                javafxVersion()};
        }
    }

    /**
     * JavaFX's version without starting the toolkit: from the {@code javafx.base} module of the
     * runtime when JavaFX is on the module path (the app image), else from JavaFX's
     * {@code VersionInfo} on the class path (the jar); "JavaFX not found" without either.
     */
    static String javafxVersion() {
        Optional<Module> base = ModuleLayer.boot().findModule("javafx.base");
        if (base.isPresent()) {
            String version = null;
            try (InputStream in = base.get().getResourceAsStream("javafx.properties")) {
                if (in != null) {
                    Properties p = new Properties();
                    p.load(in);
                    version = p.getProperty("javafx.runtime.version");
                }
            } catch (IOException e) {
                // use the module's version below
            }
            if (version == null) {
                version = base.get().getDescriptor().rawVersion().orElse("(unknown version)");
            }
            return "JavaFX " + version + " (modules of the Java runtime)";
        }
        try {
            Class<?> info = Class.forName("com.sun.javafx.runtime.VersionInfo", false,
                    Cli.class.getClassLoader());
            return "JavaFX " + info.getMethod("getRuntimeVersion").invoke(null)
                    + " (class path)";
        } catch (ReflectiveOperationException | LinkageError e) {
            return "JavaFX not found";
        }
    }

    // ---- @argfile errors: one line naming the file and the reason, never a stack trace ----

    private static int executeReadingArgFiles(CommandLine cl, PrintWriter err, String[] args) {
        String problem = ArgFiles.problem(args);
        if (problem != null) {
            err.println("error: " + SafeText.line(problem));
            return USAGE;
        }
        try {
            return cl.execute(args);
        } catch (CommandLine.InitializationException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            err.println("error: " + SafeText.line(e.getMessage() + ": " + cause.getMessage()
                    + "; check the argument file"));
            return USAGE;
        }
    }
}
