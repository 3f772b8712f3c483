package cartpolelab.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/**
 * SQLite's errors as the user reads them. On a full tmpfs, opening a library in WAL mode fails
 * with an I/O error on the shared-memory file before SQLite can say the disk is full: that
 * library is sound and the run should go on unrecorded, as with SQLITE_FULL (measured: `train
 * --library` on a full 3 MB tmpfs was refused with SQLite's raw message).
 */
class SqlErrorsTest {

    private static final Path FILE = Path.of("/data/runs.db");

    @Test
    void anIoErrorOnAFullDiskIsUnwritableNotDamagedAndSaysWhatToDo() {
        SQLException shm = new SQLException("[SQLITE_IOERR_SHMSIZE] I/O error within xShmMap "
                + "while trying to resize an existing shared memory segment (disk I/O error)");
        assertTrue(SqlErrors.unwritable(shm));
        assertEquals("cannot write to the run library /data/runs.db: a disk I/O error "
                + "(SQLITE_IOERR_SHMSIZE); the disk may be full: free some space, or pass "
                + "--library with a file on another disk", SqlErrors.describe(FILE, shm));
        SQLException bare = new SQLException("disk I/O error");
        assertTrue(SqlErrors.unwritable(bare));
        assertTrue(SqlErrors.describe(FILE, bare).contains("(SQLITE_IOERR)"));
    }

    @Test
    void aFileThatIsNoDatabaseIsNotMerelyUnwritable() {
        SQLException notDb = new SQLException("[SQLITE_NOTADB] File opened that is not a "
                + "database file (file is not a database)");
        assertFalse(SqlErrors.unwritable(notDb));
        assertTrue(SqlErrors.describe(FILE, notDb).startsWith(
                "/data/runs.db is not a CartPole Lab run library"));
    }
}
