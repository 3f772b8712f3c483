package cartpolelab.cli;

import static cartpolelab.cli.CliTest.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cartpolelab.library.RunLibrary;
import cartpolelab.library.StoredRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --library} and {@code --no-library} on eval, bench and merge, as on the others. */
class LibraryFlagsTest {

    @TempDir
    Path dir;

    private String p(String name) {
        return dir.resolve(name).toString();
    }

    @Test
    void evalRunsAStoredRunsLastCheckpoint() {
        assertEquals(0, cli("train", "--episodes", "30", "--hidden", "16", "--library",
                p("lib.db"), "--quiet").code());
        CliTest.Run ok = cli("eval", "--run", "1", "--library", p("lib.db"), "--episodes", "5");
        assertEquals(0, ok.code(), ok.err());
        assertTrue(ok.out().contains("5 episodes"), ok.out());

        CliTest.Run neither = cli("eval", "--library", p("lib.db"));
        assertTrue(neither.err().contains("give --checkpoint FILE or --run ID"), neither.err());
        CliTest.Run off = cli("eval", "--run", "1", "--no-library");
        assertTrue(off.err().contains("drop --no-library"), off.err());
        CliTest.Run missing = cli("eval", "--run", "9", "--library", p("lib.db"));
        assertTrue(missing.err().contains("run 9 of"), missing.err());
        CliTest.Run both = cli("eval", "--checkpoint", p("x.cplb"), "--library", p("lib.db"),
                "--no-library");
        assertTrue(both.err().contains("contradict"), both.err());
    }

    @Test
    void benchOutputsRecordsWhereToldOrNotAtAll() throws Exception {
        CliTest.Run off = cli("bench", "--outputs", "--outputs-episodes", "2000",
                "--no-library");
        assertEquals(0, off.code(), off.err());
        assertTrue(off.out().startsWith("--csv "), off.out());
        assertTrue(off.out().contains("unrecorded"), off.out());

        CliTest.Run on = cli("bench", "--outputs", "--outputs-episodes", "2000", "--library",
                p("bench.db"));
        assertEquals(0, on.code(), on.err());
        assertTrue(on.out().startsWith("library and --csv"), on.out());
        try (RunLibrary lib = RunLibrary.open(dir.resolve("bench.db"))) {
            List<StoredRun> runs = lib.reader().runs();
            assertEquals(1, runs.size());
            assertEquals(2000, runs.get(0).episodes());
        }
    }

    @Test
    void mergeRecordsTheMergedExperimentInTheLibraryGiven() throws Exception {
        for (int k = 1; k <= 2; k++) {
            assertEquals(0, cli("compare", "--algorithms", "a2c,reinforce", "--seeds", "2",
                    "--episodes", "20", "--hidden", "16", "--threads", "1", "--shard", k + "/2",
                    "--library", p("shard" + k + ".db"), "--csv", p("shard" + k + ".csv"),
                    "--quiet").code());
        }
        CliTest.Run merged = cli("merge", "--library", p("merged.db"), p("shard1.db"),
                p("shard2.db"));
        assertEquals(0, merged.code(), merged.err());
        assertTrue(merged.out().contains("recorded   merged experiment (4 runs)"), merged.out());
        try (RunLibrary lib = RunLibrary.open(dir.resolve("merged.db"))) {
            List<StoredRun> runs = lib.reader().runs();
            assertEquals(4, runs.size());
            assertEquals(1, runs.stream().map(StoredRun::experimentId).distinct().count());
            assertTrue(runs.stream().allMatch(r -> r.episodes() == 20
                    && r.state().equals("finished")), runs.toString());
        }
        CliTest.Run csv = cli("merge", "--library", p("m2.db"), p("shard1.csv"),
                p("shard2.csv"));
        assertTrue(csv.err().contains("tidy CSVs do not hold"), csv.err());
        assertTrue(!Files.exists(dir.resolve("m2.db")), "nothing recorded");
        CliTest.Run none = cli("merge", "--no-library", p("shard1.db"), p("shard2.db"));
        assertTrue(none.err().contains("nothing to write"), none.err());
    }
}
