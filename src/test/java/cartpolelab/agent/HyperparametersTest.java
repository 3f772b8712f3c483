package cartpolelab.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cartpolelab.env.CartPoleVersion;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class HyperparametersTest {

    @Test
    void defaultsAreTheNotebooks() {
        Hyperparameters d = Hyperparameters.DEFAULTS;
        assertEquals(Algorithm.A2C, d.algorithm());
        assertEquals(CartPoleVersion.V0, d.version());
        assertEquals(256, d.hiddenSize());
        assertEquals(3e-4, d.learningRate());
        assertEquals(0.99, d.discount());
        assertEquals(0.001, d.entropyCoefficient());
        assertEquals(300, d.maxSteps());
        assertEquals(3000, d.episodes());
        // A2C as the notebook writes it: the TD advantage, updated every 5 steps
        assertEquals(5, d.nSteps());
        assertEquals(0, d.gaeLambda());
        // the defaults before GAE, one setting pair away
        assertEquals(0, Hyperparameters.MONTE_CARLO_DEFAULTS.nSteps());
        assertEquals(1, Hyperparameters.MONTE_CARLO_DEFAULTS.gaeLambda());
        assertEquals(200, d.episodeStepLimit());
        assertEquals(300, d.withVersion(CartPoleVersion.V1).episodeStepLimit());
    }

    private static void rejects(Supplier<Hyperparameters> make, String... fragments) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, make::get);
        for (String f : fragments) {
            assertTrue(e.getMessage().contains(f), "'" + e.getMessage() + "' lacks '" + f + "'");
        }
    }

    @Test
    void outOfRangeValuesNameTheFieldTheValueAndTheRange() {
        Hyperparameters d = Hyperparameters.DEFAULTS;
        rejects(() -> d.withHiddenSize(0), "hiddenSize", "0", "[1, 4096]");
        rejects(() -> d.withHiddenSize(5000), "hiddenSize", "5000", "[1, 4096]");
        rejects(() -> d.withLearningRate(0), "learningRate", "0.0", "(0, 1]");
        rejects(() -> d.withLearningRate(Double.NaN), "learningRate", "NaN", "(0, 1]");
        rejects(() -> d.withDiscount(1.5), "discount", "1.5", "[0, 1]");
        rejects(() -> d.withEntropyCoefficient(-0.1), "entropyCoefficient", "-0.1", "[0, 1]");
        rejects(() -> d.withMaxSteps(0), "maxSteps", "0", "[1, 100000]");
        rejects(() -> d.withEpisodes(-3), "episodes", "-3", "[1, 10000000]");
        rejects(() -> d.withNSteps(-1), "nSteps", "-1", "[0, 100000]");
        rejects(() -> d.withAlgorithm(null), "algorithm", "null");
        rejects(() -> d.withVersion(null), "version", "null");
    }

    @Test
    void algorithmNamesParse() {
        assertEquals(Algorithm.REINFORCE_BASELINE, Algorithm.parse("reinforce-baseline"));
        assertEquals(Algorithm.A2C, Algorithm.parse(" A2C "));
        assertEquals(Algorithm.PPO, Algorithm.parse("ppo"));
        rejects(() -> Hyperparameters.DEFAULTS.withAlgorithm(Algorithm.parse("dqn")),
                "ppo", "a2c");
    }
}
