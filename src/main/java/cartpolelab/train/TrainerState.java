package cartpolelab.train;

/** The trainer's life cycle as the status bar shows it. */
public enum TrainerState {
    /** Fresh networks, nothing run yet (after construction or reset). */
    IDLE,
    /** Training (or watching). */
    RUNNING,
    /** Parked: by pause, or after a step command. */
    PAUSED,
    /** Stopped because the moving average reached the version's threshold ("stop when solved"). */
    SOLVED,
    /** The episode budget is used up. */
    FINISHED,
    /** Training threw (NaN, an exception): see {@link TrainerStatus#failure()}. */
    FAILED,
    /** {@link Trainer#stop()} was called; the thread has ended or is ending. */
    STOPPED;

    /** The state the status shows for the thread's mode and the run's condition. */
    static TrainerState of(TrainerMailbox.Mode mode, boolean failed, boolean budgetUsed,
                           boolean stoppedBySolve, boolean fresh) {
        if (mode == TrainerMailbox.Mode.STOPPED) {
            return STOPPED;
        }
        if (failed) {
            return FAILED;
        }
        if (mode == TrainerMailbox.Mode.WATCHING) {
            return RUNNING;
        }
        if ((mode == TrainerMailbox.Mode.RUNNING || mode == TrainerMailbox.Mode.EPISODE) && !budgetUsed
                && !stoppedBySolve) {
            return RUNNING;
        }
        if (stoppedBySolve) {
            return SOLVED;
        }
        if (budgetUsed) {
            return FINISHED;
        }
        return fresh ? IDLE : PAUSED;
    }
}
