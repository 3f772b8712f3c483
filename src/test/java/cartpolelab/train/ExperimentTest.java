package cartpolelab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cartpolelab.agent.Algorithm;
import cartpolelab.agent.Hyperparameters;
import cartpolelab.agent.Setting;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Experiments: the grid, runs equal to runs trained alone, failures, pause and stop. */
class ExperimentTest {

    /** Small networks and short runs: the engine is what is tested, not learning. */
    static final Hyperparameters SMALL = Hyperparameters.DEFAULTS.withHiddenSize(16)
            .withEpisodes(40);

    static ExperimentSpec spec(int threads, int perTurn) {
        return new ExperimentSpec(SMALL, ExperimentSpec.DEFAULT_ALGORITHMS, List.of(1L, 2L),
                null, threads, false, perTurn);
    }

    @Test
    void theGridIsAlgorithmsTimesSweptValuesTimesSeedsInAFixedOrder() {
        ExperimentSpec s = spec(2, 5).withSweep(Sweep.parse("lr=1e-4,3e-4"));
        List<Cell> cells = s.cells();
        assertEquals(3 * 2 * 2, cells.size());
        // notebook order of the algorithms, values and seeds ascending, however they were given
        assertEquals("reinforce-lr=1e-4-s1", cells.get(0).runId());
        assertEquals("reinforce-lr=1e-4-s2", cells.get(1).runId());
        assertEquals("reinforce-lr=3e-4-s1", cells.get(2).runId());
        assertEquals("reinforce-baseline-lr=1e-4-s1", cells.get(4).runId());
        assertEquals(1e-4, cells.get(0).hyperparameters().learningRate(), 0);
        assertEquals(Algorithm.A2C, cells.get(11).hyperparameters().algorithm());
        assertEquals(2L, cells.get(11).hyperparameters().seed());
        assertEquals("a2c lr=3e-4", cells.get(11).group());
        assertEquals("A2C \u00b7 lr=3e-4", cells.get(11).groupLabel());
        assertEquals(cells, new ExperimentSpec(SMALL, List.of(Algorithm.A2C,
                Algorithm.REINFORCE, Algorithm.REINFORCE_BASELINE), List.of(2L, 1L),
                Sweep.parse("lr=3e-4,1e-4"), 1, false, 5).cells());
        assertEquals(6, s.groups().size());
        for (int i = 0; i < cells.size(); i++) {
            assertEquals(i, cells.get(i).index());
        }
        assertEquals("reinforce-s2", spec(1, 1).cells().get(1).runId());
        // shards: every cell exactly once, deterministically
        List<Cell> a = s.shard(1, 3);
        List<Cell> b = s.shard(2, 3);
        List<Cell> c = s.shard(3, 3);
        assertEquals(cells.size(), a.size() + b.size() + c.size());
        assertEquals(List.of(0, 3, 6, 9), a.stream().map(Cell::index).toList());
        assertEquals(a, s.shard(1, 3));
    }

    @Test
    void badGridsAreRefusedWithWhatToDo() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Sweep.parse("lr=2"))
                .getMessage().contains("sweep value 2 of lr is out of range: it must be in (0, 1]"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Sweep.parse("seed=1,2"))
                .getMessage().contains("sweep one of lr, hidden, gamma, entropy-coef, n-steps"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Sweep.parse("lr"))
                .getMessage().contains("--sweep lr=1e-4,3e-4,1e-3"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Sweep.parse("hidden=64,x"))
                .getMessage().contains("'x' is not a number"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Sweep.parse("hidden=6.5"))
                .getMessage().contains("a whole number"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Sweep.parse("lr=1e-3,0.001"))
                .getMessage().contains("given twice"));
        assertEquals(Setting.DISCOUNT, Sweep.parse("discount=0.9").setting());
        assertEquals(Setting.ENTROPY_COEFFICIENT, Sweep.parse("entropy=0,0.01").setting());
        assertThrows(IllegalArgumentException.class, () -> new ExperimentSpec(SMALL,
                List.of(), List.of(1L), null, 1, false, 1));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new ExperimentSpec(SMALL,
                List.of(Algorithm.A2C), List.of(1L, 1L), null, 1, false, 1)).getMessage()
                .contains("a seed is given twice"));
        assertThrows(IllegalArgumentException.class, () -> spec(0, 1));
        assertThrows(IllegalArgumentException.class, () -> spec(1, 1).shard(3, 2));
    }

    @Test
    void eachRunOfAnExperimentIsTheSameRunTrainedAloneBitForBit() throws Exception {
        ExperimentSpec s = spec(2, 7).withSweep(Sweep.parse("n-steps=0,5"));
        try (Experiment e = new Experiment(s)) {
            e.start();
            e.pause();             // a pause and a resume in the middle change nothing
            Thread.sleep(20);
            e.resume();
            assertTrue(e.awaitDone(Duration.ofMinutes(2)), "done");
            assertEquals(s.cells().size(), e.status().finished());
            for (int i = 0; i < e.cells().size(); i++) {
                TrainingRun alone = new TrainingRun(e.cells().get(i).hyperparameters());
                alone.train(false, null);
                assertEquals(CellState.FINISHED, e.state(i));
                SameRun.assertColumnsEqual(alone.history(), e.history(i));
                assertEquals(alone.progress().solvedAtEpisode(), e.solvedAt(i));
                assertEquals(alone.totalSteps(), e.snapshot(i).get().totalSteps());
            }
        }
    }

    @Test
    void aFailingRunIsMarkedFailedAndTheOthersGoOn() throws Exception {
        ExperimentSpec s = spec(2, 3);
        String bad = s.cells().get(2).runId();
        String unmade = s.cells().get(4).runId();
        try (Experiment e = new Experiment(s, s.cells(), c -> {
            if (c.runId().equals(unmade)) {
                throw new IllegalArgumentException("cannot build " + unmade);
            }
            return new TrainingRun(c.hyperparameters());
        }, (cell, ep) -> {
            if (cell.runId().equals(bad) && ep.episode() == 10) {
                throw new IllegalStateException("actor.W1 became NaN");
            }
        })) {
            e.start();
            assertTrue(e.awaitDone(Duration.ofMinutes(2)));
            assertEquals(CellState.FAILED, e.state(2));
            assertEquals("actor.W1 became NaN", e.failure(2));
            assertEquals(10, e.history(2).size());
            assertEquals(CellState.FAILED, e.state(4));
            assertEquals("cannot build " + unmade, e.failure(4));
            ExperimentStatus st = e.status();
            assertEquals(4, st.finished());
            assertEquals(2, st.failed());
            assertEquals(4 * 40 + 10, st.episodesDone());
            for (int i : new int[] {0, 1, 3, 5}) {
                assertEquals(CellState.FINISHED, e.state(i));
                assertNull(e.failure(i));
                assertEquals(40, e.history(i).size());
            }
        }
    }

    @Test
    void pauseParksEveryRunAtAnEpisodeBoundaryAndStopEndsThem() throws Exception {
        ExperimentSpec s = spec(2, 2).withEpisodesPerTurn(2);
        CountDownLatch going = new CountDownLatch(1);
        try (Experiment e = new Experiment(s, s.cells(),
                c -> new TrainingRun(c.hyperparameters()), (cell, ep) -> going.countDown())) {
            e.start();
            assertTrue(going.await(1, TimeUnit.MINUTES));
            e.pause();
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
            while (e.status().paused() + e.status().finished() < s.cells().size()
                    && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            ExperimentStatus parked = e.status();
            assertEquals(s.cells().size(), parked.paused() + parked.finished(), parked.toString());
            Thread.sleep(50);
            assertEquals(parked.episodesDone(), e.status().episodesDone(), "nothing trains");
            // a paused run's snapshot is taken at once, between episodes
            RunSnapshot snap = e.snapshot(0).get(60, TimeUnit.SECONDS);
            assertEquals(e.history(0).size(), snap.episodes());
            assertEquals(0, snap.replayedSteps());
            e.stop();
            assertTrue(e.awaitDone(Duration.ofSeconds(300)));
            for (int i = 0; i < s.cells().size(); i++) {
                assertTrue(e.state(i) == CellState.STOPPED || e.state(i) == CellState.FINISHED);
            }
            assertTrue(e.status().done());
        }
    }
}
