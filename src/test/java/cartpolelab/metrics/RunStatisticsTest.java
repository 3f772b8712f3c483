package cartpolelab.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import cartpolelab.metrics.Center;
import cartpolelab.metrics.RunStatistics.Curve;
import cartpolelab.metrics.RunStatistics.Interval;
import cartpolelab.metrics.Spread;
import org.junit.jupiter.api.Test;

/** Statistics across runs, against values worked out by hand. */
class RunStatisticsTest {

    private static final double INF = Double.POSITIVE_INFINITY;

    @Test
    void meanMedianStdAndIqmByHand() {
        double[] v = {4, 1, 100, 3, 2};
        assertEquals(22, RunStatistics.mean(v), 1e-12);             // 110 / 5
        assertEquals(3, RunStatistics.median(v), 0);
        assertEquals(2.5, RunStatistics.median(new double[] {1, 2, 3, 4}), 0);
        // n = 5: floor(5/4) = 1 dropped at each end: mean(2, 3, 4) = 3; the 100 is gone
        assertEquals(3, RunStatistics.iqm(v), 1e-12);
        // n = 8: 2 dropped at each end of 1..7, 100: mean(3, 4, 5, 6) = 4.5
        assertEquals(4.5, RunStatistics.iqm(new double[] {100, 7, 6, 5, 4, 3, 2, 1}), 1e-12);
        // n = 10: the middle six of 1..10: mean(3..8) = 5.5
        assertEquals(5.5, RunStatistics.iqm(new double[] {10, 1, 9, 2, 8, 3, 7, 4, 6, 5}),
                1e-12);
        // n = 3: nothing dropped
        assertEquals(4, RunStatistics.iqm(new double[] {1, 2, 9}), 1e-12);
        // sample sd of 2, 4, 4, 4, 5, 5, 7, 9: mean 5, squares 32, / 7
        assertEquals(Math.sqrt(32.0 / 7), RunStatistics.std(new double[] {2, 4, 4, 4, 5, 5,
            7, 9}), 1e-12);
        assertEquals(0, RunStatistics.std(new double[] {3}), 0);
    }

    @Test
    void bootstrapOfTwoValuesCoversBothEnds() {
        // resampled means of {0, 1}: 0 (p ¼), ½ (p ½), 1 (p ¼): the 2.5 % and 97.5 % quantiles
        // of 2000 of them are 0 and 1 (only ~50 of 2000 would have to be 0 for the low end)
        Interval ci = RunStatistics.bootstrap(new double[] {0, 1}, RunStatistics::mean, 7);
        assertEquals(new Interval(0.5, 0, 1), ci);
    }

    @Test
    void bootstrapOfTwentyCoinFlipsIsNearTheNormalInterval() {
        // ten 0s and ten 1s: mean ½, standard error sqrt(¼ / 20) = 0.1118; the normal 95 %
        // interval is ½ ± 1.96·0.1118 = [0.281, 0.719]; resampled means live on a grid of 1/20
        double[] v = new double[20];
        for (int i = 10; i < 20; i++) {
            v[i] = 1;
        }
        Interval ci = RunStatistics.bootstrap(v, RunStatistics::mean, 42);
        assertEquals(0.5, ci.estimate(), 0);
        assertEquals(0.281, ci.low(), 0.05);
        assertEquals(0.719, ci.high(), 0.05);
        assertEquals(ci, RunStatistics.bootstrap(v, RunStatistics::mean, 42), "seeded");
        assertNotEquals(ci, RunStatistics.bootstrap(v, RunStatistics::iqm, 42));
    }

    @Test
    void bootstrapOfEqualValuesOrOneValueHasNoWidth() {
        assertEquals(new Interval(3, 3, 3), RunStatistics.bootstrap(new double[] {3, 3, 3},
                RunStatistics::iqm, 1));
        assertEquals(new Interval(8, 8, 8), RunStatistics.bootstrap(new double[] {8},
                RunStatistics::mean, 1));
    }

    @Test
    void curveUsesTheRunsThatReachedEachEpisodeAndSaysWhereNDrops() {
        double[][] runs = {{1, 2, 3, 4}, {3, 4, 5}, {5, 6}};
        Curve c = RunStatistics.curve(runs, Center.MEAN, Spread.MIN_MAX, 1);
        assertArrayEquals(new double[] {3, 4, 4, 4}, c.center(), 1e-12);
        assertArrayEquals(new double[] {1, 2, 3, 4}, c.low(), 0);
        assertArrayEquals(new double[] {5, 6, 5, 4}, c.high(), 0);
        assertArrayEquals(new int[] {3, 3, 2, 1}, c.runs());
        assertArrayEquals(new int[] {3, 4}, c.drops());

        Curve sd = RunStatistics.curve(runs, Center.MEAN, Spread.STD_DEV, 1);
        assertEquals(3 - 2, sd.low()[0], 1e-12);   // sd of 1, 3, 5 is 2
        assertEquals(4 + Math.sqrt(2), sd.high()[2], 1e-12);  // sd of 3, 5 is √2

        Curve iqm = RunStatistics.curve(new double[][] {{0}, {10}, {11}, {12}, {100}},
                Center.IQM, Spread.BOOTSTRAP, 3);
        assertEquals(11, iqm.center()[0], 1e-12);
        Curve boot = RunStatistics.curve(runs, Center.MEAN, Spread.BOOTSTRAP, 9);
        assertArrayEquals(boot.low(), RunStatistics.curve(runs, Center.MEAN, Spread.BOOTSTRAP,
                9).low(), "the same seed gives the same band");
        for (int e = 0; e < 4; e++) {
            assertEquals(true, boot.low()[e] <= boot.center()[e]
                    && boot.center()[e] <= boot.high()[e], "episode " + (e + 1));
        }
        assertEquals(4, boot.low()[3], 0, "one run left: no band");
        // each episode's band has its own stream: the first two episodes (same values as a
        // two-episode experiment) give the same band as in the longer one
        Curve shorter = RunStatistics.curve(new double[][] {{1, 2}, {3, 4}, {5, 6}},
                Center.MEAN, Spread.BOOTSTRAP, 9);
        assertEquals(boot.low()[1], shorter.low()[1], 0);
    }

    @Test
    void performanceProfileIsTheFractionSolvedByEachEpisode() {
        double[] p = RunStatistics.profile(new int[] {10, 20, -1, 10}, 25);
        assertEquals(25, p.length);
        assertEquals(0, p[8], 0);        // episode 9
        assertEquals(0.5, p[9], 0);      // episode 10: two of four
        assertEquals(0.5, p[18], 0);
        assertEquals(0.75, p[19], 0);    // episode 20
        assertEquals(0.75, p[24], 0);    // the unsolved run never counts
    }

    @Test
    void solveSummaryCountsUnsolvedRunsAsSlowerThanAny() {
        RunStatistics.SolveSummary s = RunStatistics.solveSummary(
                new int[] {100, 300, 200, -1}, 5);
        assertEquals(4, s.runs());
        assertEquals(3, s.solved());
        // sorted 100, 200, 300, ∞: median (200 + 300) / 2, IQM mean(200, 300)
        assertEquals(250, s.median().estimate(), 0);
        assertEquals(250, s.iqm().estimate(), 0);
        assertEquals(INF, s.median().high(), 0, "resamples with two unsolved runs: ∞");
        assertEquals(INF, RunStatistics.solveSummary(new int[] {100, -1, -1}, 5).median()
                .estimate(), 0, "most runs unsolved: the median is 'not solved'");
    }

    @Test
    void probabilityOfImprovementCountsTiesHalf() {
        int[] x = {10, 20, -1};
        int[] y = {10, 30, -1};
        // x=10: tie ½, beats 30, beats ∞ → 2.5; x=20: loses to 10, beats 30 and ∞ → 2;
        // x=∞: loses twice, ties ∞ → ½. (2.5 + 2 + 0.5) / 9
        assertEquals(5.0 / 9, RunStatistics.probabilityOfImprovement(x, y), 1e-12);
        assertEquals(4.0 / 9, RunStatistics.probabilityOfImprovement(y, x), 1e-12);
        assertEquals(0.5, RunStatistics.probabilityOfImprovement(x, x), 1e-12);
        Interval ci = RunStatistics.probabilityOfImprovement(x, y, 11);
        assertEquals(5.0 / 9, ci.estimate(), 1e-12);
        assertEquals(true, ci.low() < ci.estimate() && ci.estimate() < ci.high(), ci.toString());
        assertEquals(ci, RunStatistics.probabilityOfImprovement(x, y, 11));
        // always sooner: P = 1 and every resample agrees
        assertEquals(new Interval(1, 1, 1), RunStatistics.probabilityOfImprovement(
                new int[] {5, 6}, new int[] {7, -1}, 3));
    }
}
