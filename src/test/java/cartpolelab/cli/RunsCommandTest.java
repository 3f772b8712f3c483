package cartpolelab.cli;

import static cartpolelab.cli.CliTest.cli;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cartpolelab.library.LibraryReader;
import cartpolelab.library.RunLibrary;
import cartpolelab.library.StoredRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code compare} records an experiment; {@code runs list/show/export/rm/import}. */
class RunsCommandTest {

    @TempDir
    Path dir;

    @Test
    void aTwoThreadCompareRecordsAllThirtyRunsAsOneExperiment() throws Exception {
        Path lib = dir.resolve("runs.db");
        Path tidy = dir.resolve("runs.csv");
        CliTest.Run r = cli("compare", "--seeds", "10", "--episodes", "25", "--hidden", "16",
                "--threads", "2", "--csv", tidy.toString(), "--library", lib.toString(),
                "--quiet");
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("recorded   experiment 1 (30 runs) in " + lib), r.out());
        try (RunLibrary library = RunLibrary.open(lib)) {
            LibraryReader reader = library.reader();
            List<StoredRun> runs = reader.runsOf(1);
            assertEquals(30, runs.size());
            LibraryReader.Experiment e = reader.experiment(1);
            assertEquals(List.of("reinforce", "reinforce-baseline", "a2c"), e.algorithms());
            assertEquals(10, e.seeds().size());
            for (StoredRun s : runs) {
                assertEquals(25, s.episodes(), s.cell());
                assertEquals("finished", s.state());
                assertEquals(25, reader.history(s.id()).episodes().size());
            }
            // the library's episodes are the tidy CSV's
            Path again = dir.resolve("again.csv");
            List<String> args = new java.util.ArrayList<>(List.of("runs", "export", "--library",
                    lib.toString(), "--csv", again.toString()));
            runs.forEach(s -> args.add(Long.toString(s.id())));
            assertEquals(0, cli(args.toArray(String[]::new)).code());
            assertEquals(Files.readAllLines(tidy), Files.readAllLines(again));
        }
    }

    @Test
    void listShowExportImportAndRemove() throws Exception {
        String lib = dir.resolve("runs.db").toString();
        Path csv = dir.resolve("a.csv");
        Path cplb = dir.resolve("a.cplb");
        assertEquals(0, cli("train", "--episodes", "60", "--hidden", "16", "--library", lib,
                "--csv", csv.toString(), "--checkpoint", cplb.toString(), "--quiet").code());
        CliTest.Run list = cli("runs", "list", "--library", lib);
        assertEquals(0, list.code(), list.err());
        assertTrue(list.out().lines().anyMatch(l -> l.matches(
                " +1  a2c v0 s1 +a2c +v0 +1 +16 .* 60 .*finished.*")), list.out());
        assertTrue(list.out().endsWith("1 run\n"), list.out());
        CliTest.Run json = cli("runs", "list", "--json", "--library", lib);
        assertTrue(json.out().contains("\"id\": 1, \"name\": \"a2c v0 s1\""), json.out());
        assertTrue(json.out().contains("\"hidden\": 16"), json.out());
        CliTest.Run show = cli("runs", "show", "1", "--library", lib);
        assertTrue(show.out().contains("checkpoint   after episode 60"), show.out());

        Path csv2 = dir.resolve("b.csv");
        Path cplb2 = dir.resolve("b.cplb");
        Path png = dir.resolve("b.png");
        CliTest.Run export = cli("runs", "export", "1", "--library", lib, "--csv",
                csv2.toString(), "--checkpoint", cplb2.toString(), "--png", png.toString());
        assertEquals(0, export.code(), export.err());
        assertArrayEquals(Files.readAllBytes(csv), Files.readAllBytes(csv2));
        assertArrayEquals(Files.readAllBytes(cplb), Files.readAllBytes(cplb2));
        assertTrue(Files.size(png) > 1000);
        assertEquals(0, cli("eval", "--checkpoint", cplb2.toString(), "--episodes", "2").code());

        CliTest.Run imported = cli("runs", "import", cplb.toString(), csv.toString(),
                "--hidden", "16", "--library", lib);
        assertEquals(0, imported.code(), imported.err());
        try (RunLibrary library = RunLibrary.open(Path.of(lib))) {
            List<StoredRun> runs = library.reader().runs();
            assertEquals(3, runs.size());
            assertEquals(runs.get(0).hyperparameters(), runs.get(1).hyperparameters());
            for (StoredRun s : runs) {
                assertEquals(60, s.episodes());
                assertEquals(runs.get(0).finalMa50(), s.finalMa50());
            }
            assertArrayEquals(Files.readAllBytes(cplb), library.reader().checkpointFile(2));
        }
        CliTest.Run rm = cli("runs", "rm", "2", "99", "--library", lib);
        assertEquals(2, rm.code());
        assertTrue(rm.err().startsWith("error: no run 99 in "), rm.err());
        assertEquals(0, cli("runs", "rm", "2", "3", "--library", lib).code());
        assertTrue(cli("runs", "list", "--library", lib).out().endsWith("1 run\n"));
        CliTest.Run none = cli("runs", "export", "1", "--library", lib);
        assertEquals(2, none.code());
        assertTrue(none.err().startsWith("error: nothing to write"), none.err());
        assertFalse(cli("runs", "list", "--no-library").code() == 0);
    }
}
