package cartpolelab.agent;

import static org.junit.jupiter.api.Assertions.assertTrue;

import cartpolelab.env.CartPoleVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Real training runs on fixed seeds. "Solved" = the mean of the last 50 episode rewards
 * (MA50) reaches the threshold, counted only once 50 episodes exist; each run stops there.
 * Measured when these were written (seeds 1–10): A2C v0 solved at episodes 918–1249,
 * A2C v1 with maxSteps 500 at 1485–1843, REINFORCE reached MA50 150 at 745–1190 and
 * REINFORCE with baseline at 573–712 (a random policy scores about 22).
 */
class LearningTest {

    private static void reaches(Hyperparameters hp, double threshold) {
        SolveSurvey.Outcome o = SolveSurvey.run(hp, threshold, true);
        assertTrue(o.solvedAt() > 0 && o.solvedAt() <= hp.episodes(),
                hp.algorithm() + " " + hp.version() + " seed " + hp.seed()
                        + ": MA50 never reached " + threshold + " in " + hp.episodes()
                        + " episodes; best " + o.bestMa50() + " at episode " + o.bestEpisode());
    }

    @ParameterizedTest(name = "A2C defaults solve CartPole-v0 (MA50 ≥ 195) on seed {0}")
    @ValueSource(longs = {1, 2, 3, 4})
    void defaultA2cSolvesV0WithinTheNotebookBudget(long seed) {
        reaches(Hyperparameters.DEFAULTS.withSeed(seed), CartPoleVersion.V0.solvedThreshold());
    }

    @ParameterizedTest(name = "A2C solves CartPole-v1 (MA50 ≥ 475) with maxSteps 500 on seed {0}")
    @ValueSource(longs = {1, 2})
    void a2cSolvesV1WithMaxSteps500(long seed) {
        // v1's 500-step horizon needs the Monte-Carlo advantage (λ = 1: 10 of 10 seeds in
        // the README's measurement; the TD advantage's bias solves 4 of 10 there)
        reaches(Hyperparameters.MONTE_CARLO_DEFAULTS.withVersion(CartPoleVersion.V1)
                .withMaxSteps(500)
                .withSeed(seed), CartPoleVersion.V1.solvedThreshold());
    }

    @ParameterizedTest(name = "REINFORCE learns (MA50 ≥ 150) on seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void reinforceLearns(long seed) {
        reaches(Hyperparameters.DEFAULTS.withAlgorithm(Algorithm.REINFORCE).withSeed(seed), 150);
    }

    @ParameterizedTest(name = "REINFORCE with baseline learns (MA50 ≥ 150) on seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void reinforceWithBaselineLearns(long seed) {
        reaches(Hyperparameters.DEFAULTS.withAlgorithm(Algorithm.REINFORCE_BASELINE)
                .withSeed(seed), 150);
    }

    @Test
    void nStepA2cLearns() {
        reaches(Hyperparameters.MONTE_CARLO_DEFAULTS.withNSteps(32).withSeed(1), 150);
    }
}
