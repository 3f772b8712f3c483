package cartpolelab.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cartpolelab.agent.Hyperparameters;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Recorded episodes: neutral to training, what is kept, and what a frame says. */
class EpisodeRecorderTest {

    private static final Hyperparameters HP = Hyperparameters.DEFAULTS.withHiddenSize(32)
            .withEpisodes(120).withSeed(6);

    @Test
    void recordingChangesNothingThatIsLearned() {
        TrainingRun plain = new TrainingRun(HP);
        plain.train(false, null);
        TrainingRun recorded = new TrainingRun(HP);
        recorded.record(10);
        recorded.train(false, null);
        assertArrayEquals(plain.history().rewards(), recorded.history().rewards());
        for (int i = 0; i < HP.episodes(); i++) {
            assertEquals(plain.history().actorLoss(i), recorded.history().actorLoss(i));
            assertEquals(plain.history().criticLoss(i), recorded.history().criticLoss(i));
            assertEquals(plain.history().entropy(i), recorded.history().entropy(i));
        }
    }

    @Test
    void keepsTheRecentEpisodesAndTheMilestones() {
        TrainingRun run = new TrainingRun(HP);
        run.record(5);
        run.train(false, null);
        EpisodeRecorder r = run.recorder();
        Set<Integer> want = new TreeSet<>(Set.of(116, 117, 118, 119, 120, 1));
        double best = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < HP.episodes(); i++) {
            if (run.history().reward(i) > best) {
                best = run.history().reward(i);
                want.add(i + 1); // a new best reward
            }
        }
        assertEquals(want, r.recordings().keySet());
        assertEquals(120, r.latest().episode());
        long bytes = r.recordings().values().stream().mapToLong(RecordedEpisode::bytes).sum();
        assertEquals(bytes, r.bytes());
    }

    @Test
    void aRecordingReplaysTheEpisodeFrameByFrame() {
        TrainingRun run = new TrainingRun(HP);
        run.record(3);
        Frame live = null;
        while (!run.step()) {
            live = run.frame();
        }
        Frame end = run.frame();
        RecordedEpisode e = run.recorder().latest();
        assertEquals(1, e.episode());
        assertEquals(run.history().get(0).length(), e.steps());
        assertEquals(run.history().reward(0), e.reward());
        Frame start = e.frame(0);
        assertEquals(-1, start.action());
        assertEquals(0, start.step());
        Frame last = e.frame(e.steps());
        assertEquals(end.x(), last.x(), 1e-6);
        assertEquals(end.theta(), last.theta(), 1e-6);
        assertEquals(end.action(), last.action());
        assertEquals(end.probRight(), last.probRight(), 1e-6);
        assertEquals(end.value(), last.value(), 1e-4);
        assertEquals(end.terminated(), last.terminated());
        assertTrue(last.done());
        assertNotNull(live);
        Frame before = e.frame(e.steps() - 1);
        assertEquals(live.x(), before.x(), 1e-6);
        assertEquals(live.episodeReward(), before.episodeReward(), 0);
    }

    @Test
    void lesserKeepLetsOlderRecentEpisodesGoButNotMilestones() {
        TrainingRun run = new TrainingRun(HP.withEpisodes(40));
        run.record(30);
        for (int i = 0; i < 20; i++) {
            run.finishEpisode();
        }
        run.recorder().setKeep(2);
        run.train(false, null);
        EpisodeRecorder r = run.recorder();
        assertTrue(r.recordings().containsKey(39) && r.recordings().containsKey(40));
        assertTrue(r.recordings().containsKey(1), "a milestone stays");
        for (int e = 2; e < 39; e++) {
            if (r.recordings().containsKey(e)) {
                double reward = run.history().reward(e - 1);
                for (int before = 0; before < e - 1; before++) {
                    assertTrue(run.history().reward(before) < reward,
                            "episode " + e + " is kept only as a new best");
                }
            }
        }
    }

    @Test
    void nearestBeforeAndAfterFindRecordedEpisodes() {
        TrainingRun run = new TrainingRun(HP.withEpisodes(30));
        run.record(4);
        run.train(false, null);
        EpisodeRecorder r = run.recorder();
        assertEquals(28, r.nearest(28).episode(), "27..30 are recent: 28 is itself");
        int firstRecent = r.recordings().ceilingKey(27);
        assertEquals(27, firstRecent);
        assertEquals(r.recordings().lowerKey(27), r.before(27).episode());
        assertEquals(28, r.after(27).episode());
        assertNull(r.after(30));
        assertEquals(1, r.nearest(-5).episode());
    }

    /**
     * The milestones are published as a map of their own (what the run library keeps), and a
     * restored run takes them back: none after its episodes, the newest as its latest, and a
     * later episode is a milestone only if it beats their best reward.
     */
    @Test
    void milestonesArePublishedAndComeBackWithARestoredRun() {
        TrainingRun run = new TrainingRun(HP);
        run.record(5);
        run.train(false, null);
        Set<Integer> want = new TreeSet<>(Set.of(1));
        double best = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < HP.episodes(); i++) {
            if (run.history().reward(i) > best) {
                best = run.history().reward(i);
                want.add(i + 1);
            }
        }
        java.util.NavigableMap<Integer, RecordedEpisode> kept = run.recorder().milestones();
        assertEquals(want, kept.keySet());

        TrainingRun again = TrainingRun.restore(run.snapshot());
        again.record(5);
        EpisodeRecorder r = again.recorder();
        r.restoreMilestones(java.util.List.copyOf(kept.values()), 60);
        assertEquals(kept.headMap(60, true), r.milestones());
        assertEquals(kept.headMap(60, true), r.recordings());
        assertEquals(kept.headMap(60, true).lastEntry().getValue(), r.latest());
        double restoredBest = kept.headMap(60, true).values().stream()
                .mapToDouble(RecordedEpisode::reward).max().orElseThrow();
        again.setEpisodeBudget(HP.episodes() + 30);
        again.train(false, null);
        for (RecordedEpisode e : r.milestones().tailMap(60, false).values()) {
            assertTrue(e.reward() > restoredBest, e.episode() + ": " + e.reward());
            restoredBest = e.reward();
        }
    }
}
