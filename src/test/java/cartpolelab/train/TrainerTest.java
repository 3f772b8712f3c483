package cartpolelab.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cartpolelab.agent.AgentState;
import cartpolelab.agent.Hyperparameters;
import cartpolelab.metrics.EpisodeHistory;
import cartpolelab.metrics.EpisodeStats;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Each command under a trainer running at maximum speed, with bounded waits (never timing
 * assertions): a command must take effect within {@link #WAIT_MS}, however busy the machine.
 */
class TrainerTest {

    private static final long WAIT_MS = 120_000; // a bound for a loaded CI machine, not a pace
    private static final Hyperparameters SMALL = Hyperparameters.MONTE_CARLO_DEFAULTS.withHiddenSize(32)
            .withEpisodes(100_000).withSeed(3);

    private final List<Trainer> trainers = new ArrayList<>();

    private Trainer trainer(Hyperparameters hp) {
        Trainer t = new Trainer(hp);
        trainers.add(t);
        return t;
    }

    @AfterEach
    void closeAll() {
        trainers.forEach(Trainer::close);
    }

    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT_MS);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + WAIT_MS + " ms waiting for " + what);
            }
            Thread.sleep(2);
        }
    }

    /**
     * Paused after a start, or finished. A pause that came before the thread's first step
     * shows IDLE (no step yet), not PAUSED: on a loaded machine a start followed 0–20 ms
     * later by a pause can do that, and a wait for PAUSED alone then never ends.
     */
    static boolean pausedOrFinished(Trainer t) {
        TrainerStatus s = t.status();
        return s.state() == TrainerState.PAUSED || s.state() == TrainerState.FINISHED
                || s.state() == TrainerState.IDLE && s.totalSteps() == 0;
    }

    private static void awaitPaused(Trainer t) throws InterruptedException {
        try {
            await("PAUSED", () -> t.status().state() == TrainerState.PAUSED);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; status " + t.status(), e);
        }
    }

    @Test
    void aNewTrainerIsIdleWithAStartFrameAndNoThread() {
        Trainer t = trainer(SMALL);
        assertEquals(TrainerState.IDLE, t.status().state());
        assertEquals(0, t.history().size());
        Frame f = t.latestFrame();
        assertNotNull(f, "the start state is shown before training");
        assertEquals(0, f.step());
        assertEquals(1, f.episode());
        assertEquals(-1, f.action());
        assertFalse(t.isThreadAlive(), "no thread before the first command");
    }

    @Test
    void startDeliversEpisodesPauseStopsThemResumeContinues() throws Exception {
        Trainer t = trainer(SMALL);
        t.setSpeed(Speed.MAXIMUM);
        t.start();
        await("episodes", () -> t.history().size() >= 20);
        assertEquals(TrainerState.RUNNING, t.status().state());
        t.pause();
        awaitPaused(t);
        int atPause = t.history().size();
        long stepsAtPause = t.status().totalSteps();
        Thread.sleep(300);
        assertEquals(atPause, t.history().size(), "no episode arrives while paused");
        assertEquals(stepsAtPause, t.status().totalSteps(), "no step is taken while paused");
        t.resume();
        await("more episodes", () -> t.history().size() >= atPause + 10);
    }

    @Test
    void stepEpisodeRunsExactlyOneEpisodeThenPauses() throws Exception {
        Trainer t = trainer(SMALL);
        t.setSpeed(Speed.MAXIMUM);
        t.stepEpisode();
        await("one episode", () -> t.history().size() == 1
                && t.status().state() == TrainerState.PAUSED);
        Thread.sleep(100);
        assertEquals(1, t.history().size());
        t.stepEpisode();
        await("second episode", () -> t.history().size() == 2
                && t.status().state() == TrainerState.PAUSED);
        // while running flat out, step-episode finishes the current episode and pauses
        t.start();
        await("running", () -> t.history().size() >= 30);
        t.stepEpisode();
        awaitPaused(t);
        int n = t.history().size();
        Thread.sleep(100);
        assertEquals(n, t.history().size());
    }

    @Test
    void stepFrameTakesOneStepThenPausesAndTheUpdateComesAtTheEpisodesEnd() throws Exception {
        Trainer t = trainer(SMALL);
        for (int i = 1; i <= 5; i++) {
            t.stepFrame();
            int want = i;
            await("step " + want, () -> t.latestFrame().step() == want
                    && t.status().totalSteps() == want);
        }
        awaitPaused(t);
        assertEquals(0, t.history().size(), "no episode ended after 5 steps");
        Frame f = t.latestFrame();
        assertTrue(f.action() == 0 || f.action() == 1);
        assertEquals(1.0, f.probLeft() + f.probRight(), 1e-12);
        assertEquals(5.0, f.episodeReward());
        // step-episode finishes the open episode: exactly one episode, longer than 5 steps
        t.stepEpisode();
        await("the open episode ends", () -> t.history().size() == 1
                && t.status().state() == TrainerState.PAUSED);
        assertTrue(t.history().get(0).length() > 5);
    }

    @Test
    void resetGivesFreshNetworksAndAnEmptyHistory() throws Exception {
        Trainer t = trainer(SMALL);
        t.setSpeed(Speed.MAXIMUM);
        t.start();
        await("episodes", () -> t.history().size() >= 10);
        t.reset(t.hyperparameters());
        await("IDLE", () -> t.status().state() == TrainerState.IDLE
                && t.history().size() == 0);
        assertEquals(0, t.status().totalSteps());
        assertEquals(0, t.latestFrame().step());
        // the same seed gives the same first episodes again
        t.stepEpisode();
        await("one episode", () -> t.history().size() == 1);
        Trainer fresh = trainer(SMALL);
        fresh.stepEpisode();
        await("one episode", () -> fresh.history().size() == 1);
        assertEquals(fresh.history().reward(0), t.history().reward(0));
    }

    @Test
    void resetWithNewSettingsAppliesThem() throws Exception {
        Trainer t = trainer(SMALL);
        Hyperparameters v1 = SMALL.withVersion(cartpolelab.env.CartPoleVersion.V1).withSeed(9);
        t.reset(v1);
        await("new settings", () -> t.hyperparameters().equals(v1));
    }

    @Test
    void speedPausesAndStepsNeverChangeWhatIsLearned() throws Exception {
        Hyperparameters hp = SMALL.withEpisodes(120);
        TrainingRun headless = new TrainingRun(hp);
        headless.train(false, null);
        assertTrue(headless.budgetUsed());
        double[] want = headless.history().rewards();
        assertEquals(120, want.length);

        Trainer t = trainer(hp);
        Random pattern = new Random(5);
        Speed[] speeds = Speed.values();
        while (t.status().state() != TrainerState.FINISHED) {
            switch (pattern.nextInt(5)) {
                case 0 -> {
                    int before = t.history().size();
                    t.stepEpisode();
                    await("step episode", () -> t.history().size() == before + 1
                            || t.status().state() == TrainerState.FINISHED);
                }
                case 1 -> {
                    long before = t.status().totalSteps();
                    t.stepFrame();
                    await("step frame", () -> t.status().totalSteps() == before + 1
                            || t.status().state() == TrainerState.FINISHED);
                }
                case 2 -> t.setSpeed(speeds[pattern.nextInt(speeds.length)]);
                default -> {
                    t.setSpeed(Speed.MAXIMUM);
                    t.start();
                    Thread.sleep(pattern.nextInt(20));
                    t.pause();
                    await("paused", () -> pausedOrFinished(t));
                }
            }
        }
        assertArrayEquals(want, t.history().rewards(),
                "same seed, same rewards, whatever the speed and the pattern of pauses");
        for (int i = 0; i < want.length; i++) {
            assertEquals(headless.history().actorLoss(i), t.history().actorLoss(i));
            assertEquals(headless.history().criticLoss(i), t.history().criticLoss(i));
        }
    }

    @Test
    void pacedSpeedsNeverRunFasterThanTheyPromise() throws Exception {
        for (Speed speed : new Speed[] {Speed.X16, Speed.X64}) {
            Trainer t = trainer(SMALL);
            t.setSpeed(speed);
            long t0 = System.nanoTime();
            t.start();
            Thread.sleep(400);
            t.pause();
            awaitPaused(t);
            double seconds = (System.nanoTime() - t0) / 1e9;
            long steps = t.status().totalSteps();
            // an upper bound only: a slow machine may take fewer steps, never more
            assertTrue(steps <= speed.stepsPerSecond() * seconds + 10,
                    speed + ": " + steps + " steps in " + seconds + " s");
            assertTrue(steps > 0, speed + " trains");
        }
    }

    @Test
    void commandsFiredFromManyThreadsNeverDeadlock() throws Exception {
        Trainer t = trainer(SMALL);
        t.setSpeed(Speed.MAXIMUM);
        int threads = 4;
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> workers = new ArrayList<>();
        for (int w = 0; w < threads; w++) {
            Random r = new Random(w);
            Thread worker = new Thread(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < 400; i++) {
                    switch (r.nextInt(9)) {
                        case 0 -> t.start();
                        case 1 -> t.pause();
                        case 2 -> t.resume();
                        case 3 -> t.stepEpisode();
                        case 4 -> t.stepFrame();
                        case 5 -> t.setSpeed(Speed.values()[r.nextInt(3)]);
                        case 6 -> t.watch();
                        case 7 -> t.status();
                        default -> {
                            if (r.nextInt(10) == 0) {
                                t.reset(t.hyperparameters());
                            } else {
                                t.latestFrame();
                            }
                        }
                    }
                }
            });
            worker.start();
            workers.add(worker);
        }
        go.countDown();
        for (Thread worker : workers) {
            worker.join(WAIT_MS);
            assertFalse(worker.isAlive(), "a command blocked");
        }
        // still responsive afterwards (IDLE when a reset came last)
        t.pause();
        await("parked", () -> t.status().state() == TrainerState.PAUSED
                || t.status().state() == TrainerState.IDLE);
        int n = t.history().size();
        t.stepEpisode();
        await("one more episode", () -> t.history().size() == n + 1
                && t.status().state() == TrainerState.PAUSED);
    }

    @Test
    void stopEndsTheThread() throws Exception {
        Trainer t = trainer(SMALL);
        t.setSpeed(Speed.X1);
        t.start();
        await("thread", t::isThreadAlive);
        List<Thread> trainerThreads = Thread.getAllStackTraces().keySet().stream()
                .filter(th -> th.getName().equals("cartpole-trainer")).toList();
        assertFalse(trainerThreads.isEmpty(), "the trainer's thread is named cartpole-trainer");
        assertTrue(trainerThreads.stream().allMatch(Thread::isDaemon),
                "trainer threads are daemons");
        t.stop();
        await("thread ended", () -> !t.isThreadAlive());
        assertEquals(TrainerState.STOPPED, t.status().state());
        t.start(); // commands after stop are ignored, not errors
        assertFalse(t.isThreadAlive());
    }

    @Test
    void aFailureInsideTrainingIsAStateWithItsMessageAndResetRecovers() throws Exception {
        Trainer t = trainer(SMALL);
        t.setSpeed(Speed.MAXIMUM);
        t.stepEpisode();
        await("one episode", () -> t.history().size() == 1);
        // a run whose actor weights are NaN: its first update finds a NaN loss
        RunSnapshot good = t.snapshot().get(WAIT_MS, TimeUnit.MILLISECONDS);
        List<DMatrixRMaj> weights = new ArrayList<>(good.agent().parameters());
        DMatrixRMaj poisoned = weights.get(2).copy();
        poisoned.fill(Double.NaN);
        weights.set(2, poisoned);
        AgentState bad = new AgentState(weights, good.agent().firstMoments(),
                good.agent().secondMoments(), good.agent().adamStep());
        t.restore(new RunSnapshot(good.hyperparameters(), bad, good.totalSteps(),
                good.randomDraws(), good.history())).get(WAIT_MS, TimeUnit.MILLISECONDS);
        t.start();
        await("FAILED", () -> t.status().state() == TrainerState.FAILED);
        assertTrue(t.status().failure().contains("NaN"), t.status().failure());
        assertTrue(t.isThreadAlive(), "the thread lives on, waiting for a reset");
        t.reset(t.hyperparameters());
        await("IDLE", () -> t.status().state() == TrainerState.IDLE);
        t.stepEpisode();
        await("trains again", () -> t.history().size() == 1);
    }

    @Test
    void stopWhenSolvedPausesInSolvedAndResumeGoesOn() throws Exception {
        Hyperparameters hp = Hyperparameters.MONTE_CARLO_DEFAULTS.withSeed(1);
        Trainer t = trainer(hp);
        t.setStopWhenSolved(true);
        t.setSpeed(Speed.MAXIMUM);
        t.start();
        await("SOLVED", () -> t.status().state() == TrainerState.SOLVED);
        TrainerStatus s = t.status();
        assertEquals(s.episodes(), s.solvedAtEpisode(), "stops on the solving episode");
        assertTrue(s.movingAverage() >= 195.0, "MA50 " + s.movingAverage());
        assertTrue(s.solvedAtEpisode() >= 50 && s.solvedAtEpisode() <= hp.episodes());
        t.resume();
        await("goes on", () -> t.history().size() > s.episodes() + 5);
    }

    @Test
    void theBudgetEndsARunAsFinished() throws Exception {
        Trainer t = trainer(SMALL.withEpisodes(30));
        t.setSpeed(Speed.MAXIMUM);
        t.start();
        await("FINISHED", () -> t.status().state() == TrainerState.FINISHED);
        assertEquals(30, t.history().size());
        t.start();
        Thread.sleep(100);
        assertEquals(30, t.history().size(), "start after the budget does nothing");
    }

    @Test
    void framesCarryTheStateProbabilitiesAndValueAtFastSpeed() throws Exception {
        Trainer t = trainer(SMALL);
        t.setSpeed(Speed.UNPACED);
        t.start();
        await("frames", () -> t.latestFrame().step() > 3);
        Frame f = t.latestFrame();
        assertFalse(f.greedy());
        assertTrue(Double.isFinite(f.value()));
        assertEquals(1.0, f.probLeft() + f.probRight(), 1e-12);
        assertTrue(f.episode() >= 1);
    }

    @Test
    void watchRunsTheGreedyPolicyWithoutLearning() throws Exception {
        Trainer t = trainer(SMALL);
        t.stepEpisode();
        await("one episode", () -> t.history().size() == 1
                && t.status().state() == TrainerState.PAUSED);
        long steps = t.status().totalSteps();
        t.watch();
        await("greedy frames", () -> t.latestFrame().greedy() && t.latestFrame().step() >= 3);
        t.pause();
        awaitPaused(t);
        assertEquals(1, t.history().size(), "watch does not learn");
        assertEquals(steps, t.status().totalSteps(), "watch takes no training steps");
        // and it does not disturb the training stream
        t.stepEpisode();
        await("second episode", () -> t.history().size() == 2);
        Trainer plain = trainer(SMALL);
        plain.stepEpisode();
        await("1", () -> plain.history().size() == 1);
        plain.stepEpisode();
        await("2", () -> plain.history().size() == 2);
        assertEquals(plain.history().reward(1), t.history().reward(1));
    }

    @Test
    void aCheckpointTakenBetweenEpisodesContinuesTheSameRun(@org.junit.jupiter.api.io.TempDir
                                                            java.nio.file.Path dir)
            throws Exception {
        Hyperparameters hp = SMALL.withEpisodes(60);
        Trainer a = trainer(hp);
        a.setSpeed(Speed.MAXIMUM);
        for (int i = 1; i <= 30; i++) {
            int want = i;
            a.stepEpisode();
            await("episode " + want, () -> a.history().size() == want
                    && a.status().state() == TrainerState.PAUSED);
        }
        RunSnapshot half = a.snapshot().get(WAIT_MS, TimeUnit.MILLISECONDS);
        a.start();
        await("FINISHED", () -> a.status().state() == TrainerState.FINISHED);
        assertEquals(30, half.episodes(), "the snapshot does not grow with the live run");

        Trainer b = trainer(SMALL.withSeed(99));
        b.restore(half).get(WAIT_MS, TimeUnit.MILLISECONDS);
        assertEquals(hp, b.hyperparameters());
        assertEquals(30, b.history().size(), "the history comes back with the networks");
        b.setSpeed(Speed.MAXIMUM);
        b.start();
        await("FINISHED", () -> b.status().state() == TrainerState.FINISHED);
        assertArrayEquals(a.history().rewards(), b.history().rewards());
        assertEquals(a.status().totalSteps(), b.status().totalSteps());
    }

    @Test
    void aSnapshotThatDoesNotFitLeavesTheLiveRunAlone() throws Exception {
        Trainer t = trainer(SMALL);
        t.stepEpisode();
        await("one episode", () -> t.history().size() == 1);
        RunSnapshot good = t.snapshot().get(WAIT_MS, TimeUnit.MILLISECONDS);
        // settings that claim 64 hidden units for networks of 32
        RunSnapshot misfit = new RunSnapshot(good.hyperparameters().withHiddenSize(64),
                good.agent(), good.totalSteps(), good.randomDraws(), good.history());
        var e = org.junit.jupiter.api.Assertions.assertThrows(
                java.util.concurrent.ExecutionException.class,
                () -> t.restore(misfit).get(WAIT_MS, TimeUnit.MILLISECONDS));
        assertTrue(e.getCause().getMessage().contains("actor.w1"), e.getCause().getMessage());
        assertEquals(1, t.history().size());
        assertEquals(SMALL, t.hyperparameters());
        t.stepEpisode();
        await("still trains", () -> t.history().size() == 2);
    }

    @Test
    void historyKeepsEveryEpisodeWithItsMovingAverage() throws Exception {
        TrainingRun run = new TrainingRun(SMALL.withEpisodes(80));
        run.train(false, null);
        EpisodeHistory h = run.history();
        assertEquals(80, h.size());
        double sum = 0;
        for (int i = 30; i < 80; i++) {
            sum += h.reward(i);
        }
        assertEquals(sum / 50, h.movingAverage(79), 1e-9);
        EpisodeStats last = h.get(79);
        assertEquals(80, last.episode());
        assertEquals(last.reward(), last.length());
        long steps = 0;
        for (int i = 0; i < 80; i++) {
            steps += h.get(i).length();
        }
        assertEquals(steps, last.totalSteps());
        assertTrue(last.wallSeconds() > 0);
    }

    @Test
    void theMeasurementIntervalAppliesNowAndToEveryLaterRunAndNullSwitchesItOff()
            throws Exception {
        Trainer t = trainer(SMALL);
        t.measureGradientVariance(new cartpolelab.agent.GradientVarianceProbe.Settings(2, 2));
        stepEpisodes(t, 4);
        assertEquals(2, t.gradientVariance().size(), "at updates 2 and 4");
        t.reset(SMALL.withSeed(2));
        await("the new run", () -> t.status().episodes() == 0);
        stepEpisodes(t, 2);
        assertEquals(1, t.gradientVariance().size(), "the new run measures as told");
        t.measureGradientVariance(null);
        stepEpisodes(t, 4);
        assertEquals(1, t.gradientVariance().size(), "switched off: no more");
    }

    /**
     * Unpaced, the trainer builds a frame only once the window took the last one: untaken,
     * the start frame stays however many episodes train; taken, a later one follows.
     */
    @Test
    void unpacedAFrameIsBuiltOnlyOnceTheLastWasTaken() throws Exception {
        Trainer t = new Trainer(SMALL); // nobody reads its frame while it trains
        trainers.add(t);
        t.setSpeed(Speed.UNPACED);
        t.start();
        await("five episodes", () -> t.history().size() >= 5);
        Frame untaken = t.latestFrame();
        assertEquals(0, untaken.step(), "nothing published while the start frame was not taken");
        assertEquals(1, untaken.episode());
        await("a frame after the one taken", () -> t.latestFrame().episode() > 5);
    }

    /** Steps single episodes until the run has {@code upTo}, one command at a time. */
    private static void stepEpisodes(Trainer t, int upTo) throws InterruptedException {
        while (t.status().episodes() < upTo) {
            int next = t.status().episodes() + 1;
            t.stepEpisode();
            await(next + " episodes", () -> t.status().episodes() == next
                    && t.status().state() == TrainerState.PAUSED);
        }
    }
}
