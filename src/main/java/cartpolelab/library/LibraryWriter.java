package cartpolelab.library;

import cartpolelab.metrics.EpisodeHistory;
import cartpolelab.metrics.EpisodeStats;
import cartpolelab.metrics.GradientVarianceHistory;
import cartpolelab.metrics.RunProgress;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
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
 * every run's new episodes, measurements and progress (so {@code runs.episodes} always equals
 * the rows stored). A kill loses the batch being written, nothing before it. If training
 * outruns the disk, each transaction takes at most {@link #MAX_TRANSACTION_EPISODES} and the
 * next follows at once.
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

    /** Something to write after a recording's rows: a checkpoint, a milestone, its end. */
    private interface Task {
        Recording recording();

        void write(RunLibrary library) throws SQLException;
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

    /** Transactions committed so far (tests, bench). */
    public long committedBatches() {
        return committedBatches;
    }

    /**
     * Records a new run and starts pulling its histories into it: the run's row is created
     * on the writer's thread, so this never touches the disk.
     *
     * @param experiment the experiment it belongs to ({@link #experiment}), or null
     * @param threshold  the version's solved threshold, for {@code solved_at}
     */
    public Recording record(NewRun run, Experiment experiment, EpisodeHistory history,
                            GradientVarianceHistory gradientVariance, double threshold) {
        Recording r = new Recording(run, experiment, history, gradientVariance, threshold);
        recordings.add(r);
        LockSupport.unpark(thread);
        return r;
    }

    /** Records a new experiment (its grid), created on the writer's thread. */
    public Experiment experiment(String name, String env, String algorithms, String seeds,
                                 String sweepName, String sweepValues, String shard,
                                 int episodes) {
        Experiment e = new Experiment(new String[] {name, env, algorithms, seeds, sweepName,
            sweepValues, shard}, episodes);
        enqueue(new Task() {
            public Recording recording() {
                return null;
            }

            public void write(RunLibrary l) throws SQLException {
                e.create(l);
            }
        });
        return e;
    }

    /** An experiment being recorded; its id is known once the writer has created it. */
    public static final class Experiment {
        private final String[] text;
        private final int episodes;
        private volatile long id = -1;

        Experiment(String[] text, int episodes) {
            this.text = text;
            this.episodes = episodes;
        }

        void create(RunLibrary l) throws SQLException {
            if (id < 0) {
                id = l.insertExperiment(text[0], text[1], text[2], text[3], text[4], text[5],
                        text[6], episodes);
            }
        }

        /** Its id in the library, or −1 before the writer created it. */
        public long id() {
            return id;
        }
    }

    /** One run being written. Its methods only queue work: they never wait for the disk. */
    public final class Recording {
        final NewRun run;
        final Experiment experiment;
        volatile long runId = -1;
        final EpisodeHistory history;
        final GradientVarianceHistory gradientVariance;
        final RunProgress progress;
        volatile int written;
        int measurementsWritten;
        volatile boolean ended;

        Recording(NewRun run, Experiment experiment, EpisodeHistory history,
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
                    e = experiment.id;
                }
                runId = l.insertRun(run, e);
            }
        }

        /**
         * Stores a checkpoint of the run (without its history, which the library holds): a
         * {@code periodic} one replaces the run's previous periodic one; a {@code final} one
         * stays.
         */
        public void checkpoint(String kind, cartpolelab.train.RunSnapshot snapshot) {
            Recording self = this;
            int episode = snapshot.history().size();
            enqueue(new Task() {
                public Recording recording() {
                    return self;
                }

                public void write(RunLibrary l) throws SQLException {
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
                        p.setBytes(5, cartpolelab.io.Checkpoint.bytesWithoutHistory(snapshot));
                        p.executeUpdate();
                    }
                }
            });
        }

        /** Stores a milestone episode's recording (see the README's {@code milestones} table). */
        public void milestone(int episode, int steps, double reward, boolean fell, byte[] frames) {
            Recording self = this;
            enqueue(new Task() {
                public Recording recording() {
                    return self;
                }

                public void write(RunLibrary l) throws SQLException {
                    try (PreparedStatement p = l.connection.prepareStatement("INSERT OR REPLACE "
                            + "INTO milestones (run_id, episode, steps, reward, fell, frames) "
                            + "VALUES (?, ?, ?, ?, ?, ?)")) {
                        p.setLong(1, runId);
                        p.setInt(2, episode);
                        p.setInt(3, steps);
                        p.setDouble(4, reward);
                        p.setInt(5, fell ? 1 : 0);
                        p.setBytes(6, frames);
                        p.executeUpdate();
                    }
                }
            });
        }

        /**
         * The run ended ({@code finished}, {@code stopped}, {@code failed} with its message):
         * after its last rows are written, the run is marked so and no longer pulled.
         */
        public void end(String state, String failureMessage) {
            Recording self = this;
            ended = true;
            enqueue(new Task() {
                public Recording recording() {
                    return self;
                }

                public void write(RunLibrary l) throws SQLException {
                    try (PreparedStatement p = l.connection.prepareStatement(
                            "UPDATE runs SET state = ?, failure = ?, ended = ? WHERE id = ?")) {
                        p.setString(1, state);
                        p.setString(2, failureMessage);
                        p.setString(3, Instant.now().toString());
                        p.setLong(4, runId);
                        p.executeUpdate();
                    }
                    recordings.remove(self);
                }
            });
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
                            ? RunLibrary.describe(library.file(), s)
                            : "cannot write to the run library " + library.file() + ": " + e;
                    failure = message + "; training goes on, not recorded from here on";
                    recordings.clear();
                    tasks.clear();
                    warn.accept(failure);
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
            for (Recording r : recordings) {
                r.create(library);
            }
            int budget = MAX_TRANSACTION_EPISODES;
            for (Recording r : recordings) {
                budget -= writeRows(r, budget);
            }
            List<Task> done = new ArrayList<>();
            for (Task t : tasks) {
                Recording r = t.recording();
                if (r != null) {
                    r.create(library);
                    writeRows(r, Integer.MAX_VALUE);
                }
                t.write(library);
                done.add(t);
            }
            library.connection.commit();
            library.connection.setAutoCommit(true);
            tasks.removeAll(done);
            committedBatches++;
            lastCommit = System.nanoTime();
        }
    }

    private static final int EPISODE_COLUMNS = 11;
    private static final int ROWS_PER_INSERT = 64;

    private static String insertEpisodes(int rows) {
        StringBuilder sql = new StringBuilder("INSERT OR REPLACE INTO episodes (run_id, episode, "
                + "reward, length, reward_ma50, loss_actor, loss_critic, entropy, total_steps, "
                + "wall_seconds, steps_per_sec) VALUES ");
        for (int k = 0; k < rows; k++) {
            sql.append(k == 0 ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        }
        return sql.toString();
    }

    private static void bindEpisode(PreparedStatement p, int at, Recording r, int index)
            throws SQLException {
        EpisodeStats s = r.history.get(index);
        p.setLong(at + 1, r.runId);
        p.setInt(at + 2, s.episode());
        p.setDouble(at + 3, s.reward());
        p.setInt(at + 4, s.length());
        p.setDouble(at + 5, s.movingAverage());
        p.setDouble(at + 6, s.actorLoss());
        p.setDouble(at + 7, s.criticLoss());
        p.setDouble(at + 8, s.entropy());
        p.setLong(at + 9, s.totalSteps());
        p.setDouble(at + 10, s.wallSeconds());
        p.setDouble(at + 11, s.stepsPerSecond());
        r.progress.add(s.reward());
    }

    /** Writes up to {@code budget} of a run's new rows and its progress; returns rows written. */
    private int writeRows(Recording r, int budget) throws SQLException {
        int from = r.written;
        int to = (int) Math.min(r.history.size(), (long) from + Math.max(0, budget));
        if (to <= from) {
            return 0;
        }
        // many rows per statement: one native call binds and steps ROWS_PER_INSERT rows
        int i = from;
        if (to - from >= ROWS_PER_INSERT) {
            try (PreparedStatement p = library.connection.prepareStatement(
                    insertEpisodes(ROWS_PER_INSERT))) {
                for (; i + ROWS_PER_INSERT <= to; i += ROWS_PER_INSERT) {
                    for (int k = 0; k < ROWS_PER_INSERT; k++) {
                        bindEpisode(p, k * EPISODE_COLUMNS, r, i + k);
                    }
                    p.addBatch();
                }
                p.executeBatch();
            }
        }
        if (i < to) {
            try (PreparedStatement p = library.connection.prepareStatement(insertEpisodes(1))) {
                for (; i < to; i++) {
                    bindEpisode(p, 0, r, i);
                    p.addBatch();
                }
                p.executeBatch();
            }
        }
        GradientVarianceHistory g = r.gradientVariance;
        if (g != null) {
            int m = g.size();
            try (PreparedStatement p = library.connection.prepareStatement("INSERT OR REPLACE "
                    + "INTO gradvar (run_id, episode, updates, reinforce, baseline, td, samples) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                while (r.measurementsWritten < m && g.episode(r.measurementsWritten) <= to) {
                    var v = g.get(r.measurementsWritten++);
                    p.setLong(1, r.runId);
                    p.setInt(2, v.episode());
                    p.setLong(3, v.update());
                    p.setDouble(4, v.reinforce());
                    p.setDouble(5, v.baseline());
                    p.setDouble(6, v.td());
                    p.setInt(7, v.samples());
                    p.addBatch();
                }
                p.executeBatch();
            }
        }
        EpisodeStats last = r.history.get(to - 1);
        try (PreparedStatement p = library.connection.prepareStatement("UPDATE runs SET "
                + "episodes = ?, total_steps = ?, solved_at = ?, best_ma50 = ?, final_ma50 = ? "
                + "WHERE id = ?")) {
            p.setInt(1, to);
            p.setLong(2, last.totalSteps());
            if (r.progress.solved()) {
                p.setInt(3, r.progress.solvedAtEpisode());
            } else {
                p.setNull(3, java.sql.Types.INTEGER);
            }
            p.setDouble(4, r.progress.bestMovingAverage());
            p.setDouble(5, last.movingAverage());
            p.setLong(6, r.runId);
            p.executeUpdate();
        }
        r.written = to;
        return to - from;
    }
}
