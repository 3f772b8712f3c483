package cartpolelab.agent;

import cartpolelab.env.CartPoleVersion;
import java.util.Locale;

/**
 * Every setting of a training run, immutable and validated. Defaults are the study notebook's.
 *
 * @param algorithm          which policy-gradient stage to run (default A2C)
 * @param version            CartPole-v0 (200-step limit, solved at 195) or v1 (500, 475)
 * @param hiddenSize         units in the hidden layer of both actor and critic (256)
 * @param learningRate       Adam step size (3e-4)
 * @param discount           γ, the discount of future rewards (0.99)
 * @param entropyCoefficient weight of the entropy bonus in the A2C loss (0.001)
 * @param maxSteps           steps after which an episode is cut (300; the version's own time
 *                           limit still applies, so v0 ends at 200 anyway)
 * @param episodes           episode budget of a run (3000)
 * @param nSteps             A2C only: update every n steps instead of at the episode's end
 *                           (0 = at the episode's end, the notebook's way)
 * @param seed               seeds the weights, the resets and the action sampling
 */
public record Hyperparameters(
        Algorithm algorithm,
        CartPoleVersion version,
        int hiddenSize,
        double learningRate,
        double discount,
        double entropyCoefficient,
        int maxSteps,
        int episodes,
        int nSteps,
        long seed) {

    public static final int MAX_HIDDEN_SIZE = 4096;
    public static final int MAX_STEPS_LIMIT = 100_000;
    public static final int MAX_EPISODES = 10_000_000;

    /** The study notebook's settings, seed 1. */
    public static final Hyperparameters DEFAULTS = new Hyperparameters(
            Algorithm.A2C, CartPoleVersion.V0, 256, 3e-4, 0.99, 0.001, 300, 3000, 0, 1L);

    public Hyperparameters {
        if (algorithm == null) {
            throw new IllegalArgumentException("algorithm must be one of reinforce, "
                    + "reinforce-baseline, a2c, was null");
        }
        if (version == null) {
            throw new IllegalArgumentException("version must be v0 or v1, was null");
        }
        checkRange("hiddenSize", hiddenSize, 1, MAX_HIDDEN_SIZE);
        if (!(learningRate > 0 && learningRate <= 1)) {
            throw outOfRange("learningRate", learningRate, "(0, 1]");
        }
        if (!(discount >= 0 && discount <= 1)) {
            throw outOfRange("discount", discount, "[0, 1]");
        }
        if (!(entropyCoefficient >= 0 && entropyCoefficient <= 1)) {
            throw outOfRange("entropyCoefficient", entropyCoefficient, "[0, 1]");
        }
        checkRange("maxSteps", maxSteps, 1, MAX_STEPS_LIMIT);
        checkRange("episodes", episodes, 1, MAX_EPISODES);
        checkRange("nSteps", nSteps, 0, MAX_STEPS_LIMIT);
    }

    private static void checkRange(String field, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "%s must be in [%d, %d], was %d", field, min, max, value));
        }
    }

    private static IllegalArgumentException outOfRange(String field, double value, String range) {
        return new IllegalArgumentException(String.format(Locale.ROOT,
                "%s must be in %s, was %s", field, range, value));
    }

    /** Steps an episode can last: the smaller of {@link #maxSteps} and the version's limit. */
    public int episodeStepLimit() {
        return Math.min(maxSteps, version.timeLimit());
    }

    public Hyperparameters withAlgorithm(Algorithm v) {
        return new Hyperparameters(v, version, hiddenSize, learningRate, discount,
                entropyCoefficient, maxSteps, episodes, nSteps, seed);
    }

    public Hyperparameters withVersion(CartPoleVersion v) {
        return new Hyperparameters(algorithm, v, hiddenSize, learningRate, discount,
                entropyCoefficient, maxSteps, episodes, nSteps, seed);
    }

    public Hyperparameters withHiddenSize(int v) {
        return new Hyperparameters(algorithm, version, v, learningRate, discount,
                entropyCoefficient, maxSteps, episodes, nSteps, seed);
    }

    public Hyperparameters withLearningRate(double v) {
        return new Hyperparameters(algorithm, version, hiddenSize, v, discount,
                entropyCoefficient, maxSteps, episodes, nSteps, seed);
    }

    public Hyperparameters withDiscount(double v) {
        return new Hyperparameters(algorithm, version, hiddenSize, learningRate, v,
                entropyCoefficient, maxSteps, episodes, nSteps, seed);
    }

    public Hyperparameters withEntropyCoefficient(double v) {
        return new Hyperparameters(algorithm, version, hiddenSize, learningRate, discount,
                v, maxSteps, episodes, nSteps, seed);
    }

    public Hyperparameters withMaxSteps(int v) {
        return new Hyperparameters(algorithm, version, hiddenSize, learningRate, discount,
                entropyCoefficient, v, episodes, nSteps, seed);
    }

    public Hyperparameters withEpisodes(int v) {
        return new Hyperparameters(algorithm, version, hiddenSize, learningRate, discount,
                entropyCoefficient, maxSteps, v, nSteps, seed);
    }

    public Hyperparameters withNSteps(int v) {
        return new Hyperparameters(algorithm, version, hiddenSize, learningRate, discount,
                entropyCoefficient, maxSteps, episodes, v, seed);
    }

    public Hyperparameters withSeed(long v) {
        return new Hyperparameters(algorithm, version, hiddenSize, learningRate, discount,
                entropyCoefficient, maxSteps, episodes, nSteps, v);
    }
}
