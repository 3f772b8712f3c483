package cartpolelab.ui.compare;

import cartpolelab.train.ExperimentStatus;
import java.util.Locale;

/** The Compare view's progress line: runs and episodes done, rate, time and time left. */
final class ProgressLine {

    private ProgressLine() {
    }

    static String of(ExperimentStatus s) {
        String eta = Double.isNaN(s.etaSeconds()) || s.done() ? "" : String.format(Locale.ROOT,
                " \u00b7 about %s left", duration(s.etaSeconds()));
        return String.format(Locale.ROOT, "%d/%d runs done%s%s \u00b7 %,d/%,d episodes "
                        + "\u00b7 %,.0f episodes/s \u00b7 %s%s",
                s.finished() + s.failed() + s.stopped(), s.total(),
                s.failed() > 0 ? " (" + s.failed() + " failed)" : "",
                s.paused() > 0 ? " \u00b7 paused" : "", s.episodesDone(), s.episodesTotal(),
                s.episodesPerSecond(), duration(s.elapsedSeconds()), eta);
    }

    private static String duration(double seconds) {
        long t = Math.round(seconds);
        return t >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", t / 3600, t / 60 % 60,
                t % 60) : String.format(Locale.ROOT, "%d:%02d", t / 60, t % 60);
    }
}
