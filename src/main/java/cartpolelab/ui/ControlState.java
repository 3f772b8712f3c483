package cartpolelab.ui;

import cartpolelab.train.Frame;
import cartpolelab.train.TrainerState;
import cartpolelab.train.TrainerStatus;

/**
 * What the controls show for one trainer status: which are enabled, what Start/Pause says and
 * the state's name in the status bar. Pure, so the rules read (and test) in one place.
 *
 * @param running            the trainer is training or watching
 * @param watching           it is watching (greedy frames, no learning)
 * @param stateText          "Idle", "Running", "Watching", …
 * @param startPauseText     "Start", "Pause" or "Resume"
 * @param startPauseDisabled Start/Pause cannot be pressed
 * @param stepDisabled       Step episode and Step frame cannot be pressed
 * @param watchDisabled      Watch cannot be pressed
 * @param resetDisabled      Reset cannot be pressed
 */
public record ControlState(boolean running, boolean watching, String stateText, String startPauseText,
                    boolean startPauseDisabled, boolean stepDisabled, boolean watchDisabled,
                    boolean resetDisabled) {

    /**
     * @param s     the trainer's status, null before the first pull
     * @param f     the latest frame, or null
     * @param valid the settings form holds valid settings: only starting a new run and
     *              resetting to the form's settings wait for them; a run that exists resumes
     *              and steps with its own settings whatever the form holds
     */
    public static ControlState of(TrainerStatus s, Frame f, boolean valid) {
        TrainerState state = s == null ? TrainerState.IDLE : s.state();
        boolean isRunning = state == TrainerState.RUNNING;
        boolean isWatching = isRunning && f != null && f.greedy();
        boolean dead = state == TrainerState.FAILED || state == TrainerState.STOPPED;
        boolean needsForm = state == TrainerState.IDLE && !valid;
        return new ControlState(isRunning, isWatching,
                isWatching ? "Watching" : stateName(state),
                isRunning ? "Pause"
                        : state == TrainerState.PAUSED || state == TrainerState.SOLVED
                        ? "Resume" : "Start",
                !isRunning && (needsForm || dead || state == TrainerState.FINISHED),
                isRunning || needsForm || dead || state == TrainerState.FINISHED,
                isWatching || dead,
                !valid || state == TrainerState.STOPPED);
    }

    static String stateName(TrainerState state) {
        return switch (state) {
            case IDLE -> "Idle";
            case RUNNING -> "Running";
            case PAUSED -> "Paused";
            case SOLVED -> "Solved";
            case FINISHED -> "Finished";
            case FAILED -> "Failed";
            case STOPPED -> "Stopped";
        };
    }
}
