package cartpolelab.plot;

import cartpolelab.metrics.EpisodeHistory;
import cartpolelab.metrics.GradientVarianceHistory;
import cartpolelab.metrics.MovingAverage;
import java.util.Locale;
import java.util.function.IntPredicate;
import java.util.function.IntSupplier;
import java.util.function.IntToDoubleFunction;

/**
 * The figures of one training run, the same in the window and in files: the reward chart
 * (episode reward, its moving average, the solved threshold and, once solved, a marker), the
 * training chart (actor loss, critic loss, entropy, each on its own scale) and both stacked
 * over one x axis.
 */
public final class RunFigures {

    public static final String REWARD = "Episode reward";
    public static final String MOVING_AVERAGE =
            "Moving average (" + MovingAverage.DEFAULT_WINDOW + ")";
    public static final String ACTOR_LOSS = "Actor loss";
    public static final String CRITIC_LOSS = "Critic loss";
    public static final String ENTROPY = "Entropy";
    /** PPO's panels (only PPO's runs have them). */
    public static final String APPROX_KL = "Approx. KL";
    public static final String CLIP_FRACTION = "Clip fraction";
    public static final String TRAINING_TITLE = "Losses and entropy per episode";
    public static final String PPO_TITLE = "PPO's updates: approx. KL and clip fraction";
    public static final String NO_CRITIC = "no critic: REINFORCE learns from returns alone";
    public static final String VARIANCE_TITLE = "Gradient variance of the estimators";
    public static final String VARIANCE_REINFORCE =
            "REINFORCE  \u03a3 \u2207log \u03c0 \u00b7 G\u209c";
    public static final String VARIANCE_BASELINE =
            "Baseline  \u03a3 \u2207log \u03c0 \u00b7 (G\u209c \u2212 V)";
    public static final String VARIANCE_TD = "TD  \u03a3 \u2207log \u03c0 \u00b7 \u03b4\u209c";
    public static final String VARIANCE_LEARNER =
            "This run's learner  \u03a3 \u2207log \u03c0 \u00b7 \u03a8\u209c";
    public static final String NO_MEASUREMENT = "no measurement yet: one every K episodes";

    /**
     * What the figures say about the run.
     *
     * @param title     "CartPole-v0 · A2C · seed 1"
     * @param subtitle  the other settings
     * @param threshold the solved threshold (195 for v0)
     * @param solvedAt  the episode at which it was solved, or -1
     * @param critic    the algorithm trains a critic (without one the critic loss is 0, and
     *                  its panel says why)
     * @param ppo       PPO's run: the training chart adds its approx_kl and clip fraction
     */
    public record Description(String title, String subtitle, double threshold, int solvedAt,
                              boolean critic, boolean ppo) {

        public Description(String title, String subtitle, double threshold, int solvedAt) {
            this(title, subtitle, threshold, solvedAt, true);
        }

        public Description(String title, String subtitle, double threshold, int solvedAt,
                           boolean critic) {
            this(title, subtitle, threshold, solvedAt, critic, false);
        }

        /** The subtitle, led by "solved at episode N" when solved (so it is never cut off). */
        public String fullSubtitle() {
            return solvedAt > 0 ? "solved at episode " + String.format(Locale.ROOT, "%,d",
                    solvedAt) + "  ·  " + subtitle : subtitle;
        }
    }

    private RunFigures() {
    }

    /** The reward chart over {@code h} as it grows (the window), over episodes. */
    public static Figure reward(EpisodeHistory h, Description d) {
        return reward(h, d, XAxis.EPISODES);
    }

    /** The reward chart over {@code h} as it grows (the window), over {@code x}. */
    public static Figure reward(EpisodeHistory h, Description d, XAxis x) {
        return reward(RunAxis.of(h, h::size, x), h, d);
    }

    /** The reward chart over the first {@code n} episodes of {@code h} (a file). */
    public static Figure reward(EpisodeHistory h, int n, Description d) {
        return reward(h, n, d, XAxis.EPISODES);
    }

    /** The reward chart over the first {@code n} episodes of {@code h}, over {@code x}. */
    public static Figure reward(EpisodeHistory h, int n, Description d, XAxis x) {
        return reward(RunAxis.of(h, () -> n, x), h, d);
    }

    public static Figure training(EpisodeHistory h, Description d) {
        return training(h, d, XAxis.EPISODES);
    }

    public static Figure training(EpisodeHistory h, Description d, XAxis x) {
        return training(RunAxis.of(h, h::size, x), h, d);
    }

    public static Figure training(EpisodeHistory h, int n, Description d) {
        return training(RunAxis.of(h, () -> n, XAxis.EPISODES), h, d);
    }

    /** Reward over losses and entropy, one x axis, one set of fonts (files). */
    public static Figure stacked(EpisodeHistory h, int n, Description d) {
        return stacked(h, n, d, XAxis.EPISODES);
    }

    /** {@link #stacked(EpisodeHistory, int, Description)} over {@code x}. */
    public static Figure stacked(EpisodeHistory h, int n, Description d, XAxis x) {
        RunAxis axis = RunAxis.of(h, () -> n, x);
        Figure f = axis.figure(d.title(), d.fullSubtitle());
        f.add(rewardPanel(axis, h, d, 2.4));
        for (Panel p : trainingPanels(axis, h, d)) {
            f.add(p);
        }
        return f;
    }

    /**
     * The notebook's claim, measured: per measurement, the variance (trace of the covariance
     * over M sampled episodes) of the policy gradient as REINFORCE, the baseline and the
     * one-step TD advantage estimate it, and as this run's own learner does (dashed), on a
     * log axis. Each value holds from the episode it
     * was measured at to the next measurement.
     */
    public static Figure variance(EpisodeHistory h, GradientVarianceHistory g, Description d) {
        return variance(h, g, d, XAxis.EPISODES);
    }

    /** {@link #variance(EpisodeHistory, GradientVarianceHistory, Description)} over x. */
    public static Figure variance(EpisodeHistory h, GradientVarianceHistory g, Description d,
                                  XAxis x) {
        RunAxis axis = RunAxis.of(h, h::size, x);
        // Without a critic, V(s) keeps its initial weights: the baseline and TD lines measure
        // an untrained V (the TD line is low only because δ ≈ r), and the chart says so.
        String untrained = d.critic() ? "" : UNTRAINED_V;
        Panel p = new Panel("Variance (log scale)", 1).logY()
                .add(step(VARIANCE_REINFORCE, g, 0, axis, Palette.REWARD, null))
                .add(step(VARIANCE_BASELINE + untrained, g, 1, axis, Palette.MOVING_AVERAGE,
                        null))
                .add(step(VARIANCE_TD + untrained, g, 2, axis, Palette.THRESHOLD, null))
                .add(step(VARIANCE_LEARNER, g, 3, axis, Palette.ENTROPY, LEARNER_DASH));
        if (g.size() == 0) {
            p.note(NO_MEASUREMENT);
        }
        return axis.figure(VARIANCE_TITLE, d.critic() ? d.title() : d.title() + "  \u00b7  "
                + NO_CRITIC_VARIANCE).add(p);
    }

    /** Appended to the baseline and TD lines' names when the run trains no critic. */
    public static final String UNTRAINED_V = " (untrained V)";
    /** The variance chart's subtitle under REINFORCE: why its TD line is low. */
    public static final String NO_CRITIC_VARIANCE =
            "no critic: V(s) never trains, so the TD line is low only because \u03b4\u209c \u2248 r\u209c";

    /** Dashed, so the learner's line shows where it lies on one of the notebook's three. */
    private static final double[] LEARNER_DASH = {7, 4};

    /** log₁₀ of estimator {@code which} as last measured at or before each episode. */
    private static Series step(String name, GradientVarianceHistory g, int which,
                               RunAxis axis, String colour, double[] dash) {
        return new Series(name, axis.column(i -> {
            int m = lastAtOrBefore(g, i + 1);
            if (m < 0) {
                return Double.NaN;
            }
            double v = switch (which) {
                case 0 -> g.reinforce(m);
                case 1 -> g.baseline(m);
                case 2 -> g.td(m);
                default -> g.learner(m);
            };
            return v > 0 ? Math.log10(v) : Double.NaN;
        }), Palette.argb(colour), 1.8, dash, Series.Kind.SMOOTH);
    }

    /** The last measurement taken at or before {@code episode}, or −1. */
    static int lastAtOrBefore(GradientVarianceHistory g, int episode) {
        int lo = 0;
        int hi = g.size() - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (g.episode(mid) <= episode) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found;
    }

    /** Adds the "solved" marker and subtitle once the run is solved; idempotent. */
    public static void markSolved(Figure f, Description d) {
        if (d.solvedAt() <= 0) {
            return;
        }
        f.setSubtitle(d.fullSubtitle());
        Panel p = f.panels.get(0);
        if (p.markers.isEmpty()) {
            p.add(new Panel.Marker(f.xOfEpisode(d.solvedAt()), "solved at "
                    + String.format(Locale.ROOT, "%,d", d.solvedAt()),
                    Palette.argb(Palette.THRESHOLD)));
        }
    }

    private static Figure reward(RunAxis axis, EpisodeHistory h, Description d) {
        Figure f = axis.figure(d.title(), d.fullSubtitle());
        f.add(rewardPanel(axis, h, d, 1));
        return f;
    }

    private static Figure training(RunAxis axis, EpisodeHistory h, Description d) {
        return panels(axis.figure(TRAINING_TITLE, d.title()), trainingPanels(axis, h, d), 0, 3
                + (d.ppo() ? 2 : 0));
    }

    /**
     * The window's losses card: actor loss, critic loss and entropy only, PPO's two panels
     * apart in {@link #ppo} (five panels do not fit a small window's card).
     */
    public static Figure losses(EpisodeHistory h, Description d, XAxis x) {
        RunAxis axis = RunAxis.of(h, h::size, x);
        return panels(axis.figure(TRAINING_TITLE, d.title()), trainingPanels(axis, h, d), 0, 3);
    }

    /** PPO's approx. KL and clip fraction, as {@link #training} shows them under the losses. */
    public static Figure ppo(EpisodeHistory h, Description d, XAxis x) {
        if (!d.ppo()) {
            throw new IllegalArgumentException("only a PPO run has approx. KL and clip fraction");
        }
        RunAxis axis = RunAxis.of(h, h::size, x);
        return panels(axis.figure(PPO_TITLE, d.title()), trainingPanels(axis, h, d), 3, 5);
    }

    private static Figure panels(Figure f, Panel[] panels, int from, int to) {
        for (int i = from; i < to; i++) {
            f.add(panels[i]);
        }
        return f;
    }

    private static Panel rewardPanel(RunAxis axis, EpisodeHistory h, Description d,
                                     double weight) {
        Panel p = new Panel("Reward", weight)
                .add(new Series(REWARD, axis.column(h::reward),
                        Palette.argb(Palette.REWARD), 1, null, Series.Kind.NOISY))
                .add(new Series(MOVING_AVERAGE, axis.column(h::movingAverage),
                        Palette.argb(Palette.MOVING_AVERAGE), 2.2, null, Series.Kind.SMOOTH))
                .add(new Panel.Threshold(d.threshold(), String.format(Locale.ROOT,
                        "Solved (%.0f)", d.threshold()), Palette.argb(Palette.THRESHOLD)))
                .alwaysShow(0, d.threshold());
        if (d.solvedAt() > 0) {
            p.add(new Panel.Marker(axis.xOf(d.solvedAt()), "solved at "
                    + String.format(Locale.ROOT, "%,d", d.solvedAt()),
                    Palette.argb(Palette.THRESHOLD)));
        }
        return p;
    }

    private static Panel[] trainingPanels(RunAxis axis, EpisodeHistory h, Description d) {
        // PPO updates every n steps, not every episode, and with several environments an
        // episode can end with no update since the last one's: each update's values hold
        // until the next instead of dropping to the 0 such an episode records
        IntPredicate updated = d.ppo() ? k -> !Double.isNaN(h.approxKl(k))
                : k -> h.actorLoss(k) != 0 || h.criticLoss(k) != 0 || h.entropy(k) != 0;
        Panel critic = line(CRITIC_LOSS, axis.column(i -> held(updated, h::criticLoss, i)),
                Palette.CRITIC_LOSS);
        Panel[] panels = {
            line(ACTOR_LOSS, axis.column(i -> held(updated, h::actorLoss, i)),
                    Palette.ACTOR_LOSS),
            d.critic() ? critic : critic.note(NO_CRITIC),
            line(ENTROPY, axis.column(i -> held(updated, h::entropy, i)), Palette.ENTROPY)
                    .alwaysShow(0, 0.1),
        };
        if (!d.ppo()) {
            return panels; // the other algorithms have no KL or clip fraction: no panels
        }
        return new Panel[] {
            panels[0], panels[1], panels[2],
            line(APPROX_KL, axis.column(i -> held(updated, h::approxKl, i)), Palette.APPROX_KL)
                    .alwaysShow(0, 0.01),
            line(CLIP_FRACTION, axis.column(i -> held(updated, h::clipFraction, i)),
                    Palette.CLIP_FRACTION).alwaysShow(0, 0.1),
        };
    }

    /**
     * {@code column} at the last episode up to {@code i} in which an update finished (NaN
     * before the first).
     */
    private static double held(IntPredicate updated,
                               IntToDoubleFunction column, int i) {
        for (int k = i; k >= 0; k--) {
            if (updated.test(k)) {
                return column.applyAsDouble(k);
            }
        }
        return Double.NaN;
    }

    private static Panel line(String name, Column c, String colour) {
        return new Panel(name, 1).add(new Series(name, c, Palette.argb(colour), 1.2, null,
                Series.Kind.NOISY));
    }
}
