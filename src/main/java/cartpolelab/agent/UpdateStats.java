package cartpolelab.agent;

/**
 * What the learning updates of one episode measured, averaged over the updates that ran in it
 * (one at the episode's end, or several with A2C's n-step setting).
 *
 * @param actorLoss  the policy-gradient loss (−mean log π · advantage)
 * @param criticLoss the critic's loss (0.5 · mean A²; 0 for plain REINFORCE, which has none)
 * @param entropy    mean policy entropy over the episode's states, in nats (ln 2 ≈ 0.693 is
 *                   a uniform policy over the two actions)
 * @param updates    how many updates ran in the episode
 */
public record UpdateStats(double actorLoss, double criticLoss, double entropy, int updates) {
    public static final UpdateStats NONE = new UpdateStats(0, 0, 0, 0);
}
