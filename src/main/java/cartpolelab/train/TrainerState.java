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
    STOPPED
}
