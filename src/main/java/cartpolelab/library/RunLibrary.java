package cartpolelab.library;

import cartpolelab.agent.Hyperparameters;
import cartpolelab.io.BuildInfo;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.sqlite.SQLiteConfig;

/**
 * The run library: one SQLite file ({@link LibraryLocation}) holding every run's settings,
 * per-episode metrics, gradient-variance measurements, checkpoints, milestone recordings and
 * experiments, with names, tags and notes. The schema is {@link Schema}'s (documented in the
 * README); a user may read it with {@code sqlite3} or pandas while runs are written.
 *
 * <p>One connection, in WAL mode with {@code synchronous=NORMAL}: a commit survives the
 * process being killed, and a power cut loses at most the last commits, never the file's
 * integrity. Every method holds this object's lock for one short transaction; training
 * threads never call it (the {@link LibraryWriter} does, on its own thread).
 */
public final class RunLibrary implements AutoCloseable {

    /** The app's version, written with each run. */
    static final String APP_VERSION = BuildInfo.version();

    private final Path file;
    final Connection connection;

    private RunLibrary(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
    }

    /**
     * Opens (or creates) the library at {@code file}, creating its directory if needed, and
     * brings its schema to this build's version.
     *
     * @throws LibraryException naming the file, what is wrong and what to do: not an SQLite
     *                          file, a library of a newer build, a damaged one, a directory
     *                          that cannot be created
     */
    public static RunLibrary open(Path file) throws LibraryException {
        Path abs = file.toAbsolutePath();
        try {
            if (Files.isDirectory(abs)) {
                throw new LibraryException(file + " is a directory: give the library's file, "
                        + "e.g. " + abs.resolve(LibraryLocation.FILE_NAME));
            }
            if (abs.getParent() != null) {
                Files.createDirectories(abs.getParent());
            }
        } catch (LibraryException e) {
            throw e;
        } catch (IOException e) {
            throw new LibraryException("cannot create the run library's directory "
                    + abs.getParent() + ": " + e.getMessage() + "; pass --library with a "
                    + "writable place (or --no-library)", e, true);
        }
        // a library several processes open at the same moment (shards started together) can
        // be locked by another's first open for an instant, sometimes before SQLite's busy
        // wait applies (changing the journal mode, a write after a read): try again a while
        for (int attempt = 1; ; attempt++) {
            try {
                return connect(file, abs);
            } catch (LibraryException e) {
                if (attempt >= 100 || !(e.getCause() instanceof SQLException s)
                        || !SqlErrors.busy(s)) {
                    throw e;
                }
                try {
                    Thread.sleep(20L * Math.min(attempt, 10));
                } catch (InterruptedException x) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private static RunLibrary connect(Path file, Path abs) throws LibraryException {
        Connection c = null;
        try {
            SQLiteConfig config = new SQLiteConfig();
            config.enforceForeignKeys(true);
            config.setBusyTimeout(10_000);
            c = DriverManager.getConnection("jdbc:sqlite:" + abs, config.toProperties());
            try (Statement s = c.createStatement()) {
                // reading the schema first makes "not a database" fail here, with its file
                s.execute("SELECT count(*) FROM sqlite_master");
                s.execute("PRAGMA journal_mode = WAL");
                s.execute("PRAGMA synchronous = NORMAL");
            }
            Schema.migrate(c, file);
            RunLibrary library = new RunLibrary(file, c);
            library.markInterrupted();
            return library;
        } catch (SQLException e) {
            closeQuietly(c);
            throw new LibraryException(SqlErrors.describe(file, e), e, SqlErrors.unwritable(e));
        } catch (LibraryException e) {
            closeQuietly(c);
            throw e;
        }
    }

    public Path file() {
        return file;
    }

    /** Runs left {@code running} by a process that no longer exists are {@code interrupted}. */
    private synchronized void markInterrupted() throws SQLException {
        List<Long> dead = new ArrayList<>();
        try (Statement s = connection.createStatement();
             ResultSet r = s.executeQuery("SELECT id, pid FROM runs WHERE state = 'running'")) {
            while (r.next()) {
                long pid = r.getLong(2);
                if (r.wasNull() || ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true)) {
                    dead.add(r.getLong(1));
                }
            }
        }
        if (dead.isEmpty()) {
            return;
        }
        try (PreparedStatement p = connection.prepareStatement(
                "UPDATE runs SET state = 'interrupted' WHERE id = ?")) {
            for (long id : dead) {
                p.setLong(1, id);
                p.executeUpdate();
            }
        }
    }

    // ------------------------------------------------------------------ writing runs

    long insertExperiment(String name, String env, String algorithms, String seeds,
                          String sweepName, String sweepValues, String shard, int episodes)
            throws SQLException {
        return RunRows.insertExperiment(connection, name, env, algorithms, seeds, sweepName,
                sweepValues, shard, episodes);
    }

    long insertRun(NewRun run, Long experimentId) throws SQLException {
        return RunRows.insertRun(connection, run, experimentId);
    }

    /** Records a new run in state {@code running}; returns its id (tests). */
    synchronized long createRun(NewRun run) throws LibraryException {
        try {
            connection.setAutoCommit(false);
            long id = RunRows.insertRun(connection, run, run.experimentId());
            connection.commit();
            return id;
        } catch (SQLException e) {
            rollbackQuietly();
            throw new LibraryException(SqlErrors.describe(file, e), e);
        } finally {
            autoCommit();
        }
    }

    // ------------------------------------------------------------------ editing runs

    public synchronized void rename(long id, String name) throws LibraryException {
        update("UPDATE runs SET name = ? WHERE id = ?", name, id);
    }

    public synchronized void setNotes(long id, String notes) throws LibraryException {
        update("UPDATE runs SET notes = ? WHERE id = ?", notes, id);
    }

    /** Replaces a run's tags. */
    public synchronized void setTags(long id, List<String> tags) throws LibraryException {
        try {
            connection.setAutoCommit(false);
            try (PreparedStatement p = connection.prepareStatement(
                    "DELETE FROM tags WHERE run_id = ?")) {
                p.setLong(1, id);
                p.executeUpdate();
            }
            RunRows.insertTags(connection, id, tags);
            connection.commit();
        } catch (SQLException e) {
            rollbackQuietly();
            throw new LibraryException(SqlErrors.describe(file, e), e);
        } finally {
            autoCommit();
        }
    }

    /**
     * Hides runs from lists until {@link #restore} or {@link #purgeTrash} (the window's delete,
     * which can be undone for the session).
     */
    public synchronized void trash(List<Long> ids, boolean trashed) throws LibraryException {
        for (long id : ids) {
            update("UPDATE runs SET deleted = ? WHERE id = ?", trashed ? 1 : 0, id);
        }
    }

    /** Deletes the runs {@link #trash}ed before, for good. */
    public synchronized int purgeTrash() throws LibraryException {
        try (Statement s = connection.createStatement()) {
            return s.executeUpdate("DELETE FROM runs WHERE deleted = 1");
        } catch (SQLException e) {
            throw new LibraryException(SqlErrors.describe(file, e), e);
        }
    }

    /** Deletes runs for good, with everything stored for them; returns how many existed. */
    public synchronized int delete(List<Long> ids) throws LibraryException {
        int n = 0;
        try {
            connection.setAutoCommit(false);
            try (PreparedStatement p = connection.prepareStatement("DELETE FROM runs WHERE id = ?")) {
                for (long id : ids) {
                    p.setLong(1, id);
                    n += p.executeUpdate();
                }
            }
            connection.commit();
            return n;
        } catch (SQLException e) {
            rollbackQuietly();
            throw new LibraryException(SqlErrors.describe(file, e), e);
        } finally {
            autoCommit();
        }
    }

    private void update(String sql, Object value, long id) throws LibraryException {
        try (PreparedStatement p = connection.prepareStatement(sql)) {
            p.setObject(1, value);
            p.setLong(2, id);
            if (p.executeUpdate() == 0) {
                throw new LibraryException("no run " + id + " in " + file
                        + ": see 'runs list' for the ids");
            }
        } catch (SQLException e) {
            throw new LibraryException(SqlErrors.describe(file, e), e);
        }
    }

    // ------------------------------------------------------------------ reading

    /** What to read stored runs with ({@link LibraryReader}). */
    public LibraryReader reader() {
        return new LibraryReader(this);
    }

    @Override
    public synchronized void close() {
        closeQuietly(connection);
    }

    // ------------------------------------------------------------------ helpers

    void rollbackQuietly() {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // the original error is the one to report
        }
    }

    void autoCommit() {
        try {
            connection.setAutoCommit(true);
        } catch (SQLException ignored) {
            // the connection is broken; the next call reports it
        }
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // nothing more to do with it
            }
        }
    }
}
