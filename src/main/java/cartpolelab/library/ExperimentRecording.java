package cartpolelab.library;

import cartpolelab.metrics.MovingAverage;
import cartpolelab.train.Cell;
import cartpolelab.train.CellState;
import cartpolelab.train.EpisodeRecorder;
import cartpolelab.train.Experiment;
import cartpolelab.train.ExperimentSpec;
import cartpolelab.train.RunSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

/**
 * An experiment being recorded: one {@code experiments} row with its grid, one {@code runs}
 * row per cell, pulled while the pool trains, and at the end each run's final checkpoint and
 * state. Used by {@code compare} and the Compare view.
 */
public final class ExperimentRecording {

    private final Experiment experiment;
    private final List<LibraryWriter.Recording> runs = new ArrayList<>();
    private final RecordedExperiment row;

    /**
     * Starts recording {@code experiment}, before its start (its runs then record their
     * milestone episodes too).
     *
     * @param shard {@code K/N} for a shard of a bigger grid, or null
     * @param gradVarianceEvery K of the gradient-variance measurement (0 = off), and M
     */
    public ExperimentRecording(LibraryWriter writer, String name, Experiment experiment,
                               String shard, int gradVarianceEvery, int gradVarianceEpisodes) {
        this.experiment = experiment;
        ExperimentSpec spec = experiment.spec();
        String sweepName = spec.sweep() == null ? null : spec.sweep().name();
        String sweepValues = spec.sweep() == null ? null : spec.sweep().values().stream()
                .map(spec.sweep()::text).collect(Collectors.joining(","));
        row = writer.experiment(name, spec.base().version().id(), spec.algorithms().stream()
                        .map(Names::algorithm).collect(Collectors.joining(",")),
                spec.seeds().stream().map(String::valueOf).collect(Collectors.joining(",")),
                sweepName, sweepValues, shard, spec.base().episodes());
        List<Cell> cells = experiment.cells();
        // each run's milestones, replayable once opened from the Runs view; the recent
        // episodes kept reach back to the solving window's first
        List<EpisodeRecorder> recorders = experiment.record(MovingAverage.DEFAULT_WINDOW);
        double threshold = spec.base().version().solvedThreshold();
        for (int i = 0; i < cells.size(); i++) {
            Cell c = cells.get(i);
            runs.add(writer.record(new NewRun(c.runId(), "compare", null, c.runId(),
                    c.sweepValue(), c.hyperparameters(), gradVarianceEvery,
                    gradVarianceEvery == 0 ? 0 : gradVarianceEpisodes, List.of()), row,
                    experiment.history(i), experiment.gradientVariance(i), threshold));
            if (recorders.get(i) != null) {
                runs.get(i).keepMilestones(recorders.get(i));
            }
        }
    }

    /** The experiment's id in the library, or −1 before the writer created it. */
    public long id() {
        return row.id();
    }

    /**
     * After the experiment ended: every run's final checkpoint and state. Waits for the
     * snapshots (they are taken at once once runs ended), not for the disk.
     */
    public void end() throws InterruptedException {
        for (int i = 0; i < runs.size(); i++) {
            CellState state = experiment.state(i);
            try {
                RunSnapshot s = experiment.snapshot(i).get();
                if (s.history().size() > 0) {
                    runs.get(i).checkpoint("final", s);
                }
            } catch (ExecutionException e) {
                // a run that could not be created has no networks to keep
            }
            runs.get(i).end(state.terminal() ? state.name().toLowerCase(Locale.ROOT)
                    : "stopped", experiment.failure(i));
        }
    }
}
