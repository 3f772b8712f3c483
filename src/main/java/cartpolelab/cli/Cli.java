package cartpolelab.cli;

/** Command line: train, eval, bench. */
public final class Cli {
    private Cli() {
    }

    /** Runs the command line and returns the exit code. */
    public static int run(String... args) {
        System.err.println("the command line is not built yet");
        return 2;
    }
}
