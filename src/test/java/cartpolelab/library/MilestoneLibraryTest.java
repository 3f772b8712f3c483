package cartpolelab.library;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cartpolelab.agent.Hyperparameters;
import cartpolelab.train.EpisodeCodec;
import cartpolelab.train.RecordedEpisode;
import cartpolelab.train.TrainingRun;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run's milestone recordings go into the library with its episodes (written by the writer's
 * thread while the run trains) and come back as the recorder kept them; a damaged one is
 * refused with one line naming the run and the episode.
 */
class MilestoneLibraryTest {

    @TempDir
    Path dir;

    @Test
    void aRunsMilestonesAreStoredAndReadBackBitForBit() throws Exception {
        Path file = dir.resolve("runs.db");
        Hyperparameters hp = Hyperparameters.DEFAULTS.withHiddenSize(16).withEpisodes(200);
        TrainingRun run = new TrainingRun(hp);
        run.record(10); // few recent ones: what stays are the milestones
        try (RunLibrary lib = RunLibrary.open(file);
             LibraryWriter w = new LibraryWriter(lib, m -> { })) {
            LibraryWriter.Recording r = w.record(NewRun.of("app", hp, 0, 0), null,
                    run.history(), run.gradientVariance(), hp.version().solvedThreshold());
            r.keepMilestones(run.recorder());
            for (int e = 0; e < 200; e++) {
                run.finishEpisode();
            }
            r.end("finished", null);
            w.flush();
            List<RecordedEpisode> kept = List.copyOf(run.recorder().milestones().values());
            assertTrue(kept.size() > 3, "milestones: " + kept.size());
            assertEquals(1, kept.get(0).episode());
            List<RecordedEpisode> back = lib.reader().milestones(r.runId());
            assertEquals(kept.size(), back.size());
            for (int i = 0; i < kept.size(); i++) {
                assertEquals(kept.get(i).episode(), back.get(i).episode());
                assertArrayEquals(EpisodeCodec.encode(kept.get(i)),
                        EpisodeCodec.encode(back.get(i)));
            }
            assertEquals(List.of(), lib.reader().milestones(r.runId() + 1));

            // a damaged recording: one line naming the run, the episode and what to do
            int second = kept.get(1).episode();
            RunLibraryTest.execute(lib, "UPDATE milestones SET frames = substr(frames, 1, 40) "
                    + "WHERE episode = " + second);
            String m = assertThrows(LibraryException.class,
                    () -> lib.reader().milestones(r.runId())).getMessage();
            assertTrue(m.startsWith("run " + r.runId() + " of " + file), m);
            assertTrue(m.contains("recording of episode " + second + " is damaged"), m);
            assertTrue(m.contains("DELETE FROM milestones"), m);
            assertTrue(!m.contains("\n"), m);
        }
        assertEquals("ok", RunLibraryTest.integrity(file));
    }
}
