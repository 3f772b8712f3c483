package cartpolelab;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/** The dump names the threads with their stacks; only timeouts trigger it. */
class ThreadDumpOnTimeoutTest {

    @Test
    void aTimeoutAnywhereInTheCausesIsOneAndTheDumpShowsThisThread() {
        assertTrue(ThreadDumpOnTimeout.timedOut(new RuntimeException(new TimeoutException())));
        assertTrue(ThreadDumpOnTimeout.timedOut(new AssertionError("timed out waiting for x")));
        assertFalse(ThreadDumpOnTimeout.timedOut(new AssertionError("expected 4 but was 0")));
        String dump = ThreadDumpOnTimeout.dump("test");
        assertTrue(dump.contains("\"" + Thread.currentThread().getName() + "\" RUNNABLE"), dump);
        assertTrue(dump.contains("aTimeoutAnywhereInTheCausesIsOneAndTheDumpShowsThisThread"),
                dump);
    }
}
