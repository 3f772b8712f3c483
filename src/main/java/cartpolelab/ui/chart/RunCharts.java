package cartpolelab.ui.chart;

import cartpolelab.agent.Hyperparameters;
import cartpolelab.io.PlotFiles;
import cartpolelab.metrics.EpisodeHistory;
import cartpolelab.metrics.GradientVarianceHistory;
import cartpolelab.plot.Figure;
import cartpolelab.plot.Panel;
import cartpolelab.plot.RunFigures;
import cartpolelab.plot.XAxis;
import cartpolelab.ui.export.PlotExport;
import java.util.List;
import java.util.Objects;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableBooleanValue;

/**
 * The window's two charts (reward; losses and entropy) bound to exactly one run: its history
 * object and its settings. A different history (a reset, a loaded checkpoint) or different
 * settings rebuild both figures at once, so a chart never shows one run's curves under
 * another's title. {@link #startOver} also drops the run being replaced before the trainer
 * has swapped it (a reset is asynchronous), so the old curves are gone at once.
 *
 * <p>FX thread only. {@link #refresh} costs only the episodes that arrived since the last call.
 */
public final class RunCharts {

    private final ChartView view = new ChartView();
    private final PlotCanvas reward = new PlotCanvas("rewardChart", view);
    private final PlotCanvas training = new PlotCanvas("trainingChart", view);
    private final PlotCanvas variance = new PlotCanvas("varianceChart", view);
    /** PPO's approx. KL and clip fraction, beside the losses (a PPO run only). */
    private final PlotCanvas ppo = new PlotCanvas("ppoChart", view);
    private final BooleanProperty ppoRun =
            new SimpleBooleanProperty(this, "ppoRun");
    private EpisodeHistory bound;
    private GradientVarianceHistory boundVariance = new GradientVarianceHistory();
    private EpisodeHistory replaced;
    private Hyperparameters settings;
    private int solvedAt = -1;
    private XAxis axis = XAxis.EPISODES;

    public PlotCanvas reward() {
        return reward;
    }

    public PlotCanvas training() {
        return training;
    }

    /** The measurements the variance chart shows. */
    public GradientVarianceHistory boundVariance() {
        return boundVariance;
    }

    /** The gradient-variance chart (shown instead of the training chart when chosen). */
    public PlotCanvas variance() {
        return variance;
    }

    /** PPO's chart: approx. KL and clip fraction (the losses chart's, for other runs). */
    public PlotCanvas ppo() {
        return ppo;
    }

    /** True while the run shown is PPO's, which has a {@link #ppo} chart. */
    public ObservableBooleanValue ppoRun() {
        return ppoRun;
    }

    public ChartView view() {
        return view;
    }

    /** The history the charts show (an empty one while a replaced run is on its way out). */
    public EpisodeHistory boundHistory() {
        return bound;
    }

    /** What the charts' x axis counts. */
    public XAxis axis() {
        return axis;
    }

    /** Shows every chart over {@code x} (episodes or environment steps) from now on. */
    public void showOver(XAxis x) {
        if (x == axis) {
            return;
        }
        axis = Objects.requireNonNull(x);
        if (settings != null) {
            bind(bound, settings, solvedAt);
        }
    }

    /** The settings the charts describe. */
    public Hyperparameters settings() {
        return settings;
    }

    /**
     * Brings the charts up to date with {@code history} run with {@code hp}, solved at
     * {@code solvedAt} (or -1), and its gradient-variance measurements {@code g}. Rebinds
     * when the run or its settings changed.
     */
    public void refresh(EpisodeHistory history, GradientVarianceHistory g, Hyperparameters hp,
                        int solvedAt) {
        if (hp == null) {
            return;
        }
        // a run being replaced keeps its old measurements until the trainer has swapped it
        boolean newMeasurements = g != null && g != boundVariance && history != replaced;
        EpisodeHistory h = history == replaced ? bound : history;
        if (history != replaced) {
            replaced = null;
        }
        if (h != bound || !hp.equals(settings) || h == null || newMeasurements) {
            if (newMeasurements) {
                boundVariance = g;
            }
            bind(h == null ? new EpisodeHistory() : h, hp, solvedAt);
            return;
        }
        if (solvedAt != this.solvedAt) {
            this.solvedAt = solvedAt;
            RunFigures.Description d = PlotFiles.describe(hp, solvedAt);
            RunFigures.markSolved(reward.figure(), d);
            reward.markDirty();
        }
        int before = reward.figure().length();
        reward.figure().catchUp();
        training.figure().catchUp();
        variance.figure().catchUp();
        if (ppo.figure() != training.figure()) {
            ppo.figure().catchUp();
        }
        if (reward.figure().length() != before) {
            reward.markDirty();
            training.markDirty();
            variance.markDirty();
            ppo.markDirty();
        }
        Panel v = variance.figure().panels().get(0);
        if (v.note() != null && boundVariance.size() > 0) {
            v.note(null); // the first measurement arrived
            variance.markDirty();
        }
    }

    /**
     * The run shown is being replaced (Reset): show an empty run with {@code hp} now, and
     * never {@code old} again, even if the trainer still returns it for a moment.
     */
    public void startOver(EpisodeHistory old, Hyperparameters hp) {
        replaced = old;
        boundVariance = new GradientVarianceHistory();
        bind(new EpisodeHistory(), Objects.requireNonNull(hp), -1);
    }

    private void bind(EpisodeHistory h, Hyperparameters hp, int solved) {
        bound = h;
        settings = hp;
        solvedAt = solved;
        RunFigures.Description d = PlotFiles.describe(hp, solved);
        Figure r = RunFigures.reward(h, d, axis);
        Figure t = RunFigures.losses(h, d, axis);
        Figure v = RunFigures.variance(h, boundVariance, d, axis);
        Figure p = d.ppo() ? RunFigures.ppo(h, d, axis) : t;
        r.catchUp();
        t.catchUp();
        v.catchUp();
        p.catchUp();
        reward.show(r);
        training.show(t);
        variance.show(v);
        ppo.show(p);
        ppoRun.set(d.ppo());
        List<Figure> readout = d.ppo() ? List.of(r, t, p)
                : List.of(r, t);
        variance.setReadout(List.of(v));
        reward.setReadout(readout);
        training.setReadout(readout);
        ppo.setReadout(readout);
        view.reset();
    }

    /**
     * What Save plots writes: the run as charted now, at the reward chart's size (with the
     * training chart's height when {@code stacked}), and the zoomed range when zoomed.
     */
    public PlotExport export(boolean stacked, int solvedAt) {
        int episodes = reward.figure() == null ? 0 : reward.figure().length();
        double[] range = view.following() || reward.plotLayout() == null ? null
                : new double[] {reward.plotLayout().xFrom, reward.plotLayout().xTo};
        int width = (int) Math.round(reward.getWidth());
        int height = (int) Math.round(reward.getHeight());
        return new PlotExport(bound, episodes, settings, solvedAt,
                stacked, width, stacked ? height + (int) Math.round(training.getHeight())
                : height, range).over(axis);
    }

    /** Paints the charts that changed since their last paint. Once per frame. */
    public void paintIfDirty() {
        reward.paintIfDirty();
        training.paintIfDirty();
        if (variance.isVisible()) {
            variance.paintIfDirty();
        }
        if (ppo.isVisible()) {
            ppo.paintIfDirty();
        }
    }
}
