package cartpolelab.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 at random moments while a child JVM trains into the library (1-step episodes, the
 * hardest case for the writer): after each kill the file passes {@code PRAGMA
 * integrity_check}, each run's stored episodes are exactly 1..n with {@code runs.episodes = n},
 * and n is at most one transaction behind what the child had reported trained.
 */
class KillTest {

    private static final int KILLS = 4;

    @TempDir
    Path dir;

    @Test
    void killingTheProcessAtAnyMomentLeavesAnIntactLibraryLosingAtMostOneBatch()
            throws Exception {
        Path file = dir.resolve("runs.db");
        Random random = new Random(20);
        List<String> report = new ArrayList<>();
        for (int k = 0; k < KILLS; k++) {
            ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"),
                    "bin", "java").toString(), "-cp", System.getProperty("java.class.path"),
                    KillChild.class.getName(), file.toString());
            pb.redirectError(ProcessBuilder.Redirect.DISCARD);
            Process child = pb.start();
            AtomicLong reported = new AtomicLong();
            Thread reader = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(
                        child.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line; (line = in.readLine()) != null; ) {
                        reported.set(Long.parseLong(line.strip()));
                    }
                } catch (Exception e) {
                    // the child was killed
                }
            });
            reader.start();
            // the first kill lands while the library and the run are being created, the
            // others at a random moment of training (after the child's first report)
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (System.nanoTime() < deadline && (k == 0 ? !Files.exists(file)
                    : reported.get() == 0)) {
                Thread.sleep(5);
            }
            long wait = k == 0 ? random.nextInt(60) : random.nextInt(1500);
            Thread.sleep(wait);
            long before = reported.get();
            child.destroyForcibly(); // SIGKILL
            assertTrue(child.waitFor(60, TimeUnit.SECONDS));
            reader.join(5000);
            if (!Files.exists(file)) {
                report.add("kill " + k + " before the library existed");
                continue;
            }
            assertEquals("ok", RunLibraryTest.integrity(file), "after kill " + k);
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                 Statement s = c.createStatement()) {
                long runs = 0;
                long lastStored = -1;
                try (ResultSet t = s.executeQuery("SELECT count(*) FROM sqlite_master WHERE "
                        + "name = 'runs'")) {
                    t.next();
                    if (t.getInt(1) == 0) {
                        report.add("kill " + k + " before the schema was committed");
                        continue;
                    }
                }
                try (ResultSet r = s.executeQuery("SELECT r.id, r.episodes, count(e.episode), "
                        + "coalesce(min(e.episode), 1), coalesce(max(e.episode), 0) FROM runs r "
                        + "LEFT JOIN episodes e ON e.run_id = r.id GROUP BY r.id ORDER BY r.id")) {
                    while (r.next()) {
                        runs++;
                        long n = r.getLong(2);
                        assertEquals(n, r.getLong(3), "rows of run " + r.getLong(1));
                        assertEquals(1, r.getLong(4));
                        assertEquals(n, r.getLong(5));
                        lastStored = n;
                    }
                }
                // the newest run is the killed child's (if it got as far as creating one)
                report.add("kill " + k + " after " + wait + " ms: reported " + before
                        + ", stored " + lastStored);
                assertTrue(before - lastStored <= LibraryWriter.MAX_TRANSACTION_EPISODES,
                        "lost " + (before - lastStored) + " episodes at kill " + k);
                assertTrue(runs <= k + 1);
            }
        }
        try (RunLibrary lib = RunLibrary.open(file)) {
            assertTrue(lib.reader().runs().stream().allMatch(r -> r.state().equals(
                    "interrupted")));
        }
        System.out.println("KillTest: " + report);
    }
}
