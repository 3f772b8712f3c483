package cartpolelab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cartpolelab.agent.Hyperparameters;
import cartpolelab.metrics.EpisodeHistory;
import cartpolelab.train.Trainer;
import cartpolelab.train.TrainerState;
import cartpolelab.train.TrainerStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The view model's file work through {@link BackgroundWork}, with no FX thread at all: the I/O
 * and delivery executors are direct, so each operation's outcome is checked as soon as its
 * future completes. A real trainer supplies the snapshots and restores.
 */
class BackgroundWorkTest {

    private static final Hyperparameters SETTINGS = Hyperparameters.DEFAULTS.withHiddenSize(16);
    private static final long WAIT_MS = 120_000; // a bound for a loaded CI machine

    @TempDir
    Path dir;

    private final List<String> errors = new CopyOnWriteArrayList<>();
    private final AtomicInteger deliveries = new AtomicInteger();
    /** Same thread, counted: the app's {@code Platform::runLater} in miniature. */
    private final Executor deliver = task -> {
        deliveries.incrementAndGet();
        task.run();
    };
    private TrainingViewModel vm;

    private TrainingViewModel viewModel(java.util.function.Function<Hyperparameters,
            cartpolelab.train.TrainerPort> trainers) {
        vm = new TrainingViewModel(SETTINGS, trainers, Runnable::run, deliver);
        vm.setOnError((title, text) -> errors.add(title + ": " + text));
        return vm;
    }

    @AfterEach
    void close() {
        if (vm != null) {
            vm.close();
        }
    }

    private BackgroundWork.Outcome await(java.util.concurrent.CompletableFuture<
            BackgroundWork.Outcome> work) throws Exception {
        return work.get(WAIT_MS, TimeUnit.MILLISECONDS);
    }

    private void poll(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT_MS);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what + "; status "
                        + vm.statusProperty().get());
            }
            Thread.sleep(5);
        }
    }

    /** Steps one episode and waits (pulling, as the frame pump would) until it is done. */
    private void stepEpisode(int expected) throws InterruptedException {
        vm.stepEpisode();
        poll(expected + " episodes", () -> {
            vm.pull();
            TrainerStatus s = vm.statusProperty().get();
            return s.episodes() == expected && s.state() == TrainerState.PAUSED;
        });
    }

    @Test
    void checkpointAndCsvRoundTripWithOneDeliveryEach() throws Exception {
        viewModel(Trainer::new);
        stepEpisode(1);
        stepEpisode(2);

        Path checkpoint = dir.resolve("run.cplb");
        BackgroundWork.Outcome saved = await(vm.files().saveCheckpoint(checkpoint));
        assertTrue(saved.ok(), saved.message());
        assertEquals("Checkpoint saved to " + checkpoint, vm.messageProperty().get());
        assertTrue(Files.size(checkpoint) > 0);
        assertEquals(1, deliveries.get(), "one delivery per completed operation");
        assertFalse(vm.fileBusyProperty().get());

        Path csv = dir.resolve("metrics.csv");
        BackgroundWork.Outcome written = await(vm.files().exportCsv(csv));
        assertTrue(written.ok(), written.message());
        assertEquals("Metrics written to " + csv, vm.messageProperty().get());
        assertEquals(3, Files.readAllLines(csv).size(), "header and two episodes");
        assertEquals(2, deliveries.get());

        // Another run (seed 7, one episode), then the checkpoint: the run of seed 1 is back.
        vm.settingsProperty().set(SETTINGS.withSeed(7));
        assertTrue(vm.reset());
        stepEpisode(1);
        BackgroundWork.Outcome loaded = await(vm.files().loadCheckpoint(checkpoint));
        assertTrue(loaded.ok(), loaded.message());
        assertEquals("Checkpoint loaded from " + checkpoint, vm.messageProperty().get());
        assertEquals(SETTINGS, vm.loadedSettingsProperty().get(), "the form gets its settings");
        assertEquals(3, deliveries.get());
        poll("the loaded run", () -> {
            vm.pull();
            return vm.statusProperty().get().episodes() == 2;
        });
        assertEquals(2, vm.history().size());
        assertEquals(List.of(), errors);
    }

    @Test
    void aCheckpointSavedMidEpisodeSaysWhatItHolds() throws Exception {
        viewModel(Trainer::new);
        stepEpisode(1);
        vm.stepFrame();
        vm.stepFrame();
        poll("two steps into episode 2", () -> {
            vm.pull();
            return vm.frameProperty().get() != null && vm.frameProperty().get().step() == 2;
        });
        BackgroundWork.Outcome saved = await(vm.files().saveCheckpoint(dir.resolve("m.cplb")));
        assertTrue(saved.ok(), saved.message());
        assertTrue(saved.message().contains("2 steps into episode 2"), saved.message());
        assertEquals(saved.message(), vm.messageProperty().get());
    }

    @Test
    void aJunkCheckpointReachesTheErrorHandlerAndLeavesTheRunUntouched() throws Exception {
        viewModel(Trainer::new);
        stepEpisode(1);
        EpisodeHistory before = vm.history();
        double reward = before.reward(0);
        Path junk = dir.resolve("junk.cplb");
        Files.writeString(junk, "not a checkpoint");

        BackgroundWork.Outcome outcome = await(vm.files().loadCheckpoint(junk));
        assertFalse(outcome.ok());
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).startsWith("Could not load the checkpoint: "), errors.get(0));
        assertTrue(errors.get(0).contains("junk.cplb"), errors.get(0));
        assertTrue(vm.messageProperty().get().startsWith("Could not load the checkpoint"));
        assertNull(vm.loadedSettingsProperty().get(), "the form keeps its settings");
        assertFalse(vm.fileBusyProperty().get());
        assertEquals(1, deliveries.get());
        vm.pull();
        assertSame(before, vm.history(), "the run is untouched");
        assertEquals(1, vm.history().size());
        assertEquals(reward, vm.history().reward(0));
        stepEpisode(2); // and it goes on
    }

    @Test
    void unwritablePathsReachTheErrorHandler() throws Exception {
        viewModel(Trainer::new);
        stepEpisode(1);
        Path missing = dir.resolve("missing-folder");

        BackgroundWork.Outcome csv = await(vm.files().exportCsv(missing.resolve("m.csv")));
        assertFalse(csv.ok());
        assertTrue(errors.get(0).startsWith("Could not export the CSV: "), errors.get(0));
        assertTrue(errors.get(0).contains("missing-folder"), errors.get(0));

        BackgroundWork.Outcome ckpt = await(vm.files().saveCheckpoint(
                missing.resolve("run.cplb")));
        assertFalse(ckpt.ok());
        assertTrue(errors.get(1).startsWith("Could not save the checkpoint: "), errors.get(1));
        assertTrue(vm.messageProperty().get().startsWith("Could not save the checkpoint"));
        assertFalse(Files.exists(missing), "nothing was created");
        assertEquals(2, deliveries.get());
        assertFalse(vm.fileBusyProperty().get());
        vm.pull();
        assertEquals(1, vm.history().size(), "the run is untouched");
    }

    @Test
    void aTrainerThatCannotSnapshotOrRestoreIsReportedNotSwallowed() throws Exception {
        viewModel(ScriptedTrainer::new);
        BackgroundWork.Outcome save = await(vm.files().saveCheckpoint(dir.resolve("x.cplb")));
        assertFalse(save.ok());
        assertEquals("Could not save the checkpoint: scripted trainer takes no snapshot",
                errors.get(0));
        assertFalse(Files.exists(dir.resolve("x.cplb")));
        assertEquals("Could not save the checkpoint", save.failureTitle());
    }

    @Test
    void networksSavedForPyTorchOpenAsANewRunThatTrainsOn() throws Exception {
        List<Trainer> trainers = new CopyOnWriteArrayList<>();
        viewModel(hp -> {
            Trainer t = new Trainer(hp);
            trainers.add(t);
            return t;
        });
        stepEpisode(1);
        Path model = dir.resolve("model.safetensors");
        BackgroundWork.Outcome saved = await(vm.files().savePyTorch(model));
        assertTrue(saved.ok(), saved.message());
        assertEquals("PyTorch networks saved to " + model, vm.messageProperty().get());
        cartpolelab.agent.AgentState before = trainers.get(trainers.size() - 1).snapshot()
                .get(WAIT_MS, TimeUnit.MILLISECONDS).agent();

        // the notebook's model (hidden 32, written by torch): a new run with its networks
        Path torch = Path.of(getClass().getResource(
                "/cartpolelab/io/notebook-actor-critic.safetensors").toURI());
        BackgroundWork.Outcome opened = await(vm.files().openPyTorch(torch));
        assertTrue(opened.ok(), opened.message());
        assertEquals(32, vm.loadedSettingsProperty().get().hiddenSize());
        poll("the opened run", () -> {
            vm.pull();
            return vm.statusProperty().get().episodes() == 0;
        });
        cartpolelab.train.RunSnapshot now = trainers.get(trainers.size() - 1).snapshot()
                .get(WAIT_MS, TimeUnit.MILLISECONDS);
        double[] pi = new double[2];
        cartpolelab.agent.Agent.restore(now.hyperparameters(), now.agent())
                .probabilities(new double[4], pi);
        assertEquals(0.43554243445396423, pi[0], 1e-6, "π(left | 0) as torch computed it");
        stepEpisode(1); // it trains on

        // and ours back, float32: every parameter within float rounding
        assertTrue(await(vm.files().openPyTorch(model)).ok());
        cartpolelab.agent.AgentState back = trainers.get(trainers.size() - 1).snapshot()
                .get(WAIT_MS, TimeUnit.MILLISECONDS).agent();
        for (int i = 0; i < before.parameters().size(); i++) {
            double[] a = before.parameters().get(i).data;
            double[] b = back.parameters().get(i).data;
            for (int k = 0; k < a.length; k++) {
                assertEquals((float) a[k], (float) b[k], "parameter " + i + "[" + k + "]");
            }
        }

        Path junk = Files.writeString(dir.resolve("junk.safetensors"), "{}");
        BackgroundWork.Outcome bad = await(vm.files().openPyTorch(junk));
        assertFalse(bad.ok());
        assertTrue(errors.get(0).startsWith("Could not open the PyTorch networks: " + junk
                + " is not a safetensors file we can read: "), errors.get(0));
        assertEquals(1, errors.size(), errors.toString());
    }

    @Test
    void saveAsGifWritesTheEpisodeShownFrameByFrameAtX1OrEveryKthAtTheReplaySpeed()
            throws Exception {
        viewModel(Trainer::new);
        cartpolelab.train.TrainingRun run = new cartpolelab.train.TrainingRun(SETTINGS
                .withEpisodes(3).withSeed(4));
        run.record(10);
        run.train(false, null);
        cartpolelab.train.RecordedEpisode episode = run.recorder().latest();
        TestDialogs dialogs = new TestDialogs();
        FileActions files = new FileActions(vm, dialogs, () -> null, stacked -> null);
        dialogs.gif = dir.resolve("episode"); // the extension is added
        files.saveGif(episode, new ReplayBar.GifChoice(false, true, 0), 4, 300);
        Path gif = dir.resolve("episode.gif");
        poll("the GIF", () -> vm.messageProperty().get() != null
                && vm.messageProperty().get().startsWith("GIF saved to "));
        assertEquals(episode.steps() + 1, frames(gif, 300), "×1: every frame of the episode");

        dialogs.gif = dir.resolve("fast.gif");
        files.saveGif(episode, new ReplayBar.GifChoice(true, false, 480), 4, 300);
        poll("the second GIF", () -> vm.messageProperty().get().endsWith("fast.gif"));
        assertEquals(cartpolelab.io.EpisodeGif.keptFrames(episode.steps() + 1, 4).length,
                frames(dir.resolve("fast.gif"), 480), "×4: every 4th frame and the last");
        assertEquals(List.of(), errors);
    }

    /** Frames of a GIF, checking its width. */
    private static int frames(Path gif, int width) throws Exception {
        try (javax.imageio.stream.ImageInputStream in =
                     javax.imageio.ImageIO.createImageInputStream(gif.toFile())) {
            javax.imageio.ImageReader r = javax.imageio.ImageIO.getImageReaders(in).next();
            r.setInput(in);
            assertEquals(width, r.getWidth(0));
            int n = r.getNumImages(true);
            r.dispose();
            return n;
        }
    }
}
