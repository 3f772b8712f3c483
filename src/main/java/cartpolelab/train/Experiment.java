package cartpolelab.train;

import cartpolelab.agent.GradientVarianceProbe;
import cartpolelab.metrics.EpisodeHistory;
import cartpolelab.metrics.GradientVarianceHistory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Many {@link TrainingRun}s on a pool of worker threads: the cells of an
 * {@link ExperimentSpec} (all of them, or a shard's). Each run is exactly the run the same
 * settings and seed give when trained alone: runs share nothing, and a run is driven by one
 * worker at a time.
 *
 * <p>Scheduling: round-robin turns. A run trains {@link ExperimentSpec#episodesPerTurn()}
 * episodes, then goes to the back of the pool's FIFO queue, so every group's curves grow
 * together while someone watches (whole runs per worker would show one group first). The
 * queue hand-off is the happens-before edge between turns; nothing is locked while training.
 *
 * <p>Control applies to the whole experiment: {@link #pause()} parks each run at its next
 * episode boundary (the workers then wait on the empty queue, no busy wait),
 * {@link #resume()} queues them again, {@link #stop()} ends them there. A run that throws is
 * marked {@link CellState#FAILED} with its message; the others go on.
 *
 * <p>Consumers pull: {@link #state}, {@link #history} (append-only, readable from any
 * thread while training), {@link #solvedAt}, {@link #status()}. Nothing here calls back.
 */
public final class Experiment implements AutoCloseable {

    private static final AtomicInteger POOLS = new AtomicInteger();

    private final ExperimentSpec spec;
    private final List<Cell> cells;
    private final RunSlot[] slots;
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private final AtomicInteger remaining;
    /** Runs parked by pause; guarded by this. */
    private final List<RunSlot> parked = new ArrayList<>();
    private ThreadPoolExecutor pool;
    private volatile boolean paused;
    private volatile boolean stopped;
    /** Wall time: nanos of running before the last (re)start, and when that was; guarded. */
    private long runNanos;
    private long runningSince = -1;

    /** Every cell of {@code spec}. */
    public Experiment(ExperimentSpec spec) {
        this(spec, spec.cells());
    }

    /** The given cells of {@code spec} (a shard: {@link ExperimentSpec#shard}). */
    public Experiment(ExperimentSpec spec, List<Cell> cells) {
        this(spec, cells, c -> new TrainingRun(c.hyperparameters()), null);
    }

    /** For tests: how runs are made, and a check of every finished episode that may throw. */
    Experiment(ExperimentSpec spec, List<Cell> cells, Function<Cell, TrainingRun> factory,
               RunSlot.EpisodeCheck check) {
        this.spec = spec;
        this.cells = List.copyOf(cells);
        this.slots = new RunSlot[this.cells.size()];
        int failed = 0;
        for (int i = 0; i < slots.length; i++) {
            Cell c = this.cells.get(i);
            TrainingRun run = null;
            String failure = null;
            try {
                run = factory.apply(c);
            } catch (RuntimeException e) {
                failure = Failures.message(e);
                failed++;
            }
            slots[i] = new RunSlot(this, c, run, failure, check);
        }
        remaining = new AtomicInteger(slots.length - failed);
    }

    /**
     * Measures every run's gradient variance ({@link TrainingRun#measureGradientVariance});
     * null measures nothing (the default). Learning is the same either way, bit for bit.
     * @throws IllegalStateException once started
     */
    public synchronized void measureGradientVariance(GradientVarianceProbe.Settings settings) {
        if (pool != null) {
            throw new IllegalStateException("choose the measurement before the start");
        }
        Arrays.stream(slots).filter(s -> s.run != null)
                .forEach(s -> s.run.measureGradientVariance(settings));
    }

    /** Every run records ({@link TrainingRun#record}) from the start; by cell, null: no run. */
    public synchronized List<EpisodeRecorder> record(int keepEpisodes) {
        return Arrays.stream(slots).map(s -> s.run == null ? null : s.run.record(keepEpisodes))
                .toList();
    }

    /** Run {@code i}'s gradient-variance measurements, readable while it trains. */
    public GradientVarianceHistory gradientVariance(int i) {
        TrainingRun run = slots[i].run;
        return run == null ? new GradientVarianceHistory() : run.gradientVariance();
    }

    /**
     * Starts the workers and queues every run, interleaved (seed by seed across the groups).
     *
     * @throws IllegalStateException if already started
     */
    public synchronized void start() {
        if (pool != null) {
            throw new IllegalStateException("the experiment has already started");
        }
        int n = Math.max(1, Math.min(spec.threads(), slots.length));
        pool = new ThreadPoolExecutor(n, n, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                daemonThreads());
        runningSince = paused ? -1 : System.nanoTime();
        if (remaining.get() == 0) {
            done.complete(null);
        }
        List<RunSlot> order = new ArrayList<>(List.of(slots));
        // by seed position, then cell order: the first turns cover every group
        List<Long> seeds = spec.seeds();
        order.sort(Comparator.comparingInt((RunSlot s) -> seeds.indexOf(s.cell.seed()))
                .thenComparingInt(s -> s.cell.index()));
        for (RunSlot s : order) {
            if (s.state == CellState.QUEUED) {
                pool.execute(s);
            }
        }
    }

    /** Parks every run at its next episode boundary. */
    public synchronized void pause() {
        if (!paused && !stopped) {
            paused = true;
            stopClock();
        }
    }

    /** Queues the parked runs again. */
    public synchronized void resume() {
        if (paused && !stopped) {
            paused = false;
            if (pool != null) {
                runningSince = System.nanoTime();
                for (RunSlot s : parked) {
                    s.state = s.history().size() == 0 ? CellState.QUEUED : CellState.RUNNING;
                    pool.execute(s);
                }
            }
            parked.clear();
        }
    }

    /** Ends every run at its next episode boundary ({@link CellState#STOPPED}). */
    public synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        stopClock();
        for (RunSlot s : parked) {
            end(s, CellState.STOPPED);
        }
        parked.clear();
        if (pool == null) {
            for (RunSlot s : slots) {
                if (!s.state.terminal()) {
                    end(s, CellState.STOPPED);
                }
            }
        }
    }

    /** Stops, and ends the worker threads (waiting up to 10 s for the episodes in progress). */
    @Override
    public void close() {
        stop();
        ThreadPoolExecutor p;
        synchronized (this) {
            p = pool;
        }
        if (p != null) {
            p.shutdown();
            try {
                if (!p.awaitTermination(10, TimeUnit.SECONDS)) {
                    p.shutdownNow();
                }
            } catch (InterruptedException e) {
                p.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Completes when every run has finished, failed or stopped. */
    public CompletableFuture<Void> done() {
        return done;
    }

    /** Waits until done; false if {@code timeout} passed first. */
    public boolean awaitDone(Duration timeout) throws InterruptedException {
        try {
            done.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    // ------------------------------------------------------------------ reading

    public ExperimentSpec spec() {
        return spec;
    }

    /** This experiment's cells; index i here is what {@link #state(int)} etc. take. */
    public List<Cell> cells() {
        return cells;
    }

    public CellState state(int i) {
        return slots[i].state;
    }

    /** Why run i failed, or null. */
    public String failure(int i) {
        return slots[i].failure;
    }

    /** Run i's finished episodes: append-only, safe to read from any thread while it trains. */
    public EpisodeHistory history(int i) {
        return slots[i].history();
    }

    /** The episode at which run i was solved, or -1. */
    public int solvedAt(int i) {
        return slots[i].solvedAt;
    }

    /**
     * Run i's snapshot (networks, optimiser, history): at once when no worker has the run
     * (queued, paused, ended), else at its next episode boundary. Fails for a run that could
     * not be created.
     */
    public CompletableFuture<RunSnapshot> snapshot(int i) {
        return slots[i].snapshot();
    }

    /** The experiment now. */
    public ExperimentStatus status() {
        int[] count = new int[CellState.values().length];
        long episodesDone = 0;
        long episodesTotal = 0;
        for (RunSlot s : slots) {
            CellState st = s.state;
            count[st.ordinal()]++;
            int n = s.history().size();
            episodesDone += n;
            episodesTotal += st.terminal() ? n : budget(s);
        }
        double elapsed = elapsedSeconds();
        double rate = elapsed > 0 ? episodesDone / elapsed : 0;
        double eta = rate > 0 ? (episodesTotal - episodesDone) / rate : Double.NaN;
        return new ExperimentStatus(slots.length, count[CellState.QUEUED.ordinal()],
                count[CellState.RUNNING.ordinal()], count[CellState.PAUSED.ordinal()],
                count[CellState.FINISHED.ordinal()], count[CellState.FAILED.ordinal()],
                count[CellState.STOPPED.ordinal()], episodesDone, episodesTotal, elapsed, rate,
                eta);
    }

    private static int budget(RunSlot s) {
        return s.cell.hyperparameters().episodes();
    }

    /** The wall clock stops (a pause, a stop, the end): the time run so far is kept. */
    private synchronized void stopClock() {
        if (runningSince >= 0) {
            runNanos += System.nanoTime() - runningSince;
            runningSince = -1;
        }
    }

    private synchronized double elapsedSeconds() {
        long n = runNanos + (runningSince >= 0 ? System.nanoTime() - runningSince : 0);
        return n / 1e9;
    }

    // ------------------------------------------------------------------ the workers' side

    boolean stopping() {
        return stopped;
    }

    boolean pausing() {
        return paused;
    }

    /**
     * A worker hands the run back after its turn: queue it again ({@code end} RUNNING: its
     * turn is over, not its training), park it (PAUSED), or end it (a terminal state).
     */
    void afterTurn(RunSlot s, CellState end) {
        if (end == CellState.RUNNING || end == CellState.PAUSED) {
            synchronized (this) {
                if (stopped) {
                    end(s, CellState.STOPPED);
                } else if (paused) {
                    s.state = CellState.PAUSED;
                    parked.add(s);
                } else {
                    pool.execute(s);
                }
            }
            return;
        }
        end(s, end);
    }

    private void end(RunSlot s, CellState state) {
        s.state = state;
        if (remaining.decrementAndGet() == 0) {
            stopClock();
            done.complete(null);
        }
    }

    private static ThreadFactory daemonThreads() {
        int pool = POOLS.incrementAndGet();
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "experiment-" + pool + "-worker-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
