package cartpolelab.train;

/** How a failure reads where a run, an experiment or the command line reports it. */
public final class Failures {

    private Failures() {
    }

    /**
     * The exception's message, or its {@code toString()} (class name) when it has none: a
     * {@link NullPointerException} or an {@link OutOfMemoryError} must not read "null".
     */
    public static String message(Throwable e) {
        return e.getMessage() != null ? e.getMessage() : e.toString();
    }
}
