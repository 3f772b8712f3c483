package cartpolelab.agent;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Real solves on fixed seeds. "Solved" = the mean of the last 50 episode rewards reaches the
 * version's threshold (195 on v0), counted only once 50 episodes exist.
 */
class LearningTest {

    @ParameterizedTest(name = "A2C defaults solve CartPole-v0 on seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void defaultA2cSolvesV0WithinTheNotebookBudget(long seed) {
        Hyperparameters hp = Hyperparameters.DEFAULTS.withSeed(seed);
        SolveSurvey.Outcome o = SolveSurvey.run(hp, 195, true);
        assertTrue(o.solvedAt() > 0 && o.solvedAt() <= hp.episodes(),
                "seed " + seed + ": best MA50 " + o.bestMa50() + " at episode " + o.bestEpisode());
    }
}
