package cartpolelab.ui;

import cartpolelab.agent.Hyperparameters;
import cartpolelab.metrics.Collapse;
import cartpolelab.metrics.EpisodeHistory;
import cartpolelab.train.TrainerState;
import cartpolelab.train.TrainerStatus;
import java.util.Locale;

/**
 * What the status line says when the run changes by itself: a policy that collapsed (the
 * rule is {@link Collapse}'s), solved, all episodes done, Watch ending, and the words of a
 * failure. Pure (no JavaFX), so every wording and when it appears is tested in
 * one place; the view model shows what it returns.
 */
final class StatusMessages {

    static final String WATCHING =
            "Watching the current policy (greedy, no learning). Pause to stop.";

    private StatusMessages() {
    }

    /**
     * The line to show after the status went from {@code before} to {@code now} (the
     * controls from {@code wasWatching} to {@code watching}), given the line shown now;
     * {@code shown} itself when nothing needs saying.
     */
    static String after(TrainerStatus before, TrainerStatus now, boolean wasWatching,
                        boolean watching, Hyperparameters hp, EpisodeHistory history,
                        String shown) {
        if (before != null && now != null && before.state() != now.state()) {
            Collapse collapse = now.state() == TrainerState.RUNNING ? null
                    : Collapse.detect(history, hp.version().solvedThreshold());
            if (collapse != null) {
                String m = collapse.message("Learning rate", "Entropy coef.");
                return Character.toUpperCase(m.charAt(0)) + m.substring(1);
            }
            if (now.state() == TrainerState.SOLVED) {
                return String.format(Locale.ROOT, "Solved: the 50-episode average reached "
                        + "%.0f. Resume continues training.", hp.version().solvedThreshold());
            }
            if (now.state() == TrainerState.FINISHED) {
                return "All " + hp.episodes() + " episodes done. Raise Episodes to go on with "
                        + "this run, or press Reset for a new one.";
            }
        }
        if (wasWatching && !watching && WATCHING.equals(shown)) {
            return ""; // Watch has ended: its line would now be untrue
        }
        return shown;
    }

    /** The dialog text of a failure. */
    static String failureDialog(String failure) {
        return failure + "\n\nThe run has stopped. Change a setting if needed and press Reset.";
    }
}
