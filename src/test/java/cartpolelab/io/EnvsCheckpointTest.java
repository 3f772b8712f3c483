package cartpolelab.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cartpolelab.agent.Hyperparameters;
import cartpolelab.train.RunSnapshot;
import cartpolelab.train.TrainingRun;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The number of environments is a named setting of the checkpoint; older files load as 1. */
class EnvsCheckpointTest {

    @Test
    void envsRoundTripsAndTheLoadedRunIsTheSnapshotsRun(@TempDir Path dir) throws IOException {
        Hyperparameters hp = Hyperparameters.DEFAULTS.withHiddenSize(8).withEnvs(3)
                .withEpisodes(40).withSeed(4);
        TrainingRun run = new TrainingRun(hp);
        for (int i = 0; i < 12; i++) {
            run.finishEpisode();
        }
        RunSnapshot saved = run.snapshot();
        Path file = dir.resolve("three.cplb");
        Checkpoint.write(file, saved);
        RunSnapshot read = Checkpoint.read(file);
        assertEquals(hp, read.hyperparameters());
        assertEquals(3, read.hyperparameters().envs());
        TrainingRun fromFile = TrainingRun.restore(read);
        TrainingRun fromMemory = TrainingRun.restore(saved);
        fromFile.train(false, null);
        fromMemory.train(false, null);
        assertArrayEquals(fromMemory.history().rewards(), fromFile.history().rewards());
    }

    @Test
    void aFileWithoutTheSettingLoadsAsOneEnvironment() throws Exception {
        Path old = Path.of(getClass().getResource("/checkpoints/v2-gae-lambda-only.cplb")
                .toURI());
        assertEquals(1, Checkpoint.read(old).hyperparameters().envs());
    }
}
