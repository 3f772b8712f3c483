package cartpolelab.agent;

import cartpolelab.env.CartPoleVersion;
import cartpolelab.nn.Activation;
import cartpolelab.nn.Initialisation;
import cartpolelab.nn.Optimiser;

/**
 * Mutable {@link Hyperparameters}, checked only by {@link #build()}: change several settings at
 * once without depending on the order of the record's components
 * ({@code Hyperparameters.DEFAULTS.toBuilder().hiddenSize(64).hiddenLayers(2).build()}).
 */
public final class HyperparameterBuilder {
    private Algorithm algorithm;
    private CartPoleVersion version;
    private int hiddenSize;
    private double learningRate;
    private double discount;
    private double entropyCoefficient;
    private int maxSteps;
    private int episodes;
    private int nSteps;
    private double gaeLambda;
    private int hiddenLayers;
    private Activation activation;
    private Initialisation initialisation;
    private Optimiser.Kind optimiser;
    private double optimiserEpsilon;
    private double rmspropAlpha;
    private double maxGradNorm;
    private double valueCoefficient;
    private boolean normaliseAdvantage;
    private Schedule learningRateSchedule;
    private long scheduleSteps;
    private int epochs;
    private int minibatch;
    private double clipRange;
    private Schedule clipRangeSchedule;
    private int envs;
    private long seed;

    HyperparameterBuilder(Hyperparameters h) {
        algorithm = h.algorithm();
        version = h.version();
        hiddenSize = h.hiddenSize();
        learningRate = h.learningRate();
        discount = h.discount();
        entropyCoefficient = h.entropyCoefficient();
        maxSteps = h.maxSteps();
        episodes = h.episodes();
        nSteps = h.nSteps();
        gaeLambda = h.gaeLambda();
        hiddenLayers = h.hiddenLayers();
        activation = h.activation();
        initialisation = h.initialisation();
        optimiser = h.optimiser();
        optimiserEpsilon = h.optimiserEpsilon();
        rmspropAlpha = h.rmspropAlpha();
        maxGradNorm = h.maxGradNorm();
        valueCoefficient = h.valueCoefficient();
        normaliseAdvantage = h.normaliseAdvantage();
        learningRateSchedule = h.learningRateSchedule();
        scheduleSteps = h.scheduleSteps();
        epochs = h.epochs();
        minibatch = h.minibatch();
        clipRange = h.clipRange();
        clipRangeSchedule = h.clipRangeSchedule();
        envs = h.envs();
        seed = h.seed();
    }

    public HyperparameterBuilder algorithm(Algorithm v) {
        algorithm = v;
        return this;
    }

    public HyperparameterBuilder version(CartPoleVersion v) {
        version = v;
        return this;
    }

    public HyperparameterBuilder hiddenSize(int v) {
        hiddenSize = v;
        return this;
    }

    public HyperparameterBuilder learningRate(double v) {
        learningRate = v;
        return this;
    }

    public HyperparameterBuilder discount(double v) {
        discount = v;
        return this;
    }

    public HyperparameterBuilder entropyCoefficient(double v) {
        entropyCoefficient = v;
        return this;
    }

    public HyperparameterBuilder maxSteps(int v) {
        maxSteps = v;
        return this;
    }

    public HyperparameterBuilder episodes(int v) {
        episodes = v;
        return this;
    }

    public HyperparameterBuilder nSteps(int v) {
        nSteps = v;
        return this;
    }

    public HyperparameterBuilder gaeLambda(double v) {
        gaeLambda = v;
        return this;
    }

    public HyperparameterBuilder hiddenLayers(int v) {
        hiddenLayers = v;
        return this;
    }

    public HyperparameterBuilder activation(Activation v) {
        activation = v;
        return this;
    }

    public HyperparameterBuilder initialisation(Initialisation v) {
        initialisation = v;
        return this;
    }

    public HyperparameterBuilder optimiser(Optimiser.Kind v) {
        optimiser = v;
        return this;
    }

    public HyperparameterBuilder optimiserEpsilon(double v) {
        optimiserEpsilon = v;
        return this;
    }

    public HyperparameterBuilder rmspropAlpha(double v) {
        rmspropAlpha = v;
        return this;
    }

    public HyperparameterBuilder maxGradNorm(double v) {
        maxGradNorm = v;
        return this;
    }

    public HyperparameterBuilder valueCoefficient(double v) {
        valueCoefficient = v;
        return this;
    }

    public HyperparameterBuilder normaliseAdvantage(boolean v) {
        normaliseAdvantage = v;
        return this;
    }

    public HyperparameterBuilder learningRateSchedule(Schedule v) {
        learningRateSchedule = v;
        return this;
    }

    public HyperparameterBuilder scheduleSteps(long v) {
        scheduleSteps = v;
        return this;
    }

    public HyperparameterBuilder epochs(int v) {
        epochs = v;
        return this;
    }

    public HyperparameterBuilder minibatch(int v) {
        minibatch = v;
        return this;
    }

    public HyperparameterBuilder clipRange(double v) {
        clipRange = v;
        return this;
    }

    public HyperparameterBuilder clipRangeSchedule(Schedule v) {
        clipRangeSchedule = v;
        return this;
    }

    public HyperparameterBuilder envs(int v) {
        envs = v;
        return this;
    }

    public HyperparameterBuilder seed(long v) {
        seed = v;
        return this;
    }

    /** @throws IllegalArgumentException naming the first setting out of range */
    public Hyperparameters build() {
        return new Hyperparameters(algorithm, version, hiddenSize, learningRate, discount,
                entropyCoefficient, maxSteps, episodes, nSteps, gaeLambda, hiddenLayers,
                activation, initialisation, optimiser, optimiserEpsilon, rmspropAlpha,
                maxGradNorm, valueCoefficient, normaliseAdvantage, learningRateSchedule,
                scheduleSteps, epochs, minibatch, clipRange, clipRangeSchedule, envs, seed);
    }
}
