package cartpolelab.cli;

import cartpolelab.metrics.EpisodeStats;
import cartpolelab.metrics.RunProgress;
import java.io.PrintWriter;
import java.util.Locale;

/** Shows training progress: a bar on a terminal, plain lines otherwise. */
interface Progress extends AutoCloseable {
    Progress NONE = new Progress() {
        @Override
        public void episode(EpisodeStats s, RunProgress p) {
        }

        @Override
        public void close() {
        }
    };

    /** A finished episode, with the run's progress after it. */
    void episode(EpisodeStats s, RunProgress p);

    @Override
    void close();

    static Progress create(PrintWriter err, int episodes) {
        return System.console() != null ? new BarProgress(episodes, null)
                : new LineProgress(err, episodes);
    }
}

/**
 * me.tongfei progressbar on the terminal: episode, ETA and the moving average. Only short
 * fields beside the bar (no speed, a short extra message), so the bar itself keeps at least
 * a third of an 80-column line.
 */
final class BarProgress implements Progress {
    private final me.tongfei.progressbar.ProgressBar bar;
    private boolean closed;

    /** @param consumer where the bar is drawn; null for the terminal */
    BarProgress(int episodes, me.tongfei.progressbar.ProgressBarConsumer consumer) {
        me.tongfei.progressbar.ProgressBarBuilder b = new me.tongfei.progressbar
                .ProgressBarBuilder()
                .setTaskName("train")
                .setInitialMax(episodes)
                .setUpdateIntervalMillis(200);
        if (!Terminal.unicode()) { // LANG=C: '#' and '|', not blocks that print as '?'
            b.setStyle(me.tongfei.progressbar.ProgressBarStyle.ASCII);
        }
        if (consumer != null) {
            b.setConsumer(consumer);
        }
        bar = b.build();
    }

    @Override
    public void episode(EpisodeStats s, RunProgress p) {
        bar.stepTo(s.episode());
        bar.setExtraMessage(String.format(Locale.ROOT, "MA50 %.0f", p.movingAverage()));
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            bar.close();
        }
    }
}

/** Plain lines (about twenty a run) when the output is a file or a pipe. */
final class LineProgress implements Progress {
    private final PrintWriter err;
    private final int episodes;
    private final int every;

    LineProgress(PrintWriter err, int episodes) {
        this.err = err;
        this.episodes = episodes;
        this.every = Math.max(1, episodes / 20);
    }

    @Override
    public void episode(EpisodeStats s, RunProgress p) {
        if (s.episode() % every == 0 || s.episode() == episodes) {
            double eta = s.wallSeconds() / s.episode() * (episodes - s.episode());
            err.printf(Locale.ROOT, "episode %d/%d  MA50 %.1f  reward %.0f  %,.0f steps/s"
                    + "  ETA %.0f s%n", s.episode(), episodes, s.movingAverage(), s.reward(),
                    s.wallSeconds() > 0 ? s.totalSteps() / s.wallSeconds() : 0.0, eta);
            err.flush();
        }
    }

    @Override
    public void close() {
        err.flush();
    }
}
