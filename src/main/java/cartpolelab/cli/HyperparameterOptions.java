package cartpolelab.cli;

import cartpolelab.agent.Algorithm;
import cartpolelab.agent.Hyperparameters;
import cartpolelab.env.CartPoleVersion;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * Every setting of {@link Hyperparameters} as a flag, defaults taken from
 * {@link Hyperparameters#DEFAULTS} (the one place they are declared).
 */
final class HyperparameterOptions {

    private static final Hyperparameters D = Hyperparameters.DEFAULTS;

    /** Record component names as the user knows them: the flags. */
    private static final Map<String, String> FLAGS = Map.of(
            "hiddenSize", "--hidden", "learningRate", "--lr", "discount", "--gamma",
            "entropyCoefficient", "--entropy-coef", "maxSteps", "--max-steps",
            "episodes", "--episodes", "nSteps", "--n-steps");

    @Option(names = "--algorithm", paramLabel = "NAME", converter = AlgorithmConverter.class,
            description = "reinforce, reinforce-baseline or a2c (default: ${DEFAULT-VALUE})")
    Algorithm algorithm = D.algorithm();

    @Option(names = "--env", paramLabel = "VERSION", converter = VersionConverter.class,
            description = "v0 (200 steps, solved at 195) or v1 (500, 475) "
                    + "(default: ${DEFAULT-VALUE})")
    CartPoleVersion version = D.version();

    @Option(names = "--hidden", paramLabel = "UNITS",
            description = "hidden units of actor and critic (default: ${DEFAULT-VALUE})")
    int hidden = D.hiddenSize();

    @Option(names = "--lr", paramLabel = "RATE",
            description = "Adam learning rate (default: ${DEFAULT-VALUE})")
    double learningRate = D.learningRate();

    @Option(names = "--gamma", paramLabel = "GAMMA",
            description = "discount factor (default: ${DEFAULT-VALUE})")
    double discount = D.discount();

    @Option(names = "--entropy-coef", paramLabel = "C",
            description = "A2C entropy bonus weight (default: ${DEFAULT-VALUE})")
    double entropyCoefficient = D.entropyCoefficient();

    @Option(names = "--max-steps", paramLabel = "STEPS",
            description = "steps after which an episode is cut; the version's own limit still "
                    + "applies (default: ${DEFAULT-VALUE})")
    int maxSteps = D.maxSteps();

    @Option(names = "--episodes", paramLabel = "N",
            description = "episode budget (default: ${DEFAULT-VALUE})")
    int episodes = D.episodes();

    @Option(names = "--n-steps", paramLabel = "N",
            description = "A2C: update every N steps; 0 = at the episode's end "
                    + "(default: ${DEFAULT-VALUE})")
    int nSteps = D.nSteps();

    @Option(names = "--seed", paramLabel = "SEED",
            description = "seeds weights, resets and actions (default: ${DEFAULT-VALUE})")
    long seed = D.seed();

    /** The settings; an out-of-range value is a {@link Cli.UserError} naming its flag. */
    Hyperparameters build() {
        try {
            return new Hyperparameters(algorithm, version, hidden, learningRate, discount,
                    entropyCoefficient, maxSteps, episodes, nSteps, seed);
        } catch (IllegalArgumentException e) {
            String message = e.getMessage();
            for (Map.Entry<String, String> f : FLAGS.entrySet()) {
                if (message.startsWith(f.getKey() + " ")) {
                    message = f.getValue() + message.substring(f.getKey().length());
                    break;
                }
            }
            throw new Cli.UserError(message);
        }
    }

    static final class AlgorithmConverter implements picocli.CommandLine.ITypeConverter<Algorithm> {
        @Override
        public Algorithm convert(String value) {
            return Algorithm.parse(value);
        }
    }

    static final class VersionConverter
            implements picocli.CommandLine.ITypeConverter<CartPoleVersion> {
        @Override
        public CartPoleVersion convert(String value) {
            return CartPoleVersion.parse(value);
        }
    }
}
