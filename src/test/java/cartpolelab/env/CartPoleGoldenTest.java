package cartpolelab.env;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Replays Gymnasium CartPole-v1 reference trajectories (see src/test/resources, copied from
 * shared/golden) and demands bitwise-equal states and equal flags on every row.
 */
class CartPoleGoldenTest {

    record Row(int traj, int step, int action, double x, double xDot, double theta,
               double thetaDot, double reward, boolean terminated, boolean truncated) {}

    private static Map<Integer, List<Row>> trajectories;

    @BeforeAll
    static void load() throws IOException {
        trajectories = new LinkedHashMap<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                Objects.requireNonNull(CartPoleGoldenTest.class.getResourceAsStream(
                        "/cartpole_v1_trajectories.csv"), "golden CSV missing from test resources"),
                StandardCharsets.UTF_8))) {
            String header = in.readLine();
            assertEquals("traj,step,action,x,x_dot,theta,theta_dot,reward,terminated,truncated",
                    header);
            String line;
            while ((line = in.readLine()) != null) {
                String[] f = line.split(",");
                Row row = new Row(Integer.parseInt(f[0]), Integer.parseInt(f[1]),
                        Integer.parseInt(f[2]), Double.parseDouble(f[3]), Double.parseDouble(f[4]),
                        Double.parseDouble(f[5]), Double.parseDouble(f[6]),
                        Double.parseDouble(f[7]), f[8].equals("1"), f[9].equals("1"));
                trajectories.computeIfAbsent(row.traj(), k -> new ArrayList<>()).add(row);
            }
        }
        assertEquals(40, trajectories.size(), "trajectory count");
        assertEquals(10_917, trajectories.values().stream().mapToInt(t -> t.size() - 1).sum(),
                "step count");
    }

    @Test
    void everySingleStepIsBitwiseEqual() {
        int checked = 0;
        for (List<Row> rows : trajectories.values()) {
            for (int i = 1; i < rows.size(); i++) {
                Row prev = rows.get(i - 1);
                Row want = rows.get(i);
                CartPole.Step got = stepFromRow(prev, want);
                assertRow(want, got.x(), got.xDot(), got.theta(), got.thetaDot(), got.reward(),
                        got.terminated(), got.truncated());
                checked++;
            }
        }
        assertEquals(10_917, checked);
    }

    /** Steps a fresh environment whose time limit leaves exactly the row's remaining steps. */
    private static CartPole.Step stepFromRow(Row prev, Row want) {
        // a time limit of (500 - prev.step) makes the next step the 500th when it should be
        CartPole env = new CartPole(CartPoleVersion.V1, CartPoleVersion.V1.timeLimit() - prev.step());
        env.reset(prev.x(), prev.xDot(), prev.theta(), prev.thetaDot());
        return env.step(want.action());
    }

    @Test
    void wholeTrajectoriesReplayBitwise() {
        for (List<Row> rows : trajectories.values()) {
            Row start = rows.get(0);
            assertEquals(0, start.step());
            assertEquals(-1, start.action());
            CartPole env = new CartPole(CartPoleVersion.V1);
            env.reset(start.x(), start.xDot(), start.theta(), start.thetaDot());
            for (int i = 1; i < rows.size(); i++) {
                Row want = rows.get(i);
                CartPole.Step got = env.step(want.action());
                assertRow(want, got.x(), got.xDot(), got.theta(), got.thetaDot(), got.reward(),
                        got.terminated(), got.truncated());
                assertEquals(want.step(), env.steps());
            }
            assertTrue(env.done(), "trajectory " + start.traj() + " should end on its last row");
        }
    }

    private static void assertRow(Row want, double x, double xDot, double theta, double thetaDot,
                                  double reward, boolean terminated, boolean truncated) {
        String where = "trajectory " + want.traj() + " step " + want.step();
        assertBits(want.x(), x, where + " x");
        assertBits(want.xDot(), xDot, where + " x_dot");
        assertBits(want.theta(), theta, where + " theta");
        assertBits(want.thetaDot(), thetaDot, where + " theta_dot");
        assertEquals(want.reward(), reward, where + " reward");
        assertEquals(want.terminated(), terminated, where + " terminated");
        assertEquals(want.truncated(), truncated, where + " truncated");
    }

    private static void assertBits(double want, double got, String what) {
        assertEquals(Double.doubleToRawLongBits(want), Double.doubleToRawLongBits(got),
                () -> what + ": want " + want + " got " + got);
    }
}
