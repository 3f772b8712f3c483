package cartpolelab.metrics;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

/**
 * Statistics across the runs of an experiment (a group: one algorithm, or one algorithm at one
 * swept value), after Agarwal et al., "Deep RL at the Edge of the Statistical Precipice"
 * (NeurIPS 2021, the {@code rliable} library): with ten seeds a plain mean is at the mercy of
 * one lucky or unlucky run, so we also give the <b>interquartile mean</b> (robust, yet uses
 * half the runs, unlike the median) and <b>95 % percentile-bootstrap confidence intervals</b>.
 *
 * <p>Definitions, written once:
 * <ul>
 *   <li>IQM: the mean after dropping {@code floor(n/4)} values at each end of the sorted
 *       values ({@code scipy.stats.trim_mean(x, 0.25)}, as rliable). n = 10 keeps the middle 6.
 *   <li>Bootstrap: {@value #RESAMPLES} resamples with replacement, drawn from a
 *       {@link SplittableRandom} seeded by the caller (the same seed gives the same band);
 *       the interval is the 2.5 % and 97.5 % quantiles of the resampled statistic (linear
 *       interpolation between order statistics, numpy's default). Stratified: each group is
 *       resampled on its own, and a comparison of two groups resamples each side separately.
 *   <li>Standard deviation: the sample standard deviation (n − 1; 0 for one run).
 *   <li>Episodes to solve: a run not solved counts as +∞: it is slower than any run that
 *       solved, two unsolved runs tie, and a median or IQM that reaches into the unsolved
 *       runs is +∞ ("not solved").
 * </ul>
 * Runs of different lengths (stopped, failed, or still training) are aggregated per episode
 * over the runs that reached it; {@link Curve#runs()} says how many.
 */
public final class RunStatistics {

    /** Bootstrap resamples per interval. */
    public static final int RESAMPLES = 2000;
    /** Coverage of the bootstrap intervals. */
    public static final double CONFIDENCE = 0.95;

    /** A point estimate and its interval (both ends equal the estimate when there is none). */
    public record Interval(double estimate, double low, double high) {
    }

    /**
     * An aggregate per episode: index i is episode i + 1. {@code runs[i]} is the number of runs
     * that reached episode i + 1.
     */
    public record Curve(double[] center, double[] low, double[] high, int[] runs) {

        public int length() {
            return center.length;
        }

        /** Episodes (1-based) at which fewer runs remain than at the episode before. */
        public int[] drops() {
            int[] out = new int[runs.length];
            int k = 0;
            for (int i = 1; i < runs.length; i++) {
                if (runs[i] < runs[i - 1]) {
                    out[k++] = i + 1;
                }
            }
            return Arrays.copyOf(out, k);
        }
    }

    /** Episodes to solve of one group. */
    public record SolveSummary(int runs, int solved, Interval median, Interval iqm) {
    }

    private RunStatistics() {
    }

    // ------------------------------------------------------------------ plain statistics

    public static double mean(double[] v) {
        return mean(v, v.length);
    }

    /** Interquartile mean: see the class comment. NaN for no values. */
    public static double iqm(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return sortedIqm(s, s.length);
    }

    public static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return quantile(s, s.length, 0.5);
    }

    /** Sample standard deviation (n − 1); 0 for one value, NaN for none. */
    public static double std(double[] v) {
        int n = v.length;
        if (n < 2) {
            return n == 0 ? Double.NaN : 0;
        }
        double m = mean(v);
        double ss = 0;
        for (double x : v) {
            ss += (x - m) * (x - m);
        }
        return Math.sqrt(ss / (n - 1));
    }

    /**
     * The {@code CONFIDENCE} percentile-bootstrap interval of {@code statistic} over
     * {@code values} ({@link #RESAMPLES} resamples from {@code seed}).
     */
    public static Interval bootstrap(double[] values, ToDoubleFunction<double[]> statistic,
                                     long seed) {
        int n = values.length;
        double estimate = statistic.applyAsDouble(values);
        if (n < 2) {
            return new Interval(estimate, estimate, estimate);
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[] sample = new double[n];
        double[] stats = new double[RESAMPLES];
        for (int b = 0; b < RESAMPLES; b++) {
            for (int i = 0; i < n; i++) {
                sample[i] = values[random.nextInt(n)];
            }
            stats[b] = statistic.applyAsDouble(sample);
        }
        return interval(estimate, stats);
    }

    // ------------------------------------------------------------------ curves

    /**
     * The per-episode aggregate of {@code runs} (run r's value at episode i + 1 is
     * {@code runs[r][i]}; runs may have different lengths). The bootstrap band of episode i
     * uses its own random stream from ({@code seed}, i), so any episode's band is the same
     * however much of the curve is computed.
     */
    public static Curve curve(double[][] runs, Center center, Spread spread, long seed) {
        int length = 0;
        for (double[] r : runs) {
            length = Math.max(length, r.length);
        }
        double[] c = new double[length];
        double[] lo = new double[length];
        double[] hi = new double[length];
        int[] count = new int[length];
        double[] values = new double[runs.length];
        double[] sample = new double[runs.length];
        double[] stats = new double[RESAMPLES];
        for (int e = 0; e < length; e++) {
            int n = 0;
            for (double[] r : runs) {
                if (r.length > e) {
                    values[n++] = r[e];
                }
            }
            count[e] = n;
            Arrays.sort(values, 0, n);
            c[e] = center == Center.MEAN ? mean(values, n) : sortedIqm(values, n);
            switch (spread) {
                case MIN_MAX -> {
                    lo[e] = values[0];
                    hi[e] = values[n - 1];
                }
                case STD_DEV -> {
                    double m = mean(values, n);
                    double sd = std(Arrays.copyOf(values, n));
                    lo[e] = m - sd;
                    hi[e] = m + sd;
                }
                default -> {
                    SplittableRandom random = new SplittableRandom(mix(seed, e));
                    for (int b = 0; b < RESAMPLES; b++) {
                        for (int i = 0; i < n; i++) {
                            sample[i] = values[random.nextInt(n)];
                        }
                        if (center == Center.MEAN) {
                            stats[b] = mean(sample, n);
                        } else {
                            Arrays.sort(sample, 0, n);
                            stats[b] = sortedIqm(sample, n);
                        }
                    }
                    Interval ci = n < 2 ? new Interval(c[e], c[e], c[e]) : interval(c[e], stats);
                    lo[e] = ci.low();
                    hi[e] = ci.high();
                }
            }
        }
        return new Curve(c, lo, hi, count);
    }

    // ------------------------------------------------------------------ episodes to solve

    /** Episodes to solve as numbers: {@code solvedAt <= 0} (not solved) becomes +∞. */
    public static double[] episodesToSolve(int[] solvedAt) {
        double[] v = new double[solvedAt.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = solvedAt[i] > 0 ? solvedAt[i] : Double.POSITIVE_INFINITY;
        }
        return v;
    }

    /** Solved k of N, and the median and IQM of episodes to solve with bootstrap CIs. */
    public static SolveSummary solveSummary(int[] solvedAt, long seed) {
        return solveSummary(episodesToSolve(solvedAt), seed);
    }

    /**
     * Solved k of N, and the median and IQM of {@code toSolve} (episodes or environment steps
     * to solve, +∞ for a run not solved) with bootstrap CIs.
     */
    public static SolveSummary solveSummary(double[] toSolve, long seed) {
        double[] v = toSolve;
        int solved = 0;
        for (double s : toSolve) {
            solved += Double.isFinite(s) ? 1 : 0;
        }
        return new SolveSummary(v.length, solved, bootstrap(v, RunStatistics::median, seed),
                bootstrap(v, RunStatistics::iqm, mix(seed, 1)));
    }

    /**
     * The performance profile: element e − 1 is the fraction of the runs solved by episode e
     * (solved at or before it), for e = 1 .. episodes. The denominator is every run.
     */
    public static double[] profile(int[] solvedAt, int episodes) {
        int[] at = new int[episodes + 1];
        for (int s : solvedAt) {
            if (s > 0 && s <= episodes) {
                at[s]++;
            }
        }
        double[] p = new double[episodes];
        int solved = 0;
        for (int e = 1; e <= episodes; e++) {
            solved += at[e];
            p[e - 1] = solvedAt.length == 0 ? Double.NaN : (double) solved / solvedAt.length;
        }
        return p;
    }

    /**
     * P(X solves sooner than Y): over every pair of a run x of X and a run y of Y, 1 if x
     * solved in fewer episodes, ½ if they tie (same episode, or neither solved), 0 otherwise;
     * the mean of those.
     */
    public static double probabilityOfImprovement(int[] x, int[] y) {
        return improvement(episodesToSolve(x), episodesToSolve(y));
    }

    /** {@link #probabilityOfImprovement} with its bootstrap CI (X and Y resampled apart). */
    public static Interval probabilityOfImprovement(int[] x, int[] y, long seed) {
        double[] a = episodesToSolve(x);
        double[] b = episodesToSolve(y);
        double estimate = improvement(a, b);
        if (a.length < 1 || b.length < 1 || a.length + b.length < 3) {
            return new Interval(estimate, estimate, estimate);
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[] ra = new double[a.length];
        double[] rb = new double[b.length];
        double[] stats = new double[RESAMPLES];
        for (int r = 0; r < RESAMPLES; r++) {
            for (int i = 0; i < a.length; i++) {
                ra[i] = a[random.nextInt(a.length)];
            }
            for (int i = 0; i < b.length; i++) {
                rb[i] = b[random.nextInt(b.length)];
            }
            stats[r] = improvement(ra, rb);
        }
        return interval(estimate, stats);
    }

    private static double improvement(double[] x, double[] y) {
        if (x.length == 0 || y.length == 0) {
            return Double.NaN;
        }
        double wins = 0;
        for (double a : x) {
            for (double b : y) {
                wins += a < b ? 1 : a == b ? 0.5 : 0;
            }
        }
        return wins / ((double) x.length * y.length);
    }

    // ------------------------------------------------------------------ helpers

    private static double mean(double[] v, int n) {
        if (n == 0) {
            return Double.NaN;
        }
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += v[i];
        }
        return s / n;
    }

    /** IQM of the first n values of a sorted array. */
    private static double sortedIqm(double[] sorted, int n) {
        int cut = n / 4;
        double s = 0;
        for (int i = cut; i < n - cut; i++) {
            s += sorted[i];
        }
        return n == 0 ? Double.NaN : s / (n - 2 * cut);
    }

    /** The estimate with the CONFIDENCE quantiles of {@code stats} (sorted here). */
    private static Interval interval(double estimate, double[] stats) {
        Arrays.sort(stats);
        double tail = (1 - CONFIDENCE) / 2;
        return new Interval(estimate, quantile(stats, stats.length, tail),
                quantile(stats, stats.length, 1 - tail));
    }

    /** Quantile q of the first n sorted values, interpolating linearly (numpy's default). */
    private static double quantile(double[] sorted, int n, double q) {
        if (n == 0) {
            return Double.NaN;
        }
        double pos = q * (n - 1);
        int i = (int) Math.floor(pos);
        double frac = pos - i;
        double a = sorted[i];
        if (frac == 0 || i + 1 >= n || a == sorted[i + 1]) {
            return a;
        }
        return a + (sorted[i + 1] - a) * frac;
    }

    /** A well-mixed seed for stream {@code k} of {@code seed} (MurmurHash3's finaliser). */
    private static long mix(long seed, long k) {
        long z = seed * 0x9E3779B97F4A7C15L + k;
        z = (z ^ (z >>> 33)) * 0xFF51AFD7ED558CCDL;
        z = (z ^ (z >>> 33)) * 0xC4CEB9FE1A85EC53L;
        return z ^ (z >>> 33);
    }
}
