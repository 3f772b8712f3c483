package cartpolelab.train;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A {@link RecordedEpisode} as bytes, to keep it (the run library's {@code milestones.frames})
 * and read it back bit for bit. Format 1, little-endian:
 * <pre>
 *   u8  format (1)          u8  flags (1: the pole fell, 2: PPO ratios follow)
 *   i32 episode             i32 frames (steps + 1)       f64 clip range ε (NaN without ratios)
 *   frames × 4 f32 state (x, ẋ, θ, θ̇)   frames × i8 action (−1 for frame 0, then 0 or 1)
 *   frames × f32 π(right)   frames × f32 V(s)   frames × f32 reward so far
 *   [frames × f32 ρ, NaN where unknown]      (only with flag 2)
 * </pre>
 * Reading checks the format, the flags, the length and the actions, and throws an
 * {@link IllegalArgumentException} naming what is wrong; the caller names where it came from.
 */
public final class EpisodeCodec {

    /** The format written. */
    public static final byte FORMAT = 1;
    private static final int HEADER = 1 + 1 + 4 + 4 + 8;
    private static final int FELL = 1;
    private static final int RATIOS = 2;

    private EpisodeCodec() {
    }

    /** The bytes of {@code e}. */
    public static byte[] encode(RecordedEpisode e) {
        int n = e.actions.length;
        boolean ratios = e.ratios != null;
        ByteBuffer b = ByteBuffer.allocate(HEADER + n * (RecordedEpisode.BYTES_PER_FRAME
                + (ratios ? 4 : 0))).order(ByteOrder.LITTLE_ENDIAN);
        b.put(FORMAT).put((byte) ((e.fell() ? FELL : 0) | (ratios ? RATIOS : 0)));
        b.putInt(e.episode()).putInt(n).putDouble(e.clipRange());
        floats(b, e.states);
        b.put(e.actions);
        floats(b, e.probRight);
        floats(b, e.values);
        floats(b, e.rewardSoFar);
        if (ratios) {
            floats(b, e.ratios);
        }
        return b.array();
    }

    private static void floats(ByteBuffer b, float[] values) {
        for (float f : values) {
            b.putInt(Float.floatToRawIntBits(f));
        }
    }

    /**
     * The episode {@code bytes} hold.
     *
     * @throws IllegalArgumentException if they are not a recording of format 1
     */
    public static RecordedEpisode decode(byte[] bytes) {
        if (bytes == null || bytes.length < HEADER) {
            throw new IllegalArgumentException("the recording is " + (bytes == null ? "missing"
                    : bytes.length + " bytes, shorter than its " + HEADER + "-byte header"));
        }
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int format = b.get();
        if (format != FORMAT) {
            throw new IllegalArgumentException("the recording has format " + format
                    + ", this build reads format " + FORMAT + " (written by a newer build?)");
        }
        int flags = b.get();
        if ((flags & ~(FELL | RATIOS)) != 0) {
            throw new IllegalArgumentException("the recording has unknown flags " + flags);
        }
        boolean ratios = (flags & RATIOS) != 0;
        int episode = b.getInt();
        int frames = b.getInt();
        double clip = b.getDouble();
        long expected = HEADER + (long) frames * (RecordedEpisode.BYTES_PER_FRAME
                + (ratios ? 4 : 0));
        if (episode < 1 || frames < 1 || expected != bytes.length) {
            throw new IllegalArgumentException("the recording of episode " + episode + " says "
                    + frames + " frames but is " + bytes.length + " bytes long (" + expected
                    + " expected): it is truncated or damaged");
        }
        float[] states = floats(b, frames * 4);
        byte[] actions = new byte[frames];
        b.get(actions);
        for (int k = 0; k < frames; k++) {
            if (actions[k] != (k == 0 ? -1 : 0) && (k == 0 || actions[k] != 1)) {
                throw new IllegalArgumentException("the recording of episode " + episode
                        + " has action " + actions[k] + " at frame " + k + ": it is damaged");
            }
        }
        float[] right = floats(b, frames);
        float[] values = floats(b, frames);
        float[] rewards = floats(b, frames);
        return new RecordedEpisode(episode, frames, states, actions, right, values, rewards,
                (flags & FELL) != 0, ratios ? floats(b, frames) : null, clip);
    }

    private static float[] floats(ByteBuffer b, int n) {
        float[] f = new float[n];
        for (int i = 0; i < n; i++) {
            f[i] = Float.intBitsToFloat(b.getInt());
        }
        return f;
    }
}
