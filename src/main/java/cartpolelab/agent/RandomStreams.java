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
 *   probe    = root.split()   // 3rd split: the GradientVarianceProbe's base; the measurement
 *                             //            after update u draws from its own stream of (base, u)
 *   envs     = root.split()   // 4th split: environments 1 … N−1 of a run with --envs N;
 *                             //            environment k's stream is envs' k-th split()
 *                             //            (environment 0 uses the episodes stream above)
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

    /**
     * The stream of resets and actions of environment {@code env} of a run with several
     * environments: environment 0's is {@link #episodes} (so one environment is exactly the
     * single-environment run), environment k's the k-th split of the 4th split of the seed.
     */
    public static SplittableRandom environment(long seed, int env) {
        if (env == 0) {
            return episodes(seed);
        }
        SplittableRandom root = new SplittableRandom(seed);
        root.split();
        root.split();
        root.split();
        SplittableRandom envs = root.split();
        SplittableRandom stream = envs.split();
        for (int k = 1; k < env; k++) {
            stream = envs.split();
        }
        return stream;
    }

    /**
     * The stream of the gradient-variance measurement taken after update {@code update}: its
     * episodes' resets and actions. A function of the seed and the update count only, so a
     * measurement is the same whenever the probe was switched on, and training's streams
     * never move for it.
     */
    public static SplittableRandom gradientProbe(long seed, long update) {
        SplittableRandom root = new SplittableRandom(seed);
        root.split();
        root.split();
        long base = root.split().nextLong();
        // split(): a new gamma, so the streams of nearby updates do not overlap
        return new SplittableRandom(base ^ (update * 0xD1B54A32D192ED03L)).split();
    }

    /**
     * The seed of PPO's minibatch shuffling in the update after optimiser step {@code step}:
     * a function of the run's seed and the step count only, so a restored run shuffles as the
     * uninterrupted one. A plain long (see {@link #nextLong}), so shuffling allocates nothing.
     */
    public static long minibatchSeed(long seed, long step) {
        return mix(seed * 0x9E3779B97F4A7C15L ^ mix(step + 0x94D049BB133111EBL));
    }

    /**
     * SplitMix64 (Steele, Lea and Flood 2014): advances {@code state[0]} by the golden gamma and
     * returns the mixed value; the generator SplittableRandom uses, without an object.
     */
    public static long nextLong(long[] state) {
        state[0] += 0x9E3779B97F4A7C15L;
        return mix(state[0]);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
