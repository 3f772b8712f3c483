package cartpolelab.agent;

/**
 * The policy-gradient stages of the study notebook, from plain REINFORCE to A2C, and what sets
 * them apart. The learning update ({@link PolicyGradientUpdate}) is one piece of code; these
 * properties are its only algorithm-dependent inputs.
 *
 * <pre>
 *                        usesCritic  bootstraps  usesEntropy  criticLossScale  supportsNSteps
 *   REINFORCE              no          no          no           0                no
 *   REINFORCE_BASELINE     yes         no          no           1                no
 *   A2C                    yes         yes         yes          ½                yes
 * </pre>
 */
public enum Algorithm {
    /** Monte-Carlo policy gradient: −mean_t log π(a_t|s_t) · G_t. */
    REINFORCE("REINFORCE", false, false, false, 0.0, false),
    /** REINFORCE with the critic as baseline: advantage G_t − V(s_t), critic loss mean A². */
    REINFORCE_BASELINE("REINFORCE + baseline", true, false, false, 1.0, false),
    /** Advantage actor-critic: bootstrapped returns, critic loss ½ mean A², entropy bonus. */
    A2C("A2C", true, true, true, 0.5, true);

    private final String displayName;
    private final boolean usesCritic;
    private final boolean bootstraps;
    private final boolean usesEntropy;
    private final double criticLossScale;
    private final boolean supportsNSteps;

    Algorithm(String displayName, boolean usesCritic, boolean bootstraps, boolean usesEntropy,
              double criticLossScale, boolean supportsNSteps) {
        this.displayName = displayName;
        this.usesCritic = usesCritic;
        this.bootstraps = bootstraps;
        this.usesEntropy = usesEntropy;
        this.criticLossScale = criticLossScale;
        this.supportsNSteps = supportsNSteps;
    }

    public String displayName() {
        return displayName;
    }

    /**
     * The critic V(s) is trained and subtracted from the return as a baseline
     * (Ψ_t = G_t − V(s_t)); without it Ψ_t = G_t and the critic is left alone.
     */
    public boolean usesCritic() {
        return usesCritic;
    }

    /**
     * Returns bootstrap from V(s_T) when the rollout did not end by a fall (cut-off or n-step
     * boundary; see {@link RolloutBuffer}); otherwise they are Monte-Carlo returns, G_T = 0.
     */
    public boolean bootstraps() {
        return bootstraps;
    }

    /** The loss includes the entropy bonus −c · mean_t H(π(·|s_t)), c = the coefficient. */
    public boolean usesEntropy() {
        return usesEntropy;
    }

    /**
     * k in the critic loss k · (1/T) Σ_t (G_t − V(s_t))²: 1 for the baseline's squared error,
     * ½ for A2C (the notebook's {@code 0.5 * advantage.pow(2).mean()}), 0 without a critic.
     */
    public double criticLossScale() {
        return criticLossScale;
    }

    /** {@code hp.nSteps() > 0} makes it update every n steps instead of at the episode's end. */
    public boolean supportsNSteps() {
        return supportsNSteps;
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
