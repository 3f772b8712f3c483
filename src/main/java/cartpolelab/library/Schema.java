package cartpolelab.library;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The library's schema, versioned with SQLite's {@code PRAGMA user_version}: version
 * {@value #VERSION}. {@link #MIGRATIONS} holds, at index k, the statements that take a library
 * from version k to k + 1, so an older library is brought forward in one transaction when it is
 * opened, and a library written by a newer build (a higher version) is refused, never
 * "repaired". The README's "Run library" section documents every table and column.
 */
final class Schema {

    /** The schema version this build writes. */
    static final int VERSION = 2;

    /** Written into {@code PRAGMA application_id}: 'CPLB' as a big-endian int. */
    static final int APPLICATION_ID = 0x43504C42;

    /** Statements from version k to k + 1, at index k. */
    static final List<List<String>> MIGRATIONS = List.of(List.of(
            // version 0 → 1: the first schema
            """
            CREATE TABLE experiments (
              id           INTEGER PRIMARY KEY,
              name         TEXT NOT NULL,
              created      TEXT NOT NULL,
              env          TEXT NOT NULL,
              algorithms   TEXT NOT NULL,
              seeds        TEXT NOT NULL,
              sweep_name   TEXT,
              sweep_values TEXT,
              shard        TEXT,
              episodes     INTEGER NOT NULL,
              notes        TEXT NOT NULL DEFAULT '')""",
            """
            CREATE TABLE runs (
              id                     INTEGER PRIMARY KEY,
              name                   TEXT NOT NULL,
              source                 TEXT NOT NULL,
              experiment_id          INTEGER REFERENCES experiments(id) ON DELETE SET NULL,
              cell                   TEXT,
              sweep_value            REAL,
              algorithm              TEXT NOT NULL,
              env                    TEXT NOT NULL,
              hidden                 INTEGER NOT NULL,
              lr                     REAL NOT NULL,
              gamma                  REAL NOT NULL,
              entropy_coef           REAL NOT NULL,
              max_steps              INTEGER NOT NULL,
              episode_budget         INTEGER NOT NULL,
              n_steps                INTEGER NOT NULL,
              gae_lambda             REAL NOT NULL DEFAULT 1,
              named_settings         TEXT NOT NULL DEFAULT '',
              seed                   INTEGER NOT NULL,
              grad_variance_every    INTEGER NOT NULL DEFAULT 0,
              grad_variance_episodes INTEGER NOT NULL DEFAULT 0,
              app_version            TEXT NOT NULL,
              started                TEXT NOT NULL,
              ended                  TEXT,
              state                  TEXT NOT NULL,
              failure                TEXT,
              pid                    INTEGER,
              episodes               INTEGER NOT NULL DEFAULT 0,
              total_steps            INTEGER NOT NULL DEFAULT 0,
              solved_at              INTEGER,
              best_ma50              REAL,
              final_ma50             REAL,
              notes                  TEXT NOT NULL DEFAULT '',
              deleted                INTEGER NOT NULL DEFAULT 0)""",
            "CREATE INDEX runs_experiment ON runs(experiment_id)",
            """
            CREATE TABLE tags (
              run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
              tag    TEXT NOT NULL,
              PRIMARY KEY (run_id, tag)) WITHOUT ROWID""",
            """
            CREATE TABLE episodes (
              run_id        INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
              episode       INTEGER NOT NULL,
              reward        REAL NOT NULL,
              length        INTEGER NOT NULL,
              reward_ma50   REAL NOT NULL,
              loss_actor    REAL NOT NULL,
              loss_critic   REAL NOT NULL,
              entropy       REAL NOT NULL,
              total_steps   INTEGER NOT NULL,
              wall_seconds  REAL NOT NULL,
              steps_per_sec REAL NOT NULL,
              PRIMARY KEY (run_id, episode)) WITHOUT ROWID""",
            """
            CREATE TABLE gradvar (
              run_id    INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
              episode   INTEGER NOT NULL,
              updates   INTEGER NOT NULL,
              reinforce REAL NOT NULL,
              baseline  REAL NOT NULL,
              td        REAL NOT NULL,
              learner   REAL,
              samples   INTEGER NOT NULL,
              PRIMARY KEY (run_id, episode)) WITHOUT ROWID""",
            """
            CREATE TABLE checkpoints (
              run_id  INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
              episode INTEGER NOT NULL,
              kind    TEXT NOT NULL,
              saved   TEXT NOT NULL,
              data    BLOB NOT NULL,
              PRIMARY KEY (run_id, episode))""",
            """
            CREATE TABLE milestones (
              run_id  INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
              episode INTEGER NOT NULL,
              steps   INTEGER NOT NULL,
              reward  REAL NOT NULL,
              fell    INTEGER NOT NULL,
              frames  BLOB NOT NULL,
              PRIMARY KEY (run_id, episode))"""),
            // version 1 → 2: PPO's per-episode measures, NULL for other algorithms and for
            // episodes in which no PPO update finished (rows of version 1 read as NULL)
            List.of("ALTER TABLE episodes ADD COLUMN ppo_approx_kl REAL",
                    "ALTER TABLE episodes ADD COLUMN ppo_clip_fraction REAL"));

    /** The tables a library of this version must have. */
    static final Set<String> TABLES = Set.of("experiments", "runs", "tags", "episodes",
            "gradvar", "checkpoints", "milestones");

    private Schema() {
    }

    /**
     * Brings {@code c} to {@link #VERSION}: creates an empty library, migrates an older one,
     * refuses a newer one or one that is not a library of this program.
     */
    static void migrate(Connection c, Path file) throws SQLException, LibraryException {
        if (checkedVersion(c, file, false) < VERSION) {
            // IMMEDIATE: the write lock first, then every check again, so that processes
            // creating the same new library at once (shards started together) create it once
            // and none takes another's half-made tables for a foreign database
            try (Statement s = c.createStatement()) {
                s.execute("BEGIN IMMEDIATE");
                try {
                    for (int v = checkedVersion(c, file, true); v < VERSION; v++) {
                        for (String sql : MIGRATIONS.get(v)) {
                            s.execute(sql);
                        }
                    }
                    s.execute("PRAGMA application_id = " + APPLICATION_ID);
                    s.execute("PRAGMA user_version = " + VERSION);
                    s.execute("COMMIT");
                } catch (SQLException | LibraryException e) {
                    s.execute("ROLLBACK");
                    throw e;
                }
            }
        }
        Set<String> missing = new TreeSet<>(TABLES);
        missing.removeAll(existingTables(c));
        if (!missing.isEmpty()) {
            throw new LibraryException(file + " is a damaged run library: table"
                    + (missing.size() == 1 ? " " : "s ") + String.join(", ", missing)
                    + " missing; pass --library with another file (or move this one away to "
                    + "start a new library)");
        }
    }

    private static int intPragma(Statement s, String name) throws SQLException {
        try (ResultSet r = s.executeQuery("PRAGMA " + name)) {
            return r.next() ? r.getInt(1) : 0;
        }
    }

    private static Set<String> existingTables(Connection c) throws SQLException {
        Set<String> names = new TreeSet<>();
        try (Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table'")) {
            while (r.next()) {
                names.add(r.getString(1));
            }
        }
        return names;
    }

    /**
     * The schema version, once the file is known to be a library this build can read; whether
     * tables without a version are a foreign database is asked only {@code underLock} (before
     * it, another process may be creating this library's tables).
     */
    private static int checkedVersion(Connection c, Path file, boolean underLock)
            throws SQLException, LibraryException {
        int version;
        int application;
        try (Statement s = c.createStatement()) {
            version = intPragma(s, "user_version");
            application = intPragma(s, "application_id");
        }
        if (version > VERSION) {
            throw new LibraryException(file + " is a run library of a newer CartPole Lab "
                    + "(schema version " + version + "; this build reads up to " + VERSION
                    + "): open it with that version, or pass --library OTHER.db");
        }
        if (underLock && version == 0 && application == 0 && !existingTables(c).isEmpty()) {
            throw new LibraryException(file + " is an SQLite database but not a CartPole Lab "
                    + "run library: pass --library with another file (or --no-library)");
        }
        if (application != 0 && application != APPLICATION_ID) {
            throw new LibraryException(file + " is an SQLite database of another program: "
                    + "pass --library with another file (or --no-library)");
        }
        return version;
    }
}
