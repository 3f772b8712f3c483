package cartpolelab.train;

/** Where one run of an experiment is. The last three are final. */
public enum CellState {
    /** Waiting for its first turn on a worker. */
    QUEUED,
    /** Started: training on a worker, or waiting for its next turn. */
    RUNNING,
    /** Parked by {@link Experiment#pause()} between two episodes. */
    PAUSED,
    /** Trained its whole budget (or, with stop-when-solved, until solved). */
    FINISHED,
    /** Training threw: see {@link Experiment#failure(int)}. The other runs go on. */
    FAILED,
    /** {@link Experiment#stop()} ended it before its budget. */
    STOPPED;

    public boolean terminal() {
        return this == FINISHED || this == FAILED || this == STOPPED;
    }
}
