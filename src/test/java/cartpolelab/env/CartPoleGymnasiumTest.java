package cartpolelab.env;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * CartPole against Gymnasium 1.3.0 itself (not a re-implementation): trajectories recorded by
 * {@code src/test/resources/gymnasium/make_cartpole_reference.py} on Linux x86-64 (glibc 2.36).
 * Asserts exactly what the README says: every single step matches Gymnasium bit for bit except
 * where {@link StrictMath}'s sin/cos and glibc's differ in the last bit, and then by one ulp in
 * ẋ or θ̇ only; and how many whole episodes split because of it.
 */
class CartPoleGymnasiumTest {

    // the README's figures, measured on this data (see the class comment)
    static final int SINGLE_STEPS = 38_132;
    static final int STEPS_OFF = 21;
    /** The largest difference of ẋ or θ̇ after one step. */
    static final double STEP_DIFFERENCE = 2.3e-16;
    static final int EPISODES = 400;
    static final int EPISODES_SPLIT = 67;
    static final int EPISODES_ENDING_AT_ANOTHER_STEP = 2;
    /** The largest difference of a state variable at the end of a split episode. */
    static final double END_DIFFERENCE = 1.78;

    private static BufferedReader open(String name, boolean gzip) throws IOException {
        InputStream in = Objects.requireNonNull(CartPoleGymnasiumTest.class.getResourceAsStream(
                "/gymnasium/" + name), name + " missing from the test resources");
        return new BufferedReader(new InputStreamReader(gzip ? new GZIPInputStream(in) : in,
                StandardCharsets.UTF_8));
    }

    private static List<String[]> rows(String name, boolean gzip) throws IOException {
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader in = open(name, gzip)) {
            assertTrue(in.readLine().startsWith("# CartPole-v1 stepped by Gymnasium 1.3.0"));
            in.readLine(); // the header
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                rows.add(line.split(","));
            }
        }
        return rows;
    }

    private static double[] state(String[] row, int from) {
        return new double[] {Double.parseDouble(row[from]), Double.parseDouble(row[from + 1]),
            Double.parseDouble(row[from + 2]), Double.parseDouble(row[from + 3])};
    }

    /**
     * True when Gymnasium's step is reproduced bit for bit with sin θ or cos θ (or both) one
     * ulp away from StrictMath's: glibc's last bit, not the equations, made the difference.
     */
    private static boolean explainedByTheLastBitOfSinOrCos(double[] before, int action,
                                                           double[] want) {
        double sin = StrictMath.sin(before[2]);
        double cos = StrictMath.cos(before[2]);
        double[] sins = {sin, Math.nextUp(sin), Math.nextDown(sin)};
        double[] coss = {cos, Math.nextUp(cos), Math.nextDown(cos)};
        for (double s : sins) {
            for (double c : coss) {
                CartPole env = new CartPole(CartPoleVersion.V1);
                env.reset(before[0], before[1], before[2], before[3]);
                env.advance(action, s, c);
                double[] got = env.observation();
                boolean same = true;
                for (int k = 0; k < 4; k++) {
                    same &= Double.doubleToRawLongBits(want[k])
                            == Double.doubleToRawLongBits(got[k]);
                }
                if (same) {
                    return true;
                }
            }
        }
        return false;
    }

    private static long ulps(double a, double b) {
        return Math.abs(Double.doubleToRawLongBits(a) - Double.doubleToRawLongBits(b));
    }

    @Test
    void everySingleStepMatchesExceptWhereSinOrCosDifferInTheLastBit() throws IOException {
        List<String[]> rows = rows("cartpole_v1_steps.csv.gz", true);
        int steps = 0;
        int off = 0;
        long worst = 0;
        double widest = 0;
        StringBuilder which = new StringBuilder();
        for (int i = 1; i < rows.size(); i++) {
            String[] prev = rows.get(i - 1);
            String[] row = rows.get(i);
            if (!row[0].equals(prev[0])) {
                continue; // a new episode starts at its reset row
            }
            double[] before = state(prev, 3);
            double[] want = state(row, 3);
            CartPole env = new CartPole(CartPoleVersion.V1);
            env.reset(before[0], before[1], before[2], before[3]);
            double[] got = env.step(Integer.parseInt(row[2])).observation();
            steps++;
            long u = 0;
            for (int k = 0; k < 4; k++) {
                u = Math.max(u, ulps(want[k], got[k]));
                if (k % 2 == 0) {
                    assertEquals(Double.doubleToRawLongBits(want[k]),
                            Double.doubleToRawLongBits(got[k]), "positions never differ: they "
                                    + "use the old velocities only; episode " + row[0]
                                    + " step " + row[1]);
                }
            }
            if (u > 0) {
                off++;
                worst = Math.max(worst, u);
                for (int k = 0; k < 4; k++) {
                    widest = Math.max(widest, Math.abs(want[k] - got[k]));
                }
                which.append(" ").append(row[0]).append('/').append(row[1]);
                assertTrue(explainedByTheLastBitOfSinOrCos(before, Integer.parseInt(row[2]),
                        want), "episode " + row[0] + " step " + row[1] + " is not a last-bit "
                                + "difference of sin or cos");
            }
        }
        System.out.printf("single steps %d, off %d (worst %d ulp, %.3g):%s%n", steps, off, worst,
                widest, which);
        assertEquals(SINGLE_STEPS, steps);
        assertEquals(STEPS_OFF, off, "steps that differ:" + which);
        assertTrue(widest <= STEP_DIFFERENCE, "at most " + STEP_DIFFERENCE + ", was " + widest);
    }

    @Test
    void wholeEpisodesReplayAndTheFewThatSplitAreCounted() throws IOException {
        List<String[]> rows = rows("cartpole_v1_episodes.csv", false);
        assertEquals(EPISODES, rows.size());
        int split = 0;
        int otherStep = 0;
        double widest = 0;
        StringBuilder which = new StringBuilder();
        for (String[] row : rows) {
            double[] start = state(row, 1);
            String actions = row[5];
            int length = Integer.parseInt(row[6]);
            double[] want = state(row, 7);
            boolean terminated = row[11].equals("1");
            CartPole env = new CartPole(CartPoleVersion.V1);
            env.reset(start[0], start[1], start[2], start[3]);
            int steps = 0;
            while (steps < actions.length() && !env.done()) {
                env.step(actions.charAt(steps) - '0');
                steps++;
            }
            double[] got = env.observation();
            double gap = 0;
            boolean same = steps == length && env.terminated() == terminated;
            for (int k = 0; k < 4; k++) {
                same &= Double.doubleToRawLongBits(want[k]) == Double.doubleToRawLongBits(got[k]);
                gap = Math.max(gap, Math.abs(want[k] - got[k]));
            }
            if (steps != length || env.terminated() != terminated) {
                otherStep++;
            }
            if (!same) {
                split++;
                widest = Math.max(widest, gap);
                which.append(String.format(java.util.Locale.ROOT, " %s(%d/%d steps, %.3g)",
                        row[0], steps, length, gap));
            }
        }
        System.out.printf("episodes %d, split %d, at another step %d, widest %.3g:%s%n",
                rows.size(), split, otherStep, widest, which);
        assertEquals(EPISODES_SPLIT, split, "episodes that split:" + which);
        assertEquals(EPISODES_ENDING_AT_ANOTHER_STEP, otherStep, which.toString());
        assertEquals(END_DIFFERENCE, widest, 0.005, which.toString());
    }
}
