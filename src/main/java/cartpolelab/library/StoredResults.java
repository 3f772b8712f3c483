package cartpolelab.library;

import cartpolelab.agent.Hyperparameters;
import cartpolelab.results.ExperimentResults;
import cartpolelab.results.RunResult;
import cartpolelab.results.SweptValue;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * Stored runs read back as typed results: the runs given, or every run of a stored
 * experiment, into the same {@link ExperimentResults} a fresh grid gives, so the Compare view
 * and {@code runs export} show the statistics {@code compare} printed.
 */
public final class StoredResults {

    private StoredResults() {
    }

    /**
     * The results of {@code runs}: named by their cells when every run has a distinct one
     * ({@code a2c-s3}), else {@code run<ID>}; with the swept setting when all are of one
     * experiment that swept one.
     *
     * @throws LibraryException when the library cannot be read, or the runs trained
     *                          different CartPole versions (no one solved threshold)
     */
    public static ExperimentResults of(LibraryReader reader, List<StoredRun> runs)
            throws LibraryException {
        if (runs.isEmpty()) {
            throw new LibraryException("no runs to compare: select one or more runs");
        }
        Long experiment = runs.get(0).experimentId();
        boolean oneExperiment = experiment != null && runs.stream()
                .allMatch(r -> experiment.equals(r.experimentId()));
        LibraryReader.Experiment e = oneExperiment ? reader.experiment(experiment) : null;
        String sweepName = e == null ? null : e.sweepName();
        boolean cellsUnique = runs.stream().allMatch(r -> r.cell() != null)
                && runs.stream().map(StoredRun::cell).distinct().count() == runs.size();
        if (runs.stream().map(r -> r.hyperparameters().version()).distinct().count() > 1) {
            throw new LibraryException("the runs trained different CartPole versions: compare "
                    + "runs of one version");
        }
        List<RunResult> out = new ArrayList<>();
        HashSet<Long> seen = new HashSet<>();
        for (StoredRun r : runs) {
            if (!seen.add(r.id())) {
                continue;
            }
            Hyperparameters hp = r.hyperparameters();
            SweptValue swept = sweepName == null || r.sweepValue() == null ? null
                    : new SweptValue(sweepName, r.sweepValue(), text(e, r.sweepValue()));
            LibraryReader.History h = reader.history(r.id());
            out.add(RunResult.of(cellsUnique ? r.cell() : "run" + r.id(), hp.algorithm(),
                    hp.seed(), swept, hp, h.episodes(), h.gradientVariance()));
        }
        return ExperimentResults.of(out, sweepName,
                runs.get(0).hyperparameters().version().solvedThreshold());
    }

    /**
     * The results of the experiment run {@code run} belongs to (all its runs), or of the run
     * alone when it is of none.
     */
    public static ExperimentResults ofExperimentOf(LibraryReader reader, StoredRun run)
            throws LibraryException {
        return of(reader, run.experimentId() == null ? List.of(run)
                : reader.runsOf(run.experimentId()));
    }

    /** The swept value as the experiment wrote it ({@code 1e-4}). */
    private static String text(LibraryReader.Experiment e, double value) {
        for (String t : e.sweepValues()) {
            if (Double.parseDouble(t) == value) {
                return t;
            }
        }
        return Objects.toString(value);
    }
}
