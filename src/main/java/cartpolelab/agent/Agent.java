package cartpolelab.agent;

import cartpolelab.env.CartPole;
import cartpolelab.nn.Activations;
import cartpolelab.nn.Categorical;
import cartpolelab.nn.Initialisation;
import cartpolelab.nn.Mlp;
import cartpolelab.nn.Optimiser;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.ejml.data.DMatrixRMaj;

/**
 * The actor and critic networks with their optimiser and the selected policy-gradient
 * algorithm, as in the study notebook.
 *
 * <p>Networks (two separate ones, as in the notebook and SB3's MlpPolicy): actor
 * {@code 4 → hidden → 2} with a softmax, critic {@code 4 → hidden → 1} (L hidden layers,
 * ReLU or tanh); both initialised like PyTorch's {@code nn.Linear} (or orthogonally) from
 * {@link RandomStreams#weights}. One optimiser (Adam, Kingma and Ba 2015, or RMSprop) over all
 * parameter matrices, like the notebook's {@code optim.Adam(ac.parameters())}; since both work
 * elementwise this equals one per network.
 *
 * <p>Algorithms: the formulas, their sources and where this differs from the notebook's
 * source article are in {@link Algorithm}'s class comment.
 *
 * <p>Parts: a {@link RolloutBuffer} keeps the steps since the last update (what is stored,
 * and the bootstrap rule); {@link PolicyGradientUpdate} turns it into losses, gradients and an
 * optimiser step ({@link PpoUpdate} for PPO); {@link Algorithm}'s properties are all that differs between the algorithms. Per
 * step only the actor runs, on one row; everything is allocated in the constructor, so
 * {@link #act} and {@link #observe} allocate nothing.
 *
 * <p>Used by one thread at a time. {@link EpisodeRunner} is the loop that drives it, written
 * once: {@code a = act(s)}, step the environment, {@code observe(r, s', end)} with {@code end = EpisodeEnd.after(env, hp.maxSteps())} (the update runs
 * inside when due), and {@link #takeEpisodeStats()} when the episode has ended.
 */
public final class Agent {

    private static final int IN = CartPole.OBSERVATION_SIZE;
    private static final int ACTIONS = CartPole.ACTION_COUNT;
    /** SB3's ortho_init gains: hidden layers, the policy's output, the value's output. */
    private static final double HIDDEN_GAIN = Math.sqrt(2);
    private static final double POLICY_GAIN = 0.01;
    private static final double VALUE_GAIN = 1;

    private final Hyperparameters hp;
    /** N, environments stepped in lockstep ({@code hp.envs()}). */
    private final int envs;

    private final Mlp actor;
    private final Mlp critic;
    private final Optimiser adam;
    private final List<String> parameterNames;
    private final List<DMatrixRMaj> parameters;
    private final List<DMatrixRMaj> gradients;
    private final RolloutBuffer rollout;
    /** Null for PPO, which learns with {@link #ppo} instead. */
    private final PolicyGradientUpdate policyGradientUpdate;
    /** Null unless PPO. */
    private final PpoUpdate ppo;
    /** When the updates run, and their losses since the last episode's record. */
    private final Updates updates;

    /** Acting: the actor on one state, or on N at once, and sampling into the rollout. */
    private final Acting acting;

    // ---- inspection: own buffers, never the rollout's ----
    private final Mlp.Workspace inspectActor;
    private final Mlp.Workspace inspectCritic;
    private final double[] inspectProbabilities = new double[ACTIONS];


    /**
     * Networks initialised from {@link RandomStreams#weights} like PyTorch's nn.Linear, or
     * orthogonally with SB3's gains ({@link Hyperparameters#initialisation()}).
     */
    public Agent(Hyperparameters hyperparameters) {
        if (hyperparameters == null) {
            throw new IllegalArgumentException("hyperparameters must not be null");
        }
        this.hp = hyperparameters;
        int hidden = hp.hiddenSize();
        int capacity = hp.maxStepsPerUpdate();
        this.envs = hp.envs();
        int rows = envs * capacity;

        this.actor = new Mlp(IN, hidden, hp.hiddenLayers(), ACTIONS, hp.activation());
        this.critic = new Mlp(IN, hidden, hp.hiddenLayers(), 1, hp.activation());
        RandomGenerator init = RandomStreams.weights(hp.seed());
        if (hp.initialisation() == Initialisation.ORTHOGONAL) {
            actor.initOrthogonal(HIDDEN_GAIN, POLICY_GAIN, init);
            critic.initOrthogonal(HIDDEN_GAIN, VALUE_GAIN, init);
        } else {
            actor.initLikePyTorch(init);
            critic.initLikePyTorch(init);
        }

        List<DMatrixRMaj> p = new ArrayList<>(actor.parameters());
        p.addAll(critic.parameters());
        List<DMatrixRMaj> g = new ArrayList<>(actor.gradients());
        g.addAll(critic.gradients());
        this.parameters = List.copyOf(p);
        this.gradients = List.copyOf(g);
        this.parameterNames = parameterShapes(hp).stream().map(ParameterShape::name).toList();
        this.adam = Optimiser.of(hp.optimiser(), hp.learningRate(), hp.optimiserEpsilon(),
                hp.rmspropAlpha(), parameters, gradients);

        this.rollout = new RolloutBuffer(capacity, envs, hidden);
        this.ppo = hp.algorithm().clipped() ? new PpoUpdate(hp, actor, critic, adam,
                parameterNames, gradients, rows) : null;
        this.policyGradientUpdate = ppo != null ? null : new PolicyGradientUpdate(hp, actor, critic, adam,
                parameterNames, gradients, rows);
        this.acting = new Acting(actor, rollout, envs);
        this.updates = new Updates(hp, rollout, policyGradientUpdate, ppo);
        this.inspectActor = actor.newWorkspace(1, 1);
        this.inspectCritic = critic.newWorkspace(1, 1);
    }

    public Hyperparameters hyperparameters() {
        return hp;
    }

    /**
     * Optimiser steps so far: one per learning update (one per minibatch for PPO). The one
     * update counter: a restored agent continues it, and the NaN/Inf messages' "at update N"
     * read it too.
     */
    public long updates() {
        return adam.stepCount();
    }

    // ---- the learning loop; no allocation per call ----

    /**
     * Samples a ~ π(·|s) with {@code random} (exactly one {@code nextDouble()}), remembers
     * (s, a) for the next update.
     *
     * @throws IllegalStateException if the previous action's outcome was not observed yet
     */
    public int act(double[] observation, RandomGenerator random) {
        return acting.act(observation, random);
    }

    /**
     * Samples a_e ~ π(·|s_e) for each of the N environments, s_e at
     * {@code observations[4e..4e+4)}, with {@code randoms[e]} (exactly one {@code nextDouble()}
     * each), into {@code actions[e]}; remembers (s_e, a_e) for the next update. The actor runs
     * on all N states as one matrix product per layer; N = 1 is {@link #act(double[],
     * RandomGenerator)}, bit for bit.
     *
     * @throws IllegalStateException if the previous outcomes were not observed yet
     */
    public void act(double[] observations, RandomGenerator[] randoms, int[] actions) {
        acting.act(observations, randoms, actions);
    }

    /** π(·|s) of the last {@link #act} call: 2 per environment, as many as {@code out} holds. */
    public void lastProbabilities(double[] out) {
        acting.lastProbabilities(out);
    }

    /**
     * Records the reward of the last action and the state it led to, and runs the learning
     * update when one is due (the episode's end, or every n steps for n-step A2C).
     *
     * @param end how the step left the episode ({@link EpisodeEnd#after}): {@code FELL}
     *            bootstraps from 0, {@code CUT_OFF} (time limit or max steps) from V(s_T)
     * @return true if an update ran
     * @throws IllegalStateException if a loss or a parameter became NaN or infinite, if no
     *                               action is awaiting its outcome, or if the episode ran
     *                               past {@code hp.episodeStepLimit()} without a cut-off
     */
    public boolean observe(double reward, double[] nextObservation, EpisodeEnd end) {
        return updates.observe(reward, nextObservation, end);
    }

    /**
     * Records the N outcomes of the last {@link #act(double[], RandomGenerator[], int[])}:
     * r_e, s'_e at {@code nextObservations[4e..)} and how each step ended; the update runs
     * every n locksteps on the N × n rollout. N = 1 is {@link #observe(double, double[],
     * EpisodeEnd)}. When updates are due: {@link Updates}.
     *
     * @return true if an update ran
     */
    public boolean observe(double[] rewards, double[] nextObservations, EpisodeEnd[] ends) {
        return updates.observe(rewards, nextObservations, ends);
    }

    /** Means over the updates since the last call; resets the accumulators. */
    public UpdateStats takeEpisodeStats() {
        return updates.takeStats();
    }

    /** Ψ_t of the last update's rollout (what ∇log π(a_t|s_t) was multiplied by), a copy. */
    public double[] lastMultipliers() {
        return policyGradientUpdate.multipliers();
    }

    /** Drops a partly recorded rollout without learning from it. */
    public void discardRollout() {
        updates.discard();
    }

    // ---- for the tests of this package: the rollout, the update, dL/dθ ----
    RolloutBuffer rollout() {
        return rollout;
    }

    PolicyGradientUpdate policyGradientUpdate() {
        return policyGradientUpdate;
    }

    PpoUpdate ppo() {
        return ppo;
    }

    List<DMatrixRMaj> gradients() {
        return gradients;
    }

    // ---- inspection: no learning, no random numbers, does not disturb a rollout ----

    /** The critic's V(s). */
    public double value(double[] observation) {
        critic.forwardRow(observation, 0, inspectCritic);
        return inspectCritic.output().data[0];
    }

    /** π(·|s) into out[0..1]. */
    public void probabilities(double[] observation, double[] out) {
        actor.forwardRow(observation, 0, inspectActor);
        Activations.softmax(inspectActor.output().data, 0, ACTIONS, out, null, 0);
    }

    /** argmax_a π(a|s), ties to 0. */
    public int greedyAction(double[] observation) {
        probabilities(observation, inspectProbabilities);
        return Categorical.argmax(inspectProbabilities, 0, ACTIONS);
    }

    /** a ~ π(·|s) without recording anything (one {@code nextDouble()}). */
    public int sampleAction(double[] observation, RandomGenerator random) {
        probabilities(observation, inspectProbabilities);
        return Categorical.sample(inspectProbabilities, 0, ACTIONS, random);
    }

    // ---- state, for snapshots and checkpoints ----

    /**
     * The names and shapes of the parameter matrices for these settings, in the order of
     * {@link #parameters()}, without building any network (from {@link Mlp#parameterShapes},
     * the layout's one home): what a checkpoint reader checks a file against.
     */
    public static List<ParameterShape> parameterShapes(Hyperparameters hp) {
        return ParameterShape.of(hp, IN, ACTIONS);
    }

    /** A deep copy of the parameters and Adam's state as they are now. */
    public AgentState state() {
        return new AgentState(parameters, adam.firstMoments(), adam.secondMoments(),
                adam.stepCount());
    }

    /**
     * An agent with these settings and exactly this learned state.
     *
     * @throws IllegalArgumentException if a matrix's shape does not fit these settings
     */
    public static Agent restore(Hyperparameters hp, AgentState state) {
        return restore(hp, state, 0);
    }

    /**
     * {@link #restore(Hyperparameters, AgentState)} for a run that has taken {@code stepsSoFar}
     * environment steps (where a learning-rate schedule continues from).
     */
    public static Agent restore(Hyperparameters hp, AgentState state, long stepsSoFar) {
        List<ParameterShape> shapes = parameterShapes(hp);
        if (state.parameters().size() != shapes.size()) {
            throw new IllegalArgumentException("the state holds " + state.parameters().size()
                    + " parameter matrices; these networks have " + shapes.size());
        }
        for (int i = 0; i < shapes.size(); i++) {
            ParameterShape want = shapes.get(i);
            want.check(state.parameters().get(i));
            want.check(state.firstMoments().get(i));
            want.check(state.secondMoments().get(i));
        }
        Agent agent = new Agent(hp);
        for (int i = 0; i < shapes.size(); i++) {
            agent.parameters.get(i).setTo(state.parameters().get(i));
            agent.adam.firstMoments().get(i).setTo(state.firstMoments().get(i));
            agent.adam.secondMoments().get(i).setTo(state.secondMoments().get(i));
        }
        agent.adam.setStepCount(state.adamStep());
        agent.updates.setSteps(stepsSoFar);
        return agent;
    }

    // ---- live matrices in a fixed order ----

    /**
     * Names in the order of {@link #parameters()}: actor.w1, actor.b1, …, critic.b(L+1)
     * ({@link #parameterShapes}, derived from the networks' layout).
     */
    public List<String> parameterNames() {
        return parameterNames;
    }

    /** The live parameter matrices; writing into them changes the agent. */
    public List<DMatrixRMaj> parameters() {
        return parameters;
    }

    @Override
    public String toString() {
        return "Agent(" + hp.algorithm() + ", actor " + actor + ", critic " + critic + ", "
                + adam + ")";
    }
}
