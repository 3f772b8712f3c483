package cartpolelab.env;

/**
 * The two registered CartPole versions of Gymnasium. They share the physics and differ only in
 * the time limit and the reward at which the task counts as solved (the 100-episode average in
 * Gymnasium; this project uses the 50-episode moving average of the notebook).
 */
public enum CartPoleVersion {
    V0("CartPole-v0", 200, 195.0),
    V1("CartPole-v1", 500, 475.0);

    private final String id;
    private final int timeLimit;
    private final double solvedThreshold;

    CartPoleVersion(String id, int timeLimit, double solvedThreshold) {
        this.id = id;
        this.timeLimit = timeLimit;
        this.solvedThreshold = solvedThreshold;
    }

    /** Gymnasium's id, e.g. {@code CartPole-v0}. */
    public String id() {
        return id;
    }

    /** Steps after which an episode is truncated (200 for v0, 500 for v1). */
    public int timeLimit() {
        return timeLimit;
    }

    /** Moving-average reward at which the task counts as solved (195 for v0, 475 for v1). */
    public double solvedThreshold() {
        return solvedThreshold;
    }

    /** Parses {@code v0}, {@code V1}, {@code CartPole-v1}, ... ; throws naming the allowed values. */
    public static CartPoleVersion parse(String text) {
        String t = text.trim();
        for (CartPoleVersion v : values()) {
            if (t.equalsIgnoreCase(v.name()) || t.equalsIgnoreCase(v.id)) {
                return v;
            }
        }
        throw new IllegalArgumentException(
                "unknown CartPole version '" + text + "': use v0 or v1");
    }

    @Override
    public String toString() {
        return id;
    }
}
