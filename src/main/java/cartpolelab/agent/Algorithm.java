package cartpolelab.agent;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * The policy-gradient stages of the study notebook, from plain REINFORCE to A2C, and what sets
 * them apart. The learning update ({@link PolicyGradientUpdate}) is one piece of code; these
 * properties are its only algorithm-dependent inputs.
 *
 * <pre>
 *                        usesCritic  bootstraps  usesEntropy  criticLossScale  supportsNSteps
 *   REINFORCE              no          no          no           0                no
 *   REINFORCE_BASELINE     yes         no          no           1                no
 *   A2C                    yes         yes         yes          ½ (setting)      yes
 *   PPO                    yes         yes         yes          ½ (setting)      yes, always
 * </pre>
 * <p>Algorithms (T = steps in the rollout, γ = discount, c = entropy coefficient):
 * <ul>
 *   <li>{@link Algorithm#REINFORCE} (Williams 1992) — the notebook's first formula,
 *       ∇J = E[Σ_t ∇ log π(a_t|s_t) G_t]: Monte-Carlo returns G_t = r_t + γ G_{t+1}, G_T = 0,
 *       loss = −(1/T) Σ_t log π(a_t|s_t) G_t. The critic is not used.</li>
 *   <li>{@link Algorithm#REINFORCE_BASELINE} — the notebook's "introduce a baseline b(s)",
 *       ∇J = E[Σ_t ∇ log π(a_t|s_t) (G_t − b(s_t))] with b = V: actor loss
 *       −(1/T) Σ_t log π(a_t|s_t) (G_t − V(s_t)) with the advantage held constant, critic loss
 *       (1/T) Σ_t (G_t − V(s_t))².</li>
 *   <li>{@link Algorithm#A2C} (Mnih et al. 2016, the synchronous variant of A3C) — the
 *       notebook's A(s_t, a_t) = Q(s_t, a_t) − V(s_t) with bootstrapped returns
 *       Q_t = r_t + γ Q_{t+1}; Q_T = V(s_T) when the episode was cut by the time or step limit
 *       (or at an n-step boundary), Q_T = 0 when the pole fell or the cart left the track.
 *       loss = −(1/T) Σ log π(a_t|s_t) A_t  +  ½ (1/T) Σ A_t²  −  c (1/T) Σ H(π(·|s_t)),
 *       with A held constant in the actor term and Q held constant in the critic term. The
 *       notebook writes the one-step form A = r_{t+1} + γ V(s_{t+1}) − V(s_t); its code, like
 *       this one, uses the discounted return to the end of the rollout, bootstrapped once
 *       from V(s_T) (n-step returns when {@code hp.nSteps() > 0}).</li>
 * </ul>
 * Two bugs of the notebook's source article are not reproduced: it detached the values (so its
 * critic never learned) and added the entropy with the wrong sign (a penalty, not a bonus).
 * It also bootstrapped from V(s_T) after the pole fell; here that is 0.
 *
 * <p>{@link Algorithm#PPO} (Schulman et al. 2017) is also {@link #clipped()}: its update is {@link PpoUpdate} (epochs of minibatches on a
 * rollout that spans episodes) instead of one gradient step per rollout.
 */
public enum Algorithm {
    /** Monte-Carlo policy gradient: −mean_t log π(a_t|s_t) · G_t. */
    REINFORCE("REINFORCE", false, false, false, 0.0, false),
    /** REINFORCE with the critic as baseline: advantage G_t − V(s_t), critic loss mean A². */
    REINFORCE_BASELINE("REINFORCE + baseline", true, false, false, 1.0, false),
    /** Advantage actor-critic: bootstrapped returns, critic loss ½ mean A², entropy bonus. */
    A2C("A2C", true, true, true, 0.5, true),
    /**
     * Proximal policy optimisation (Schulman et al. 2017): the clipped surrogate
     * −min(ρÂ, clip(ρ, 1 ± ε)Â) over epochs of minibatches, GAE(λ) advantages.
     */
    PPO("PPO", true, true, true, 0.5, true);

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

    /**
     * True for PPO: the update is the clipped surrogate over epochs of minibatches
     * ({@link PpoUpdate}) on a rollout of n steps that spans episodes.
     */
    public boolean clipped() {
        return this == PPO;
    }

    /** The name {@code --algorithm} takes and files write: {@code a2c}, {@code reinforce-baseline}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Parses {@code a2c}, {@code ppo}, {@code reinforce}, {@code reinforce-baseline} (any case, - or _). */
    public static Algorithm parse(String text) {
        String t = text.trim().replace('-', '_').toUpperCase(Locale.ROOT);
        for (Algorithm a : values()) {
            if (a.name().equals(t)) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown algorithm '" + text + "': use " + ids());
    }

    /** Every algorithm's id, for messages: "reinforce, reinforce-baseline, a2c or ppo". */
    public static String ids() {
        return listed(Arrays.stream(values()).map(Algorithm::id).toList(), " or ");
    }

    /** The display names of the algorithms that have {@code property}: "A2C and PPO". */
    public static String namesWhere(Predicate<Algorithm> property) {
        return listed(Arrays.stream(values()).filter(property).map(Algorithm::displayName)
                .toList(), " and ");
    }

    private static String listed(List<String> items, String last) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < items.size(); i++) {
            s.append(i == 0 ? "" : i == items.size() - 1 ? last : ", ").append(items.get(i));
        }
        return s.toString();
    }

    @Override
    public String toString() {
        return displayName;
    }
}
