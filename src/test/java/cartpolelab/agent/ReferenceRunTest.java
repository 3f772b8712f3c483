package cartpolelab.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cartpolelab.env.CartPoleVersion;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bit-for-bit agreement with runs made by an earlier build, in another JVM: the CSVs under
 * {@code src/test/resources/determinism/} were written by the {@code train} command before the
 * agent was restructured (the comment lines at their top say with which flags). Each row holds
 * an episode's reward and length and the means of its updates' actor loss, critic loss and
 * entropy ({@link Agent#takeEpisodeStats()}), printed with {@link Double#toString} so that
 * parsing gives back the exact doubles. Any change in the maths, the order of floating-point
 * operations or the use of the random stream shows up here as a differing bit.
 *
 * <p>Together the four runs cover all three algorithms, both versions, the bootstrap from
 * V(s_T) at v0's 200-step limit (seed 1 reaches it from episode 386 on), the bootstrap at
 * n-step boundaries, and episodes cut by {@code maxSteps} on v1.
 */
class ReferenceRunTest {

    static Stream<Arguments> runs() {
        // written before GAE: A2C then learned from G_t − V(s_t) at each episode's end, which
        // today's settings give with --gae-lambda 1 --n-steps 0
        Hyperparameters d = Hyperparameters.MONTE_CARLO_DEFAULTS;
        return Stream.of(
                Arguments.of("seed1.csv", d.withSeed(1)),
                Arguments.of("seed7-rf.csv", d.withAlgorithm(Algorithm.REINFORCE).withSeed(7)),
                Arguments.of("seed3-bl.csv", d.withAlgorithm(Algorithm.REINFORCE_BASELINE)
                        .withVersion(CartPoleVersion.V1).withMaxSteps(500).withSeed(3)),
                Arguments.of("seed5-n16.csv", d.withNSteps(16).withSeed(5)));
    }

    /** One row of a reference file. */
    private record Row(int episode, double reward, int length, double actorLoss,
                       double criticLoss, double entropy) {
    }

    private static List<Row> read(String name) throws IOException {
        InputStream in = ReferenceRunTest.class.getResourceAsStream("/determinism/" + name);
        assertNotNull(in, "missing resource determinism/" + name);
        List<Row> rows = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(
                new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            boolean header = true;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                if (header) {
                    assertEquals("episode,reward,length,actor_loss,critic_loss,entropy", line);
                    header = false;
                    continue;
                }
                String[] f = line.split(",");
                rows.add(new Row(Integer.parseInt(f[0]), Double.parseDouble(f[1]),
                        Integer.parseInt(f[2]), Double.parseDouble(f[3]),
                        Double.parseDouble(f[4]), Double.parseDouble(f[5])));
            }
        }
        return rows;
    }

    private static void assertBits(double expected, double actual, String what) {
        assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(actual),
                () -> what + ": expected " + expected + ", was " + actual);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("runs")
    void matchesTheRunOfTheEarlierBuildBitForBit(String file, Hyperparameters hp)
            throws IOException {
        List<Row> rows = read(file);
        assertTrue(rows.size() >= 300, file + " has " + rows.size() + " rows");
        EpisodeRunner runner = new EpisodeRunner(new Agent(hp));
        int episode = 0;
        for (Row row : rows) {
            UpdateStats stats = null;
            double reward = 0;
            while (episode < row.episode()) {
                reward = runner.runEpisode();
                stats = runner.takeEpisodeStats();
                episode++;
            }
            String where = file + " episode " + row.episode();
            assertBits(row.reward(), reward, where + " reward");
            assertEquals(row.length(), runner.episodeSteps(), where + " length");
            assertBits(row.actorLoss(), stats.actorLoss(), where + " actor loss");
            assertBits(row.criticLoss(), stats.criticLoss(), where + " critic loss");
            assertBits(row.entropy(), stats.entropy(), where + " entropy");
        }
    }
}
