package cartpolelab.train;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The mailbox between the threads that command a {@link Trainer} and the trainer's own thread:
 * the mode the thread should be in, single frames asked for, tasks to run between two steps
 * (reset, snapshot, restore), and the one condition the thread parks on. Callers never wait
 * here for longer than it takes to set a field; the trainer's thread waits only while paused
 * or until a real-time deadline, and any command wakes it at once.
 */
final class TrainerMailbox {

    /** What the trainer's thread does next. */
    enum Mode { PAUSED, RUNNING, EPISODE, WATCHING, STOPPED }

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wake = lock.newCondition();
    private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final Runnable loop;
    /** The trainer's thread, started by the first command; guarded by the lock. */
    private Thread thread;

    /** Written under the lock, read without it. */
    private volatile Mode mode = Mode.PAUSED;
    /** Counts commands, so the thread never undoes one that came in during its step. */
    private volatile long count;
    /** Set by start/resume/step-episode: training goes on after a stop-when-solved pause. */
    private volatile boolean continueAfterSolve;
    /** Single frames asked for and not yet taken; guarded by the lock. */
    private int framesPending;
    /** The next real-time deadline; trainer's thread only. */
    private long nextDeadline;

    /** @param loop the trainer thread's body, started (once) by the first command */
    TrainerMailbox(Runnable loop) {
        this.loop = loop;
    }

    /** Caller holds the lock. */
    private void ensureThread() {
        if (thread == null) {
            thread = new Thread(loop, "cartpole-trainer");
            thread.setDaemon(true);
            thread.start();
        }
    }

    /** True while the trainer's thread runs (false before the first command and after it ended). */
    boolean isThreadAlive() {
        lock.lock();
        try {
            return thread != null && thread.isAlive();
        } finally {
            lock.unlock();
        }
    }

    /** Waits, at most {@code millis}, for the trainer's thread to end (not from itself). */
    void join(long millis) {
        Thread t;
        lock.lock();
        try {
            t = thread;
        } finally {
            lock.unlock();
        }
        if (t != null && t != Thread.currentThread()) {
            try {
                t.join(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    Mode mode() {
        return mode;
    }

    long count() {
        return count;
    }

    /**
     * Switches to {@code next} (ignored once stopped) and wakes the thread; {@code whileLocked}
     * runs under the lock after the switch, so what it publishes is ordered with the thread's.
     */
    void post(Mode next, Runnable whileLocked) {
        lock.lock();
        try {
            if (mode == Mode.STOPPED) {
                return;
            }
            mode = next;
            count++;
            framesPending = 0;
            if (next == Mode.RUNNING || next == Mode.EPISODE) {
                continueAfterSolve = true;
            }
            ensureThread();
            wake.signalAll();
            whileLocked.run();
        } finally {
            lock.unlock();
        }
    }

    /** One more single frame, paused otherwise. */
    void postFrame() {
        lock.lock();
        try {
            if (mode == Mode.STOPPED) {
                return;
            }
            framesPending++;
            mode = Mode.PAUSED;
            ensureThread();
            wake.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Pauses and drops pending frames before the run is replaced; false once stopped. */
    boolean pauseForReplace() {
        lock.lock();
        try {
            if (mode == Mode.STOPPED) {
                return false;
            }
            mode = Mode.PAUSED;
            count++;
            framesPending = 0;
            return true;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Queues {@code task} for the trainer's thread; once stopped (nothing trains any more) it
     * runs on the caller.
     */
    void execute(Runnable task) {
        lock.lock();
        try {
            if (mode == Mode.STOPPED) {
                task.run();
                return;
            }
            ensureThread();
            tasks.add(task);
            wake.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Runs the queued tasks on the calling (trainer's) thread. A task that throws, even an
     * {@link Error} such as running out of memory while copying a snapshot, goes to the
     * handler and the next task still runs: the thread and the run survive a failed task.
     */
    void runTasks(Consumer<Throwable> onFailure) {
        Runnable task;
        while ((task = tasks.poll()) != null) {
            try {
                task.run();
            } catch (RuntimeException | Error e) {
                onFailure.accept(e);
            }
        }
    }

    /**
     * Completes {@code future} with what {@code work} returns, or exceptionally with whatever
     * it throws, {@link Error}s included, so nobody waits forever on a task that failed. An
     * Error is rethrown after that (for {@link #runTasks}' handler to report).
     */
    static <T> void completeWith(CompletableFuture<T> future,
                                 Supplier<T> work) {
        T value;
        try {
            value = work.get();
        } catch (RuntimeException e) {
            future.completeExceptionally(e);
            return;
        } catch (Error e) {
            future.completeExceptionally(e);
            throw e;
        }
        future.complete(value);
    }

    /**
     * Stops for good; {@code ifNoThread} runs under the lock when no thread was ever started
     * (so nobody else will publish the stopped state).
     */
    void stop(Runnable ifNoThread) {
        lock.lock();
        try {
            mode = Mode.STOPPED;
            wake.signalAll();
            if (thread == null) {
                ifNoThread.run();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Wakes the thread (a setting changed). */
    void signal() {
        lock.lock();
        try {
            wake.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** True once (and only once per command) the thread should clear a stop-when-solved. */
    boolean takeContinueAfterSolve() {
        if (continueAfterSolve) {
            continueAfterSolve = false;
            return true;
        }
        return false;
    }

    /**
     * Pauses after a finished step-episode, the budget, "solved" or a failure, unless a command
     * came in since the step began (a second "step episode" must not be swallowed).
     */
    void settle(Mode from, long seenCount) {
        lock.lock();
        try {
            if (mode == from && count == seenCount) {
                mode = Mode.PAUSED;
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * While paused: returns true at once if a single frame was asked for (taking it);
     * otherwise runs {@code beforePark} and parks until a command arrives, returning false.
     */
    boolean takeFrameOrPark(Runnable beforePark) throws InterruptedException {
        lock.lock();
        try {
            if (framesPending > 0) {
                framesPending--;
                return true;
            }
            if (mode == Mode.PAUSED && tasks.isEmpty()) {
                beforePark.run();
                wake.await();
            }
            return false;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Real-time pacing, while {@code stillPaced} holds: waits until the next {@code stepNanos}
     * deadline while the mode stays {@code m}; a command wakes it at once. Falling far behind restarts the clock instead of
     * bursting to catch up. Trainer's thread only.
     */
    void pace(long stepNanos, Mode m, BooleanSupplier stillPaced)
            throws InterruptedException {
        if (!stillPaced.getAsBoolean()) {
            nextDeadline = 0; // not paced: the next paced step starts a new clock
            return;
        }
        long now = System.nanoTime();
        if (nextDeadline == 0 || now - nextDeadline > 5 * stepNanos) {
            nextDeadline = now;
        }
        nextDeadline += stepNanos;
        awaitDeadline(nextDeadline, m, stillPaced);
    }

    /**
     * Waits until {@code deadline} (System.nanoTime) while the mode stays {@code m} and no
     * command arrives, and while {@code stillPaced} holds; returns at once when woken.
     */
    private void awaitDeadline(long deadline, Mode m, BooleanSupplier stillPaced)
            throws InterruptedException {
        lock.lock();
        try {
            long wait = deadline - System.nanoTime();
            while (wait > 0 && mode == m && tasks.isEmpty() && framesPending == 0
                    && stillPaced.getAsBoolean()) {
                wait = wake.awaitNanos(wait);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Runs {@code action} under the lock (to publish in order with commands). */
    void locked(Runnable action) {
        lock.lock();
        try {
            action.run();
        } finally {
            lock.unlock();
        }
    }
}
