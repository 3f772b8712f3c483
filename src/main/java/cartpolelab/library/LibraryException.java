package cartpolelab.library;

import java.io.IOException;

/**
 * A run library that cannot be used: the message is one line for the user, naming the file,
 * what is wrong and what to do.
 */
public final class LibraryException extends IOException {

    private static final long serialVersionUID = 1L;

    public LibraryException(String message) {
        super(message);
    }

    public LibraryException(String message, Throwable cause) {
        super(message, cause);
    }
}
