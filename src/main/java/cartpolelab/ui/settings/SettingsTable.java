package cartpolelab.ui.settings;

import cartpolelab.agent.Algorithm;
import cartpolelab.agent.Hyperparameters;
import cartpolelab.agent.Setting;
import cartpolelab.env.CartPoleVersion;
import java.math.BigDecimal;
import cartpolelab.agent.Choices;
import cartpolelab.agent.Schedule;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The settings form's rows: for every setting, the id of its
 * control, its label, the name its messages use, what it means (the tooltip), how its text is
 * checked against its range, and how it is read from and put into {@link Hyperparameters}.
 * {@link SettingsPane} builds its rows from {@link #ROWS} and nothing else.
 *
 * <p>The ranges are not repeated here: each check tries the value on
 * {@link Hyperparameters#DEFAULTS} with the matching {@code withX}, so the record's own
 * validation is the range (see {@link FieldCheck}). Labels, meanings and range texts come from
 * {@link Setting}, which the command line's help and the record's messages also use.
 */
public final class SettingsTable {

    /**
     * One setting of the form.
     *
     * @param fieldId the control's id (relied on by tests)
     * @param label   the label next to the control
     * @param name    the setting as error messages name it ("Discount: 2 is out of range…")
     * @param meaning what the setting does: the tooltip
     * @param choices the values to choose from (a combo box), or null for a typed field
     * @param range   for a typed field: parses (name, text) and checks the value against the
     *                setting's range; null for a choice, whose every value is valid
     * @param get     the setting's value in a {@link Hyperparameters}
     * @param put     a {@link Hyperparameters} with the setting set to a checked value
     * @param <T>     the setting's type
     */
    public record Row<T>(String fieldId, String label, String name, String meaning,
                         List<T> choices, BiFunction<String, String, FieldCheck<T>> range,
                         Function<Hyperparameters, T> get,
                         BiFunction<Hyperparameters, T, Hyperparameters> put) {

        public Row {
            Objects.requireNonNull(fieldId, "fieldId");
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(meaning, "meaning");
            Objects.requireNonNull(get, "get");
            Objects.requireNonNull(put, "put");
            if ((choices == null) == (range == null)) {
                throw new IllegalArgumentException(fieldId + ": either choices or a range");
            }
        }

        /** Parses {@code text} and checks it against the range. Typed fields only. */
        public FieldCheck<T> check(String text) {
            return range.apply(name, text);
        }

        /** The text a typed field shows for {@code hp}'s value ("64,64" for a list). */
        public String text(Hyperparameters hp) {
            T v = get.apply(hp);
            return v instanceof Double d ? plain(d) : v instanceof List<?> l
                    ? l.stream().map(String::valueOf).collect(Collectors.joining(","))
                    : String.valueOf(v);
        }
    }

    /** The row of each setting's record component, for messages that name a component. */
    private static final Map<String, Row<?>> BY_COMPONENT = new HashMap<>();

    private static <T> Row<T> choice(String fieldId, Setting setting, T[] values,
                                     Function<Hyperparameters, T> get,
                                     BiFunction<Hyperparameters, T, Hyperparameters> put) {
        return register(setting, new Row<>(fieldId, setting.label(), setting.label(),
                setting.meaning(), List.of(values), null, get, put));
    }

    /** A choice among the network package's values ({@link Choices}). */
    private static Row<Object> network(String fieldId, Setting setting) {
        return choice(fieldId, setting, Choices.values(setting).toArray(),
                hp -> Choices.get(setting, hp), (hp, v) -> Choices.with(setting, hp, v));
    }

    private static <T> Row<T> register(Setting setting, Row<T> row) {
        BY_COMPONENT.put(setting.component(), row);
        return row;
    }

    /**
     * The row a message of {@link Hyperparameters}' validation is about ("minibatch must be
     * at most the rollout's 5 steps …" → {@link #MINIBATCH}), or null.
     */
    public static Row<?> rowOfMessage(String message) {
        if (message == null) {
            return null;
        }
        int space = message.indexOf(' ');
        return BY_COMPONENT.get(space < 0 ? message : message.substring(0, space));
    }

    /** A typed field; {@code name} is how its messages name it ("Discount: 2 is …"). */
    private static <T> Row<T> typed(String fieldId, Setting setting, String name,
                                    BiFunction<String, String, FieldCheck<T>> range,
                                    Function<Hyperparameters, T> get,
                                    BiFunction<Hyperparameters, T, Hyperparameters> put) {
        return register(setting, new Row<>(fieldId, setting.label(), name, setting.meaning()
                + "\nRange: " + setting.rangeText(), null, range, get, put));
    }

    private static final Hyperparameters PROBE = Hyperparameters.DEFAULTS;

    public static final Row<Algorithm> ALGORITHM = choice("algorithmField", Setting.ALGORITHM,
            Algorithm.values(), Hyperparameters::algorithm, Hyperparameters::withAlgorithm);

    public static final Row<CartPoleVersion> VERSION = choice("versionField", Setting.VERSION,
            CartPoleVersion.values(), Hyperparameters::version, Hyperparameters::withVersion);

    /** Hidden layers as a list of widths, all equal: "256" (the notebook's) or "64,64". */
    public static final Row<List<Integer>> HIDDEN_SIZE = register(Setting.HIDDEN_SIZE,
            new Row<>("hiddenSizeField", "Hidden layers", "Hidden layers",
                    Setting.HIDDEN_LAYERS.meaning() + "\nRange: one width per layer, all equal, "
                            + "each in " + Setting.HIDDEN_SIZE.rangeText() + ", 1 to "
                            + Hyperparameters.MAX_HIDDEN_LAYERS + " layers",
                    null, (n, t) -> FieldCheck.layers(n, t, PROBE::withHiddenSize),
                    hp -> Collections.nCopies(hp.hiddenLayers(), hp.hiddenSize()),
                    (hp, l) -> hp.withHiddenSize(l.get(0)).withHiddenLayers(l.size())));

    public static final Row<Double> LEARNING_RATE = typed("learningRateField",
            Setting.LEARNING_RATE, "Learning rate", (n, t) -> FieldCheck.decimal(n, t, PROBE::withLearningRate),
            Hyperparameters::learningRate, Hyperparameters::withLearningRate);

    public static final Row<Double> DISCOUNT = typed("discountField",
            Setting.DISCOUNT, "Discount", (n, t) -> FieldCheck.decimal(n, t, PROBE::withDiscount),
            Hyperparameters::discount, Hyperparameters::withDiscount);

    public static final Row<Double> ENTROPY = typed("entropyField",
            Setting.ENTROPY_COEFFICIENT, "Entropy coefficient", (n, t) -> FieldCheck.decimal(n, t, PROBE::withEntropyCoefficient),
            Hyperparameters::entropyCoefficient, Hyperparameters::withEntropyCoefficient);

    public static final Row<Integer> N_STEPS = typed("nStepsField",
            Setting.N_STEPS, "N steps", (n, t) -> FieldCheck.wholeNumber(n, t, PROBE::withNSteps),
            Hyperparameters::nSteps, Hyperparameters::withNSteps);

    public static final Row<Integer> ENVS = typed("envsField",
            Setting.ENVS, "Envs", (n, t) -> FieldCheck.wholeNumber(n, t, PROBE::withEnvs),
            Hyperparameters::envs, Hyperparameters::withEnvs);

    public static final Row<Double> GAE_LAMBDA = typed("gaeLambdaField",
            Setting.GAE_LAMBDA, "GAE \u03bb", (n, t) -> FieldCheck.decimal(n, t, PROBE::withGaeLambda),
            Hyperparameters::gaeLambda, Hyperparameters::withGaeLambda);

    public static final Row<Integer> MAX_STEPS = typed("maxStepsField",
            Setting.MAX_STEPS, "Max steps", (n, t) -> FieldCheck.wholeNumber(n, t, PROBE::withMaxSteps),
            Hyperparameters::maxSteps, Hyperparameters::withMaxSteps);

    public static final Row<Integer> EPISODES = typed("episodesField",
            Setting.EPISODES, "Episodes", (n, t) -> FieldCheck.wholeNumber(n, t, PROBE::withEpisodes),
            Hyperparameters::episodes, Hyperparameters::withEpisodes);

    public static final Row<Long> SEED = typed("seedField",
            Setting.SEED, "Seed", FieldCheck::seed, Hyperparameters::seed, Hyperparameters::withSeed);

    // ---- the knobs SB3's settings need (the form's "Advanced" section) ----

    public static final Row<Object> ACTIVATION = network("activationField", Setting.ACTIVATION);

    public static final Row<Object> INITIALISATION = network("initialisationField",
            Setting.INITIALISATION);

    public static final Row<Object> OPTIMISER = network("optimiserField", Setting.OPTIMISER);

    public static final Row<Double> OPTIMISER_EPSILON = typed("optimiserEpsilonField",
            Setting.OPTIMISER_EPSILON, "Optimiser \u03b5",
            (n, t) -> FieldCheck.decimal(n, t, PROBE::withOptimiserEpsilon),
            Hyperparameters::optimiserEpsilon, Hyperparameters::withOptimiserEpsilon);

    public static final Row<Double> RMSPROP_ALPHA = typed("rmspropAlphaField",
            Setting.RMSPROP_ALPHA, "RMSprop \u03b1",
            (n, t) -> FieldCheck.decimal(n, t, PROBE::withRmspropAlpha),
            Hyperparameters::rmspropAlpha, Hyperparameters::withRmspropAlpha);

    public static final Row<Double> MAX_GRAD_NORM = typed("maxGradNormField",
            Setting.MAX_GRAD_NORM, "Max grad norm",
            (n, t) -> FieldCheck.decimal(n, t, PROBE::withMaxGradNorm),
            Hyperparameters::maxGradNorm, Hyperparameters::withMaxGradNorm);

    public static final Row<Double> VALUE_COEFFICIENT = typed("valueCoefficientField",
            Setting.VALUE_COEFFICIENT, "Value coefficient",
            (n, t) -> FieldCheck.decimal(n, t, PROBE::withValueCoefficient),
            Hyperparameters::valueCoefficient, Hyperparameters::withValueCoefficient);

    public static final Row<Boolean> NORMALISE_ADVANTAGE = choice("normaliseAdvantageField",
            Setting.NORMALISE_ADVANTAGE, new Boolean[] {false, true},
            Hyperparameters::normaliseAdvantage, Hyperparameters::withNormaliseAdvantage);

    public static final Row<Schedule> LR_SCHEDULE = choice("learningRateScheduleField",
            Setting.LR_SCHEDULE, Schedule.values(), Hyperparameters::learningRateSchedule,
            Hyperparameters::withLearningRateSchedule);

    public static final Row<Long> SCHEDULE_STEPS = typed("scheduleStepsField",
            Setting.SCHEDULE_STEPS, "Schedule steps",
            (n, t) -> FieldCheck.longNumber(n, t, PROBE::withScheduleSteps),
            Hyperparameters::scheduleSteps, Hyperparameters::withScheduleSteps);

    public static final Row<Integer> EPOCHS = typed("epochsField", Setting.EPOCHS, "Epochs",
            (n, t) -> FieldCheck.wholeNumber(n, t, PROBE::withEpochs),
            Hyperparameters::epochs, Hyperparameters::withEpochs);

    public static final Row<Integer> MINIBATCH = typed("minibatchField", Setting.MINIBATCH,
            "Minibatch", (n, t) -> FieldCheck.wholeNumber(n, t, PROBE::withMinibatch),
            Hyperparameters::minibatch, Hyperparameters::withMinibatch);

    public static final Row<Double> CLIP_RANGE = typed("clipRangeField", Setting.CLIP_RANGE,
            "Clip range", (n, t) -> FieldCheck.decimal(n, t, PROBE::withClipRange),
            Hyperparameters::clipRange, Hyperparameters::withClipRange);

    public static final Row<Schedule> CLIP_SCHEDULE = choice("clipScheduleField",
            Setting.CLIP_SCHEDULE, Schedule.values(), Hyperparameters::clipRangeSchedule,
            Hyperparameters::withClipRangeSchedule);

    /** The form's rows, top to bottom. */
    public static final List<Row<?>> ROWS = List.of(ALGORITHM, VERSION, HIDDEN_SIZE,
            LEARNING_RATE, DISCOUNT, ENTROPY, N_STEPS, ENVS, GAE_LAMBDA, MAX_STEPS, EPISODES,
            SEED);

    /** The rows of the collapsible "Advanced" section under {@link #ROWS}. */
    public static final List<Row<?>> ADVANCED = List.of(ACTIVATION, INITIALISATION, OPTIMISER,
            OPTIMISER_EPSILON, RMSPROP_ALPHA, MAX_GRAD_NORM, VALUE_COEFFICIENT,
            NORMALISE_ADVANTAGE, LR_SCHEDULE, SCHEDULE_STEPS, EPOCHS, MINIBATCH, CLIP_RANGE,
            CLIP_SCHEDULE);

    /**
     * Why {@code row} changes nothing for {@code algorithm} (the form disables it and says
     * so), or null when the algorithm uses it.
     */
    public static String unusedBecause(Row<?> row, Algorithm algorithm) {
        if (row == ENTROPY && !algorithm.usesEntropy()) {
            return algorithm.displayName() + " has no entropy bonus; "
                    + Algorithm.namesWhere(Algorithm::usesEntropy) + " add one. "
                    + "The value is kept for when you switch back.";
        }
        if (row == N_STEPS && !algorithm.supportsNSteps()) {
            return algorithm.displayName() + " learns from whole episodes (it needs the full "
                    + "return Gₜ); " + Algorithm.namesWhere(Algorithm::supportsNSteps)
                    + " can update every n steps.";
        }
        if ((row == EPOCHS || row == MINIBATCH || row == CLIP_RANGE || row == CLIP_SCHEDULE)
                && algorithm != Algorithm.PPO) {
            return "PPO only: " + algorithm.displayName() + " makes one gradient step per "
                    + "rollout, without epochs, minibatches or a clipped ratio.";
        }
        if (row == VALUE_COEFFICIENT && !algorithm.usesCritic()) {
            return algorithm.displayName() + " has no critic, so no value loss to weigh.";
        }
        if (row == GAE_LAMBDA && !algorithm.bootstraps()) {
            return algorithm.displayName() + " multiplies \u2207log \u03c0 by the Monte-Carlo "
                    + "return (\u03bb = 1 in effect); the advantage of "
                    + Algorithm.namesWhere(Algorithm::bootstraps) + " has a \u03bb.";
        }
        return null;
    }

    private SettingsTable() {
    }

    /** 0.0003 rather than 3.0E-4: what a user would type. */
    static String plain(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
