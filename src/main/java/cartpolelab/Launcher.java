package cartpolelab;

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
            Application.launch(CartPoleLabApp.class, args);
        } else {
            System.exit(cartpolelab.cli.Cli.run(args));
        }
    }
}
