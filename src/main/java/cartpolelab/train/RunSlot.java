package cartpolelab.train;

import cartpolelab.metrics.EpisodeHistory;
import cartpolelab.metrics.EpisodeStats;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * One cell of an {@link Experiment} and its {@link TrainingRun}: a task that trains the run for
 * a turn (some episodes) on a worker and then hands it back to the experiment, which queues
 * it again, parks it or ends it. The run is driven by one worker at a time; the executor's
 * queue is the happens-before edge between turns, and nothing is locked while it trains.
 *
 * <p>Readable from any thread: {@link #state}, {@link #failure}, {@link #solvedAt} (volatile)
 * and the run's history (append-only). A snapshot is taken by the worker at the next episode
 * boundary, or at once when the run is between turns ({@link #snapshot()}).
 */
final class RunSlot implements Runnable {

    /** Checks each finished episode; a test hook that may throw (null in production). */
    interface EpisodeCheck {
        void check(Cell cell, EpisodeStats episode);
    }

    final Cell cell;
    /** Null if it could not be created (then the slot is failed from the start). */
    final TrainingRun run;
    private final Experiment experiment;
    private final EpisodeCheck check;
    private final ConcurrentLinkedQueue<CompletableFuture<RunSnapshot>> requests =
            new ConcurrentLinkedQueue<>();

    volatile CellState state = CellState.QUEUED;
    volatile String failure;
    volatile int solvedAt = -1;
    /** True while a worker runs a turn; guarded by this slot's monitor. */
    private boolean onWorker;

    RunSlot(Experiment experiment, Cell cell, TrainingRun run, String failure,
            EpisodeCheck check) {
        this.experiment = experiment;
        this.cell = cell;
        this.run = run;
        this.failure = failure;
        this.check = check;
        if (run == null) {
            state = CellState.FAILED;
        }
    }

    EpisodeHistory history() {
        return run == null ? EMPTY : run.history();
    }

    private static final EpisodeHistory EMPTY = new EpisodeHistory().view();

    /** One turn on a worker, then back to the experiment. */
    @Override
    public void run() {
        synchronized (this) {
            onWorker = true;
        }
        CellState end;
        try {
            end = turn();
        } catch (Throwable t) {
            failure = Failures.message(t);
            end = CellState.FAILED; // this run only: the others go on
        }
        synchronized (this) {
            serveRequests();
            onWorker = false;
        }
        experiment.afterTurn(this, end);
    }

    /**
     * Trains up to a turn's episodes; returns the state the run ends the turn in:
     * {@link CellState#RUNNING} when it should simply queue again for its next turn.
     */
    private CellState turn() {
        if (experiment.stopping()) {
            return CellState.STOPPED;
        }
        if (experiment.pausing()) {
            return CellState.PAUSED;
        }
        state = CellState.RUNNING;
        int quota = experiment.spec().episodesPerTurn();
        boolean stopWhenSolved = experiment.spec().stopWhenSolved();
        for (int k = 0; quota == 0 || k < quota; k++) {
            if (!run.canTrain() || stopWhenSolved && run.progress().solved()) {
                break;
            }
            EpisodeStats s = run.finishEpisode();
            if (s == null) {
                failure = run.failure();
                return CellState.FAILED;
            }
            if (solvedAt < 0 && run.progress().solved()) {
                solvedAt = run.progress().solvedAtEpisode();
            }
            if (check != null) {
                check.check(cell, s);
            }
            if (!requests.isEmpty()) {
                serveRequests();
            }
            if (experiment.stopping()) {
                return CellState.STOPPED;
            }
            if (experiment.pausing()) {
                return CellState.PAUSED;
            }
        }
        if (run.failure() != null) {
            failure = run.failure();
            return CellState.FAILED;
        }
        return !run.canTrain() || stopWhenSolved && run.progress().solved()
                ? CellState.FINISHED : CellState.RUNNING;
    }

    /**
     * The run's snapshot: taken now if no worker has the run, else by the worker at its next
     * episode boundary (or the end of its turn).
     */
    CompletableFuture<RunSnapshot> snapshot() {
        CompletableFuture<RunSnapshot> f = new CompletableFuture<>();
        if (run == null) {
            f.completeExceptionally(new IllegalStateException("run " + cell.runId()
                    + " was never created: " + failure));
            return f;
        }
        synchronized (this) {
            if (onWorker) {
                requests.add(f);
            } else {
                f.complete(run.snapshot());
            }
        }
        return f;
    }

    private void serveRequests() {
        CompletableFuture<RunSnapshot> f;
        while ((f = requests.poll()) != null) {
            try {
                f.complete(run.snapshot());
            } catch (RuntimeException e) {
                f.completeExceptionally(e);
            }
        }
    }
}
