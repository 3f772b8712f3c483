package cartpolelab.agent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class AgentTest {

    private static final double[] S = {0.01, -0.2, 0.03, 0.4};

    @Test
    void parametersAndAdamStateHaveTheDocumentedNamesAndShapes() {
        Agent agent = new Agent(Hyperparameters.MONTE_CARLO_DEFAULTS.withHiddenSize(32));
        assertEquals(List.of("actor.w1", "actor.b1", "actor.w2", "actor.b2",
                "critic.w1", "critic.b1", "critic.w2", "critic.b2"), agent.parameterNames());
        int[][] shapes = {{4, 32}, {1, 32}, {2, 32}, {1, 2}, {4, 32}, {1, 32}, {1, 32}, {1, 1}};
        AgentState state = agent.state();
        List<ParameterShape> declared = Agent.parameterShapes(agent.hyperparameters());
        for (int i = 0; i < shapes.length; i++) {
            for (List<DMatrixRMaj> l : List.of(agent.parameters(), state.parameters(),
                    state.firstMoments(), state.secondMoments())) {
                assertEquals(shapes[i][0], l.get(i).numRows, agent.parameterNames().get(i));
                assertEquals(shapes[i][1], l.get(i).numCols, agent.parameterNames().get(i));
            }
            assertEquals(new ParameterShape(agent.parameterNames().get(i), shapes[i][0],
                    shapes[i][1]), declared.get(i), "shapes known without building networks");
        }
        assertEquals(0, state.adamStep());
    }

    @Test
    void sameSeedSameWeightsAndWritingParametersChangesTheAgent() {
        Agent a = new Agent(Hyperparameters.MONTE_CARLO_DEFAULTS.withSeed(4));
        Agent b = new Agent(Hyperparameters.MONTE_CARLO_DEFAULTS.withSeed(4));
        for (int i = 0; i < 8; i++) {
            assertArrayEquals(a.parameters().get(i).data, b.parameters().get(i).data, 0);
        }
        double before = a.value(S);
        a.parameters().get(7).data[0] += 1.5;
        assertEquals(before + 1.5, a.value(S), 1e-12);
    }

    @Test
    void inspectionIsConsistentAndUsesNoRandomNumbers() {
        Agent agent = new Agent(Hyperparameters.MONTE_CARLO_DEFAULTS.withSeed(2));
        double[] p = new double[2];
        agent.probabilities(S, p);
        assertEquals(1, p[0] + p[1], 1e-15);
        assertEquals(p[0] >= p[1] ? 0 : 1, agent.greedyAction(S));
        SplittableRandom r1 = new SplittableRandom(9);
        SplittableRandom r2 = new SplittableRandom(9);
        int a = agent.act(S, r1);
        double[] last = new double[2];
        agent.lastProbabilities(last);
        assertArrayEquals(p, last, 1e-15);
        assertEquals(r2.nextDouble() < p[0] ? 0 : 1, a);
        assertEquals(r1.nextLong(), r2.nextLong(), "act drew exactly one number");
        assertEquals(r2.nextDouble() < p[0] ? 0 : 1, agent.sampleAction(S, r1));
        assertEquals(r1.nextLong(), r2.nextLong(), "sampleAction drew exactly one number");
    }

    /** Episode rewards and losses of a run, with or without inspection calls between steps. */
    private static long[] run(boolean inspect) {
        Agent agent = new Agent(Hyperparameters.MONTE_CARLO_DEFAULTS.withSeed(8));
        EpisodeRunner runner = new EpisodeRunner(agent);
        SplittableRandom other = new SplittableRandom(1);
        double[] p = new double[2];
        long[] out = new long[60];
        for (int e = 0; e < 30; e++) {
            while (!runner.step()) {
                if (inspect) {
                    double[] s = {other.nextDouble(), 0, other.nextDouble() * 0.1, 0};
                    agent.value(s);
                    agent.probabilities(s, p);
                    agent.greedyAction(s);
                    agent.sampleAction(s, other);
                }
            }
            out[2 * e] = Double.doubleToRawLongBits(runner.episodeReward());
            out[2 * e + 1] = Double.doubleToRawLongBits(runner.takeEpisodeStats().actorLoss());
        }
        return out;
    }

    @Test
    void inspectionDuringARolloutDoesNotDisturbLearning() {
        assertArrayEquals(run(false), run(true));
    }

    @Test
    void misuseFailsClearly() {
        Agent agent = new Agent(Hyperparameters.MONTE_CARLO_DEFAULTS);
        SplittableRandom r = new SplittableRandom(1);
        assertThrows(IllegalStateException.class, () -> agent.observe(1, S, EpisodeEnd.RUNNING));
        agent.act(S, r);
        assertThrows(IllegalStateException.class, () -> agent.act(S, r));
        agent.discardRollout();
        assertEquals(0, agent.rollout().size());
        agent.act(S, r);
        assertFalse(agent.observe(1, S, EpisodeEnd.RUNNING));
        assertEquals(1, agent.rollout().size());
        assertThrows(IllegalArgumentException.class, () -> new Agent(null));
    }

    @Test
    void runningPastTheStepLimitWithoutCutOffIsAnError() {
        Agent agent = new Agent(Hyperparameters.MONTE_CARLO_DEFAULTS.withMaxSteps(3));
        SplittableRandom r = new SplittableRandom(1);
        for (int t = 0; t < 2; t++) {
            agent.act(S, r);
            agent.observe(1, S, EpisodeEnd.RUNNING);
        }
        agent.act(S, r);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> agent.observe(1, S, EpisodeEnd.RUNNING));
        assertTrue(e.getMessage().contains("CUT_OFF"), e.getMessage());
    }

    @Test
    void nanParametersStopTrainingWithAClearMessage() {
        Agent agent = new Agent(Hyperparameters.MONTE_CARLO_DEFAULTS);
        agent.parameters().get(6).data[3] = Double.NaN;
        EpisodeRunner runner = new EpisodeRunner(agent);
        IllegalStateException e = assertThrows(IllegalStateException.class, runner::runEpisode);
        assertTrue(e.getMessage().contains("NaN") && e.getMessage().contains("learning rate"),
                e.getMessage());
        assertFalse(runner.inEpisode());
    }

    @Test
    void anUpdateMovesTheParametersAndReportsStats() {
        Agent agent = new Agent(Hyperparameters.MONTE_CARLO_DEFAULTS.withSeed(3));
        EpisodeRunner runner = new EpisodeRunner(agent);
        double[] before = agent.parameters().get(0).data.clone();
        assertEquals(UpdateStats.NONE, runner.takeEpisodeStats());
        runner.runEpisode();
        UpdateStats stats = runner.takeEpisodeStats();
        assertEquals(1, stats.updates());
        assertEquals(1, agent.state().adamStep());
        assertTrue(stats.entropy() > 0 && stats.entropy() <= Math.log(2) + 1e-12);
        assertTrue(stats.criticLoss() > 0);
        assertFalse(java.util.Arrays.equals(before, agent.parameters().get(0).data));
        assertEquals(UpdateStats.NONE, runner.takeEpisodeStats(), "stats were reset");
    }

    @Test
    void plainReinforceLeavesTheCriticAlone() {
        Agent agent = new Agent(Hyperparameters.MONTE_CARLO_DEFAULTS.withAlgorithm(Algorithm.REINFORCE));
        double[] critic = agent.parameters().get(4).data.clone();
        EpisodeRunner runner = new EpisodeRunner(agent);
        for (int i = 0; i < 5; i++) {
            runner.runEpisode();
        }
        assertArrayEquals(critic, agent.parameters().get(4).data, 0);
        assertEquals(0, runner.takeEpisodeStats().criticLoss());
    }

    /** Losses of {@code episodes} episodes driven by a fresh random stream and environment. */
    private static long[] continueTraining(Agent agent, int episodes) {
        SplittableRandom random = new SplittableRandom(77);
        cartpolelab.env.CartPole env = new cartpolelab.env.CartPole(agent.hyperparameters().version());
        double[] obs = new double[4];
        long[] out = new long[episodes];
        for (int e = 0; e < episodes; e++) {
            env.reset(random);
            env.observe(obs, 0);
            boolean done = false;
            while (!done) {
                int a = agent.act(obs, random);
                double r = env.advance(a);
                env.observe(obs, 0);
                done = env.done();
                agent.observe(r, obs, env.terminated() ? EpisodeEnd.FELL
                        : env.truncated() ? EpisodeEnd.CUT_OFF : EpisodeEnd.RUNNING);
            }
            out[e] = Double.doubleToRawLongBits(agent.takeEpisodeStats().actorLoss());
        }
        return out;
    }

    @Test
    void restoringTheStateContinuesTrainingBitForBit() {
        Hyperparameters hp = Hyperparameters.MONTE_CARLO_DEFAULTS.withSeed(12);
        Agent trained = new Agent(hp);
        EpisodeRunner runner = new EpisodeRunner(trained);
        for (int e = 0; e < 40; e++) {
            runner.runEpisode();
        }
        trained.takeEpisodeStats();
        Agent restored = Agent.restore(hp, trained.state());
        assertEquals(trained.state().adamStep(), restored.state().adamStep());
        assertArrayEquals(continueTraining(trained, 20), continueTraining(restored, 20));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Agent.restore(hp.withHiddenSize(32), trained.state()));
        assertTrue(e.getMessage().contains("actor.w1 is 4x256"), e.getMessage());
    }

    @Test
    void nStepA2cUpdatesEveryNSteps() {
        Agent agent = new Agent(Hyperparameters.MONTE_CARLO_DEFAULTS.withNSteps(4).withSeed(6));
        EpisodeRunner runner = new EpisodeRunner(agent);
        for (int e = 0; e < 10; e++) {
            runner.runEpisode();
            int expected = (runner.episodeSteps() + 3) / 4;
            assertEquals(expected, runner.takeEpisodeStats().updates(),
                    "episode of " + runner.episodeSteps() + " steps");
        }
    }

    @Test
    void aRestoredAgentCountsUpdatesOnAndItsNanMessageSaysWhichUpdate() {
        Hyperparameters hp = Hyperparameters.DEFAULTS.withSeed(3);
        AgentState fresh = new Agent(hp).state();
        Agent agent = Agent.restore(hp, new AgentState(fresh.parameters(), fresh.firstMoments(),
                fresh.secondMoments(), 41));
        assertEquals(41, agent.updates());
        // a NaN in the critic's output bias: V, the advantages and the actor loss become NaN
        agent.parameters().get(7).data[0] = Double.NaN;
        SplittableRandom random = new SplittableRandom(1);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> {
            for (int t = 0; t < 1000; t++) {
                agent.act(S, random);
                agent.observe(1.0, S, EpisodeEnd.RUNNING);
            }
        });
        assertTrue(e.getMessage().contains("at update 42;"), e.getMessage());
        assertEquals(41, agent.updates(), "no step was taken on NaN");
    }
}
