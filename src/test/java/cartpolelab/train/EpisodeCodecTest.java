package cartpolelab.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cartpolelab.agent.Algorithm;
import cartpolelab.agent.Hyperparameters;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * A recorded episode survives its bytes bit for bit (with and without PPO's ratios); damaged
 * bytes are refused with a message naming what is wrong, never read as an episode.
 */
class EpisodeCodecTest {

    private static RecordedEpisode[] recorded(Hyperparameters hp, int episodes) {
        TrainingRun run = new TrainingRun(hp);
        run.record(1000);
        for (int e = 0; e < episodes; e++) {
            run.finishEpisode();
        }
        return run.recorder().recordings().values().toArray(new RecordedEpisode[0]);
    }

    private static void assertSame(RecordedEpisode a, RecordedEpisode b) {
        assertEquals(a.episode(), b.episode());
        assertEquals(a.fell(), b.fell());
        assertEquals(Double.doubleToRawLongBits(a.clipRange()),
                Double.doubleToRawLongBits(b.clipRange()));
        assertArrayEquals(a.states, b.states);
        assertArrayEquals(a.actions, b.actions);
        assertArrayEquals(a.probRight, b.probRight);
        assertArrayEquals(a.values, b.values);
        assertArrayEquals(a.rewardSoFar, b.rewardSoFar);
        assertArrayEquals(a.ratios, b.ratios);
        assertEquals(a.bytes(), b.bytes());
    }

    @Test
    void roundTripIsBitForBit() {
        Hyperparameters small = Hyperparameters.DEFAULTS.withHiddenSize(16).withEpisodes(20);
        Hyperparameters ppo = Hyperparameters.MONTE_CARLO_DEFAULTS.withAlgorithm(Algorithm.PPO)
                .toBuilder().hiddenSize(16).nSteps(64).minibatch(32).episodes(20).seed(3)
                .build();
        boolean ratios = false;
        boolean fell = false;
        for (Hyperparameters hp : new Hyperparameters[] {small, ppo}) {
            for (RecordedEpisode e : recorded(hp, 20)) {
                byte[] bytes = EpisodeCodec.encode(e);
                RecordedEpisode back = EpisodeCodec.decode(bytes);
                assertSame(e, back);
                assertArrayEquals(bytes, EpisodeCodec.encode(back));
                ratios |= e.ratios != null;
                fell |= e.fell();
            }
        }
        assertTrue(ratios, "a PPO episode with ratios was among them");
        assertTrue(fell, "an episode whose pole fell was among them");
        RecordedEpisode plain = recorded(small, 1)[0];
        assertNull(EpisodeCodec.decode(EpisodeCodec.encode(plain)).ratios);
        assertTrue(Double.isNaN(EpisodeCodec.decode(EpisodeCodec.encode(plain)).clipRange()));
    }

    @Test
    void damagedBytesAreRefusedNamingTheProblem() {
        RecordedEpisode e = recorded(Hyperparameters.DEFAULTS.withHiddenSize(16), 3)[2];
        byte[] good = EpisodeCodec.encode(e);
        assertNotNull(EpisodeCodec.decode(good));

        String truncated = assertThrows(IllegalArgumentException.class,
                () -> EpisodeCodec.decode(Arrays.copyOf(good, good.length - 3))).getMessage();
        assertTrue(truncated.contains("truncated or damaged"), truncated);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> EpisodeCodec.decode(
                new byte[5])).getMessage().contains("header"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> EpisodeCodec.decode(
                null)).getMessage().contains("missing"));

        byte[] newer = good.clone();
        newer[0] = 9;
        String format = assertThrows(IllegalArgumentException.class,
                () -> EpisodeCodec.decode(newer)).getMessage();
        assertTrue(format.contains("format 9"), format);

        byte[] flags = good.clone();
        flags[1] = (byte) 0x80;
        assertThrows(IllegalArgumentException.class, () -> EpisodeCodec.decode(flags));

        byte[] action = good.clone();
        action[18 + 4 * 4 * e.actions.length + 1] = 7; // frame 1's action
        String bad = assertThrows(IllegalArgumentException.class,
                () -> EpisodeCodec.decode(action)).getMessage();
        assertTrue(bad.contains("action 7 at frame 1"), bad);

        byte[] frames = good.clone();
        frames[6] = (byte) 0xff; // the frame count's low byte
        assertFalse(assertThrows(IllegalArgumentException.class,
                () -> EpisodeCodec.decode(frames)).getMessage().isBlank());
    }
}
