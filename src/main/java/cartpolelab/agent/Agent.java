package cartpolelab.agent;

import java.util.List;
import java.util.random.RandomGenerator;
import org.ejml.data.DMatrixRMaj;

/**
 * CONTRACT SKELETON (to be implemented in the learning-core work): the actor and critic
 * networks with their optimiser and the selected algorithm.
 *
 * <p>Used by one thread at a time (the trainer's). The trainer drives it like this:
 * <pre>
 *   env.reset(random); env.observe(obs, 0);
 *   loop: a = agent.act(obs, random); r = env.advance(a); env.observe(next, 0);
 *         agent.observe(r, next, env.terminated(), cutOff);   // updates when due
 *         obs ← next; until terminated or cutOff
 *   stats = agent.takeEpisodeStats();
 * </pre>
 * {@code cutOff} is true when the episode was ended by the time limit or max steps (not by the
 * pole falling); then returns bootstrap from V(s_T), otherwise from 0.
 */
public final class Agent {

    /** Networks initialised like PyTorch's nn.Linear from a generator derived from hp.seed(). */
    public Agent(Hyperparameters hyperparameters) {
        throw new UnsupportedOperationException("Agent is not implemented yet");
    }

    public Hyperparameters hyperparameters() {
        throw new UnsupportedOperationException();
    }

    // ---- the learning loop; no allocation per call ----

    /** Samples a ~ π(·|s) with {@code random}, remembers (s, a) for the next update. */
    public int act(double[] observation, RandomGenerator random) {
        throw new UnsupportedOperationException();
    }

    /** π(·|s) of the last {@link #act} call, copied into out[0..1]. */
    public void lastProbabilities(double[] out) {
        throw new UnsupportedOperationException();
    }

    /**
     * Records the reward of the last action and the state it led to, and runs the learning
     * update when one is due (the episode's end, or every n steps for n-step A2C).
     *
     * @param terminated the pole fell or the cart left the track (bootstrap from 0)
     * @param cutOff     the time limit or max steps ended the episode (bootstrap from V(s_T))
     * @return true if an update ran
     * @throws IllegalStateException if a loss or a parameter became NaN or infinite
     */
    public boolean observe(double reward, double[] nextObservation, boolean terminated,
                           boolean cutOff) {
        throw new UnsupportedOperationException();
    }

    /** Means over the updates since the last call; resets the accumulators. */
    public UpdateStats takeEpisodeStats() {
        throw new UnsupportedOperationException();
    }

    /** Drops a partly recorded rollout without learning from it. */
    public void discardRollout() {
        throw new UnsupportedOperationException();
    }

    // ---- inspection: no learning, no random numbers, does not disturb a rollout ----

    /** The critic's V(s). */
    public double value(double[] observation) {
        throw new UnsupportedOperationException();
    }

    /** π(·|s) into out[0..1]. */
    public void probabilities(double[] observation, double[] out) {
        throw new UnsupportedOperationException();
    }

    /** argmax_a π(a|s), ties to 0. */
    public int greedyAction(double[] observation) {
        throw new UnsupportedOperationException();
    }

    /** a ~ π(·|s) without recording anything. */
    public int sampleAction(double[] observation, RandomGenerator random) {
        throw new UnsupportedOperationException();
    }

    // ---- state, for checkpoints: live matrices in a fixed order ----

    /** Names in the order of {@link #parameters()}, e.g. actor.w1, actor.b1, ..., critic.b2. */
    public List<String> parameterNames() {
        throw new UnsupportedOperationException();
    }

    /** The live parameter matrices; writing into them changes the agent. */
    public List<DMatrixRMaj> parameters() {
        throw new UnsupportedOperationException();
    }

    /** Adam's first moments, one per parameter, same order and shapes. */
    public List<DMatrixRMaj> adamFirstMoments() {
        throw new UnsupportedOperationException();
    }

    /** Adam's second moments, one per parameter, same order and shapes. */
    public List<DMatrixRMaj> adamSecondMoments() {
        throw new UnsupportedOperationException();
    }

    /** Adam's step count t (for the bias correction). */
    public long adamStep() {
        throw new UnsupportedOperationException();
    }

    public void setAdamStep(long step) {
        throw new UnsupportedOperationException();
    }
}
