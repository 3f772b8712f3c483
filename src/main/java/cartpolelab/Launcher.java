package cartpolelab;

import cartpolelab.cli.Cli;
import cartpolelab.ui.CartPoleLabApp;
import javafx.application.Application;

/**
 * Entry point of the jar and of {@code ./mvnw javafx:run}. With no arguments it opens the app;
 * with a subcommand ({@code train}, {@code eval}, {@code bench}, {@code --help}) it runs the
 * command line, which never touches JavaFX and so needs no display.
 *
 * <p>A separate class, not the {@link Application} subclass itself: a main class that extends
 * {@code Application} fails from a plain classpath with "JavaFX runtime components are missing".
 * From the fat jar the window runs in a child JVM with JavaFX as modules ({@link WindowProcess}).
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        if (Utf8Relaunch.needed()) { // LANG=C: again under C.UTF-8, for UTF-8 file names
            int code = Utf8Relaunch.run();
            if (code >= 0) {
                System.exit(code);
            }
        }
        if (args.length == 0) {
            if (WindowProcess.needed()) { // java -jar: JavaFX belongs on the module path
                int code = WindowProcess.run(args);
                if (code >= 0) {
                    System.exit(code);
                }
            }
            try {
                Application.launch(CartPoleLabApp.class, args);
            } catch (RuntimeException e) {
                String problem = windowProblem(e);
                if (problem == null) {
                    throw e;
                }
                System.err.println("error: " + problem);
                System.exit(1);
            }
        } else {
            System.exit(Cli.run(args));
        }
    }

    /**
     * What to do when JavaFX cannot open a window on this machine (no display, no GTK), as one
     * line instead of JavaFX's stack trace; null for any other failure.
     */
    static String windowProblem(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = String.valueOf(t.getMessage());
            if (m.contains("Unable to open DISPLAY")) {
                return "cannot open the window: there is no display (DISPLAY="
                        + System.getenv().getOrDefault("DISPLAY", "") + "). Run it where "
                        + "there is one, or on a virtual one: xvfb-run -a ./mvnw javafx:run "
                        + "(see Requirements in the README); the command line needs no "
                        + "display: add --help";
            }
            if (m.contains("Unable to load glass GTK library")) {
                return "cannot open the window: GTK 3 is missing; install it (sudo apt-get "
                        + "install libgtk-3-0); the command line needs no GTK: add --help";
            }
        }
        return null;
    }
}
