package cartpolelab.cli;

import static cartpolelab.cli.CliTest.cli;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cartpolelab.agent.Hyperparameters;
import cartpolelab.io.Checkpoint;
import cartpolelab.library.LibraryReader;
import cartpolelab.library.RunLibrary;
import cartpolelab.library.StoredRun;
import cartpolelab.io.MetricsCsv;
import cartpolelab.train.EpisodeCodec;
import cartpolelab.train.EpisodeRecorder;
import cartpolelab.train.RecordedEpisode;
import cartpolelab.train.TrainingRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code train} records its run in the library; {@code --library} and {@code --no-library}. */
class TrainLibraryTest {

    @TempDir
    Path dir;

    @Test
    void trainRecordsItsSettingsEveryEpisodeAndItsCheckpoints() throws Exception {
        Path lib = dir.resolve("runs.db");
        Path csv = dir.resolve("run.csv");
        Path cplb = dir.resolve("run.cplb");
        CliTest.Run r = cli("train", "--episodes", "120", "--seed", "4", "--lr", "1e-3",
                "--hidden", "32", "--grad-variance-every", "20", "--grad-variance-episodes", "3",
                "--checkpoint-every", "50", "--csv", csv.toString(), "--checkpoint",
                cplb.toString(), "--library", lib.toString(), "--quiet");
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("recorded   run 1 in " + lib), r.out());
        try (RunLibrary library = RunLibrary.open(lib)) {
            StoredRun s = library.reader().run(1);
            assertEquals(Hyperparameters.DEFAULTS.withSeed(4).withLearningRate(1e-3)
                    .withHiddenSize(32).withEpisodes(120), s.hyperparameters());
            assertEquals("train", s.source());
            assertEquals("finished", s.state());
            assertEquals(120, s.episodes());
            assertEquals(20, s.gradVarianceEvery());
            assertEquals(3, s.gradVarianceEpisodes());
            LibraryReader.History h = library.reader().history(1);
            // every CSV column, gradient variance included, is in the library
            List<String> rows = Files.readAllLines(csv);
            for (int i = 0; i < 120; i++) {
                int m = h.gradientVariance().indexOfEpisode(i + 1);
                assertEquals(rows.get(i + 1), MetricsCsv.row(h.episodes().get(i),
                        m < 0 ? null : h.gradientVariance().get(m)));
            }
            assertEquals(6, h.gradientVariance().size());
            // the final checkpoint, joined with the stored episodes, is the --checkpoint file
            byte[] joined = Checkpoint.joinHistory(library.reader().latestCheckpoint(1).data(),
                    h.episodes(), h.gradientVariance());
            assertArrayEquals(joined, library.reader().checkpointFile(1));
            assertArrayEquals(Files.readAllBytes(cplb), joined);
        }
    }

    @Test
    void trainKeepsTheMilestonesTheAppsRecorderKeepsForTheSameRun() throws Exception {
        Path lib = dir.resolve("runs.db");
        CliTest.Run r = cli("train", "--episodes", "300", "--seed", "2", "--hidden", "32",
                "--library", lib.toString(), "--quiet");
        assertEquals(0, r.code(), r.out() + r.err());
        // the same run as the app trains it: its recorder keeps the first episode, each new
        // best and the solving window's first
        Hyperparameters hp = Hyperparameters.DEFAULTS.withSeed(2).withHiddenSize(32)
                .withEpisodes(300);
        TrainingRun app = new TrainingRun(hp);
        app.record(EpisodeRecorder.DEFAULT_KEEP);
        app.train(false, s -> { });
        List<RecordedEpisode> kept = List.copyOf(app.recorder().milestones().values());
        assertTrue(kept.size() >= 3, "milestones: " + kept.size());
        try (RunLibrary library = RunLibrary.open(lib)) {
            List<RecordedEpisode> stored = library.reader().milestones(1);
            assertEquals(kept.stream().map(RecordedEpisode::episode).toList(),
                    stored.stream().map(RecordedEpisode::episode).toList());
            for (int i = 0; i < kept.size(); i++) {
                assertArrayEquals(EpisodeCodec.encode(kept.get(i)),
                        EpisodeCodec.encode(stored.get(i)));
            }
        }
    }

    @Test
    void compareKeepsEachRunsMilestonesToo() throws Exception {
        Path lib = dir.resolve("grid.db");
        CliTest.Run r = cli("compare", "--algorithms", "a2c,reinforce-baseline", "--seeds", "2",
                "--episodes", "150", "--hidden", "32", "--threads", "2", "--library",
                lib.toString(), "--quiet");
        assertEquals(0, r.code(), r.out() + r.err());
        try (RunLibrary library = RunLibrary.open(lib)) {
            List<StoredRun> runs = library.reader().runs();
            assertEquals(4, runs.size());
            for (StoredRun s : runs) {
                assertEquals(milestones(s.hyperparameters()),
                        library.reader().milestones(s.id()).stream()
                                .map(e -> List.of(e.episode(), e.steps())).toList(), s.name());
            }
        }
    }

    /** The milestones (episode, steps) the app's recorder keeps for a run of {@code hp}. */
    private static List<List<Integer>> milestones(Hyperparameters hp) {
        TrainingRun app = new TrainingRun(hp);
        app.record(EpisodeRecorder.DEFAULT_KEEP);
        app.train(false, s -> { });
        List<List<Integer>> kept = app.recorder().milestones().values().stream()
                .map(e -> List.of(e.episode(), e.steps())).toList();
        assertTrue(kept.size() >= 2, kept.toString());
        return kept;
    }

    @Test
    void noLibraryRecordsNothingAndBothFlagsContradict() {
        Path lib = dir.resolve("none.db");
        CliTest.Run r = cli("train", "--episodes", "5", "--no-library", "--quiet");
        assertEquals(0, r.code(), r.err());
        assertFalse(r.out().contains("recorded"), r.out());
        r = cli("train", "--episodes", "5", "--no-library", "--library", lib.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("error: --library and --no-library contradict"), r.err());
        assertFalse(Files.exists(lib));
    }

    @Test
    void aFileThatIsNoLibraryIsRefusedBeforeTraining() throws Exception {
        Path notes = dir.resolve("notes.db");
        Files.writeString(notes, "my notes\n".repeat(300));
        CliTest.Run r = cli("train", "--episodes", "5", "--library", notes.toString());
        assertEquals(2, r.code(), r.out() + r.err());
        assertTrue(r.err().startsWith("error: " + notes + " is not a CartPole Lab run library"),
                r.err());
        assertFalse(r.out().contains("training"), r.out());
        assertEquals("my notes\n".repeat(300), Files.readString(notes));
    }

    @Test
    void aLibraryThatCannotBeCreatedIsSaidOnceAndTheRunGoesOn() throws Exception {
        Path file = dir.resolve("a-file");
        Files.writeString(file, "x");
        Path lib = file.resolve("runs.db"); // its directory is a file: cannot be created
        CliTest.Run r = cli("train", "--episodes", "30", "--library", lib.toString(),
                "--quiet");
        assertEquals(0, r.code(), r.out() + r.err());
        assertEquals(1, r.err().lines().filter(l -> l.startsWith("warning: ")).count(),
                r.err());
        assertTrue(r.err().contains("cannot create the run library's directory"), r.err());
        assertTrue(r.out().contains("episodes     30"), r.out());
    }
}
