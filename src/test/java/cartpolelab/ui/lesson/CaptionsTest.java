package cartpolelab.ui.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The captions come from the numbers: other numbers, other captions; no claim unshown. */
class CaptionsTest {

    /** A group of {@code runs} runs whose MA50 climbs linearly from 20 to {@code last}. */
    private static Measured.Group group(String label, int runs, double last, int[] solved,
                                        double reinforceVar, double baselineVar, double tdVar) {
        int n = 1000;
        double[][] ma = new double[runs][n];
        for (double[] r : ma) {
            for (int e = 0; e < n; e++) {
                r[e] = 20 + (last - 20) * e / (n - 1.0);
            }
        }
        double[][] v = new double[3][n];
        Arrays.fill(v[0], reinforceVar);
        Arrays.fill(v[1], baselineVar);
        Arrays.fill(v[2], tdVar);
        return new Measured.Group(label, ma, solved, v);
    }

    @Test
    void reinforceCaptionReadsTheCurveAndTheSolvedCount() {
        Measured m = new Measured(List.of(group(Captions.REINFORCE, 2, 120,
                new int[] {-1, 800}, 10, 5, 1)));
        String c = Captions.reinforce(m);
        assertTrue(c.contains("climbed"), c);
        assertTrue(c.contains("to 120 at episode 1,000"), c);
        assertTrue(c.contains("1 of 2 seeds solved"), c);
        String flat = Captions.reinforce(new Measured(List.of(group(Captions.REINFORCE, 2, 22,
                new int[] {-1, -1}, 10, 5, 1))));
        assertTrue(flat.contains("did not climb"), flat);
        assertTrue(flat.contains("0 of 2 seeds solved"), flat);
    }

    @Test
    void baselineCaptionGivesTheMeasuredRatioOrSaysTheDataDoesNotShowIt() {
        Measured lower = new Measured(List.of(
                group(Captions.REINFORCE, 3, 100, new int[] {-1, -1, 900}, 100, 40, 1),
                group(Captions.BASELINE, 3, 150, new int[] {500, 600, 700}, 80, 44, 1)));
        String c = Captions.baseline(lower);
        assertTrue(c.startsWith("On the same networks, the baseline's gradient variance was "
                + "0.55× REINFORCE's over episodes 150–1,000"), c);
        assertTrue(c.contains("baseline: 3 of 3 seeds solved"), c);
        Measured higher = new Measured(List.of(
                group(Captions.REINFORCE, 3, 100, new int[] {-1, -1, 900}, 100, 40, 1),
                group(Captions.BASELINE, 3, 150, new int[] {500, 600, 700}, 80, 104, 1)));
        String h = Captions.baseline(higher);
        assertNotEquals(c, h);
        assertTrue(h.startsWith("The data does not show the claim"), h);
        assertTrue(h.contains("1.30×"), h);
    }

    @Test
    void actorCriticAndA2cCaptionsCheckTheirClaims() {
        String td = Captions.actorCritic(new Measured(List.of(group(Captions.A2C, 4, 190,
                new int[] {400, 500, 600, 700}, 100, 50, 5))));
        assertTrue(td.contains("was 0.10× that of Gₜ − V(sₜ)"), td);
        assertTrue(td.contains("4 of 4 seeds solved"), td);
        String tdNot = Captions.actorCritic(new Measured(List.of(group(Captions.A2C, 4, 190,
                new int[] {400, 500, 600, 700}, 100, 50, 60))));
        assertTrue(tdNot.startsWith("The data does not show the claim"), tdNot);

        Measured three = new Measured(List.of(
                steps(Captions.REINFORCE, new long[] {-1, 250_000, 260_000}),
                steps(Captions.BASELINE, new long[] {160_000, 165_000, 170_000}),
                steps(Captions.A2C, new long[] {70_000, 80_000, 90_000})));
        String a = Captions.a2c(three);
        assertTrue(a.contains("A2C 80,000 (3 of 3 seeds solved)"), a);
        assertTrue(a.contains("REINFORCE 260,000 (2 of 3 seeds solved)"), a);
        assertTrue(a.endsWith("A2C needed 0.48× the baseline's steps."), a);
        Measured slow = new Measured(List.of(
                steps(Captions.REINFORCE, new long[] {-1, 250_000, 260_000}),
                steps(Captions.BASELINE, new long[] {60_000, 65_000, 70_000}),
                steps(Captions.A2C, new long[] {70_000, 80_000, -1})));
        String s = Captions.a2c(slow);
        assertTrue(s.endsWith("The data does not show A2C solving in fewer environment steps "
                + "than the baseline."), s);
        assertEquals("Not measured: the experiment needs the three algorithms.",
                Captions.a2c(new Measured(List.of())));
    }

    /** A group solving at these environment steps (−1: not solved). */
    private static Measured.Group steps(String label, long[] steps) {
        int[] episodes = Arrays.stream(steps).mapToInt(x -> x > 0 ? (int) (x / 150) : -1)
                .toArray();
        Measured.Group g = group(label, steps.length, 190, episodes, 1, 1, 1);
        return new Measured.Group(label, g.ma50(), episodes, g.variance(), steps);
    }

    @Test
    void ppoCaptionComparesStepsToSolveWithA2cOnTheSameRollouts() {
        String ppo = cartpolelab.agent.Algorithm.PPO.displayName();
        String p = Captions.ppo(new Measured(List.of(
                steps(Captions.A2C, new long[] {-1, -1, -1, 95_000}),
                steps(ppo, new long[] {20_000, 30_000, 31_000, 40_000}))));
        assertTrue(p.startsWith("Median environment steps to solve: PPO 30,500 (4 of 4 seeds "
                + "solved), A2C never (1 of 4 seeds solved)."), p);
        assertTrue(p.endsWith("PPO solved within the budget and A2C, on the same rollouts, "
                + "did not."), p);
        String q = Captions.ppo(new Measured(List.of(
                steps(Captions.A2C, new long[] {20_000, 30_000, 40_000, 50_000}),
                steps(ppo, new long[] {60_000, 60_000, -1, -1}))));
        assertTrue(q.endsWith("The data does not show PPO solving in fewer environment steps "
                + "than A2C."), q);
        String r = Captions.ppo(new Measured(List.of(
                steps(Captions.A2C, new long[] {100_000, 100_000, 100_000, 100_000}),
                steps(ppo, new long[] {25_000, 25_000, 25_000, 25_000}))));
        assertTrue(r.endsWith("PPO needed 0.25× A2C's steps."), r);
    }
}
