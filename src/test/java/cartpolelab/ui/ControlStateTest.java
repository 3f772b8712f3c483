package cartpolelab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cartpolelab.train.Frame;
import cartpolelab.train.TrainerState;
import cartpolelab.train.TrainerStatus;
import org.junit.jupiter.api.Test;

/** The controls' rules, without a window. */
class ControlStateTest {

    private static TrainerStatus status(TrainerState state) {
        return new TrainerStatus(state, 3, 300, 20, 20, 20, 1000, -1,
                state == TrainerState.FAILED ? "NaN" : null);
    }

    private static Frame frame(boolean greedy) {
        return new Frame(0, 0, 0, 0, 1, 0.5, 0.5, 1, 3, 4, 3, false, false, greedy);
    }

    @Test
    void startPauseSaysWhatItWillDo() {
        assertEquals("Start", ControlState.of(null, null, true).startPauseText());
        assertEquals("Pause", ControlState.of(status(TrainerState.RUNNING), null, true)
                .startPauseText());
        assertEquals("Resume", ControlState.of(status(TrainerState.PAUSED), null, true)
                .startPauseText());
        assertEquals("Resume", ControlState.of(status(TrainerState.SOLVED), null, true)
                .startPauseText());
    }

    @Test
    void invalidSettingsDisableStartStepAndResetButNotPause() {
        ControlState idle = ControlState.of(status(TrainerState.IDLE), null, false);
        assertTrue(idle.startPauseDisabled());
        assertTrue(idle.stepDisabled());
        assertTrue(idle.resetDisabled());
        assertFalse(ControlState.of(status(TrainerState.RUNNING), null, false)
                .startPauseDisabled(), "a running trainer can always be paused");
    }

    @Test
    void anInvalidFormDoesNotBlockThePausedRunItDoesNotDescribe() {
        ControlState paused = ControlState.of(status(TrainerState.PAUSED), null, false);
        assertFalse(paused.startPauseDisabled(), "Resume continues the run's own settings");
        assertEquals("Resume", paused.startPauseText());
        assertFalse(paused.stepDisabled(), "stepping too");
        assertTrue(paused.resetDisabled(), "Reset would take the form's settings: it waits");
        ControlState solved = ControlState.of(status(TrainerState.SOLVED), null, false);
        assertFalse(solved.startPauseDisabled());
    }

    @Test
    void watchingAndFailure() {
        ControlState watching = ControlState.of(status(TrainerState.RUNNING), frame(true), true);
        assertTrue(watching.watching());
        assertEquals("Watching", watching.stateText());
        assertTrue(watching.watchDisabled());
        ControlState failed = ControlState.of(status(TrainerState.FAILED), null, true);
        assertEquals("Failed", failed.stateText());
        assertTrue(failed.startPauseDisabled());
        assertTrue(failed.watchDisabled());
        assertFalse(failed.resetDisabled(), "reset recovers from a failure");
    }
}
