package cartpolelab.train;

import java.util.Arrays;

/**
 * One finished training episode as it was played, frame by frame, to replay on the canvas:
 * frame 0 is the start state, frame k the state after step k, with the action that led to it,
 * the policy π(·|s) it was drawn from, the critic's V of the state shown (as the networks
 * were when the step was taken) and the reward so far. Immutable.
 *
 * <p>Compact: floats (the canvas needs no more), {@value #BYTES_PER_FRAME} bytes a frame, so
 * 1,000 recorded steps take about 29 KB. The run library keeps milestones as
 * {@link EpisodeCodec}'s bytes.
 */
public final class RecordedEpisode {

    /** State (4 floats), action (1 byte), π(right) and V(s) and reward so far (3 floats). */
    public static final int BYTES_PER_FRAME = 4 * 4 + 1 + 3 * 4;

    private final int episode;
    final float[] states;
    final byte[] actions;
    final float[] probRight;
    final float[] values;
    final float[] rewardSoFar;
    private final boolean fell;
    /** PPO: ρ of the action taken from each frame's state, NaN where unknown; or null. */
    final float[] ratios;
    /** PPO: the clip range ε of the update the ratios belong to; NaN without ratios. */
    private final double clipRange;

    RecordedEpisode(int episode, int frames, float[] states, byte[] actions, float[] probRight,
                    float[] values, float[] rewardSoFar, boolean fell) {
        this(episode, frames, states, actions, probRight, values, rewardSoFar, fell, null,
                Double.NaN);
    }

    RecordedEpisode(int episode, int frames, float[] states, byte[] actions, float[] probRight,
                    float[] values, float[] rewardSoFar, boolean fell, float[] ratios,
                    double clipRange) {
        this.ratios = ratios == null ? null : Arrays.copyOf(ratios, frames);
        this.clipRange = clipRange;
        this.episode = episode;
        this.states = Arrays.copyOf(states, frames * 4);
        this.actions = Arrays.copyOf(actions, frames);
        this.probRight = Arrays.copyOf(probRight, frames);
        this.values = Arrays.copyOf(values, frames);
        this.rewardSoFar = Arrays.copyOf(rewardSoFar, frames);
        this.fell = fell;
    }

    /** The episode's number in its run, from 1. */
    public int episode() {
        return episode;
    }

    /** Steps taken; frames are 0 … steps(). */
    public int steps() {
        return actions.length - 1;
    }

    /** Total reward of the episode. */
    public double reward() {
        return rewardSoFar[steps()];
    }

    /** True if the pole fell (or the cart left the track); false if the episode was cut. */
    public boolean fell() {
        return fell;
    }

    /** Frame {@code k} (0 … steps()) as the canvas draws it. */
    public Frame frame(int k) {
        if (k < 0 || k > steps()) {
            throw new IndexOutOfBoundsException("frame " + k + " of 0.." + steps());
        }
        int s = k * 4;
        boolean last = k == steps();
        double right = probRight[k];
        return new Frame(states[s], states[s + 1], states[s + 2], states[s + 3], actions[k],
                1 - right, right, values[k], k, episode, rewardSoFar[k], last && fell,
                last && !fell, false);
    }

    /** Bytes this recording takes (its arrays). */
    public long bytes() {
        return (long) actions.length * (BYTES_PER_FRAME + (ratios == null ? 0 : 4));
    }

    /**
     * PPO: ρ = π_θ(a|s) / π_old(a|s) of the action taken from frame {@code k}'s state, with
     * π_old the policy that chose it and π_θ the policy after the update that learned from
     * that step (the last update in this episode); NaN for the steps no update in this episode
     * learned from, for steps an earlier update of this episode learned from (a later update
     * moved π again), for the last frame and for other algorithms.
     */
    public double ratio(int k) {
        return ratios == null || k < 0 || k >= ratios.length ? Double.NaN : ratios[k];
    }

    /** PPO: the clip range ε of the update {@link #ratio} belongs to; NaN without ratios. */
    public double clipRange() {
        return clipRange;
    }
}
