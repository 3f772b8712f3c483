package cartpolelab.io;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;

/**
 * A full disk in one directory, for tests: every file {@link AtomicFiles} writes there fails
 * with "No space left on device" once it passes {@code room} bytes, as a real full disk does.
 * Other directories are untouched. Close to end it.
 */
public final class FullDisk implements AutoCloseable {

    private FullDisk() {
    }

    public static FullDisk in(Path dir, long room) {
        Path where = dir.toAbsolutePath().normalize();
        AtomicFiles.streams = (tmp, out) -> !where.equals(tmp.getParent().normalize()) ? out
                : new FilterOutputStream(out) {
                    private long written;

                    @Override
                    public void write(int b) throws IOException {
                        write(new byte[] {(byte) b}, 0, 1);
                    }

                    @Override
                    public void write(byte[] b, int off, int len) throws IOException {
                        if (written + len > room) {
                            throw new IOException("No space left on device");
                        }
                        written += len;
                        out.write(b, off, len);
                    }
                };
        return new FullDisk();
    }

    @Override
    public void close() {
        AtomicFiles.streams = (tmp, out) -> out;
    }
}
