package cartpolelab.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cartpolelab.agent.Hyperparameters;
import cartpolelab.metrics.EpisodeHistory;
import cartpolelab.metrics.EpisodeStats;
import cartpolelab.metrics.GradientVariance;
import cartpolelab.metrics.GradientVarianceHistory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunLibraryTest {

    @TempDir
    Path dir;

    static EpisodeStats episode(int n) {
        return new EpisodeStats(n, 10 + n % 7, 10 + n % 7, 12.5, -0.1 * n, 3.0, 0.69,
                20L * n, 0.001 * n, 1234.5);
    }

    /** Every third episode carries PPO's measures (an update finished in it). */
    static EpisodeStats ppoEpisode(int n) {
        EpisodeStats s = episode(n);
        return n % 3 != 0 ? s : new EpisodeStats(n, s.reward(), s.length(), s.movingAverage(),
                s.actorLoss(), s.criticLoss(), s.entropy(), s.totalSteps(), s.wallSeconds(),
                s.stepsPerSecond(), 1e-3 * n, 1.0 / n);
    }

    @Test
    void ppoMeasuresRoundTripAndAVersion1LibraryIsMigratedForward() throws Exception {
        // a library as version 1 wrote it: its schema, one episode row
        Path file = dir.resolve("v1.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement s = c.createStatement()) {
            for (String sql : Schema.MIGRATIONS.get(0)) {
                s.execute(sql);
            }
            s.execute("PRAGMA application_id = " + Schema.APPLICATION_ID);
            s.execute("PRAGMA user_version = 1");
            s.execute("INSERT INTO runs (id, name, source, algorithm, env, hidden, lr, gamma, "
                    + "entropy_coef, max_steps, episode_budget, n_steps, seed, app_version, "
                    + "started, state) VALUES (1, 'old', 'train', 'a2c', 'CartPole-v0', 256, "
                    + "0.001, 0.99, 0.001, 300, 5, 5, 1, 'x', '2026-01-01T00:00:00Z', "
                    + "'finished')");
            s.execute("INSERT INTO episodes VALUES (1, 1, 17, 17, 17, -0.5, 2, 0.69, 17, 0.1, "
                    + "170)");
        }
        try (RunLibrary lib = RunLibrary.open(file);
             LibraryWriter w = new LibraryWriter(lib, m -> { })) {
            EpisodeStats old = lib.reader().history(1).episodes().get(0);
            assertEquals(17, old.reward());
            assertTrue(Double.isNaN(old.approxKl()) && Double.isNaN(old.clipFraction()),
                    "an episode of version 1 has no PPO measures: " + old);
            // a PPO run's measures go in and come back, NULL (NaN) where there are none
            EpisodeHistory h = new EpisodeHistory();
            LibraryWriter.Recording r = w.record(new NewRun("ppo", "train", null, null, null,
                    Hyperparameters.DEFAULTS, 0, 0, List.of()), null, h, null, 195);
            for (int i = 1; i <= 100; i++) {
                h.add(ppoEpisode(i));
            }
            r.end("finished", null);
            w.flush();
            LibraryReader.History back = lib.reader().history(r.runId());
            for (int i = 0; i < 100; i++) {
                assertEquals(h.get(i), back.episodes().get(i));
            }
            assertEquals(0.003, back.episodes().get(2).approxKl());
            assertTrue(Double.isNaN(back.episodes().get(3).clipFraction()));
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement s = c.createStatement();
             ResultSet v = s.executeQuery("PRAGMA user_version")) {
            v.next();
            assertEquals(Schema.VERSION, v.getInt(1));
            assertEquals(2, Schema.VERSION);
        }
        assertEquals("ok", integrity(file));
    }

    @Test
    void aRunIsStoredWithItsSettingsEpisodesAndMeasurements() throws Exception {
        Path file = dir.resolve("sub/dir/runs.db");
        Hyperparameters hp = Hyperparameters.DEFAULTS.withSeed(7).withLearningRate(1e-3);
        EpisodeHistory h = new EpisodeHistory();
        GradientVarianceHistory g = new GradientVarianceHistory();
        try (RunLibrary lib = RunLibrary.open(file);
             LibraryWriter w = new LibraryWriter(lib, m -> { })) {
            LibraryWriter.Recording r = w.record(new NewRun("mine", "train", null, null, null,
                    hp, 150, 8, List.of("x", "y")), null, h, g, 195);
            for (int i = 1; i <= 3000; i++) {
                h.add(episode(i));
                if (i % 150 == 0) {
                    g.add(new GradientVariance(i, i, 3e6, 2e6, 1e5, 1e5, 8));
                }
            }
            r.end("finished", null);
            w.flush();
            long id = r.runId();
            StoredRun s = lib.reader().run(id);
            assertEquals("mine", s.name());
            assertEquals(hp, s.hyperparameters());
            assertEquals(3000, s.episodes());
            assertEquals(60_000L, s.totalSteps());
            assertEquals("finished", s.state());
            assertEquals(List.of("x", "y"), s.tags());
            assertEquals(150, s.gradVarianceEvery());
            LibraryReader.History back = lib.reader().history(id);
            assertEquals(3000, back.episodes().size());
            for (int i = 0; i < 3000; i++) {
                assertEquals(h.get(i), back.episodes().get(i));
            }
            assertEquals(20, back.gradientVariance().size());
            assertEquals(g.get(19), back.gradientVariance().get(19));
            assertNull(lib.reader().latestCheckpoint(id));
        }
        assertEquals("ok", integrity(file));
    }

    @Test
    void editsTagsTrashAndDelete() throws Exception {
        try (RunLibrary lib = RunLibrary.open(dir.resolve("runs.db"))) {
            long a = lib.createRun(NewRun.of("train", Hyperparameters.DEFAULTS, 0, 0));
            long b = lib.createRun(NewRun.of("app", Hyperparameters.DEFAULTS.withSeed(2), 0, 0));
            assertEquals("a2c v0 s1", lib.reader().run(a).name());
            lib.rename(a, "first");
            lib.setNotes(a, "a note");
            lib.setTags(a, List.of("baseline"));
            StoredRun s = lib.reader().run(a);
            assertEquals("first", s.name());
            assertEquals("a note", s.notes());
            assertEquals(List.of("baseline"), s.tags());
            lib.trash(List.of(b), true);
            assertEquals(List.of(a), lib.reader().runs().stream().map(StoredRun::id).toList());
            lib.trash(List.of(b), false);
            assertEquals(2, lib.reader().runs().size());
            lib.trash(List.of(b), true);
            assertEquals(1, lib.purgeTrash());
            assertEquals(1, lib.delete(List.of(a, 99L)));
            assertTrue(lib.reader().runs().isEmpty());
            LibraryException e = assertThrows(LibraryException.class, () -> lib.reader().run(a));
            assertTrue(e.getMessage().startsWith("no run " + a + " in "), e.getMessage());
        }
    }

    @Test
    void aRunLeftRunningByADeadProcessIsInterrupted() throws Exception {
        Path file = dir.resolve("runs.db");
        long id;
        try (RunLibrary lib = RunLibrary.open(file)) {
            id = lib.createRun(NewRun.of("train", Hyperparameters.DEFAULTS, 0, 0));
            assertEquals("running", lib.reader().run(id).state());
            // a pid no process has: the process that wrote it has ended
            execute(lib, "UPDATE runs SET pid = 2147483646 WHERE id = " + id);
        }
        try (RunLibrary lib = RunLibrary.open(file)) {
            assertEquals("interrupted", lib.reader().run(id).state());
        }
    }

    @Test
    void hostileFilesGetOneClearMessage() throws Exception {
        Path text = dir.resolve("notes.db");
        Files.writeString(text, "these are my notes, not a database\n".repeat(200));
        assertMessage(text, "is not a CartPole Lab run library (not an SQLite database)");

        Path newer = dir.resolve("newer.db");
        RunLibrary.open(newer).close();
        sql(newer, "PRAGMA user_version = 99");
        assertMessage(newer, "is a run library of a newer CartPole Lab (schema version 99; "
                + "this build reads up to 2)");

        Path missing = dir.resolve("missing.db");
        RunLibrary.open(missing).close();
        sql(missing, "DROP TABLE gradvar");
        assertMessage(missing, "is a damaged run library: table gradvar missing");

        Path other = dir.resolve("other.db");
        sql(other, "CREATE TABLE accounts (id INTEGER)");
        assertMessage(other, "is an SQLite database but not a CartPole Lab run library");

        Path truncated = dir.resolve("truncated.db");
        try (RunLibrary lib = RunLibrary.open(truncated);
             LibraryWriter w = new LibraryWriter(lib, m -> { })) {
            EpisodeHistory h = new EpisodeHistory();
            w.record(NewRun.of("train", Hyperparameters.DEFAULTS, 0, 0), null, h, null, 195);
            for (int i = 1; i <= 20_000; i++) {
                h.add(episode(i));
            }
            w.flush();
        }
        byte[] whole = Files.readAllBytes(truncated);
        Files.write(truncated, java.util.Arrays.copyOf(whole, whole.length / 3));
        LibraryException e = assertThrows(LibraryException.class, () -> {
            try (RunLibrary lib = RunLibrary.open(truncated)) {
                lib.reader().history(1);
            }
        });
        assertTrue(e.getMessage().contains(truncated.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("damaged"), e.getMessage());

        assertMessage(dir, "is a directory: give the library's file");
    }

    @Test
    void aFullDiskStopsRecordingOnceAndKeepsWhatWasStored() throws Exception {
        Path file = dir.resolve("runs.db");
        List<String> warnings = new CopyOnWriteArrayList<>();
        EpisodeHistory h = new EpisodeHistory();
        long id;
        int stored;
        try (RunLibrary lib = RunLibrary.open(file);
             LibraryWriter w = new LibraryWriter(lib, warnings::add)) {
            LibraryWriter.Recording r = w.record(NewRun.of("train", Hyperparameters.DEFAULTS, 0,
                    0), null, h, null, 195);
            for (int i = 1; i <= 1000; i++) {
                h.add(episode(i));
            }
            w.flush();
            id = r.runId();
            // the disk fills up: SQLite may not grow the file any more (SQLITE_FULL)
            long pages;
            try (Statement s = lib.connection.createStatement();
                 ResultSet q = s.executeQuery("PRAGMA page_count")) {
                q.next();
                pages = q.getLong(1);
            }
            execute(lib, "PRAGMA max_page_count = " + pages);
            for (int i = 1001; i <= 200_000; i++) {
                h.add(episode(i)); // training goes on, never waiting
            }
            w.flush();
            w.flush();
            stored = lib.reader().run(id).episodes();
        }
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).startsWith("cannot write to the run library " + file
                + ": the disk is full; free some space"), warnings.get(0));
        assertEquals(200_000, h.size());
        assertEquals("ok", integrity(file));
        try (RunLibrary lib = RunLibrary.open(file)) {
            LibraryReader.History back = lib.reader().history(id);
            assertTrue(stored >= 1000 && stored < 200_000, "stored " + stored);
            assertEquals(stored, back.episodes().size());
            for (int i = 0; i < stored; i++) {
                assertEquals(h.get(i), back.episodes().get(i));
            }
        }
    }

    @Test
    void aReadOnlyLibraryIsNamedOnceWithWhatToDo() throws Exception {
        Path file = dir.resolve("runs.db");
        List<String> warnings = new CopyOnWriteArrayList<>();
        EpisodeHistory h = new EpisodeHistory();
        try (RunLibrary lib = RunLibrary.open(file);
             LibraryWriter w = new LibraryWriter(lib, warnings::add)) {
            LibraryWriter.Recording r = w.record(NewRun.of("train", Hyperparameters.DEFAULTS, 0,
                    0), null, h, null, 195);
            w.flush();
            long id = r.runId();
            // the file turns read-only under the writer (chmod does not stop root: SQLite's
            // own switch gives the same SQLITE_READONLY error)
            execute(lib, "PRAGMA query_only = 1");
            for (int i = 1; i <= 10_000; i++) {
                h.add(episode(i));
            }
            w.flush();
            w.flush();
            assertEquals(1, warnings.size(), warnings.toString());
            assertTrue(warnings.get(0).startsWith("cannot write to the run library " + file
                    + ": it is read-only"), warnings.get(0));
            assertEquals(0, lib.reader().run(id).episodes());
        }
    }

    @Test
    void theDefaultLocationFollowsTheUsersDataDirectory() {
        assertEquals(Path.of("/home/u/.local/share/cartpole-lab/runs.db"), LibraryLocation
                .defaultPath(p -> p.equals("user.home") ? "/home/u" : p.equals("os.name")
                        ? "Linux" : null, e -> null));
        assertEquals(Path.of("/data/cartpole-lab/runs.db"), LibraryLocation.defaultPath(
                p -> p.equals("user.home") ? "/home/u" : p.equals("os.name") ? "Linux" : null,
                e -> e.equals("XDG_DATA_HOME") ? "/data" : null));
        assertEquals(Path.of("/home/u/Library/Application Support/cartpole-lab/runs.db"),
                LibraryLocation.defaultPath(p -> p.equals("user.home") ? "/home/u"
                        : p.equals("os.name") ? "Mac OS X" : null, e -> null));
        assertEquals(Path.of("/t/x.db"), LibraryLocation.defaultPath(
                p -> p.equals(LibraryLocation.PROPERTY) ? "/t/x.db" : null, e -> null));
        // the test suite's own library: never the user's
        assertTrue(LibraryLocation.defaultPath().toString().contains("target"),
                LibraryLocation.defaultPath().toString());
    }

    private static void assertMessage(Path file, String expected) {
        LibraryException e = assertThrows(LibraryException.class,
                () -> RunLibrary.open(file).close());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        assertNull(e.getMessage().contains("\n") ? "two lines" : null);
    }

    static void execute(RunLibrary lib, String sql) throws Exception {
        try (Statement s = lib.connection.createStatement()) {
            s.execute(sql);
        }
    }

    static void sql(Path file, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    static String integrity(Path file) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement s = c.createStatement();
             ResultSet r = s.executeQuery("PRAGMA integrity_check")) {
            r.next();
            return r.getString(1);
        }
    }
}
