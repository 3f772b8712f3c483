package cartpolelab;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * Every test that fails by waiting too long prints where each thread was at that moment (to
 * the test's standard error, so it lands in the Surefire report), before failing as it would.
 * A wait that times out on a loaded CI machine otherwise says only what did not happen, never
 * what the JavaFX thread or the trainer was busy with. Registered for every test through
 * {@code META-INF/services} and JUnit's extension auto-detection.
 */
public final class ThreadDumpOnTimeout implements TestExecutionExceptionHandler {

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable thrown)
            throws Throwable {
        if (timedOut(thrown)) {
            System.err.println(dump("threads when " + context.getDisplayName()
                    + " timed out (" + thrown + ")"));
        }
        throw thrown;
    }

    /** True when {@code t} or one of its causes is a timeout. */
    static boolean timedOut(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            String m = c.getMessage();
            if (c instanceof TimeoutException
                    || (m != null && m.toLowerCase(java.util.Locale.ROOT).contains("timed out"))) {
                return true;
            }
        }
        return false;
    }

    /** Every live thread's state, lock and whole stack. */
    static String dump(String title) {
        StringBuilder b = new StringBuilder("---- ").append(title).append('\n');
        for (ThreadInfo info : ManagementFactory.getThreadMXBean().dumpAllThreads(true, true)) {
            b.append('"').append(info.getThreadName()).append("\" ")
                    .append(info.getThreadState());
            if (info.getLockName() != null) {
                b.append(" on ").append(info.getLockName());
            }
            if (info.getLockOwnerName() != null) {
                b.append(" owned by \"").append(info.getLockOwnerName()).append('"');
            }
            b.append('\n');
            for (StackTraceElement e : info.getStackTrace()) {
                b.append("    at ").append(e).append('\n');
            }
        }
        return b.append("---- end of thread dump\n").toString();
    }
}
