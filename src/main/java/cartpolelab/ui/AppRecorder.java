package cartpolelab.ui;

import cartpolelab.agent.Hyperparameters;
import cartpolelab.library.LibraryWriter;
import cartpolelab.library.NewRun;
import cartpolelab.metrics.EpisodeHistory;
import cartpolelab.train.EpisodeRecorder;
import cartpolelab.train.RunOutputs;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Records the window's runs in the run library: pulled once a frame with the view model, it
 * notices a new run (a reset, a loaded checkpoint, an opened run: a new history object) and
 * hands the run's append-only history to the library's writer once the run has trained an
 * episode of its own, so opening a stored run records nothing until it trains on, with its
 * recorder's milestone episodes (replayable after it is opened from the Runs view). Every
 * {@link #CHECKPOINT_EVERY} episodes it asks the trainer for a snapshot, which the writer
 * stores as the run's checkpoint. Nothing here waits: the writer does the disk work on its
 * own thread, snapshots complete on the trainer's.
 */
final class AppRecorder {

    /** Episodes between the checkpoints of an app run kept in the library. */
    static final int CHECKPOINT_EVERY = 500;

    private final LibraryWriter writer;
    private final RunOutputs run;
    private final Supplier<Hyperparameters> settings;
    private EpisodeHistory current;
    private int sizeWhenSeen;
    private LibraryWriter.Recording recording;
    private int nextCheckpoint;

    /**
     * @param settings the current run's settings (the view model's, read after its pull)
     */
    AppRecorder(LibraryWriter writer, RunOutputs run, Supplier<Hyperparameters> settings) {
        this.writer = Objects.requireNonNull(writer, "writer");
        this.run = Objects.requireNonNull(run, "run");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    LibraryWriter writer() {
        return writer;
    }

    /** The run being recorded, or null. */
    LibraryWriter.Recording recording() {
        return recording;
    }

    /** Once a frame, after the view model's pull. FX thread; never blocks. */
    void pull() {
        EpisodeHistory h = run.history();
        if (h != current) {
            end();
            current = h;
            // a run the window trained, however far it got before this first frame: what it
            // has beyond the episodes it was restored with (a stored run records nothing
            // until it trains on)
            sizeWhenSeen = h.base();
        }
        int n = h.size();
        if (recording == null && n > sizeWhenSeen) {
            Hyperparameters hp = settings.get();
            recording = writer.record(NewRun.of("app", hp, 0, 0), null, h,
                    run.gradientVariance(), hp.version().solvedThreshold());
            EpisodeRecorder episodes = run.recorder();
            if (episodes != null && run.history() == h) { // read after h: the same run's
                recording.keepMilestones(episodes);
            }
            // counted from the episodes it was restored with: a run that trained past 500
            // before this first frame is checkpointed now, not at 1,000
            nextCheckpoint = (sizeWhenSeen / CHECKPOINT_EVERY + 1) * CHECKPOINT_EVERY;
        }
        if (recording != null && n >= nextCheckpoint) {
            nextCheckpoint = (n / CHECKPOINT_EVERY + 1) * CHECKPOINT_EVERY;
            checkpoint("periodic");
        }
    }

    private void checkpoint(String kind) {
        LibraryWriter.Recording r = recording;
        EpisodeHistory h = current;
        run.snapshot().thenAccept(s -> {
            if (run.history() == h) { // still this run's
                r.checkpoint(kind, s);
            }
        });
    }

    /** The run in progress ends in the library (a new run replaces it, or the window closes). */
    private void end() {
        if (recording != null) {
            recording.end("stopped", null);
            recording = null;
        }
    }

    /**
     * The window closes: the run's last checkpoint, its end, the writer flushed and closed,
     * {@code lastly}, and the library closed, on a thread of its own that keeps the JVM alive
     * until the rows are committed.
     */
    void close(Runnable lastly) {
        LibraryWriter.Recording r = recording;
        recording = null;
        Thread closer = new Thread(() -> {
            if (r != null) {
                try {
                    r.checkpoint("final", run.snapshot().get(
                            5, TimeUnit.SECONDS));
                } catch (Exception e) {
                    // the trainer is gone: its periodic checkpoint stays the last one
                }
                r.end("stopped", null);
            }
            writer.close();
            lastly.run();
            writer.library().close();
        }, "run-library-close");
        closer.setDaemon(false);
        closer.start();
    }
}
