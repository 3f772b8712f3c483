package cartpolelab.agent;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The notebook's claim that a baseline b(s) = V(s) leaves the policy gradient unbiased, on a
 * fixed policy with a critic trained for a while (A2C, default settings, seed 1, 400 episodes:
 * mid-learning, episodes of ~30-200 steps).
 *
 * <p>On N episodes of that policy the REINFORCE and baseline gradients are computed on the same
 * episodes, so their difference d_m = Σ_t ∇log π(a_t|s_t) V(s_t), whose expectation is 0 if
 * the baseline is unbiased, is measured without the noise they share. The statistic
 * <pre>  z² = ‖d̄‖² / (tr Ĉov(d) / N)  </pre>
 * is the squared norm of the mean difference in units of its expected value under "unbiased"
 * (≈ 1 then, whatever the number of parameters). Tolerance, fixed before measuring: z² ≤ 4, the
 * mean difference within two standard errors in norm. For contrast the same statistic of the
 * mean REINFORCE gradient against 0 shows that N episodes see the true gradient clearly
 * (z² ≫ 4), so a bias of the gradient's own size would not pass. The TD estimator is biased by
 * an imperfect critic; its statistic is printed, not asserted. The variances found are printed
 * with their ordering.
 */
class BaselineUnbiasedTest {

    private static final int TRAINING_EPISODES = 400;
    private static final int N = 1500;

    @Test
    void theBaselineLeavesTheMeanGradientUnbiased() {
        Hyperparameters hp = Hyperparameters.DEFAULTS.withSeed(1);
        Agent agent = new Agent(hp);
        EpisodeRunner runner = new EpisodeRunner(agent);
        for (int i = 0; i < TRAINING_EPISODES; i++) {
            runner.runEpisode();
        }
        GradientVarianceProbe probe = new GradientVarianceProbe(hp,
                GradientVarianceProbe.Settings.DEFAULT);
        probe.load(agent);
        int p = probe.parameterCount();
        // running sums of g, g² per estimator, and of the differences to REINFORCE
        double[][] sum = new double[5][p];
        double[][] squares = new double[5][p];
        SplittableRandom random = new SplittableRandom(20240601);
        long steps = 0;
        for (int m = 0; m < N; m++) {
            steps += probe.runEpisode(random);
            probe.computeGradients();
            double[] r = probe.gradient(GradientVarianceProbe.REINFORCE);
            double[] b = probe.gradient(GradientVarianceProbe.BASELINE);
            double[] td = probe.gradient(GradientVarianceProbe.TD);
            for (int i = 0; i < p; i++) {
                double[] x = {r[i], b[i], td[i], r[i] - b[i], r[i] - td[i]};
                for (int k = 0; k < 5; k++) {
                    sum[k][i] += x[k];
                    squares[k][i] += x[k] * x[k];
                }
            }
        }
        double[] variance = new double[5];
        double[] meanNorm2 = new double[5];
        for (int k = 0; k < 5; k++) {
            for (int i = 0; i < p; i++) {
                double mean = sum[k][i] / N;
                variance[k] += (squares[k][i] - N * mean * mean) / (N - 1);
                meanNorm2[k] += mean * mean;
            }
        }
        double zBaseline = meanNorm2[3] / (variance[3] / N);
        double zTd = meanNorm2[4] / (variance[4] / N);
        double zGradient = meanNorm2[0] / (variance[0] / N);

        String[] names = {"REINFORCE", "baseline", "TD"};
        Integer[] order = {0, 1, 2};
        java.util.Arrays.sort(order, (x, y) -> Double.compare(variance[y], variance[x]));
        String report = String.format(Locale.ROOT, "after %d A2C episodes, %d probe episodes "
                        + "(mean length %.0f), %d actor parameters:%n"
                        + "  variance (trace of covariance): REINFORCE %.4g, baseline %.4g, "
                        + "TD %.4g; ordering %s > %s > %s%n"
                        + "  z² of mean(REINFORCE − baseline) = %.2f (unbiased: ≈ 1, "
                        + "tolerance ≤ 4); of mean(REINFORCE − TD) = %.1f; of mean(REINFORCE) "
                        + "against 0 = %.1f", TRAINING_EPISODES, N, (double) steps / N, p,
                variance[0], variance[1], variance[2], names[order[0]], names[order[1]],
                names[order[2]], zBaseline, zTd, zGradient);
        System.out.println("BaselineUnbiasedTest: " + report);
        assertTrue(zBaseline <= 4, "the baseline moved the mean gradient: " + report);
        assertTrue(zGradient > 40, "too few episodes to see the gradient itself, so the "
                + "check above could not see a bias of its size: " + report);
    }
}
