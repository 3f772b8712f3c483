package cartpolelab.plot;

import cartpolelab.metrics.GradientVarianceHistory;
import cartpolelab.metrics.RunStatistics;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The figures of an experiment, the same in the window and in files: the reward chart (per
 * group the mean or IQM of the runs' 50-episode moving averages, its band, and each run as a
 * faint line, one colour per group, N per group in the legend and marked where it drops) and
 * the performance profile (per group, the fraction of its runs solved by each episode). Fed
 * plain arrays, so the window can rebuild them from what it pulled and the command line from
 * files.
 */
public final class CompareFigures {

    public static final String REWARD_Y = "Reward, MA50";
    public static final String PROFILE_Y = "Runs solved";
    /** Opacity of the individual runs' lines and of the bands. */
    public static final double RUN_ALPHA = 0.22;
    public static final double BAND_ALPHA = 0.25;

    /**
     * One group's data.
     *
     * @param label   "A2C" or "A2C · lr=1e-4"
     * @param runs    each run's values per episode (its MA50), runs may differ in length
     * @param curve   the aggregate of {@code runs} ({@link RunStatistics#curve})
     * @param profile the group's performance profile ({@link RunStatistics#profile})
     * @param runIds  each run's id ("a2c-s3"), for the hover readout; null for none
     */
    public record Group(String label, double[][] runs, RunStatistics.Curve curve,
                        double[] profile, List<String> runIds) {

        public Group(String label, double[][] runs, RunStatistics.Curve curve,
                     double[] profile) {
            this(label, runs, curve, profile, null);
        }
    }

    /**
     * What the figures say.
     *
     * @param title     "CartPole-v0 · 3 algorithms × 10 seeds"
     * @param subtitle  the shared settings
     * @param threshold the solved threshold
     * @param center    the line: "Mean" or "IQM"
     * @param band      the band: "95% CI", "min–max" or "± 1 sd"
     */
    public record Description(String title, String subtitle, double threshold, String center,
                              String band) {
    }

    /**
     * One group's gradient variance: per episode, the median over its runs of each
     * estimator's variance as last measured (NaN before the first measurement).
     */
    public record VarianceGroup(String label, double[] reinforce, double[] baseline,
                                double[] td) {

        /**
         * The group of {@code runs}' measurements over episodes 1 … {@code episodes}: at each
         * episode, per estimator, the median over the runs of the value last measured at or
         * before it (runs not yet measured left out; NaN while none is).
         */
        public static VarianceGroup of(String label, List<GradientVarianceHistory> runs,
                                       int episodes) {
            double[][] medians = new double[3][episodes];
            double[] values = new double[runs.size()];
            int[] at = new int[runs.size()];
            for (int ep = 1; ep <= episodes; ep++) {
                for (int k = 0; k < 3; k++) {
                    int n = 0;
                    for (int r = 0; r < runs.size(); r++) {
                        GradientVarianceHistory h = runs.get(r);
                        while (at[r] < h.size() && h.episode(at[r]) <= ep) {
                            at[r]++;
                        }
                        if (at[r] > 0) {
                            int m = at[r] - 1;
                            values[n++] = k == 0 ? h.reinforce(m) : k == 1 ? h.baseline(m)
                                    : h.td(m);
                        }
                    }
                    medians[k][ep - 1] = n == 0 ? Double.NaN
                            : RunStatistics.median(Arrays.copyOf(values, n));
                }
            }
            return new VarianceGroup(label, medians[0], medians[1], medians[2]);
        }
    }

    private static final double[][] ESTIMATOR_DASH = {null, {7, 4}, {2, 3}};
    private static final String[] ESTIMATOR = {"REINFORCE", "baseline", "TD"};
    /** The estimators in the legend, by what multiplies ∇log π (not by a group's name). */
    private static final String[] ESTIMATOR_KEY = {"G\u209c", "G\u209c \u2212 V(s)",
        "TD \u03b4\u209c"};
    /** The last group's line width in the variance chart; each earlier group is wider. */
    static final double VARIANCE_WIDTH = 1.6;
    static final double WIDER = 1.1;

    private CompareFigures() {
    }

    /**
     * The notebook's claim per group: the variance of the three estimators of the policy
     * gradient (solid: Gₜ, dashed: Gₜ − V(s), dotted: TD δₜ), median over the group's runs,
     * on a log axis; a colour per group as in the reward chart. Groups painted first are
     * drawn wider, so where two groups' lines coincide (A2C's baseline line and the baseline
     * group's) the one underneath still shows as a border. The legend names the colours and
     * the dashes once each instead of every line.
     */
    public static Figure variance(List<VarianceGroup> groups, Description d) {
        Panel p = new Panel("Variance (log scale)", 1).logY();
        boolean any = false;
        List<Figure.Key> key = new ArrayList<>();
        for (int g = 0; g < groups.size(); g++) {
            double width = VARIANCE_WIDTH + WIDER * (groups.size() - 1 - g);
            key.add(new Figure.Key(groups.get(g).label(), Palette.group(g), 2, null));
            VarianceGroup v = groups.get(g);
            double[][] estimators = {v.reinforce(), v.baseline(), v.td()};
            for (int k = 0; k < 3; k++) {
                double[] logs = new double[estimators[k].length];
                for (int e = 0; e < logs.length; e++) {
                    double x = estimators[k][e];
                    logs[e] = x > 0 ? Math.log10(x) : Double.NaN;
                    any |= x > 0;
                }
                p.add(new Series(v.label() + " \u00b7 " + ESTIMATOR[k], Column.of(logs),
                        Palette.group(g), width, ESTIMATOR_DASH[k], Series.Kind.SMOOTH));
            }
        }
        if (!any) {
            p.note("no measurement yet: one every K episodes of each run");
        }
        for (int k = 0; k < 3; k++) {
            key.add(new Figure.Key(ESTIMATOR_KEY[k], Palette.argb(Palette.MUTED), 1.6,
                    ESTIMATOR_DASH[k]));
        }
        // the legend names the dashes (Gₜ, Gₜ − V(s), TD δₜ); a subtitle's "solid: REINFORCE"
        // read as the REINFORCE group's colour in a grid of REINFORCE, baseline and A2C
        return new Figure("Gradient variance, median of each group's runs", d.title(),
                "Episode").add(p).key(key);
    }

    /** The reward chart. */
    public static Figure reward(List<Group> groups, Description d) {
        return reward(groups, d, XAxis.EPISODES);
    }

    /**
     * The reward chart over {@code x}: the groups' arrays must have been made for that axis
     * (per episode, or per {@link StepColumns#UNIT} environment steps).
     */
    public static Figure reward(List<Group> groups, Description d, XAxis x) {
        return figure(d.title(), d.subtitle(), x).add(rewardPanel(groups, d, 1));
    }

    /** The performance profile. */
    public static Figure profile(List<Group> groups, Description d) {
        return profile(groups, d, XAxis.EPISODES);
    }

    /** The performance profile over {@code x}. */
    public static Figure profile(List<Group> groups, Description d, XAxis x) {
        return figure("Performance profile: runs solved by " + (x == XAxis.STEPS
                ? "environment step" : "episode"), d.title(), x)
                .add(profilePanel(groups, 1, true));
    }

    /** Reward chart over the profile, one x axis (the files of {@code compare}). */
    public static Figure stacked(List<Group> groups, Description d) {
        return stacked(groups, d, XAxis.EPISODES);
    }

    /** {@link #stacked(List, Description)} over {@code x}. */
    public static Figure stacked(List<Group> groups, Description d, XAxis x) {
        return figure(d.title(), d.subtitle(), x).add(rewardPanel(groups, d, 2.2))
                .add(profilePanel(groups, 1, false));
    }

    private static Figure figure(String title, String subtitle, XAxis x) {
        Figure f = new Figure(title, subtitle, x.label());
        return x == XAxis.STEPS ? f.overStepPoints() : f;
    }

    private static Panel rewardPanel(List<Group> groups, Description d, double weight) {
        Panel p = new Panel(REWARD_Y, weight);
        for (int g = 0; g < groups.size(); g++) {
            Group group = groups.get(g);
            int colour = Palette.group(g);
            RunStatistics.Curve c = group.curve();
            p.add(new Band(null, Column.of(c.low()), Column.of(c.high()),
                    Palette.withAlpha(colour, BAND_ALPHA)));
            for (int r = 0; r < group.runs().length; r++) {
                Series run = new Series(null, Column.of(group.runs()[r]),
                        Palette.withAlpha(colour, RUN_ALPHA), 0.8, null, Series.Kind.FAINT);
                p.add(group.runIds() == null ? run : run.tagged(group.runIds().get(r)));
            }
        }
        for (int g = 0; g < groups.size(); g++) {
            Group group = groups.get(g);
            int colour = Palette.group(g);
            RunStatistics.Curve c = group.curve();
            int n = c.length() == 0 ? group.runs().length : c.runs()[0];
            p.add(new Series(String.format(Locale.ROOT, "%s (N=%d) %s, %s", group.label(), n,
                    d.center(), d.band()), Column.of(c.center()), colour, 2.2, null,
                    Series.Kind.SMOOTH));
            for (int e : c.drops()) {
                p.add(new Panel.Marker(e, "N=" + c.runs()[e - 1], colour));
            }
        }
        return p.add(new Panel.Threshold(d.threshold(), String.format(Locale.ROOT,
                        "Solved (%.0f)", d.threshold()), Palette.argb(Palette.THRESHOLD)))
                .alwaysShow(0, d.threshold());
    }

    /** @param labelled legend entries (not under a reward panel that already names groups) */
    private static Panel profilePanel(List<Group> groups, double weight, boolean labelled) {
        Panel p = new Panel(PROFILE_Y, weight);
        for (int g = 0; g < groups.size(); g++) {
            Group group = groups.get(g);
            String label = labelled ? group.label() + " (N=" + group.runs().length + ")" : null;
            p.add(new Series(label, Column.of(group.profile()), Palette.group(g), 2, null,
                    Series.Kind.SMOOTH));
        }
        return p.alwaysShow(0, 1);
    }
}
