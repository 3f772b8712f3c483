package cartpolelab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import cartpolelab.agent.Hyperparameters;
import cartpolelab.library.LibraryWriter;
import cartpolelab.library.RunLibrary;
import cartpolelab.metrics.EpisodeHistory;
import cartpolelab.metrics.GradientVarianceHistory;
import cartpolelab.train.EpisodeRecorder;
import cartpolelab.train.RunOutputs;
import cartpolelab.train.RunSnapshot;
import cartpolelab.train.TrainingRun;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The window's recorder sees a run once a frame. A fresh run that trained past the first
 * checkpoint before the first frame (a fast machine, a busy screen) is still recorded, with
 * that checkpoint; a restored run is recorded only once it trains on.
 */
class AppRecorderTest {

    @TempDir
    Path dir;

    private static final Hyperparameters HP = Hyperparameters.DEFAULTS.withHiddenSize(8)
            .withEpisodes(AppRecorder.CHECKPOINT_EVERY + 30);

    /** {@code run} as the window reads it. */
    private static RunOutputs outputs(TrainingRun run) {
        return new RunOutputs() {
            public EpisodeHistory history() {
                return run.history();
            }

            public EpisodeRecorder recorder() {
                return run.recorder();
            }

            public GradientVarianceHistory gradientVariance() {
                return run.gradientVariance();
            }

            public CompletableFuture<RunSnapshot> snapshot() {
                return CompletableFuture.completedFuture(run.snapshot());
            }
        };
    }

    private static void train(TrainingRun run, int episodes) {
        for (int i = 0; i < episodes; i++) {
            run.finishEpisode();
        }
    }

    @Test
    void aRunFirstSeenPastItsFirstCheckpointIsRecordedWithIt() throws Exception {
        TrainingRun run = new TrainingRun(HP);
        train(run, AppRecorder.CHECKPOINT_EVERY + 20); // all before the first frame
        try (RunLibrary lib = RunLibrary.open(dir.resolve("runs.db"));
             LibraryWriter w = new LibraryWriter(lib, m -> { })) {
            AppRecorder recorder = new AppRecorder(w, outputs(run), () -> HP);
            recorder.pull();
            w.flush();
            long id = recorder.recording().runId();
            assertEquals(AppRecorder.CHECKPOINT_EVERY + 20,
                    lib.reader().latestCheckpoint(id).episode());
        }
    }

    @Test
    void aRestoredRunIsRecordedOnlyOnceItTrainsOn() throws Exception {
        TrainingRun trained = new TrainingRun(HP);
        train(trained, 40);
        TrainingRun restored = TrainingRun.restore(trained.snapshot());
        assertEquals(40, restored.history().base());
        try (RunLibrary lib = RunLibrary.open(dir.resolve("runs.db"));
             LibraryWriter w = new LibraryWriter(lib, m -> { })) {
            AppRecorder recorder = new AppRecorder(w, outputs(restored), () -> HP);
            recorder.pull();
            assertNull(recorder.recording(), "nothing of its own yet");
            train(restored, 1);
            recorder.pull();
            w.flush();
            assertEquals(1, lib.reader().runs().size());
        }
    }
}
