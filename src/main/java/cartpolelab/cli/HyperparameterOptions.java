package cartpolelab.cli;

import cartpolelab.agent.Algorithm;
import cartpolelab.agent.HyperparameterBuilder;
import cartpolelab.agent.Hyperparameters;
import cartpolelab.agent.Preset;
import cartpolelab.agent.Setting;
import cartpolelab.agent.Schedule;
import cartpolelab.env.CartPoleVersion;
import cartpolelab.io.SafeText;
import cartpolelab.nn.Activation;
import cartpolelab.nn.Initialisation;
import cartpolelab.nn.Optimiser;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/**
 * Every setting of {@link Hyperparameters} as a flag, defaults taken from
 * {@link Hyperparameters#DEFAULTS} and help texts from {@link Setting} (through
 * {@link SettingHelp}): each is declared in one place.
 */
final class HyperparameterOptions {

    private static final Hyperparameters D = Hyperparameters.DEFAULTS;

    @Option(names = "--preset", paramLabel = "NAME", converter = ChoiceConverters.PresetConverter.class,
            description = "Start from a preset's settings: notebook (the defaults), sb3-a2c or "
                    + "sb3-ppo (rl-baselines3-zoo's CartPole-v1 settings for Stable-Baselines3, "
                    + "see the README); flags given as well override it.")
    Preset preset;

    @Option(names = "--algorithm", paramLabel = "NAME", converter = ChoiceConverters.AlgorithmConverter.class,
            descriptionKey = "algorithm")
    Algorithm algorithm = D.algorithm();

    @Option(names = "--env", paramLabel = "VERSION", converter = VersionConverter.class,
            descriptionKey = "env")
    CartPoleVersion version = D.version();

    @Option(names = "--hidden", paramLabel = "UNITS[,UNITS…]", converter = ChoiceConverters.Hidden.class,
            descriptionKey = "hidden")
    ChoiceConverters.HiddenLayers hidden =
            new ChoiceConverters.HiddenLayers(D.hiddenSize(), D.hiddenLayers());

    @Option(names = "--lr", converter = Decimal.Lr.class, paramLabel = "RATE", descriptionKey = "lr")
    double learningRate = D.learningRate();

    @Option(names = "--gamma", converter = Decimal.Gamma.class, paramLabel = "GAMMA", descriptionKey = "gamma")
    double discount = D.discount();

    @Option(names = "--entropy-coef", converter = Decimal.EntropyCoef.class, paramLabel = "C", descriptionKey = "entropy-coef")
    double entropyCoefficient = D.entropyCoefficient();

    /** Null unless given: then it follows the version (see Hyperparameters#defaultMaxSteps). */
    @Option(names = "--max-steps", paramLabel = "STEPS", descriptionKey = "max-steps")
    Integer maxSteps;

    @Option(names = "--episodes", paramLabel = "N", descriptionKey = "episodes")
    int episodes = D.episodes();

    @Option(names = "--n-steps", paramLabel = "N", descriptionKey = "n-steps")
    int nSteps = D.nSteps();

    @Option(names = "--gae-lambda", converter = Decimal.GaeLambda.class, paramLabel = "LAMBDA", descriptionKey = "gae-lambda")
    double gaeLambda = D.gaeLambda();

    @Option(names = "--activation", paramLabel = "NAME", converter = ChoiceConverters.ActivationConverter.class,
            descriptionKey = "activation")
    Activation activation = D.activation();

    @Option(names = "--init", paramLabel = "NAME", converter = ChoiceConverters.InitConverter.class,
            descriptionKey = "init")
    Initialisation initialisation = D.initialisation();

    @Option(names = {"--optimiser", "--optimizer"}, paramLabel = "NAME",
            converter = ChoiceConverters.OptimiserConverter.class, descriptionKey = "optimiser")
    Optimiser.Kind optimiser = D.optimiser();

    @Option(names = "--optimiser-eps", converter = Decimal.Eps.class, paramLabel = "EPS", descriptionKey = "optimiser-eps")
    double optimiserEpsilon = D.optimiserEpsilon();

    @Option(names = "--rmsprop-alpha", converter = Decimal.Alpha.class, paramLabel = "ALPHA", descriptionKey = "rmsprop-alpha")
    double rmspropAlpha = D.rmspropAlpha();

    @Option(names = "--max-grad-norm", converter = Decimal.GradNorm.class, paramLabel = "NORM", descriptionKey = "max-grad-norm")
    double maxGradNorm = D.maxGradNorm();

    @Option(names = "--vf-coef", converter = Decimal.ValueCoef.class, paramLabel = "K", descriptionKey = "vf-coef")
    double valueCoefficient = D.valueCoefficient();

    @Option(names = "--normalise-advantage", arity = "0..1", paramLabel = "BOOL", descriptionKey = "normalise-advantage")
    boolean normaliseAdvantage = D.normaliseAdvantage();

    @Option(names = "--lr-schedule", paramLabel = "NAME", converter = ChoiceConverters.ScheduleConverter.class,
            descriptionKey = "lr-schedule")
    Schedule learningRateSchedule = D.learningRateSchedule();

    @Option(names = "--schedule-steps", paramLabel = "STEPS", descriptionKey = "schedule-steps")
    long scheduleSteps = D.scheduleSteps();

    @Option(names = "--epochs", paramLabel = "K", descriptionKey = "epochs")
    int epochs = D.epochs();

    @Option(names = "--minibatch", paramLabel = "STEPS", descriptionKey = "minibatch")
    int minibatch = D.minibatch();

    @Option(names = "--clip-range", converter = Decimal.ClipRange.class, paramLabel = "EPS", descriptionKey = "clip-range")
    double clipRange = D.clipRange();

    @Option(names = "--clip-schedule", paramLabel = "NAME",
            converter = ChoiceConverters.ScheduleConverter.class, descriptionKey = "clip-schedule")
    Schedule clipRangeSchedule = D.clipRangeSchedule();

    @Option(names = "--envs", paramLabel = "N", descriptionKey = "envs")
    int envs = D.envs();

    @Option(names = "--seed", paramLabel = "SEED", descriptionKey = "seed")
    long seed = D.seed();

    /** The command this mixin is part of: warnings go to its error stream. */
    @Spec(Spec.Target.MIXEE)
    private CommandSpec command;

    /**
     * The settings; an out-of-range value is a {@link Cli.UserError} naming its flag. What is
     * allowed but probably not meant gets a line on the error stream: settings under which the
     * run can never be solved ("warning:"), flags the algorithm ignores ("note:").
     */
    Hyperparameters build() {
        Hyperparameters hp = settings();
        if (command != null) {
            PrintWriter err = command.commandLine().getErr();
            if (!hp.canBeSolved()) {
                err.printf(Locale.ROOT, "warning: episodes are cut at %d steps, so "
                                + "%s's solved threshold of %.0f can never be reached "
                                + "(--max-steps %d reaches it)%n", hp.episodeStepLimit(),
                        hp.version().id(), hp.version().solvedThreshold(),
                        hp.version().timeLimit());
            }
            ignoredFlags(hp.algorithm()).forEach(note -> err.println("note: " + note));
            err.flush();
        }
        return hp;
    }

    private Hyperparameters settings() {
        try {
            if (preset == null) {
                int steps = maxSteps != null ? maxSteps : Hyperparameters.defaultMaxSteps(version);
                return apply(D.toBuilder(), true).maxSteps(steps).build();
            }
            // a preset, then the flags given on the command line
            Hyperparameters base = preset.hyperparameters();
            HyperparameterBuilder b = apply(base.toBuilder(), false);
            if (maxSteps != null) {
                b.maxSteps(maxSteps);
            } else if (given("--env") && version != base.version()) {
                b.maxSteps(Hyperparameters.defaultMaxSteps(version));
            }
            return b.build();
        } catch (IllegalArgumentException e) {
            // "learningRate must be in (0, 1], was 2.0" → "--lr must be in (0, 1], was 2.0"
            String message = e.getMessage();
            for (Setting setting : Setting.values()) {
                if (message.startsWith(setting.component() + " ")) {
                    message = setting.flag() + message.substring(setting.component().length());
                    break;
                }
            }
            throw new Cli.UserError(message);
        }
    }

    /** Every setting's flag value onto {@code b}: all of them, or only those given. */
    private HyperparameterBuilder apply(HyperparameterBuilder b, boolean all) {
        if (all || given("--algorithm")) b.algorithm(algorithm);
        if (all || given("--env")) b.version(version);
        if (all || given("--hidden")) b.hiddenSize(hidden.width()).hiddenLayers(hidden.layers());
        if (all || given("--lr")) b.learningRate(learningRate);
        if (all || given("--gamma")) b.discount(discount);
        if (all || given("--entropy-coef")) b.entropyCoefficient(entropyCoefficient);
        if (all || given("--episodes")) b.episodes(episodes);
        if (all || given("--n-steps")) b.nSteps(nSteps);
        if (all || given("--gae-lambda")) b.gaeLambda(gaeLambda);
        if (all || given("--activation")) b.activation(activation);
        if (all || given("--init")) b.initialisation(initialisation);
        if (all || given("--optimiser")) b.optimiser(optimiser);
        if (all || given("--optimiser-eps")) b.optimiserEpsilon(optimiserEpsilon);
        if (all || given("--rmsprop-alpha")) b.rmspropAlpha(rmspropAlpha);
        if (all || given("--max-grad-norm")) b.maxGradNorm(maxGradNorm);
        if (all || given("--vf-coef")) b.valueCoefficient(valueCoefficient);
        if (all || given("--normalise-advantage")) b.normaliseAdvantage(normaliseAdvantage);
        if (all || given("--lr-schedule")) b.learningRateSchedule(learningRateSchedule);
        if (all || given("--schedule-steps")) b.scheduleSteps(scheduleSteps);
        if (all || given("--epochs")) b.epochs(epochs);
        if (all || given("--minibatch")) b.minibatch(minibatch);
        if (all || given("--clip-range")) b.clipRange(clipRange);
        if (all || given("--clip-schedule")) b.clipRangeSchedule(clipRangeSchedule);
        if (all || given("--envs")) b.envs(envs);
        if (all || given("--seed")) b.seed(seed);
        return b;
    }

    /** True if {@code flag} was given on the command line. */
    private boolean given(String flag) {
        return command != null && command.commandLine().getParseResult() != null
                && command.commandLine().getParseResult().hasMatchedOption(flag);
    }

    /**
     * A note for each flag given on the command line that the chosen algorithm ignores
     * ({@code --entropy-coef} without the entropy bonus, {@code --n-steps} without n-step
     * updates), so nobody tunes a setting that does nothing.
     */
    private List<String> ignoredFlags(Algorithm algorithm) {
        CommandLine.ParseResult parsed = command.commandLine().getParseResult();
        List<String> notes = new ArrayList<>();
        if (!algorithm.usesEntropy() && parsed.hasMatchedOption("--entropy-coef")) {
            notes.add("--entropy-coef is ignored: " + algorithm.displayName()
                    + " has no entropy bonus (" + Algorithm.namesWhere(Algorithm::usesEntropy)
                    + " have one)");
        }
        if (!algorithm.supportsNSteps() && parsed.hasMatchedOption("--n-steps")) {
            notes.add("--n-steps is ignored: " + algorithm.displayName()
                    + " updates at the end of each episode ("
                    + Algorithm.namesWhere(Algorithm::supportsNSteps) + " have n-step updates)");
        }
        if (!algorithm.bootstraps() && parsed.hasMatchedOption("--gae-lambda")) {
            notes.add("--gae-lambda is ignored: " + algorithm.displayName()
                    + " learns from the Monte-Carlo return ("
                    + Algorithm.namesWhere(Algorithm::bootstraps) + " have a \u03bb)");
        }
        return notes;
    }

    /**
     * A decimal setting: "'0,5' is not a number: write decimals with a point, e.g. 0.5; the
     * range is [0, 1]", so a comma decimal or a word is told the form and the range in one
     * line. One subclass per flag, as picocli makes converters from their class.
     */
    abstract static class Decimal implements CommandLine.ITypeConverter<Double> {
        private final Setting setting;

        Decimal(Setting setting) {
            this.setting = setting;
        }

        @Override
        public Double convert(String value) {
            try {
                return Double.valueOf(value.trim());
            } catch (NumberFormatException e) {
                throw new CommandLine.TypeConversionException("'" + value
                        + "' is not a number: write decimals with a point, e.g. 0.5 or 3e-4; "
                        + "the range is " + setting.rangeText());
            }
        }

        static final class Lr extends Decimal {
            Lr() {
                super(Setting.LEARNING_RATE);
            }
        }

        static final class Gamma extends Decimal {
            Gamma() {
                super(Setting.DISCOUNT);
            }
        }

        static final class EntropyCoef extends Decimal {
            EntropyCoef() {
                super(Setting.ENTROPY_COEFFICIENT);
            }
        }

        static final class GaeLambda extends Decimal {
            GaeLambda() {
                super(Setting.GAE_LAMBDA);
            }
        }

        static final class Eps extends Decimal {
            Eps() {
                super(Setting.OPTIMISER_EPSILON);
            }
        }

        static final class Alpha extends Decimal {
            Alpha() {
                super(Setting.RMSPROP_ALPHA);
            }
        }

        static final class GradNorm extends Decimal {
            GradNorm() {
                super(Setting.MAX_GRAD_NORM);
            }
        }

        static final class ClipRange extends Decimal {
            ClipRange() {
                super(Setting.CLIP_RANGE);
            }
        }

        static final class ValueCoef extends Decimal {
            ValueCoef() {
                super(Setting.VALUE_COEFFICIENT);
            }
        }
    }

    static final class VersionConverter
            implements CommandLine.ITypeConverter<CartPoleVersion> {
        @Override
        public CartPoleVersion convert(String value) {
            try {
                return CartPoleVersion.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(
                        SafeText.line(e.getMessage()));
            }
        }
    }
}
