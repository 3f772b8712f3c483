package cartpolelab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cartpolelab.agent.Hyperparameters;
import cartpolelab.train.EpisodeRecorder;
import cartpolelab.train.Speed;
import cartpolelab.train.TrainingRun;
import org.junit.jupiter.api.Test;

/** Replaying recorded episodes, without a window: time, frames, episodes, the latest. */
class ReplayTest {

    private static final long MS = 1_000_000L;

    private static TrainingRun recorded(int episodes, int keep) {
        TrainingRun run = new TrainingRun(Hyperparameters.DEFAULTS.withHiddenSize(16)
                .withEpisodes(episodes).withSeed(2));
        run.record(keep);
        run.train(false, null);
        return run;
    }

    @Test
    void theLatestEpisodePlaysAtFiftyFramesASecondAndTheNextLatestFollows() {
        TrainingRun run = recorded(10, 100);
        Replay r = new Replay();
        r.bind(run.recorder());
        assertTrue(r.followLatest());
        assertEquals(10, r.episode().episode());
        r.tick(1_000 * MS);
        r.tick(1_100 * MS); // 0.1 s at ×1
        assertEquals(5, r.frameIndex());
        assertEquals(r.episode().frame(5), r.frame());
        r.setSpeed(Speed.X4);
        r.tick(1_150 * MS); // 0.05 s at ×4 = 10 frames
        assertEquals(Math.min(15, r.episode().steps()), r.frameIndex());
        // training goes on: once the replay ends, the newest finished episode follows
        run.setEpisodeBudget(11);
        run.train(false, null);
        for (long t = 1_200; t < 10_000 && r.episode().episode() == 10; t += 100) {
            r.tick(t * MS);
        }
        assertEquals(11, r.episode().episode());
        assertTrue(r.describe(11).startsWith("latest episode 11"), r.describe(11));
    }

    @Test
    void framesStepBackAndForwardPausedAndEpisodesJump() {
        TrainingRun run = recorded(12, 100);
        Replay r = new Replay();
        r.bind(run.recorder());
        assertTrue(r.show(5));
        assertTrue(r.playing());
        r.step(3);
        assertFalse(r.playing(), "stepping pauses");
        assertEquals(3, r.frameIndex());
        r.step(-5);
        assertEquals(0, r.frameIndex(), "clamped at the first frame");
        r.jump(-1);
        assertEquals(4, r.episode().episode());
        r.jump(1);
        r.jump(1);
        assertEquals(6, r.episode().episode());
        r.scrub(1_000_000);
        assertEquals(r.episode().steps(), r.frameIndex(), "clamped at the last frame");
        r.togglePlay();
        assertEquals(0, r.frameIndex(), "play at the end starts over");
        r.stop();
        assertFalse(r.active());
        assertNull(r.frame());
    }

    @Test
    void aChosenEpisodeStopsAtItsEndAndAnUnrecordedOneSaysWhichWasShown() {
        TrainingRun run = recorded(40, 3); // 38..40 recent, plus milestones
        EpisodeRecorder rec = run.recorder();
        Replay r = new Replay();
        r.bind(rec);
        int missing = 1;
        while (rec.recordings().containsKey(missing)) {
            missing++;
        }
        assertTrue(missing < 38, "some episode before the recent ones is not recorded");
        assertTrue(r.show(missing));
        assertEquals(rec.nearest(missing).episode(), r.episode().episode());
        assertTrue(r.describe(40).contains("episode " + missing + " is not recorded"),
                r.describe(40));
        for (long t = 1; t < 200; t++) {
            r.tick(t * 100 * MS);
        }
        assertFalse(r.playing(), "a chosen episode stops at its last frame");
        assertEquals(r.episode().steps(), r.frameIndex());
    }

    @Test
    void aNewRunEndsTheReplayAndNothingRecordedSaysSo() {
        Replay r = new Replay();
        assertFalse(r.followLatest());
        assertTrue(r.describe(0).contains("No finished episode"), r.describe(0));
        r.bind(new cartpolelab.train.EpisodeRecorder(100)); // a loaded run: history, no frames
        assertFalse(r.show(500));
        assertEquals("Episodes 1\u2013918 were loaded, not recorded: replays start with the "
                + "next episode trained here", r.describe(918));
        TrainingRun run = recorded(3, 10);
        r.bind(run.recorder());
        assertTrue(r.followLatest());
        r.bind(recorded(3, 10).recorder());
        assertFalse(r.active(), "another run's recordings: back to live");
    }
}
