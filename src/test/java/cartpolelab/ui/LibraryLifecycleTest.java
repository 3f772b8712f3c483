package cartpolelab.ui;

import static cartpolelab.ui.Waits.waitFor;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cartpolelab.agent.Hyperparameters;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A window that closes while its run library is still opening leaves nothing open behind it:
 * the library is closed as soon as it has opened (before, it got a writer thread and an open
 * connection that nothing would ever close).
 */
@ExtendWith(ApplicationExtension.class)
class LibraryLifecycleTest {

    @TempDir
    Path dir;

    private final TestDialogs dialogs = new TestDialogs();
    private MainView view;

    @Start
    void start(Stage stage) {
        view = CartPoleLabApp.open(stage, Hyperparameters.DEFAULTS.withHiddenSize(16),
                ScriptedTrainer::new, dialogs, dialogs, () -> { });
    }

    @Test
    void aLibraryThatOpensAfterTheWindowClosedIsClosedAtOnce() throws Exception {
        Path file = dir.resolve("runs.db");
        CompletableFuture<Void> opened = WaitForAsyncUtils.asyncFx(() -> {
            CompletableFuture<Void> f = view.openLibrary(file);
            view.shutdown(); // before the I/O thread could open it
            return f;
        }).get(60, TimeUnit.SECONDS);
        opened.get(60, TimeUnit.SECONDS);
        assertTrue(Files.exists(file), "the library was created");
        // SQLite removes a WAL library's -wal and -shm files when its last connection closes
        waitFor("the library closed", () -> !Files.exists(dir.resolve("runs.db-wal"))
                && !Files.exists(dir.resolve("runs.db-shm")));
    }
}
