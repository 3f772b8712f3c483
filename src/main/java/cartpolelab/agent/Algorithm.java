package cartpolelab.agent;

/** The policy-gradient stages of the study notebook, from plain REINFORCE to A2C. */
public enum Algorithm {
    /** Monte-Carlo policy gradient: −mean_t log π(a_t|s_t) · G_t. */
    REINFORCE("REINFORCE"),
    /** REINFORCE with the critic as baseline: advantage G_t − V(s_t). */
    REINFORCE_BASELINE("REINFORCE with baseline"),
    /** Advantage actor-critic with bootstrapped returns. */
    A2C("A2C");

    private final String displayName;

    Algorithm(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }

    /** Parses {@code a2c}, {@code reinforce}, {@code reinforce-baseline} (any case, - or _). */
    public static Algorithm parse(String text) {
        String t = text.trim().replace('-', '_').toUpperCase(java.util.Locale.ROOT);
        for (Algorithm a : values()) {
            if (a.name().equals(t)) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown algorithm '" + text
                + "': use reinforce, reinforce-baseline or a2c");
    }

    @Override
    public String toString() {
        return displayName;
    }
}
