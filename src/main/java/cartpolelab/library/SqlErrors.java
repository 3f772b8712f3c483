package cartpolelab.library;

import java.nio.file.Path;
import java.sql.SQLException;

/** SQLite's errors as one line for the user: what happened to which file, and what to do. */
final class SqlErrors {

    private SqlErrors() {
    }

    /** A full disk or a read-only file: the library is sound, just not writable now. */
    static boolean unwritable(SQLException e) {
        String m = String.valueOf(e.getMessage());
        return m.contains("SQLITE_FULL") || m.contains("disk is full") || m.contains("READONLY")
                || m.contains("readonly") || m.contains("CANTOPEN") || ioError(m);
    }

    /** Another connection holds the lock for now: worth trying again. */
    static boolean busy(SQLException e) {
        String m = String.valueOf(e.getMessage());
        return m.contains("SQLITE_BUSY") || m.contains("SQLITE_LOCKED")
                || m.contains("database is locked");
    }

    /** One line for an SQLite error on {@code file}: what happened and what to do. */
    static String describe(Path file, SQLException e) {
        String m = String.valueOf(e.getMessage());
        if (m.contains("SQLITE_NOTADB") || m.contains("not a database")) {
            return file + " is not a CartPole Lab run library (not an SQLite database): pass "
                    + "--library with another file (or --no-library)";
        }
        if (m.contains("SQLITE_CORRUPT") || m.contains("malformed")) {
            return file + " is a damaged run library (" + firstLine(m) + "): move it away to "
                    + "start a new one, or pass --library with another file";
        }
        if (m.contains("SQLITE_FULL") || m.contains("disk is full")) {
            return "cannot write to the run library " + file + ": the disk is full; free "
                    + "some space, or pass --library with a file on another disk";
        }
        if (ioError(m)) {
            // on a full disk SQLite often cannot grow its shared-memory file (SHMSIZE) before
            // it can say SQLITE_FULL
            return "cannot write to the run library " + file + ": a disk I/O error ("
                    + code(m) + "); the disk may be full: free some space, or pass --library "
                    + "with a file on another disk";
        }
        if (m.contains("READONLY") || m.contains("readonly") || m.contains("CANTOPEN")) {
            return "cannot write to the run library " + file + ": it is read-only or cannot be "
                    + "opened; make it writable, or pass --library with a writable file";
        }
        return "run library " + file + ": " + firstLine(m) + "; pass --library with another "
                + "file (or --no-library)";
    }

    /** SQLite's I/O error (its extended codes too): the file is sound, the disk is not. */
    private static boolean ioError(String m) {
        return m.contains("SQLITE_IOERR") || m.contains("disk I/O error");
    }

    /** The bracketed SQLite code that starts sqlite-jdbc's messages, or "SQLITE_IOERR". */
    private static String code(String m) {
        int open = m.indexOf('[');
        int close = m.indexOf(']');
        return open == 0 && close > 1 && close < 40 ? m.substring(1, close) : "SQLITE_IOERR";
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).strip();
    }
}
