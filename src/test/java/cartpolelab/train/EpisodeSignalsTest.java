package cartpolelab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cartpolelab.agent.Algorithm;
import cartpolelab.agent.Hyperparameters;
import org.junit.jupiter.api.Test;

/** The replay overlay's G_t and Ψ_t against values worked out by hand (γ = ½). */
class EpisodeSignalsTest {

    private static final double EPS = 1e-6;

    /** Three steps of reward 1, V(s_0…s_3) = 1, 2, 5, 4. */
    private static RecordedEpisode episode(boolean fell) {
        float[] states = new float[16];
        byte[] actions = {0, 1, 0, 1};
        float[] probRight = {0.5f, 0.5f, 0.5f, 0.5f};
        float[] values = {1, 2, 5, 4};
        float[] rewardSoFar = {0, 1, 2, 3};
        return new RecordedEpisode(9, 4, states, actions, probRight, values, rewardSoFar, fell);
    }

    private static Hyperparameters hp(Algorithm a, int nSteps) {
        return Hyperparameters.MONTE_CARLO_DEFAULTS.withAlgorithm(a).withDiscount(0.5).withNSteps(nSteps);
    }

    private static void assertSignals(EpisodeSignals s, double[] g, double[] psi) {
        for (int t = 0; t < g.length; t++) {
            assertEquals(g[t], s.returnAt(t), EPS, "G at " + t);
            assertEquals(psi[t], s.multiplierAt(t), EPS, "Psi at " + t);
        }
        assertTrue(Double.isNaN(s.returnAt(3)), "no action from the last frame");
        assertTrue(Double.isNaN(s.multiplierAt(3)));
    }

    @Test
    void reinforceMultipliesByTheMonteCarloReturn() {
        // G2 = 1, G1 = 1 + ½·1 = 1.5, G0 = 1 + ½·1.5 = 1.75; cut or fallen alike
        for (boolean fell : new boolean[] {true, false}) {
            EpisodeSignals s = EpisodeSignals.of(episode(fell), hp(Algorithm.REINFORCE, 0));
            assertSignals(s, new double[] {1.75, 1.5, 1}, new double[] {1.75, 1.5, 1});
            assertEquals("G\u209c", s.multiplierName());
        }
    }

    @Test
    void theBaselineSubtractsTheCriticsEstimate() {
        EpisodeSignals s = EpisodeSignals.of(episode(false),
                hp(Algorithm.REINFORCE_BASELINE, 0));
        assertSignals(s, new double[] {1.75, 1.5, 1}, new double[] {0.75, -0.5, -4});
    }

    @Test
    void a2cBootstrapsFromTheLastStateOnlyWhenThePoleDidNotFall() {
        assertSignals(EpisodeSignals.of(episode(true), hp(Algorithm.A2C, 0)),
                new double[] {1.75, 1.5, 1}, new double[] {0.75, -0.5, -4});
        // cut: G2 = 1 + ½·V(s3) = 3, G1 = 1 + ½·3 = 2.5, G0 = 1 + ½·2.5 = 2.25
        assertSignals(EpisodeSignals.of(episode(false), hp(Algorithm.A2C, 0)),
                new double[] {2.25, 2.5, 3}, new double[] {1.25, 0.5, -2});
    }

    @Test
    void atLambdaZeroA2cMultipliesByTheOneStepTdError() {
        Hyperparameters td = hp(Algorithm.A2C, 0).withGaeLambda(0);
        // G^0_t = r + ½ V(s_{t+1}): 1 + 1 = 2, 1 + 2.5 = 3.5, 1 + 2 = 3;  Ψ = G − V(s_t)
        assertSignals(EpisodeSignals.of(episode(false), td),
                new double[] {2, 3.5, 3}, new double[] {1, 1.5, -2});
        // fell: the last step's target is r alone
        assertSignals(EpisodeSignals.of(episode(true), td),
                new double[] {2, 3.5, 1}, new double[] {1, 1.5, -4});
        assertEquals("\u00c2\u209c", EpisodeSignals.of(episode(true), td).multiplierName());
    }

    /**
     * The overlay's Ψ_t is the update's: a recorded episode of a real run (end-of-episode
     * updates, so one update learned from exactly that episode) against what the agent's
     * update multiplied ∇log π by, for each algorithm and λ.
     */
    @Test
    void theOverlaysMultipliersAreTheOnesTheUpdateUsed() {
        Hyperparameters base = Hyperparameters.MONTE_CARLO_DEFAULTS.withHiddenSize(16)
                .withSeed(5);
        for (Hyperparameters hp : new Hyperparameters[] {
            base.withAlgorithm(Algorithm.REINFORCE),
            base.withAlgorithm(Algorithm.REINFORCE_BASELINE), base.withGaeLambda(0),
            base.withGaeLambda(0.7), base}) {
            TrainingRun run = new TrainingRun(hp);
            run.record(10);
            for (int e = 0; e < 4; e++) {
                run.finishEpisode();
                RecordedEpisode recorded = run.recorder().latest();
                double[] used = run.agent().lastMultipliers();
                EpisodeSignals s = EpisodeSignals.of(recorded, hp);
                assertEquals(recorded.steps(), used.length);
                for (int k = 0; k < used.length; k++) {
                    // V(s) is recorded as a float: the overlay's figure to float precision
                    assertEquals(used[k], s.multiplierAt(k), 1e-4 * (1 + Math.abs(used[k])),
                            hp.algorithm() + " λ " + hp.gaeLambda() + " frame " + k);
                }
            }
        }
    }

    @Test
    void nStepA2cBootstrapsAtEachRolloutsEnd() {
        // rollouts [0,2) bootstrapped from V(s2) = 5 and [2,3) from V(s3) = 4 (cut)
        // G1 = 1 + ½·5 = 3.5, G0 = 1 + ½·3.5 = 2.75, G2 = 1 + ½·4 = 3
        assertSignals(EpisodeSignals.of(episode(false), hp(Algorithm.A2C, 2)),
                new double[] {2.75, 3.5, 3}, new double[] {1.75, 1.5, -2});
        // fell at the end: the second rollout ends in 0, G2 = 1
        assertSignals(EpisodeSignals.of(episode(true), hp(Algorithm.A2C, 2)),
                new double[] {2.75, 3.5, 1}, new double[] {1.75, 1.5, -4});
    }
}
