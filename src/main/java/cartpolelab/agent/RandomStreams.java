package cartpolelab.agent;

import java.util.SplittableRandom;

/**
 * The layout of the random streams of a run, all derived from {@code hp.seed()}:
 * <pre>
 *   root     = new SplittableRandom(seed)
 *   weights  = root.split()   // 1st split: the Agent's initial weights (actor W1, b1, W2, b2,
 *                             //            then critic W1, b1, W2, b2; row by row)
 *   episodes = root.split()   // 2nd split: the EpisodeRunner; per episode 4 doubles for
 *                             //            env.reset, then exactly 1 double per step for the action
 * </pre>
 * Because each step draws exactly one number and nothing else draws from the episode stream,
 * a run is the same whatever pattern of pauses, single steps or speeds drives it.
 */
public final class RandomStreams {

    private RandomStreams() {
    }

    /** The stream that initialises the networks. */
    public static SplittableRandom weights(long seed) {
        return new SplittableRandom(seed).split();
    }

    /** The stream of environment resets and action samples. */
    public static SplittableRandom episodes(long seed) {
        SplittableRandom root = new SplittableRandom(seed);
        root.split();
        return root.split();
    }
}
