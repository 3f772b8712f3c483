package cartpolelab.train;

import cartpolelab.agent.Algorithm;
import cartpolelab.agent.Hyperparameters;

/**
 * What the learning update multiplied ∇log π(a_t|s_t) by at each step of a recorded episode,
 * recomputed the way the run's {@link Algorithm} computes it, for the replay overlay:
 * <ul>
 *   <li>the return G_t = r_{t+1} + γ r_{t+2} + … from the state shown, to the end of the
 *       update's rollout (the episode, or n steps for n-step A2C), plus γ^k V(s_end) when the
 *       algorithm bootstraps and the pole did not fall there;</li>
 *   <li>Ψ_t: G_t for REINFORCE, G_t − V(s_t) for REINFORCE + baseline, the advantage
 *       A_t = G_t − V(s_t) with the bootstrapped G_t for A2C.</li>
 * </ul>
 * V is the critic's estimate as recorded when the frame was shown: the network the update
 * used, except at an n-step boundary, where the recording was taken just after that update.
 * The last frame (no action taken from it) has neither: NaN.
 */
public final class EpisodeSignals {

    private final Algorithm algorithm;
    private final double[] returns;
    private final double[] multipliers;

    private EpisodeSignals(Algorithm algorithm, double[] returns, double[] multipliers) {
        this.algorithm = algorithm;
        this.returns = returns;
        this.multipliers = multipliers;
    }

    /** The signals of {@code e} as a run with {@code hp} learned from it. */
    public static EpisodeSignals of(RecordedEpisode e, Hyperparameters hp) {
        Algorithm a = hp.algorithm();
        int steps = e.steps();
        int rollout = hp.maxStepsPerUpdate();
        double gamma = hp.discount();
        double[] g = new double[steps + 1];
        double[] psi = new double[steps + 1];
        g[steps] = Double.NaN;
        psi[steps] = Double.NaN;
        for (int start = 0; start < steps; start += rollout) {
            int end = Math.min(steps, start + rollout);
            boolean fellAtEnd = end == steps && e.fell();
            double next = a.bootstraps() && !fellAtEnd ? e.frame(end).value() : 0;
            for (int t = end - 1; t >= start; t--) {
                double reward = e.frame(t + 1).episodeReward() - e.frame(t).episodeReward();
                next = reward + gamma * next;
                g[t] = next;
                psi[t] = a.usesCritic() ? next - e.frame(t).value() : next;
            }
        }
        return new EpisodeSignals(a, g, psi);
    }

    public Algorithm algorithm() {
        return algorithm;
    }

    /** G_t from frame {@code k}'s state; NaN at the last frame. */
    public double returnAt(int k) {
        return returns[k];
    }

    /** Ψ_t at frame {@code k}: what ∇log π of the next action was multiplied by; NaN last. */
    public double multiplierAt(int k) {
        return multipliers[k];
    }

    /** The name of Ψ_t for this algorithm, as the overlay writes it. */
    public String multiplierName() {
        return switch (algorithm) {
            case REINFORCE -> "G\u209c";
            case REINFORCE_BASELINE -> "G\u209c \u2212 V(s\u209c)";
            case A2C -> "A\u209c";
        };
    }

    /** Frames this covers: the episode's steps + 1. */
    public int frames() {
        return returns.length;
    }
}
