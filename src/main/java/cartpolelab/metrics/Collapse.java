package cartpolelab.metrics;

import java.util.Locale;

/**
 * The collapse rule, written once for the command line and the window: a policy has
 * collapsed when, over the last {@value #WINDOW} finished episodes, its mean entropy is below
 * {@value #MAX_ENTROPY} nats (it takes one action almost surely, ln 2 ≈ 0.693 being a coin
 * flip) while the mean reward stays below {@value #MAX_REWARD_FRACTION} of the solved
 * threshold. Typical cause: a learning rate so high that one update saturates the softmax
 * (e.g. {@code --lr 1}: entropy → 0, the average stuck near 9 steps). A deterministic policy
 * that solves the task is not a collapse.
 *
 * @param episode       the last episode looked at
 * @param meanEntropy   mean policy entropy of the window, nats
 * @param meanReward    mean reward of the window
 */
public record Collapse(int episode, double meanEntropy, double meanReward) {

    public static final int WINDOW = 50;
    public static final double MAX_ENTROPY = 0.01;
    public static final double MAX_REWARD_FRACTION = 0.25;

    /**
     * The collapse at the end of {@code history}, or null if the last {@value #WINDOW}
     * episodes do not show one (or there are fewer). O(window), any thread.
     */
    public static Collapse detect(EpisodeHistory history, double solvedThreshold) {
        int n = history.size();
        if (n < WINDOW) {
            return null;
        }
        double entropy = 0;
        double reward = 0;
        for (int i = n - WINDOW; i < n; i++) {
            entropy += history.entropy(i);
            reward += history.reward(i);
        }
        entropy /= WINDOW;
        reward /= WINDOW;
        if (entropy < MAX_ENTROPY && reward < MAX_REWARD_FRACTION * solvedThreshold) {
            return new Collapse(n, entropy, reward);
        }
        return null;
    }

    /**
     * One line for a summary or a status bar: what happened and what to try, naming the two
     * settings as the caller shows them (e.g. "--lr" and "--entropy-coef", or "learning rate"
     * and "entropy coefficient").
     */
    public String message(String learningRate, String entropyCoefficient) {
        return String.format(Locale.ROOT, "the policy collapsed: over the last %d episodes it "
                + "almost always takes the same action (entropy %.3f nats) and averages %.1f "
                + "steps; try a lower %s (e.g. 3e-4) or a larger %s, and train again", WINDOW,
                meanEntropy, meanReward, learningRate, entropyCoefficient);
    }
}
