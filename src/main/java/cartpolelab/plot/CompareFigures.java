package cartpolelab.plot;

import cartpolelab.metrics.RunStatistics;
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
    }

    private static final double[][] ESTIMATOR_DASH = {null, {7, 4}, {2, 3}};
    private static final String[] ESTIMATOR = {"REINFORCE", "baseline", "TD"};

    private CompareFigures() {
    }

    /**
     * The notebook's claim per group: the variance of the three estimators of the policy
     * gradient (solid: REINFORCE, dashed: baseline, dotted: TD), median over the group's runs,
     * on a log axis; a colour per group as in the reward chart.
     */
    public static Figure variance(List<VarianceGroup> groups, Description d) {
        Panel p = new Panel("Variance (log scale)", 1).logY();
        boolean any = false;
        for (int g = 0; g < groups.size(); g++) {
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
                        Palette.group(g), 1.6, ESTIMATOR_DASH[k], Series.Kind.SMOOTH));
            }
        }
        if (!any) {
            p.note("no measurement yet: one every K learning updates of each run");
        }
        return new Figure("Gradient variance, median of each group's runs",
                "solid: REINFORCE \u00b7 dashed: baseline \u00b7 dotted: TD \u00b7 "
                        + d.title(), "Episode").add(p);
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
