package cartpolelab.library;

import cartpolelab.io.Checkpoint;
import cartpolelab.metrics.EpisodeHistory;
import cartpolelab.metrics.EpisodeStats;
import cartpolelab.metrics.GradientVarianceHistory;
import cartpolelab.metrics.RunProgress;
import cartpolelab.train.EpisodeRecorder;
import cartpolelab.train.RecordedEpisode;
import cartpolelab.train.RunSnapshot;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * Writes runs into a {@link RunLibrary} on its own thread, pulling from each run's append-only
 * histories exactly as the window does: it reads {@link EpisodeHistory#size()} and copies the
 * rows below it, so the trainer never waits, never locks and never learns that a library exists.
 *
 * <p>Rows are committed in batches: once {@link #BATCH_EPISODES} episodes are waiting or
 * {@link #BATCH_NANOS} after the last commit, whichever comes first, one transaction writes
 * every run's new episodes, measurements, milestone recordings and progress (so
 * {@code runs.episodes} always equals the rows stored). A kill loses the batch being written,
 * nothing before it. If training outruns the disk, each transaction takes at most
 * {@link #MAX_TRANSACTION_EPISODES} and the next follows at once.
 *
 * <p>A write that fails (disk full, read-only file, the file removed) stops the recording:
 * the warning callback hears one line naming the file and what to do, training goes on,
 * and what was committed before stays intact.
 */
public final class LibraryWriter implements AutoCloseable {

    /** Episodes that make a batch commit before its second is up. */
    public static final int BATCH_EPISODES = 4096;
    /** The longest time between two commits while episodes are waiting. */
    public static final long BATCH_NANOS = TimeUnit.SECONDS.toNanos(1);
    /** The most episodes one transaction writes. */
    static final int MAX_TRANSACTION_EPISODES = 65_536;
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    private final RunLibrary library;
    private final Consumer<String> warn;
    private final List<Recording> recordings = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedQueue<Task> tasks = new ConcurrentLinkedQueue<>();
    private final Thread thread;
    private volatile boolean closing;
    private volatile String failure;
    private volatile long committedBatches;
    private volatile boolean flushWanted;
    private long lastCommit = System.nanoTime();

    /** A write in the writer's transaction. */
    private interface SqlWrite {
        void write(RunLibrary library) throws SQLException;
    }

    /**
     * Something to write after a recording's rows (a checkpoint, a milestone, its end), or
     * on its own (an experiment: {@code recording} null).
     */
    private record Task(Recording recording, SqlWrite write) {
    }

    /**
     * @param warn hears, once and on the writer's thread, the line saying recording stopped
     */
    public LibraryWriter(RunLibrary library, Consumer<String> warn) {
        this.library = Objects.requireNonNull(library, "library");
        this.warn = Objects.requireNonNull(warn, "warn");
        thread = new Thread(this::loop, "run-library-writer");
        thread.setDaemon(true);
        thread.start();
    }

    public RunLibrary library() {
        return library;
    }

    /** The one-line reason recording stopped, or null while it works. */
    public String failure() {
        return failure;
    }

    /**
     * Records a new run and starts pulling its histories into it: the run's row is created
     * on the writer's thread, so this never touches the disk.
     *
     * @param experiment the experiment it belongs to ({@link #experiment}), or null
     * @param threshold  the version's solved threshold, for {@code solved_at}
     */
    public Recording record(NewRun run, RecordedExperiment experiment, EpisodeHistory history,
                            GradientVarianceHistory gradientVariance, double threshold) {
        Recording r = new Recording(run, experiment, history, gradientVariance, threshold);
        recordings.add(r);
        LockSupport.unpark(thread);
        return r;
    }

    /** Records a new experiment (its grid), created on the writer's thread. */
    public RecordedExperiment experiment(String name, String env, String algorithms, String seeds,
                                 String sweepName, String sweepValues, String shard,
                                 int episodes) {
        RecordedExperiment e = new RecordedExperiment(new String[] {name, env, algorithms, seeds, sweepName,
            sweepValues, shard}, episodes);
        enqueue(new Task(null, e::create));
        return e;
    }

    /** One run being written. Its methods only queue work: they never wait for the disk. */
    public final class Recording {
        final NewRun run;
        final RecordedExperiment experiment;
        volatile long runId = -1;
        final EpisodeHistory history;
        final GradientVarianceHistory gradientVariance;
        final RunProgress progress;
        volatile int written;
        int measurementsWritten;
        volatile boolean ended;
        /** The recorder's milestones, to keep with the run; null: none. */
        volatile NavigableMap<Integer, RecordedEpisode> milestones;
        final Set<Integer> milestonesWritten = new HashSet<>();

        Recording(NewRun run, RecordedExperiment experiment, EpisodeHistory history,
                  GradientVarianceHistory gv, double threshold) {
            this.run = Objects.requireNonNull(run, "run");
            this.experiment = experiment;
            this.history = Objects.requireNonNull(history, "history");
            this.gradientVariance = gv;
            this.progress = new RunProgress(threshold);
        }

        /** Its id in the library, or −1 before the writer created it. */
        public long runId() {
            return runId;
        }

        void create(RunLibrary l) throws SQLException {
            if (runId < 0) {
                Long e = null;
                if (experiment != null) {
                    experiment.create(l);
                    e = experiment.id();
                }
                runId = l.insertRun(run, e);
            }
        }

        /**
         * Keeps the milestone recordings of {@code recorder} (the run's) with the run: each
         * is written once its episode is, in the writer's batches.
         */
        public void keepMilestones(EpisodeRecorder recorder) {
            milestones = recorder.milestones();
        }

        /**
         * Stores a checkpoint of the run (without its history, which the library holds): a
         * {@code periodic} one replaces the run's previous periodic one; a {@code final} one
         * stays.
         */
        public void checkpoint(String kind, RunSnapshot snapshot) {
            int episode = snapshot.history().size();
            enqueue(new Task(this, l -> {
                if (kind.equals("periodic")) {
                    try (PreparedStatement p = l.connection.prepareStatement("DELETE FROM "
                            + "checkpoints WHERE run_id = ? AND kind = 'periodic'")) {
                        p.setLong(1, runId);
                        p.executeUpdate();
                    }
                }
                try (PreparedStatement p = l.connection.prepareStatement("INSERT OR REPLACE "
                        + "INTO checkpoints (run_id, episode, kind, saved, data) VALUES "
                        + "(?, ?, ?, ?, ?)")) {
                    p.setLong(1, runId);
                    p.setInt(2, episode);
                    p.setString(3, kind);
                    p.setString(4, Instant.now().toString());
                    p.setBytes(5, Checkpoint.bytesWithoutHistory(snapshot));
                    p.executeUpdate();
                }
            }));
        }

        /**
         * The run ended ({@code finished}, {@code stopped}, {@code failed} with its message):
         * after its last rows are written, the run is marked so and no longer pulled.
         */
        public void end(String state, String failureMessage) {
            Recording self = this;
            ended = true;
            enqueue(new Task(this, l -> {
                try (PreparedStatement p = l.connection.prepareStatement(
                        "UPDATE runs SET state = ?, failure = ?, ended = ? WHERE id = ?")) {
                    p.setString(1, state);
                    p.setString(2, failureMessage);
                    p.setString(3, Instant.now().toString());
                    p.setLong(4, runId);
                    p.executeUpdate();
                }
                recordings.remove(self);
            }));
        }
    }

    private void enqueue(Task t) {
        tasks.add(t);
        LockSupport.unpark(thread);
    }

    /**
     * Writes everything the runs have published so far and waits until it is committed (or
     * recording failed). For the end of a command and for tests; never on a trainer thread.
     */
    public void flush() {
        long target = committedBatches + 1;
        List<Recording> runs = List.copyOf(recordings);
        int[] sizes = runs.stream().mapToInt(r -> r.history.size()).toArray();
        flushWanted = true;
        LockSupport.unpark(thread);
        while (failure == null && thread.isAlive()
                && (committedBatches < target || !tasks.isEmpty() || behind(runs, sizes))) {
            if (committedBatches >= target) {
                flushWanted = true;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(2));
            LockSupport.unpark(thread);
        }
    }

    private boolean behind(List<Recording> runs, int[] sizes) {
        for (int i = 0; i < sizes.length; i++) {
            Recording r = runs.get(i);
            if (recordings.contains(r) && r.written < sizes[i]) {
                return true;
            }
        }
        return false;
    }

    /** Writes what is left, then stops the thread. */
    @Override
    public void close() {
        flush();
        closing = true;
        LockSupport.unpark(thread);
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ------------------------------------------------------------------ the writer's thread

    private void loop() {
        while (true) {
            boolean last = closing;
            if (failure == null && (last || due())) {
                try {
                    writeBatch();
                } catch (SQLException | RuntimeException e) {
                    library.rollbackQuietly();
                    library.autoCommit();
                    String message = e instanceof SQLException s
                            ? SqlErrors.describe(library.file(), s)
                            : "cannot write to the run library " + library.file() + ": " + e;
                    String told = message + "; training goes on, not recorded from here on";
                    recordings.clear();
                    tasks.clear();
                    // told before it is published: flush() returns once it sees the failure,
                    // and its caller must find the warning already given
                    warn.accept(told);
                    failure = told;
                }
            }
            if (last) {
                return;
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
    }

    private boolean due() {
        if (!tasks.isEmpty() || flushWanted) {
            return true;
        }
        long waiting = 0;
        for (Recording r : recordings) {
            if (r.runId < 0) {
                return true; // a new run is in the library as soon as it starts
            }
            waiting += r.history.size() - r.written;
        }
        return waiting >= BATCH_EPISODES
                || (waiting > 0 && System.nanoTime() - lastCommit >= BATCH_NANOS);
    }

    private void writeBatch() throws SQLException {
        flushWanted = false;
        synchronized (library) {
            library.connection.setAutoCommit(false);
            // the runs of this batch: one recorded meanwhile (another thread) waits for the
            // next, so no row is ever written before its run's row exists
            List<Recording> batch = List.copyOf(recordings);
            for (Recording r : batch) {
                r.create(library);
            }
            int budget = MAX_TRANSACTION_EPISODES;
            for (Recording r : batch) {
                budget -= EpisodeRows.write(library, r, budget);
                MilestoneRows.write(library, r);
            }
            List<Task> done = new ArrayList<>();
            for (Task t : tasks) {
                Recording r = t.recording();
                if (r != null) {
                    r.create(library);
                    EpisodeRows.write(library, r, Integer.MAX_VALUE);
                    MilestoneRows.write(library, r);
                }
                t.write().write(library);
                done.add(t);
            }
            library.connection.commit();
            library.connection.setAutoCommit(true);
            tasks.removeAll(done);
            committedBatches++;
            lastCommit = System.nanoTime();
        }
    }
}
