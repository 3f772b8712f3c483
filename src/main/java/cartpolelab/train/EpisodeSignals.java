package cartpolelab.train;

import cartpolelab.agent.Advantages;
import cartpolelab.agent.Algorithm;
import cartpolelab.agent.EpisodeEnd;
import cartpolelab.agent.Hyperparameters;

/**
 * What the learning update multiplied ∇log π(a_t|s_t) by at each step of a recorded episode,
 * recomputed the way the run's {@link Algorithm} computes it, for the replay overlay:
 * <ul>
 *   <li>the return G_t = r_{t+1} + γ r_{t+2} + … from the state shown, to the end of the
 *       update's rollout (the episode, or n steps for n-step A2C); for A2C the λ-return
 *       G^λ_t, the critic's target, which bootstraps from V where the pole did not fall
 *       (at λ = 0 it is r_{t+1} + γ V(s_{t+1}));</li>
 *   <li>Ψ_t: G_t for REINFORCE, G_t − V(s_t) for REINFORCE + baseline, the GAE(λ) advantage
 *       Â_t = G^λ_t − V(s_t) for A2C (λ = 0: the TD error r + γ V(s') − V(s)).</li>
 * </ul>
 * V is the critic's estimate as recorded when the frame was shown: the network the update
 * used, except at an n-step boundary, where the recording was taken just after that update.
 * The last frame (no action taken from it) has neither: NaN.
 *
 * <p>For PPO also the ratio ρ_t = π_θ(a_t|s_t) / π_old(a_t|s_t) the recording measured
 * ({@link RecordedEpisode#ratio}: π_old the policy that chose a_t, π_θ the one after the update
 * that learned from the step) and the clipped term clip(ρ_t, 1 − ε, 1 + ε) · Â_t of the
 * surrogate, with that update's ε and Â_t as above (before any per-minibatch normalisation);
 * NaN for the steps no update of the episode learned from last, and for other algorithms.
 */
public final class EpisodeSignals {

    private final Algorithm algorithm;
    private final double[] returns;
    private final double[] multipliers;
    /** PPO's ρ per frame (NaN where unknown), or null. */
    private final RecordedEpisode recording;

    private EpisodeSignals(Algorithm algorithm, double[] returns, double[] multipliers,
                           RecordedEpisode recording) {
        this.algorithm = algorithm;
        this.returns = returns;
        this.multipliers = multipliers;
        this.recording = recording;
    }

    /**
     * The signals of {@code e} as a run with {@code hp} learned from it: each update's rollout
     * (the episode, or n steps for n-step A2C) through {@link Advantages#gae}, the learner's
     * own rule, with the values the recording kept.
     */
    public static EpisodeSignals of(RecordedEpisode e, Hyperparameters hp) {
        Algorithm a = hp.algorithm();
        int steps = e.steps();
        int rollout = hp.maxStepsPerUpdate();
        double[] rewards = new double[steps];
        double[] values = a.usesCritic() ? new double[steps] : null;
        for (int t = 0; t < steps; t++) {
            rewards[t] = e.frame(t + 1).episodeReward() - e.frame(t).episodeReward();
            if (values != null) {
                values[t] = e.frame(t).value();
            }
        }
        double[] g = new double[steps + 1];
        double[] psi = new double[steps + 1];
        g[steps] = Double.NaN;
        psi[steps] = Double.NaN;
        boolean bootstraps = a.bootstraps();
        for (int start = 0; start < steps; start += rollout) {
            int end = Math.min(steps, start + rollout);
            EpisodeEnd how = end < steps ? EpisodeEnd.RUNNING
                    : e.fell() ? EpisodeEnd.FELL : EpisodeEnd.CUT_OFF;
            Advantages.gae(rewards, values, start, end - start, 1, how,
                    bootstraps ? e.frame(end).value() : 0, hp.discount(),
                    bootstraps ? hp.gaeLambda() : 1, psi, g);
        }
        return new EpisodeSignals(a, g, psi, a.clipped() ? e : null);
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

    /** PPO: ρ = π_θ(a|s) / π_old(a|s) of the action from frame {@code k}; NaN if unknown. */
    public double ratioAt(int k) {
        return recording == null ? Double.NaN : recording.ratio(k);
    }

    /** PPO: clip(ρ, 1 − ε, 1 + ε) · Â at frame {@code k}; NaN where ρ is unknown. */
    public double clippedTermAt(int k) {
        double rho = ratioAt(k);
        double eps = recording == null ? Double.NaN : recording.clipRange();
        return Math.min(Math.max(rho, 1 - eps), 1 + eps) * multipliers[k];
    }

    /** The name of Ψ_t for this algorithm, as the overlay writes it. */
    public String multiplierName() {
        return switch (algorithm) {
            case REINFORCE -> "G\u209c";
            case REINFORCE_BASELINE -> "G\u209c \u2212 V(s\u209c)";
            case A2C, PPO -> "\u00c2\u209c";
        };
    }

    /** Frames this covers: the episode's steps + 1 (tests). */
    int frames() {
        return returns.length;
    }
}
