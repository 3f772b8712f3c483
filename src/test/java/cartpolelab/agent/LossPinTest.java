package cartpolelab.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * Pins the losses the agent computes for fixed seeds, as exact literals printed by the build
 * before the agent was restructured: any change to the maths (a sign, a factor ½, the
 * bootstrap, the order of the floating-point operations) fails here with the quantity named.
 * {@link GradientCheckTest} proves the gradients are the gradients of these losses;
 * {@link ReferenceRunTest} compares whole runs with files written in another JVM.
 */
class LossPinTest {

    private static void assertExactly(double expected, double actual, String what) {
        assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(actual),
                () -> what + ": expected " + expected + ", was " + actual);
    }

    /** {actor loss, critic loss, entropy, updates} of the first three episodes. */
    private static void firstEpisodes(Hyperparameters hp, double[][] expected) {
        EpisodeRunner runner = new EpisodeRunner(new Agent(hp));
        for (int e = 0; e < expected.length; e++) {
            runner.runEpisode();
            UpdateStats s = runner.takeEpisodeStats();
            String where = hp.algorithm() + " n=" + hp.nSteps() + " episode " + (e + 1);
            assertExactly(expected[e][0], s.actorLoss(), where + " actor loss");
            assertExactly(expected[e][1], s.criticLoss(), where + " critic loss");
            assertExactly(expected[e][2], s.entropy(), where + " entropy");
            assertEquals((int) expected[e][3], s.updates(), where + " updates");
        }
    }

    @Test
    void reinforce() {
        firstEpisodes(Hyperparameters.MONTE_CARLO_DEFAULTS.withAlgorithm(Algorithm.REINFORCE).withSeed(11),
                new double[][] {
                    {8.34307144965017, 0.0, 0.6917864422077478, 1},
                    {8.920001043179504, 0.0, 0.6915146442965561, 1},
                    {4.650180802333616, 0.0, 0.6915847261501666, 1}});
    }

    @Test
    void reinforceWithBaseline() {
        firstEpisodes(Hyperparameters.MONTE_CARLO_DEFAULTS.withAlgorithm(Algorithm.REINFORCE_BASELINE)
                .withSeed(11), new double[][] {
                    {8.160164165108586, 179.77811347071813, 0.6917864422077478, 1},
                    {8.717062127237861, 205.80181484534353, 0.6915151862538566, 1},
                    {4.387717282660196, 53.30087938075621, 0.6915824010704229, 1}});
    }

    @Test
    void a2c() {
        firstEpisodes(Hyperparameters.MONTE_CARLO_DEFAULTS.withSeed(11), new double[][] {
            {8.160164165108586, 89.88905673535906, 0.6917864422077478, 1},
            {8.717062127457252, 102.90090742312978, 0.6915151862542163, 1},
            {4.3877164393209656, 26.650439691532554, 0.6915824394925176, 1}});
    }

    @Test
    void nStepA2c() {
        firstEpisodes(Hyperparameters.MONTE_CARLO_DEFAULTS.withNSteps(8).withSeed(11), new double[][] {
            {2.3909091464684504, 9.088733529946696, 0.6915078197434548, 4},
            {2.546429971852024, 9.645904230361912, 0.6913889298019862, 4},
            {2.3469336144288366, 8.44426775204719, 0.6920171431830471, 2}});
    }

    /**
     * One update on a fixed six-step rollout ending by a fall or by a cut-off: the three
     * losses and the squared Frobenius norm of each of the eight gradient matrices.
     */
    private static void oneUpdate(Algorithm algorithm, boolean terminated, double[] losses,
                                  double[] gradientSquares) {
        Agent agent = new Agent(Hyperparameters.MONTE_CARLO_DEFAULTS.withAlgorithm(algorithm)
                .withHiddenSize(16).withSeed(21));
        SplittableRandom random = new SplittableRandom(5);
        double[] s = {0.02, -0.1, 0.03, 0.2};
        for (int t = 0; t < 6; t++) {
            agent.act(s, random);
            double[] next = {s[0] + 0.01, s[1] - 0.05 * t, s[2] + 0.02, s[3] + 0.1};
            agent.observe(1.0, next, t < 5 ? EpisodeEnd.RUNNING
                    : terminated ? EpisodeEnd.FELL : EpisodeEnd.CUT_OFF);
            s = next;
        }
        UpdateStats st = agent.takeEpisodeStats();
        String where = algorithm + (terminated ? " (fell)" : " (cut off)");
        assertExactly(losses[0], st.actorLoss(), where + " actor loss");
        assertExactly(losses[1], st.criticLoss(), where + " critic loss");
        assertExactly(losses[2], st.entropy(), where + " entropy");
        for (int i = 0; i < gradientSquares.length; i++) {
            DMatrixRMaj g = agent.gradients().get(i);
            double sq = 0;
            for (int j = 0; j < g.getNumElements(); j++) {
                sq += g.data[j] * g.data[j];
            }
            assertExactly(gradientSquares[i], sq,
                    where + " ‖d" + agent.parameterNames().get(i) + "‖²");
        }
    }

    @Test
    void reinforceIgnoresHowTheEpisodeEnded() {
        double[] losses = {2.0752993936562683, 0.0, 0.6705254849159701};
        double[] grads = {0.019168691131645092, 0.059129588813243386, 0.4524203749241304,
            0.5997295897807087, 0.0, 0.0, 0.0, 0.0};
        oneUpdate(Algorithm.REINFORCE, true, losses, grads);
        oneUpdate(Algorithm.REINFORCE, false, losses, grads);
    }

    @Test
    void reinforceWithBaselineIgnoresHowTheEpisodeEnded() {
        double[] losses = {2.324222005000517, 17.767324030881497, 0.6705254849159701};
        double[] grads = {0.02833593085475154, 0.08240173728890994, 0.646226441552478,
            0.8401306595886096, 1.9369853702697843, 10.557187334084073, 46.683084446021546,
            60.21134284124222};
        oneUpdate(Algorithm.REINFORCE_BASELINE, true, losses, grads);
        oneUpdate(Algorithm.REINFORCE_BASELINE, false, losses, grads);
    }

    @Test
    void a2cBootstrapsOnlyWhenCutOff() {
        oneUpdate(Algorithm.A2C, true,
                new double[] {2.324222005000517, 8.883662015440748, 0.6705254849159701},
                new double[] {0.02832856420780186, 0.08237964131317121, 0.6460260034453845,
                    0.8398646007492753, 0.4842463425674461, 2.6392968335210183,
                    11.670771111505386, 15.052835710310555});
        oneUpdate(Algorithm.A2C, false,
                new double[] {2.056622866474177, 7.182540701604822, 0.6705254849159701},
                new double[] {0.018573853595993672, 0.057485318357317926, 0.4391997763819271,
                    0.5829005695856757, 0.35233592577072476, 2.0491631852320156,
                    8.850125471722102, 11.623923352188836});
    }
}
