package cartpolelab.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cartpolelab.env.CartPoleVersion;
import org.junit.jupiter.api.Test;

/** The table in {@link Algorithm}'s class comment, and where n-step updates apply. */
class AlgorithmTest {

    private static String row(Algorithm a) {
        return a.usesCritic() + " " + a.bootstraps() + " " + a.usesEntropy() + " "
                + a.criticLossScale() + " " + a.supportsNSteps();
    }

    @Test
    void propertiesAreTheDocumentedTable() {
        assertEquals("false false false 0.0 false", row(Algorithm.REINFORCE));
        assertEquals("true false false 1.0 false", row(Algorithm.REINFORCE_BASELINE));
        assertEquals("true true true 0.5 true", row(Algorithm.A2C));
    }

    @Test
    void nStepsShortenTheRolloutOnlyWhereSupported() {
        Hyperparameters d = Hyperparameters.DEFAULTS.withNSteps(16);
        assertEquals(16, d.maxStepsPerUpdate());
        assertEquals(200, d.withAlgorithm(Algorithm.REINFORCE).maxStepsPerUpdate());
        assertEquals(200, d.withAlgorithm(Algorithm.REINFORCE_BASELINE).maxStepsPerUpdate());
        assertEquals(200, d.withNSteps(0).maxStepsPerUpdate());
        assertEquals(200, d.withNSteps(1000).maxStepsPerUpdate());
        assertEquals(500, d.withNSteps(0).withVersion(CartPoleVersion.V1).withMaxSteps(500)
                .maxStepsPerUpdate());
    }

    /** Messages list every algorithm (PPO was missing from "use …" once) and who has what. */
    @Test
    void messagesNameEveryAlgorithmThatHasTheProperty() {
        assertEquals("reinforce, reinforce-baseline, a2c or ppo", Algorithm.ids());
        assertEquals("A2C and PPO", Algorithm.namesWhere(Algorithm::usesEntropy));
        assertEquals("REINFORCE + baseline, A2C and PPO",
                Algorithm.namesWhere(Algorithm::usesCritic));
    }
}
