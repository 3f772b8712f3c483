package cartpolelab.ui.lesson;

import cartpolelab.metrics.RunStatistics;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.LongStream;

/**
 * What one preset experiment of the lesson measured, per group (an algorithm, or an
 * algorithm at a λ): each run's 50-episode average, the episode each run solved at (−1: not
 * solved) and, per episode, the median over its runs of each gradient estimator's variance
 * (REINFORCE, baseline, TD; NaN before the first measurement). The captions are computed
 * from these numbers only, so other data gives other captions.
 */
public record Measured(List<Group> groups) {

    /** One group of runs. */
    public record Group(String label, double[][] ma50, int[] solvedAt, double[][] variance,
                        long[] solvedAtStep) {

        /** A group whose environment steps of solving were not measured (all −1). */
        public Group(String label, double[][] ma50, int[] solvedAt, double[][] variance) {
            this(label, ma50, solvedAt, variance, LongStream
                    .generate(() -> -1).limit(solvedAt.length).toArray());
        }

        /** The median environment steps of solving, unsolved runs counted as never (∞). */
        double medianSolveSteps() {
            double[] e = Arrays.stream(solvedAtStep).mapToDouble(x -> x > 0 ? x
                    : Double.POSITIVE_INFINITY).toArray();
            return e.length == 0 ? Double.NaN : RunStatistics.median(e);
        }

        int runs() {
            return ma50.length;
        }

        int solved() {
            return (int) Arrays.stream(solvedAt).filter(e -> e > 0).count();
        }

        /** The median episode of solving, unsolved runs counted as never (∞). */
        double medianSolve() {
            double[] e = Arrays.stream(solvedAt).mapToDouble(x -> x > 0 ? x
                    : Double.POSITIVE_INFINITY).toArray();
            return e.length == 0 ? Double.NaN : RunStatistics.median(e);
        }

        /** The mean over runs of the 50-episode average at {@code episode} (from 1). */
        double meanMa50(int episode) {
            double sum = 0;
            int n = 0;
            for (double[] r : ma50) {
                if (r.length >= episode) {
                    sum += r[episode - 1];
                    n++;
                }
            }
            return n == 0 ? Double.NaN : sum / n;
        }

        int episodes() {
            return Arrays.stream(ma50).mapToInt(r -> r.length).max().orElse(0);
        }

        /** The median over episodes {@code from}..{@code to} of estimator {@code k}'s line. */
        double medianVariance(int k, int from, int to) {
            List<Double> v = new ArrayList<>();
            for (int e = from; e <= Math.min(to, variance[k].length); e++) {
                double x = variance[k][e - 1];
                if (Double.isFinite(x) && x > 0) {
                    v.add(x);
                }
            }
            return v.isEmpty() ? Double.NaN
                    : RunStatistics.median(v.stream().mapToDouble(Double::doubleValue).toArray());
        }

        String solvedText() {
            return solved() + " of " + runs() + " seeds solved";
        }
    }

    /** The group whose label starts with {@code label}, or null. */
    public Group group(String label) {
        return groups.stream().filter(g -> g.label().equals(label)).findFirst().orElse(null);
    }

    static String number(double v) {
        return String.format(Locale.ROOT, Math.abs(v) >= 100 ? "%.0f" : "%.1f", v);
    }

    static String ratio(double r) {
        return String.format(Locale.ROOT, r < 0.1 ? "%.3f\u00d7" : "%.2f\u00d7", r);
    }

    static String steps(double e) {
        return Double.isInfinite(e) ? "never" : String.format(Locale.ROOT, "%,.0f", e);
    }

    static String episode(double e) {
        return Double.isInfinite(e) ? "never" : String.format(Locale.ROOT, "%,.0f", e);
    }
}
