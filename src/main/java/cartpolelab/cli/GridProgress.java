package cartpolelab.cli;

import cartpolelab.train.ExperimentStatus;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * Progress over a whole experiment, from {@link ExperimentStatus} pulled a few times a second:
 * a bar on a terminal, about twenty plain lines otherwise.
 */
interface GridProgress extends AutoCloseable {
    GridProgress NONE = new GridProgress() {
        @Override
        public void update(ExperimentStatus s) {
        }

        @Override
        public void close() {
        }
    };

    void update(ExperimentStatus s);

    @Override
    void close();

    static GridProgress create(PrintWriter err) {
        return System.console() != null ? new Bar() : new Lines(err);
    }

    /** me.tongfei progressbar over all episodes of the grid. */
    final class Bar implements GridProgress {
        private me.tongfei.progressbar.ProgressBar bar;

        @Override
        public void update(ExperimentStatus s) {
            if (bar == null) {
                bar = new me.tongfei.progressbar.ProgressBarBuilder().setTaskName("compare")
                        .setInitialMax(Math.max(1, s.episodesTotal()))
                        .setUpdateIntervalMillis(250).build();
            }
            bar.maxHint(Math.max(1, s.episodesTotal()));
            bar.stepTo(s.episodesDone());
            bar.setExtraMessage(String.format(Locale.ROOT, "runs %d/%d%s", s.finished(),
                    s.total(), s.failed() > 0 ? " failed " + s.failed() : ""));
        }

        @Override
        public void close() {
            if (bar != null) {
                bar.close();
            }
        }
    }

    /** A line at every 5 % of the grid's episodes. */
    final class Lines implements GridProgress {
        private final PrintWriter err;
        private long nextStep = -1;

        Lines(PrintWriter err) {
            this.err = err;
        }

        @Override
        public void update(ExperimentStatus s) {
            long step = Math.max(1, s.episodesTotal() / 20);
            if (nextStep < 0) {
                nextStep = step;
            }
            if (s.episodesDone() >= nextStep || s.done()) {
                err.printf(Locale.ROOT, "episodes %,d/%,d  runs finished %d/%d%s  %,.0f "
                        + "episodes/s  ETA %s%n", s.episodesDone(), s.episodesTotal(),
                        s.finished(), s.total(), s.failed() > 0 ? " (failed " + s.failed()
                        + ")" : "", s.episodesPerSecond(), Double.isNaN(s.etaSeconds()) ? "-"
                        : String.format(Locale.ROOT, "%.0f s", s.etaSeconds()));
                err.flush();
                nextStep = (s.episodesDone() / step + 1) * step;
                if (s.done()) {
                    nextStep = Long.MAX_VALUE;
                }
            }
        }

        @Override
        public void close() {
            err.flush();
        }
    }
}
