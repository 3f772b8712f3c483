package cartpolelab.ui.settings;

import cartpolelab.agent.Algorithm;
import cartpolelab.agent.Hyperparameters;
import cartpolelab.agent.Setting;
import cartpolelab.env.CartPoleVersion;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
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

        /** The text a typed field shows for {@code hp}'s value. */
        public String text(Hyperparameters hp) {
            T v = get.apply(hp);
            return v instanceof Double d ? plain(d) : String.valueOf(v);
        }
    }

    private static <T> Row<T> choice(String fieldId, Setting setting, T[] values,
                                     Function<Hyperparameters, T> get,
                                     BiFunction<Hyperparameters, T, Hyperparameters> put) {
        return new Row<>(fieldId, setting.label(), setting.label(), setting.meaning(),
                List.of(values), null, get, put);
    }

    /** A typed field; {@code name} is how its messages name it ("Discount: 2 is …"). */
    private static <T> Row<T> typed(String fieldId, Setting setting, String name,
                                    BiFunction<String, String, FieldCheck<T>> range,
                                    Function<Hyperparameters, T> get,
                                    BiFunction<Hyperparameters, T, Hyperparameters> put) {
        return new Row<>(fieldId, setting.label(), name, setting.meaning() + "\nRange: "
                + setting.rangeText(), null, range, get, put);
    }

    private static final Hyperparameters PROBE = Hyperparameters.DEFAULTS;

    public static final Row<Algorithm> ALGORITHM = choice("algorithmField", Setting.ALGORITHM,
            Algorithm.values(), Hyperparameters::algorithm, Hyperparameters::withAlgorithm);

    public static final Row<CartPoleVersion> VERSION = choice("versionField", Setting.VERSION,
            CartPoleVersion.values(), Hyperparameters::version, Hyperparameters::withVersion);

    public static final Row<Integer> HIDDEN_SIZE = typed("hiddenSizeField",
            Setting.HIDDEN_SIZE, "Hidden size", (n, t) -> FieldCheck.wholeNumber(n, t, PROBE::withHiddenSize),
            Hyperparameters::hiddenSize, Hyperparameters::withHiddenSize);

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

    /** The form's rows, top to bottom. */
    public static final List<Row<?>> ROWS = List.of(ALGORITHM, VERSION, HIDDEN_SIZE,
            LEARNING_RATE, DISCOUNT, ENTROPY, N_STEPS, ENVS, GAE_LAMBDA, MAX_STEPS, EPISODES,
            SEED);

    /**
     * Why {@code row} changes nothing for {@code algorithm} (the form disables it and says
     * so), or null when the algorithm uses it.
     */
    public static String unusedBecause(Row<?> row, Algorithm algorithm) {
        if (row == ENTROPY && !algorithm.usesEntropy()) {
            return algorithm.displayName() + " has no entropy bonus; only A2C adds one. "
                    + "The value is kept for when you switch back.";
        }
        if (row == N_STEPS && !algorithm.supportsNSteps()) {
            return algorithm.displayName() + " learns from whole episodes (it needs the full "
                    + "return Gₜ); only A2C can update every n steps.";
        }
        if (row == GAE_LAMBDA && !algorithm.bootstraps()) {
            return algorithm.displayName() + " multiplies \u2207log \u03c0 by the Monte-Carlo "
                    + "return (\u03bb = 1 in effect); only A2C's advantage has a \u03bb.";
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
