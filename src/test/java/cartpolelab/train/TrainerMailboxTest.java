package cartpolelab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * An Error inside a queued task (running out of memory while copying a snapshot, issue 13)
 * must neither leave its caller waiting forever nor kill the tasks queued after it.
 */
class TrainerMailboxTest {

    @Test
    void anErrorInATaskGoesToTheHandlerAndTheNextTaskStillRuns() {
        List<Throwable> failures = new ArrayList<>();
        List<String> ran = new ArrayList<>();
        OutOfMemoryError oom = new OutOfMemoryError("Java heap space");
        // a trainer thread that does nothing, so the tasks stay queued for this thread
        TrainerMailbox queued = new TrainerMailbox(() -> { });
        queued.execute(() -> {
            throw oom;
        });
        queued.execute(() -> ran.add("after"));
        queued.runTasks(failures::add);
        assertEquals(List.of(oom), failures);
        assertEquals(List.of("after"), ran);
        queued.stop(() -> { });
    }

    @Test
    void aSnapshotThatRunsOutOfMemoryCompletesItsFutureExceptionally() throws Exception {
        CompletableFuture<String> done = new CompletableFuture<>();
        OutOfMemoryError oom = new OutOfMemoryError("Java heap space");
        assertThrows(OutOfMemoryError.class, () -> TrainerMailbox.completeWith(done, () -> {
            throw oom;
        }));
        ExecutionException e = assertThrows(ExecutionException.class,
                () -> done.get(1, TimeUnit.SECONDS));
        assertSame(oom, e.getCause());

        CompletableFuture<String> fine = new CompletableFuture<>();
        TrainerMailbox.completeWith(fine, () -> "snapshot");
        assertEquals("snapshot", fine.get(1, TimeUnit.SECONDS));
        CompletableFuture<String> failed = new CompletableFuture<>();
        TrainerMailbox.completeWith(failed, () -> {
            throw new IllegalStateException("no");
        });
        assertInstanceOf(IllegalStateException.class,
                assertThrows(ExecutionException.class, failed::get).getCause());
        assertTrue(failed.isCompletedExceptionally());
    }
}
