package cartpolelab.library;

import java.io.IOException;

/**
 * A run library that cannot be used: the message is one line for the user, naming the file,
 * what is wrong and what to do.
 */
public final class LibraryException extends IOException {

    private static final long serialVersionUID = 1L;

    private final boolean unwritable;

    public LibraryException(String message) {
        this(message, null);
    }

    public LibraryException(String message, Throwable cause) {
        this(message, cause, false);
    }

    LibraryException(String message, Throwable cause, boolean unwritable) {
        super(message, cause);
        this.unwritable = unwritable;
    }

    /**
     * True when the library is sound but cannot be written now (a full disk, a read-only
     * file or directory): a run may go on without it. False for a file that is no library.
     */
    public boolean unwritable() {
        return unwritable;
    }
}
