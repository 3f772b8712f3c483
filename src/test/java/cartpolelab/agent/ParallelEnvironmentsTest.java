package cartpolelab.agent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cartpolelab.env.CartPole;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** --envs N: the streams, the batched actor, the advantages per segment, the validation. */
class ParallelEnvironmentsTest {

    private static final Hyperparameters FOUR = Hyperparameters.DEFAULTS.withHiddenSize(16)
            .withEnvs(4);

    @Test
    void environmentZeroHasTheSingleEnvironmentStreamAndTheOthersTheirOwn() {
        SplittableRandom single = RandomStreams.episodes(7);
        SplittableRandom zero = RandomStreams.environment(7, 0);
        for (int i = 0; i < 100; i++) {
            assertEquals(single.nextLong(), zero.nextLong());
        }
        long[] firsts = new long[5];
        for (int e = 0; e < 5; e++) {
            firsts[e] = RandomStreams.environment(7, e).nextLong();
            assertEquals(firsts[e], RandomStreams.environment(7, e).nextLong(), "seeded");
            for (int k = 0; k < e; k++) {
                assertNotEquals(firsts[k], firsts[e], "environments " + k + " and " + e);
            }
        }
        // environment 0 of an N-environment run starts where the single-environment run does
        EpisodeRunner one = new EpisodeRunner(new Agent(FOUR.withEnvs(1)));
        EpisodeRunner four = new EpisodeRunner(new Agent(FOUR));
        one.beginEpisode();
        four.beginEpisode();
        double[] a = new double[4];
        double[] b = new double[4];
        one.env().observe(a, 0);
        four.env(0).observe(b, 0);
        assertArrayEquals(a, b);
        four.env(1).observe(b, 0);
        assertNotEquals(a[0], b[0]);
    }

    @Test
    void theBatchedActorIsTheOneRowActorOnEachState() {
        Agent agent = new Agent(FOUR.withHiddenLayers(2));
        double[] states = new double[4 * CartPole.OBSERVATION_SIZE];
        SplittableRandom r = new SplittableRandom(3);
        for (int i = 0; i < states.length; i++) {
            states[i] = r.nextDouble(-0.2, 0.2);
        }
        SplittableRandom[] randoms = new SplittableRandom[4];
        for (int e = 0; e < 4; e++) {
            randoms[e] = new SplittableRandom(e);
        }
        int[] actions = new int[4];
        agent.act(states, randoms, actions);
        double[] batched = new double[8];
        agent.lastProbabilities(batched);
        double[] pi = new double[2];
        for (int e = 0; e < 4; e++) {
            double[] s = java.util.Arrays.copyOfRange(states, 4 * e, 4 * e + 4);
            agent.probabilities(s, pi);
            assertEquals(pi[0], batched[2 * e], 1e-12, "π(0|s_" + e + ")");
            assertEquals(pi[1], batched[2 * e + 1], 1e-12, "π(1|s_" + e + ")");
            // the action is the one-row sampler's with the same random number
            int want = cartpolelab.nn.Categorical.sample(batched, 2 * e, 2,
                    new SplittableRandom(e));
            assertEquals(want, actions[e]);
        }
    }

    @Test
    void eachEnvironmentsBlockSplitsAtItsEpisodesEnds() {
        // 2 environments × 3 steps: env 0 falls at its step 1, env 1 is cut at its step 0
        RolloutBuffer b = new RolloutBuffer(3, 2, 1);
        double[] s = {0, 0, 0, 0, 0, 0, 0, 0};
        double[] h = {0};
        EpisodeEnd[][] ends = {{EpisodeEnd.RUNNING, EpisodeEnd.CUT_OFF},
            {EpisodeEnd.FELL, EpisodeEnd.RUNNING}, {EpisodeEnd.RUNNING, EpisodeEnd.RUNNING}};
        for (int t = 0; t < 3; t++) {
            for (int e = 0; e < 2; e++) {
                b.storeHidden(b.startStep(e, s, 4 * e), h, 0);
                b.storeAction(b.row(e, t), 0);
            }
            b.actionsStored();
            for (int e = 0; e < 2; e++) {
                b.recordOutcome(e, 1 + t + 10 * e, s, 4 * e, ends[t][e]);
            }
            b.outcomesRecorded();
        }
        assertEquals(6, b.rows());
        double[] v = {0.5, 0.25, 2, 3, 1, 4};
        double[] next = {7, 8, 9, 100, 11, 12};
        double[] adv = new double[6];
        double[] ret = new double[6];
        double g = 0.9;
        double lambda = 0.5;
        Advantages.gaeBlocks(b, v, next, g, lambda, adv, ret);
        // env 0: rows 0-1 end with a fall (V_T = 0), row 2 with the block's end (V = next[2])
        double g1 = 2 + g * 0;
        double g0 = 1 + g * ((1 - lambda) * v[1] + lambda * g1);
        double g2 = 3 + g * next[2];
        // env 1: row 3 cut (V = next[3]), rows 4-5 end with the block (V = next[5])
        double g3 = 11 + g * next[3];
        double g5 = 13 + g * next[5];
        double g4 = 12 + g * ((1 - lambda) * v[5] + lambda * g5);
        assertArrayEquals(new double[] {g0, g1, g2, g3, g4, g5}, ret, 1e-15);
        for (int i = 0; i < 6; i++) {
            assertEquals(ret[i] - v[i], adv[i], 1e-15);
        }
    }

    @Test
    void badSettingsNameTheSettingAndWhatIsAllowed() {
        assertEquals("envs must be in [1, 64], was 0", assertThrows(
                IllegalArgumentException.class, () -> FOUR.withEnvs(0)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> FOUR.withEnvs(65));
        String m = assertThrows(IllegalArgumentException.class,
                () -> FOUR.withNSteps(0)).getMessage();
        assertTrue(m.startsWith("envs must be 1") && m.contains("n-steps"), m);
        m = assertThrows(IllegalArgumentException.class,
                () -> FOUR.withAlgorithm(Algorithm.REINFORCE)).getMessage();
        assertTrue(m.startsWith("envs must be 1") && m.contains("reinforce"), m);
        Hyperparameters ppo = Preset.SB3_PPO.hyperparameters();
        assertEquals(256, ppo.envs() * ppo.maxStepsPerUpdate());
        m = assertThrows(IllegalArgumentException.class, () -> ppo.withMinibatch(257))
                .getMessage();
        assertTrue(m.contains("256 steps (envs × n-steps)"), m);
    }

    @Test
    void anUpdateComesEveryNLocksteps() {
        Agent agent = new Agent(FOUR);
        EpisodeRunner runner = new EpisodeRunner(agent);
        for (int i = 0; i < 23; i++) {
            runner.step();
        }
        assertEquals(4, agent.updates(), "23 locksteps of n = 5: 4 updates, whatever ended");
        assertEquals(92, runner.totalSteps());
    }
}
