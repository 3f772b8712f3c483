package cartpolelab.agent;

/**
 * What the learning updates of one episode measured, averaged over the updates that ran in it
 * (one at the episode's end, or several with A2C's n-step setting; PPO's updates finish every
 * n steps, so an episode holds the mean of those that finished during it, or none).
 *
 * @param actorLoss    the policy-gradient loss (−mean log π · advantage; PPO's clipped
 *                     surrogate)
 * @param criticLoss   the critic's (value) loss k · mean (R − V)² (0 for plain REINFORCE)
 * @param entropy      mean policy entropy over the episode's states, in nats (ln 2 ≈ 0.693 is
 *                     a uniform policy over the two actions)
 * @param updates      how many updates ran in the episode
 * @param approxKl     PPO: mean over the updates of SB3's {@code approx_kl}; NaN for the other
 *                     algorithms and for an episode in which no PPO update finished
 * @param clipFraction PPO: mean over the updates of the fraction of samples with
 *                     |ρ − 1| &gt; ε; NaN like {@code approxKl}
 */
public record UpdateStats(double actorLoss, double criticLoss, double entropy, int updates,
                          double approxKl, double clipFraction) {
    public static final UpdateStats NONE = new UpdateStats(0, 0, 0, 0);

    /** Stats of an algorithm without PPO's measures (they are NaN). */
    public UpdateStats(double actorLoss, double criticLoss, double entropy, int updates) {
        this(actorLoss, criticLoss, entropy, updates, Double.NaN, Double.NaN);
    }
}
