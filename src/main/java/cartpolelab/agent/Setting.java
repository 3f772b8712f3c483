package cartpolelab.agent;

import java.util.Locale;

/**
 * What each setting of {@link Hyperparameters} means and which values it takes: the one place
 * this is written, read by the record's validation, the command line's help and the settings
 * form. For each: the record component, the command-line flag, a short label for the form, a
 * one-line meaning, and the allowed range as text and (for numbers) as bounds.
 *
 * <p>Numeric ranges are closed {@code [min, max]} except learning rate's {@code (0, 1]},
 * whose lower bound is excluded ({@link #minExclusive()}). {@link #ALGORITHM} and
 * {@link #VERSION} are choices, not numbers: their bounds are NaN. The seed takes any
 * {@code long}.
 */
public enum Setting {
    ALGORITHM("algorithm", "--algorithm", "Algorithm",
            "Policy-gradient stage, by what it multiplies \u2207log \u03c0(a|s) by: REINFORCE, the "
                    + "return G\u209c; REINFORCE with baseline, G\u209c \u2212 V(s\u209c); A2C, the "
                    + "GAE(\u03bb) advantage (\u03bb = 0, the default: r + \u03b3V(s') \u2212 V(s)); "
                    + "PPO, the clipped ratio times the GAE advantage, epochs of minibatches.",
            "one of reinforce, reinforce-baseline, a2c, ppo", Double.NaN, Double.NaN, false, false),
    VERSION("version", "--env", "Version",
            "CartPole-v0: episodes end at 200 steps, solved at a 50-episode average of 195; "
                    + "CartPole-v1: 500 steps, solved at 475.",
            "v0 or v1", Double.NaN, Double.NaN, false, false),
    HIDDEN_SIZE("hiddenSize", "--hidden", "Hidden size",
            "Units in each hidden layer of the actor and of the critic.",
            "[1, " + Hyperparameters.MAX_HIDDEN_SIZE + "]", 1, Hyperparameters.MAX_HIDDEN_SIZE,
            false, true),
    LEARNING_RATE("learningRate", "--lr", "Learning rate",
            "Adam's step size, e.g. 0.0003 (or 3e-4).", "(0, 1]", 0, 1, true, false),
    DISCOUNT("discount", "--gamma", "Discount \u03b3",
            "How much future rewards count: 0 = only the next reward, 0.99 = far ahead.",
            "[0, 1]", 0, 1, false, false),
    ENTROPY_COEFFICIENT("entropyCoefficient", "--entropy-coef", "Entropy coef.",
            "Weight of the entropy bonus that keeps the policy exploring (A2C only).",
            "[0, 1]", 0, 1, false, false),
    MAX_STEPS("maxSteps", "--max-steps", "Max steps",
            "Steps after which an episode is cut; the version's own limit (200 or 500) still "
                    + "applies.",
            "[1, " + Hyperparameters.MAX_STEPS_LIMIT + "]", 1, Hyperparameters.MAX_STEPS_LIMIT,
            false, true),
    EPISODES("episodes", "--episodes", "Episodes",
            "Episode budget of a run: training stops after this many.",
            "[1, " + Hyperparameters.MAX_EPISODES + "]", 1, Hyperparameters.MAX_EPISODES, false,
            true),
    N_STEPS("nSteps", "--n-steps", "N steps",
            "A2C only: update every n steps instead of at the episode's end (0 = at the "
                    + "episode's end, the notebook's way).",
            "[0, " + Hyperparameters.MAX_STEPS_LIMIT + "]", 0, Hyperparameters.MAX_STEPS_LIMIT,
            false, true),
    GAE_LAMBDA("gaeLambda", "--gae-lambda", "GAE \u03bb",
            "A2C only: \u03bb of its advantage \u00c2\u209c = \u03a3 (\u03b3\u03bb)^l \u03b4\u209c\u208a\u2097, "
                    + "\u03b4\u209c = r + \u03b3V(s') \u2212 V(s): 0 = the notebook's TD advantage, "
                    + "1 = the return minus V (REINFORCE with a baseline's multiplier).",
            "[0, 1]", 0, 1, false, false),
    HIDDEN_LAYERS("hiddenLayers", "--hidden", "Hidden layers",
            "Hidden layers of the actor and of the critic, each of the hidden size: --hidden "
                    + "64,64 is two layers of 64 (SB3's MlpPolicy), --hidden 256 the notebook's one.",
            "[1, " + Hyperparameters.MAX_HIDDEN_LAYERS + "]", 1,
            Hyperparameters.MAX_HIDDEN_LAYERS, false, true),
    ACTIVATION("activation", "--activation", "Activation",
            "Nonlinearity of the hidden layers: relu (the notebook's) or tanh (SB3's).",
            "relu or tanh", Double.NaN, Double.NaN, false, false),
    INITIALISATION("initialisation", "--init", "Initialisation",
            "Starting weights: pytorch (nn.Linear's uniform \u00b11/\u221afan_in, the notebook's) "
                    + "or orthogonal (SB3's ortho_init: gains \u221a2 hidden, 0.01 policy, 1 value; "
                    + "biases 0).",
            "pytorch or orthogonal", Double.NaN, Double.NaN, false, false),
    OPTIMISER("optimiser", "--optimiser", "Optimiser",
            "adam (the notebook's) or rmsprop (PyTorch's RMSprop, as SB3's A2C uses it).",
            "adam or rmsprop", Double.NaN, Double.NaN, false, false),
    OPTIMISER_EPSILON("optimiserEpsilon", "--optimiser-eps", "Optimiser \u03b5",
            "\u03b5 in the optimiser's denominator \u221av + \u03b5: 1e-8 is PyTorch's Adam "
                    + "default, SB3 uses 1e-5.",
            "(0, 1]", 0, 1, true, false),
    RMSPROP_ALPHA("rmspropAlpha", "--rmsprop-alpha", "RMSprop \u03b1",
            "RMSprop only: smoothing of its running average of g\u00b2 (SB3: 0.99).",
            "[0, 1]", 0, 1, false, false),
    MAX_GRAD_NORM("maxGradNorm", "--max-grad-norm", "Max grad norm",
            "Clips the gradient of all parameters together to this norm before each step, as "
                    + "torch's clip_grad_norm_ (SB3: 0.5); 0 = no clipping.",
            "[0, 1000000]", 0, 1_000_000, false, false),
    VALUE_COEFFICIENT("valueCoefficient", "--vf-coef", "Value coef.",
            "A2C only: weight k of the critic loss k \u00b7 mean (G \u2212 V)\u00b2 (the "
                    + "notebook's and SB3's 0.5).",
            "[0, 100]", 0, 100, false, false),
    NORMALISE_ADVANTAGE("normaliseAdvantage", "--normalise-advantage", "Normalise adv.",
            "Scale the actor's advantages of each update to mean 0, standard deviation 1 "
                    + "(SB3's normalize_advantage); the critic's targets are unchanged.",
            "true or false", Double.NaN, Double.NaN, false, false),
    LR_SCHEDULE("learningRateSchedule", "--lr-schedule", "LR schedule",
            "constant, or linear: the learning rate falls to 0 over the schedule steps (SB3's "
                    + "lin_0.001).",
            "constant or linear", Double.NaN, Double.NaN, false, false),
    SCHEDULE_STEPS("scheduleSteps", "--schedule-steps", "Schedule steps",
            "Environment steps over which a linear schedule reaches 0 (SB3's total_timesteps).",
            "[1, " + Hyperparameters.MAX_SCHEDULE_STEPS + "]", 1,
            Hyperparameters.MAX_SCHEDULE_STEPS, false, true),
    EPOCHS("epochs", "--epochs", "Epochs",
            "PPO only: passes over each rollout, each in shuffled minibatches (SB3's n_epochs).",
            "[1, 1000]", 1, 1000, false, true),
    MINIBATCH("minibatch", "--minibatch", "Minibatch",
            "PPO only: steps per gradient step, at most the rollout's n steps (SB3's "
                    + "batch_size).",
            "[1, " + Hyperparameters.MAX_STEPS_LIMIT + "], at most n-steps", 1,
            Hyperparameters.MAX_STEPS_LIMIT, false, true),
    CLIP_RANGE("clipRange", "--clip-range", "Clip range \u03b5",
            "PPO only: the ratio \u03c1 = \u03c0/\u03c0_old is clipped to [1 \u2212 \u03b5, 1 + \u03b5] "
                    + "in the surrogate \u2212min(\u03c1\u00c2, clip(\u03c1)\u00c2).",
            "(0, 10]", 0, 10, true, false),
    CLIP_SCHEDULE("clipRangeSchedule", "--clip-schedule", "Clip schedule",
            "PPO only: constant, or linear: \u03b5 falls to 0 over the schedule steps (SB3's "
                    + "lin_0.2).",
            "constant or linear", Double.NaN, Double.NaN, false, false),
    ENVS("envs", "--envs", "Envs",
            "CartPoles stepped in lockstep, each with its own start states and actions from the "
                    + "seed; one update every n steps learns from all of them (A2C with n-steps "
                    + "\u2265 1, or PPO). 1 = the notebook's single environment.",
            "[1, " + Hyperparameters.MAX_ENVS + "]", 1, Hyperparameters.MAX_ENVS, false, true),
    SEED("seed", "--seed", "Seed",
            "Seeds the weights, the resets and the action sampling: same seed and settings, "
                    + "same run.",
            "any 64-bit integer", Long.MIN_VALUE, Long.MAX_VALUE, false, true);

    private final String component;
    private final String flag;
    private final String label;
    private final String meaning;
    private final String range;
    private final double min;
    private final double max;
    private final boolean minExclusive;
    private final boolean wholeNumber;

    Setting(String component, String flag, String label, String meaning, String range,
            double min, double max, boolean minExclusive, boolean wholeNumber) {
        this.component = component;
        this.flag = flag;
        this.label = label;
        this.meaning = meaning;
        this.range = range;
        this.min = min;
        this.max = max;
        this.minExclusive = minExclusive;
        this.wholeNumber = wholeNumber;
    }

    /** The {@link Hyperparameters} record component, e.g. {@code hiddenSize}. */
    public String component() {
        return component;
    }

    /** The command-line flag, e.g. {@code --hidden}. */
    public String flag() {
        return flag;
    }

    /** A short label for a form, e.g. "Hidden size". */
    public String label() {
        return label;
    }

    /** One sentence: what the setting does. */
    public String meaning() {
        return meaning;
    }

    /** The allowed values as text, e.g. {@code [1, 4096]}, {@code (0, 1]}, {@code v0 or v1}. */
    public String rangeText() {
        return range;
    }

    /** True for the numeric settings (all but {@link #ALGORITHM} and {@link #VERSION}). */
    public boolean numeric() {
        return !Double.isNaN(min);
    }

    /** Smallest allowed value (excluded if {@link #minExclusive()}); NaN if not numeric. */
    public double min() {
        return min;
    }

    /** Largest allowed value (included); NaN if not numeric. */
    public double max() {
        return max;
    }

    /** The lower bound itself is not allowed (learning rate). */
    public boolean minExclusive() {
        return minExclusive;
    }

    /** Takes whole numbers only. */
    public boolean wholeNumber() {
        return wholeNumber;
    }

    /** Whether {@code value} is in range (false for NaN and for non-numeric settings). */
    public boolean accepts(double value) {
        return (minExclusive ? value > min : value >= min) && value <= max;
    }

    /** The setting whose record component is {@code component}. */
    public static Setting ofComponent(String component) {
        for (Setting s : values()) {
            if (s.component.equals(component)) {
                return s;
            }
        }
        throw new IllegalArgumentException("no setting '" + component + "'");
    }

    /** @throws IllegalArgumentException "hiddenSize must be in [1, 4096], was 0" */
    void check(long value) {
        if (!(value >= (long) min && value <= (long) max)) {
            throw outOfRange(Long.toString(value));
        }
    }

    /** @throws IllegalArgumentException "learningRate must be in (0, 1], was 0.0" */
    void check(double value) {
        if (!accepts(value)) {
            throw outOfRange(Double.toString(value));
        }
    }

    /** @throws IllegalArgumentException "version must be v0 or v1, was null" */
    void checkPresent(Object value) {
        if (value == null) {
            throw outOfRange("null");
        }
    }

    private IllegalArgumentException outOfRange(String value) {
        return new IllegalArgumentException(String.format(Locale.ROOT, "%s must be %s%s, was %s",
                component, numeric() ? "in " : "", range, value));
    }
}
