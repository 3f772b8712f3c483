package cartpolelab.agent;

import cartpolelab.env.CartPole;
import cartpolelab.nn.Activations;
import cartpolelab.nn.Categorical;
import cartpolelab.nn.Mlp;
import java.util.random.RandomGenerator;
import org.ejml.data.DMatrixRMaj;

/**
 * The acting half of {@link Agent}: π(·|s) by the actor, a ~ π sampled, and (s, h, π, a)
 * stored in the rollout for the next update. One environment acts through the actor's
 * one-row pass ({@link Mlp#forwardRow}, as every earlier build did, so its runs stay bit for
 * bit); N environments through one matrix product per layer on the N × 4 states. Every array
 * is allocated here, once: acting allocates nothing.
 */
final class Acting {

    private static final int IN = CartPole.OBSERVATION_SIZE;
    private static final int ACTIONS = CartPole.ACTION_COUNT;

    private final Mlp actor;
    private final RolloutBuffer rollout;
    private final int envs;
    private final Mlp.Workspace one;
    /** N × 4: the states of all environments, the actor's input when N > 1. */
    private final DMatrixRMaj states;
    private final Mlp.Workspace batch;
    /** π(·|s) of each environment's last action, 2 per environment. */
    private final double[] lastProbabilities;

    Acting(Mlp actor, RolloutBuffer rollout, int envs) {
        this.actor = actor;
        this.rollout = rollout;
        this.envs = envs;
        this.one = actor.newWorkspace(1, 1);
        this.states = new DMatrixRMaj(envs, IN);
        this.batch = actor.newWorkspace(envs, 1);
        this.lastProbabilities = new double[envs * ACTIONS];
    }

    /** One environment: a ~ π(·|s) with one {@code nextDouble()} of {@code random}. */
    int act(double[] observation, RandomGenerator random) {
        int t = rollout.startStep(observation);
        // z = f(s W1 + b1) … Wₒᵀ + bₒ,  π = softmax(z)
        actor.forwardRow(observation, 0, one);
        double[] probabilities = rollout.probabilities();
        Activations.softmax(one.output().data, 0, ACTIONS, probabilities,
                rollout.logProbabilities(), t * ACTIONS);
        // keep h_t for the batched backward pass
        rollout.storeHidden(t, one.hidden().data);
        // a ~ π(·|s)
        int a = Categorical.sample(probabilities, t * ACTIONS, ACTIONS, random);
        System.arraycopy(probabilities, t * ACTIONS, lastProbabilities, 0, ACTIONS);
        rollout.storeAction(t, a);
        return a;
    }

    /** N environments: a_e ~ π(·|s_e) from {@code randoms[e]}, into {@code actions[e]}. */
    void act(double[] observations, RandomGenerator[] randoms, int[] actions) {
        if (envs == 1) {
            actions[0] = act(observations, randoms[0]);
            return;
        }
        // Z = f(S W1 + b1) … Wₒᵀ + bₒ on the N × 4 states S: one matrix product per layer
        System.arraycopy(observations, 0, states.data, 0, envs * IN);
        actor.forward(states, batch);
        double[] z = batch.output().data;
        double[] h = batch.hidden().data;
        int width = batch.hidden().numCols;
        double[] probabilities = rollout.probabilities();
        for (int e = 0; e < envs; e++) {
            int row = rollout.startStep(e, observations, e * IN);
            // π_e = softmax(Z_e)
            Activations.softmax(z, e * ACTIONS, ACTIONS, probabilities,
                    rollout.logProbabilities(), row * ACTIONS);
            // keep h for the batched backward pass
            rollout.storeHidden(row, h, e * width);
            // a_e ~ π(·|s_e), from environment e's own stream
            int a = Categorical.sample(probabilities, row * ACTIONS, ACTIONS, randoms[e]);
            System.arraycopy(probabilities, row * ACTIONS, lastProbabilities, e * ACTIONS,
                    ACTIONS);
            rollout.storeAction(row, a);
            actions[e] = a;
        }
        rollout.actionsStored();
    }

    /** π(·|s_e) of the last act, 2 per environment, as many as {@code out} holds. */
    void lastProbabilities(double[] out) {
        System.arraycopy(lastProbabilities, 0, out, 0,
                Math.min(out.length, lastProbabilities.length));
    }
}
