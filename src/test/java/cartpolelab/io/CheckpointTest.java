package cartpolelab.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cartpolelab.agent.AgentState;
import cartpolelab.agent.Hyperparameters;
import cartpolelab.metrics.EpisodeHistory;
import cartpolelab.metrics.EpisodeStats;
import cartpolelab.train.RunSnapshot;
import cartpolelab.train.TrainingRun;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointTest {

    private static final Hyperparameters HP = Hyperparameters.DEFAULTS.withHiddenSize(16)
            .withSeed(11);

    @TempDir
    Path dir;
    private RunSnapshot saved;
    private EpisodeHistory history;
    private Path file;
    private byte[] good;

    @BeforeEach
    void trainALittleAndSave() throws IOException {
        TrainingRun run = new TrainingRun(HP);
        for (int e = 1; e <= 12; e++) {
            run.finishEpisode();
        }
        history = run.history();
        saved = run.snapshot();
        file = dir.resolve("run.cplb");
        Checkpoint.write(file, saved);
        good = Files.readAllBytes(file);
    }

    @Test
    void aRoundTripRestoresEverythingBitForBit() throws IOException {
        RunSnapshot c = Checkpoint.read(file);
        assertEquals(HP, c.hyperparameters());
        assertEquals(12, c.episodes());
        assertEquals(saved.totalSteps(), c.totalSteps());
        assertEquals(saved.randomDraws(), c.randomDraws());
        AgentState want = saved.agent();
        AgentState got = c.agent();
        assertEquals(8, got.parameters().size());
        for (int i = 0; i < want.parameters().size(); i++) {
            assertArrayEquals(data(want.parameters().get(i)), data(got.parameters().get(i)));
            assertArrayEquals(data(want.firstMoments().get(i)), data(got.firstMoments().get(i)));
            assertArrayEquals(data(want.secondMoments().get(i)),
                    data(got.secondMoments().get(i)));
        }
        assertTrue(want.adamStep() > 0);
        assertEquals(want.adamStep(), got.adamStep());
        for (int i = 0; i < 12; i++) {
            assertEquals(history.get(i), c.history().get(i));
        }
    }

    private static double[] data(DMatrixRMaj m) {
        return Arrays.copyOf(m.data, m.getNumElements());
    }

    @Test
    void everyTruncationIsRejected() throws IOException {
        for (int len : new int[] {0, 3, 4, 8, 20, good.length / 2, good.length - 9,
                good.length - 1}) {
            Files.write(file, Arrays.copyOf(good, len));
            CheckpointException e = assertThrows(CheckpointException.class,
                    () -> Checkpoint.read(file), "length " + len);
            assertTrue(e.getMessage().contains("run.cplb"), e.getMessage());
        }
    }

    @Test
    void aFlippedByteFailsTheChecksum() throws IOException {
        byte[] bad = good.clone();
        bad[bad.length / 2] ^= 0x10;
        Files.write(file, bad);
        CheckpointException e = assertThrows(CheckpointException.class,
                () -> Checkpoint.read(file));
        assertTrue(e.getMessage().contains("checksum mismatch"), e.getMessage());
    }

    @Test
    void aForeignFileHasBadMagic() throws IOException {
        Files.writeString(file, "episode,reward\n1,20\n");
        CheckpointException e = assertThrows(CheckpointException.class,
                () -> Checkpoint.read(file));
        assertTrue(e.getMessage().contains("not a CartPole Lab checkpoint"), e.getMessage());
    }

    @Test
    void anotherFormatVersionIsNamed() throws IOException {
        byte[] bad = good.clone();
        ByteBuffer.wrap(bad).putInt(4, 7);
        CRC32 crc = new CRC32();
        crc.update(bad, 0, bad.length - 8);
        ByteBuffer.wrap(bad).putLong(bad.length - 8, crc.getValue());
        Files.write(file, bad);
        CheckpointException e = assertThrows(CheckpointException.class,
                () -> Checkpoint.read(file));
        assertTrue(e.getMessage().contains("format version 7")
                && e.getMessage().contains("reads versions 1 to " + Checkpoint.FORMAT_VERSION), e.getMessage());
    }

    @Test
    void missingFilesAndDirectoriesAreNamed() {
        CheckpointException e = assertThrows(CheckpointException.class,
                () -> Checkpoint.read(dir.resolve("nope.cplb")));
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
        e = assertThrows(CheckpointException.class, () -> Checkpoint.read(dir));
        assertTrue(e.getMessage().contains("directory"), e.getMessage());
    }

    @Test
    void aFailedWriteLeavesTheOldFileIntact() throws IOException {
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.write(file, out -> {
            out.write(new byte[] {1, 2, 3});
            throw new IOException("disk full");
        }));
        // one line naming the file and the reason (issue 23)
        assertTrue(e.getMessage().startsWith("cannot write " + file.toAbsolutePath()
                + ": disk full; the previous file there is unchanged"), e.getMessage());
        assertArrayEquals(good, Files.readAllBytes(file), "the old checkpoint is untouched");
        assertEquals(1, Files.list(dir).count(), "no temporary file left behind");
        Checkpoint.read(file);
    }

    @Test
    void anUnwritablePlaceIsNamedBeforeAnythingIsWritten() {
        Path missing = dir.resolve("no/such/dir/run.cplb");
        IOException e = assertThrows(IOException.class,
                () -> Checkpoint.write(missing, saved));
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
        e = assertThrows(IOException.class, () -> AtomicFiles.write(dir, out -> { }));
        assertTrue(e.getMessage().contains("is a directory"), e.getMessage());
    }

    @Test
    void metricsCsvHasTheHeaderAndARowPerEpisode() throws IOException {
        Path csv = dir.resolve("m.csv");
        MetricsCsv.write(csv, history);
        var lines = Files.readAllLines(csv);
        assertEquals("episode,episode/reward,episode/length,episode/reward_ma50,loss/actor,"
                + "loss/critic,policy/entropy,perf/total_steps,perf/wall_seconds,"
                + "perf/steps_per_sec,gradvar/reinforce,gradvar/baseline,gradvar/td,"
                + "gradvar/learner,ppo/approx_kl,ppo/clip_fraction", lines.get(0));
        assertEquals(13, lines.size());
        String[] first = lines.get(1).split(",");
        assertEquals("1", first[0]);
        assertEquals(history.reward(0), Double.parseDouble(first[1]));
    }

    @Test
    void gaeLambdaRoundTripsThroughTheNamedSettings() throws IOException {
        Hyperparameters hp = HP.withGaeLambda(0.3);
        TrainingRun run = new TrainingRun(hp);
        run.finishEpisode();
        Checkpoint.write(file, run.snapshot());
        assertEquals(0.3, Checkpoint.read(file).hyperparameters().gaeLambda());
    }

    /** Written by the build before issue 13's changes (src/test/resources/checkpoints). */
    @Test
    void versionOneFilesOfTheEarlierBuildStillLoadAndContinueExactly() throws Exception {
        // format 1 predates GAE: its A2C learned from G_t − V(s_t), which loads as λ = 1
        Hyperparameters hp = Hyperparameters.MONTE_CARLO_DEFAULTS.withHiddenSize(8).withSeed(3)
                .withEpisodes(50);
        TrainingRun whole = new TrainingRun(hp);
        whole.train(false, null);
        for (String name : new String[] {"v1-between-episodes.cplb", "v1-mid-episode.cplb"}) {
            Path v1 = Path.of(getClass().getResource("/checkpoints/" + name).toURI());
            RunSnapshot s = Checkpoint.read(v1);
            assertEquals(hp, s.hyperparameters());
            assertEquals(5, s.episodes());
            assertEquals(name.contains("mid") ? 7 : 0, s.replayedSteps(), name);
            TrainingRun continued = TrainingRun.restore(s);
            continued.train(false, null);
            assertArrayEquals(whole.history().rewards(), continued.history().rewards(), name);
            for (int i = 0; i < 50; i++) {
                assertEquals(whole.history().get(i).actorLoss(),
                        continued.history().get(i).actorLoss(), name + " episode " + (i + 1));
            }
        }
    }

    @Test
    void ppoMeasuresAreKeptInFormat4AndFormat3FilesLoadWithout() throws Exception {
        TrainingRun run = new TrainingRun(Hyperparameters.MONTE_CARLO_DEFAULTS
                .withAlgorithm(cartpolelab.agent.Algorithm.PPO).toBuilder().hiddenSize(8)
                .nSteps(32).minibatch(16).epochs(2).episodes(20).build());
        run.train(false, null);
        EpisodeHistory h = run.history();
        assertTrue(java.util.stream.IntStream.range(0, h.size()).anyMatch(i -> h.get(i).hasPpo()),
                "some episodes hold a PPO update");
        Path four = file.resolveSibling("ppo.cplb");
        Checkpoint.write(four, run.snapshot());
        assertEquals(4, ByteBuffer.wrap(Files.readAllBytes(four)).getInt(4));
        RunSnapshot back = Checkpoint.read(four);
        for (int i = 0; i < h.size(); i++) {
            assertEquals(h.get(i), back.history().get(i), "episode " + (i + 1));
        }
        // the library's headless bytes of an earlier build are format 3: joined, they stay
        // format 3 and load with no PPO measures
        byte[] headless = Checkpoint.bytesWithoutHistory(run.snapshot());
        ByteBuffer.wrap(headless).putInt(4, 3);
        Path three = file.resolveSibling("ppo3.cplb");
        Files.write(three, Checkpoint.joinHistory(headless, h));
        RunSnapshot old = Checkpoint.read(three);
        for (int i = 0; i < h.size(); i++) {
            EpisodeStats s = h.get(i);
            assertEquals(s.withPpo(Double.NaN, Double.NaN), old.history().get(i));
        }
    }

    @Test
    void gradientVarianceMeasurementsAreKeptInFormat3()
            throws Exception {
        cartpolelab.train.TrainingRun run = new cartpolelab.train.TrainingRun(
                cartpolelab.agent.Hyperparameters.DEFAULTS.withHiddenSize(8).withEpisodes(25));
        run.measureGradientVariance(new cartpolelab.agent.GradientVarianceProbe.Settings(10, 2));
        run.train(false, null);
        cartpolelab.metrics.GradientVarianceHistory g = run.gradientVariance();
        assertTrue(g.size() >= 2, "measured");
        Path v2 = file.resolveSibling("measured.cplb");
        Checkpoint.write(v2, run.snapshot());
        assertEquals(Checkpoint.FORMAT_VERSION, ByteBuffer.wrap(Files.readAllBytes(v2)).getInt(4));
        RunSnapshot back = Checkpoint.read(v2);
        assertEquals(g.size(), back.gradientVariance().size());
        for (int i = 0; i < g.size(); i++) {
            assertEquals(g.get(i), back.gradientVariance().get(i));
        }
        // a loaded run shows them (and goes on measuring after them)
        cartpolelab.train.TrainingRun restored = cartpolelab.train.TrainingRun.restore(back);
        assertEquals(g.size(), restored.gradientVariance().size());
        assertEquals(g.episode(g.size() - 1),
                restored.gradientVariance().episode(g.size() - 1));

        assertEquals(0, run.snapshot().gradientVariance().size() - g.size(), "all kept");

        // a corrupt measurement behind a recomputed checksum is refused, naming it
        byte[] bad = Files.readAllBytes(v2);
        ByteBuffer.wrap(bad).putInt(bad.length - 8 - 48, 999); // the last one's episode
        CRC32 crc = new CRC32();
        crc.update(bad, 0, bad.length - 8);
        ByteBuffer.wrap(bad).putLong(bad.length - 8, crc.getValue());
        Files.write(v2, bad);
        CheckpointException e = assertThrows(CheckpointException.class,
                () -> Checkpoint.read(v2));
        assertTrue(e.getMessage().contains("gradient-variance measurement"), e.getMessage());
    }

    @Test
    void everyNewSettingRoundTripsThroughTheNamedSettings() throws IOException {
        Hyperparameters hp = HP.toBuilder().hiddenSize(6).hiddenLayers(2)
                .activation(cartpolelab.nn.Activation.TANH)
                .initialisation(cartpolelab.nn.Initialisation.ORTHOGONAL)
                .optimiser(cartpolelab.nn.Optimiser.Kind.RMSPROP).optimiserEpsilon(1e-5)
                .rmspropAlpha(0.95).maxGradNorm(0.5).valueCoefficient(0.25)
                .normaliseAdvantage(true)
                .learningRateSchedule(cartpolelab.agent.Schedule.LINEAR).scheduleSteps(12_345)
                .build();
        TrainingRun run = new TrainingRun(hp);
        run.finishEpisode();
        run.finishEpisode();
        RunSnapshot saved = run.snapshot();
        Checkpoint.write(file, saved);
        RunSnapshot read = Checkpoint.read(file);
        assertEquals(hp, read.hyperparameters());
        assertEquals(12, read.agent().parameters().size(), "two hidden layers: 6 per network");
        for (int i = 0; i < 12; i++) {
            assertArrayEquals(data(saved.agent().parameters().get(i)),
                    data(read.agent().parameters().get(i)));
            assertArrayEquals(data(saved.agent().secondMoments().get(i)),
                    data(read.agent().secondMoments().get(i)));
        }
        // and it continues as the uninterrupted run does
        TrainingRun whole = new TrainingRun(hp);
        for (int e = 0; e < 6; e++) {
            whole.finishEpisode();
        }
        TrainingRun continued = TrainingRun.restore(read);
        for (int e = 0; e < 4; e++) {
            continued.finishEpisode();
        }
        assertArrayEquals(whole.history().rewards(), continued.history().rewards());
    }

    /**
     * Written by the build of the GAE commit (format 2 with gaeLambda as its only named
     * setting; hidden 8, seed 3, n-steps 5, λ 0.9, 5 episodes of 50): loads with today's
     * meaning of every later setting and continues exactly.
     */
    @Test
    void aFormatTwoFileWithoutTheNewSettingsLoadsWithTodaysMeaning() throws Exception {
        Hyperparameters hp = Hyperparameters.DEFAULTS.withHiddenSize(8).withSeed(3)
                .withEpisodes(50).withGaeLambda(0.9).withNSteps(5);
        Path old = Path.of(getClass().getResource("/checkpoints/v2-gae-lambda-only.cplb")
                .toURI());
        RunSnapshot s = Checkpoint.read(old);
        assertEquals(hp, s.hyperparameters());
        TrainingRun whole = new TrainingRun(hp);
        whole.train(false, null);
        TrainingRun continued = TrainingRun.restore(s);
        continued.train(false, null);
        assertArrayEquals(whole.history().rewards(), continued.history().rewards());
    }
}
