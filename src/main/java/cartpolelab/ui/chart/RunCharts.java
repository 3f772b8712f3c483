package cartpolelab.ui.chart;

import cartpolelab.agent.Hyperparameters;
import cartpolelab.io.PlotFiles;
import cartpolelab.metrics.EpisodeHistory;
import cartpolelab.plot.Figure;
import cartpolelab.plot.RunFigures;
import java.util.Objects;

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
    private EpisodeHistory bound;
    private EpisodeHistory replaced;
    private Hyperparameters settings;
    private int solvedAt = -1;

    public PlotCanvas reward() {
        return reward;
    }

    public PlotCanvas training() {
        return training;
    }

    public ChartView view() {
        return view;
    }

    /** The history the charts show (an empty one while a replaced run is on its way out). */
    public EpisodeHistory boundHistory() {
        return bound;
    }

    /** The settings the charts describe. */
    public Hyperparameters settings() {
        return settings;
    }

    /**
     * Brings the charts up to date with {@code history} run with {@code hp}, solved at
     * {@code solvedAt} (or -1). Rebinds when the run or its settings changed.
     */
    public void refresh(EpisodeHistory history, Hyperparameters hp, int solvedAt) {
        if (hp == null) {
            return;
        }
        EpisodeHistory h = history == replaced ? bound : history;
        if (history != replaced) {
            replaced = null;
        }
        if (h != bound || !hp.equals(settings) || h == null) {
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
        if (reward.figure().length() != before) {
            reward.markDirty();
            training.markDirty();
        }
    }

    /**
     * The run shown is being replaced (Reset): show an empty run with {@code hp} now, and
     * never {@code old} again, even if the trainer still returns it for a moment.
     */
    public void startOver(EpisodeHistory old, Hyperparameters hp) {
        replaced = old;
        bind(new EpisodeHistory(), Objects.requireNonNull(hp), -1);
    }

    private void bind(EpisodeHistory h, Hyperparameters hp, int solved) {
        bound = h;
        settings = hp;
        solvedAt = solved;
        RunFigures.Description d = PlotFiles.describe(hp, solved);
        Figure r = RunFigures.reward(h, d);
        Figure t = RunFigures.training(h, d);
        r.catchUp();
        t.catchUp();
        reward.show(r);
        training.show(t);
        reward.setReadout(java.util.List.of(r, t));
        training.setReadout(java.util.List.of(r, t));
        view.reset();
    }

    /** Paints the charts that changed since their last paint. Once per frame. */
    public void paintIfDirty() {
        reward.paintIfDirty();
        training.paintIfDirty();
    }
}
