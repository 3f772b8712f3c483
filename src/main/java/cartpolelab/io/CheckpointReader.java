package cartpolelab.io;

import cartpolelab.agent.Agent;
import cartpolelab.agent.AgentState;
import cartpolelab.agent.Algorithm;
import cartpolelab.agent.HyperparameterBuilder;
import cartpolelab.agent.Hyperparameters;
import cartpolelab.agent.NamedSettings;
import cartpolelab.agent.ParameterShape;
import cartpolelab.env.CartPoleVersion;
import cartpolelab.metrics.EpisodeHistory;
import cartpolelab.metrics.GradientVariance;
import cartpolelab.metrics.GradientVarianceHistory;
import cartpolelab.metrics.EpisodeStats;
import cartpolelab.train.RunSnapshot;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import org.ejml.data.DMatrixRMaj;

/**
 * Reads a {@link Checkpoint} file from someone else as safely as one from ourselves: it must
 * never hang, exhaust memory, crash or hand back a broken agent. Every failure is a
 * {@link CheckpointException} naming the file, the reason and what to do.
 */
final class CheckpointReader {

    private static final byte[] MAGIC = Checkpoint.MAGIC;
    private static final int FORMAT_VERSION = Checkpoint.FORMAT_VERSION;
    private static final long MAX_BYTES = Checkpoint.MAX_BYTES;
    private static final int MIN_BYTES = Checkpoint.MIN_BYTES;
    /** More named settings than any build writes: the count itself is damaged. */
    private static final int MAX_NAMED_SETTINGS = 256;

    private CheckpointReader() {
    }

    /**
     * Reads and checks a checkpoint; touches nothing live. In this order, each step before
     * reading more: a regular file (not a device, FIFO or directory: those could be endless
     * or block), the magic, a size this format can have, the checksum (streamed, so memory
     * does not grow with the file), the version, then the settings, every shape and value
     * ({@link RunSnapshot#checkValues()}) and the exact length the settings and episode count
     * imply. A version-1 file saved mid-episode by an earlier build is moved back to the start
     * of its episode in progress, like every snapshot now is.
     *
     * @throws CheckpointException naming the file, what is wrong with it and what to do
     */
    static RunSnapshot read(Path file) throws CheckpointException {
        String name = SafeText.escape(file.toString());
        if (name.isEmpty()) {
            throw new CheckpointException("the checkpoint's file name is empty (\"\"): give a "
                    + ".cplb file");
        }
        if (Files.isDirectory(file)) {
            throw new CheckpointException(name + " is a directory, not a checkpoint file: give "
                    + "a .cplb file");
        }
        if (!Files.exists(file)) {
            throw new CheckpointException(name + " does not exist: check the path");
        }
        if (!Files.isRegularFile(file)) {
            throw new CheckpointException(name + " is not a regular file (a device, FIFO or "
                    + "socket): give a checkpoint file written by train or the app");
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            byte[] head = new byte[MAGIC.length + 4];
            int got = readFully(channel, ByteBuffer.wrap(head));
            if (got < MAGIC.length || !startsWithMagic(head)) {
                throw new CheckpointException(name + " is not a CartPole Lab checkpoint (bad "
                        + "magic): give a .cplb file written by train or the app");
            }
            if (size > MAX_BYTES) {
                throw new CheckpointException(name + " is " + size + " bytes, more than a "
                        + "CartPole Lab checkpoint can be (" + MAX_BYTES + "): use another file");
            }
            if (size < MIN_BYTES) {
                throw truncated(name, null);
            }
            long stored = readLongAt(channel, size - 8);
            if (stored != crcOf(channel, size - 8)) {
                throw new CheckpointException(name + " is truncated or corrupted (checksum "
                        + "mismatch): use another checkpoint or train again");
            }
            int version = ByteBuffer.wrap(head).getInt(MAGIC.length);
            if (version < 1 || version > FORMAT_VERSION) {
                throw new CheckpointException(name + " was written by format version " + version
                        + "; this build reads versions 1 to " + FORMAT_VERSION + ": open it "
                        + "with the build that wrote it");
            }
            channel.position(MAGIC.length + 4);
            DataInputStream data = new DataInputStream(new BufferedInputStream(
                    Channels.newInputStream(channel), 1 << 16));
            return parse(name, data, size - MAGIC.length - 4 - 8, version);
        } catch (CheckpointException e) {
            throw e;
        } catch (EOFException e) {
            throw truncated(name, e);
        } catch (IOException e) {
            throw new CheckpointException("cannot read " + name + ": " + reason(e)
                    + ": check the file and its permissions", e);
        }
    }

    /** Why an I/O operation failed, without repeating the path. */
    static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    private static int readFully(FileChannel channel, ByteBuffer buffer) throws IOException {
        int total = 0;
        while (buffer.hasRemaining()) {
            int n = channel.read(buffer);
            if (n < 0) {
                break;
            }
            total += n;
        }
        return total;
    }

    private static long readLongAt(FileChannel channel, long position) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(8);
        channel.position(position);
        if (readFully(channel, b) != 8) {
            throw new EOFException();
        }
        return b.getLong(0);
    }

    /** CRC-32 of the first {@code length} bytes, streamed in 64 KiB blocks. */
    private static long crcOf(FileChannel channel, long length) throws IOException {
        CRC32 crc = new CRC32();
        ByteBuffer b = ByteBuffer.allocate(1 << 16);
        channel.position(0);
        long left = length;
        while (left > 0) {
            b.clear();
            b.limit((int) Math.min(b.capacity(), left));
            int n = channel.read(b);
            if (n < 0) {
                throw new EOFException();
            }
            b.flip();
            crc.update(b);
            left -= n;
        }
        return crc.getValue();
    }

    private static boolean startsWithMagic(byte[] bytes) {
        for (int i = 0; i < MAGIC.length; i++) {
            if (bytes[i] != MAGIC[i]) {
                return false;
            }
        }
        return true;
    }

    private static CheckpointException truncated(String name, Throwable cause) {
        return new CheckpointException(name + " is truncated or corrupted: use another "
                + "checkpoint or train again", cause);
    }

    private static CheckpointException invalid(String name, String what, Throwable cause) {
        return new CheckpointException(name + " has a valid checksum but invalid contents ("
                + what + "): it was damaged or not written by CartPole Lab; use another "
                + "checkpoint or train again", cause);
    }

    /** Parses the body: {@code length} bytes after the version, the checksum excluded. */
    private static RunSnapshot parse(String name, DataInputStream data, long length,
                                     int format) throws IOException {
        Hyperparameters hp;
        String algorithm = data.readUTF();
        String version = data.readUTF();
        long named = 0;
        try {
            // format 1 predates GAE: its A2C learned from G_t − V(s_t), which is λ = 1; the
            // named settings a file lacks keep their defaults (the meaning it was trained with)
            HyperparameterBuilder b = Hyperparameters.DEFAULTS.toBuilder()
                    .algorithm(enumNamed(Algorithm.class, algorithm, "algorithm"))
                    .version(enumNamed(CartPoleVersion.class, version, "environment version"))
                    .hiddenSize(data.readInt()).learningRate(data.readDouble())
                    .discount(data.readDouble()).entropyCoefficient(data.readDouble())
                    .maxSteps(data.readInt()).episodes(data.readInt()).nSteps(data.readInt())
                    .gaeLambda(1).seed(data.readLong());
            if (format >= 2) {
                int count = data.readInt();
                named += 4;
                if (count < 0 || count > MAX_NAMED_SETTINGS) {
                    throw new IllegalArgumentException(count + " named settings");
                }
                for (int i = 0; i < count; i++) {
                    String key = data.readUTF();
                    String value = data.readUTF();
                    named += 4 + utfLength(key) + utfLength(value);
                    NamedSettings.apply(b, key, value);
                }
            }
            hp = b.build();
        } catch (IllegalArgumentException e) {
            throw invalid(name, "settings: " + SafeText.line(e.getMessage()), e);
        }
        long totalSteps = data.readLong();
        long randomDraws = data.readLong();
        long adamStep = data.readLong();
        List<ParameterShape> shapes = Agent.parameterShapes(hp);
        long expected = 2 + utfLength(algorithm) + 2 + utfLength(version) + 4 + 3 * 8 + 3 * 4
                + 8 + 3 * 8 + 4 + 4 + named;
        for (ParameterShape shape : shapes) {
            expected += 2 + utfLength(shape.name()) + 8 + 3L * 8 * shape.rows() * shape.cols();
        }
        int count = data.readInt();
        if (count != shapes.size()) {
            throw invalid(name, count + " parameter matrices; these networks have "
                    + shapes.size(), null);
        }
        if (length < expected) {
            throw truncated(name, null);
        }
        List<DMatrixRMaj> params = new ArrayList<>();
        List<DMatrixRMaj> first = new ArrayList<>();
        List<DMatrixRMaj> second = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String pname = data.readUTF();
            int rows = data.readInt();
            int cols = data.readInt();
            ParameterShape want = shapes.get(i);
            if (!pname.equals(want.name()) || rows != want.rows() || cols != want.cols()) {
                throw invalid(name, "parameter " + SafeText.value(pname) + " is " + rows + "x"
                        + cols + ", but " + want.name() + " of these networks is " + want.rows() + "x"
                        + want.cols(), null);
            }
            params.add(readValues(data, rows, cols));
            first.add(readValues(data, rows, cols));
            second.add(readValues(data, rows, cols));
        }
        int n = data.readInt();
        long historyEnd = expected + (long) n * Checkpoint.episodeBytes(format);
        if (n < 0 || n > hp.episodes() || (format < 3 ? length != historyEnd
                : length < historyEnd + 4)) {
            throw invalid(name, n + " episodes in " + length + " bytes (budget "
                    + hp.episodes() + ")", null);
        }
        EpisodeHistory history = new EpisodeHistory();
        for (int i = 0; i < n; i++) {
            EpisodeStats s = new EpisodeStats(i + 1, data.readDouble(), data.readInt(),
                    data.readDouble(), data.readDouble(), data.readDouble(), data.readDouble(),
                    data.readLong(), data.readDouble(), data.readDouble());
            history.add(format < 4 ? s : s.withPpo(data.readDouble(), data.readDouble()));
        }
        GradientVarianceHistory measured = new GradientVarianceHistory();
        if (format >= 3) { // the gradient-variance measurements follow
            int m = data.readInt();
            if (m < 0 || m > n || length != historyEnd + 4 + (long) m
                    * Checkpoint.MEASUREMENT_BYTES) {
                throw invalid(name, m + " gradient-variance measurements after " + n
                        + " episodes in " + length + " bytes", null);
            }
            try {
                for (int i = 0; i < m; i++) {
                    GradientVariance g = new GradientVariance(data.readInt(), data.readLong(),
                            data.readDouble(), data.readDouble(), data.readDouble(),
                            data.readDouble(), data.readInt());
                    if (g.episode() < 1 || g.episode() > n || g.update() < 0 || g.samples() < 2
                            || !(g.reinforce() >= 0 && g.baseline() >= 0 && g.td() >= 0
                            && g.learner() >= 0) || !Double.isFinite(g.reinforce()
                            + g.baseline() + g.td() + g.learner())) {
                        throw new IllegalArgumentException("gradient-variance measurement "
                                + (i + 1) + " is out of range: " + g);
                    }
                    measured.add(g);
                }
            } catch (IllegalArgumentException e) {
                throw invalid(name, e.getMessage(), null);
            }
        }
        try {
            RunSnapshot snapshot = atEpisodeStart(new RunSnapshot(hp,
                    new AgentState(params, first, second, adamStep), totalSteps, randomDraws,
                    history.view(), 0, measured));
            snapshot.checkValues();
            return snapshot;
        } catch (IllegalArgumentException e) {
            throw invalid(name, e.getMessage(), e);
        }
    }

    /**
     * Earlier builds saved the position mid-episode (steps and draws of the partial episode
     * included, 4 draws for its reset): recognised exactly and moved back to the episode's
     * start, with {@link RunSnapshot#replayedSteps()} saying how much that replays. Anything
     * else is left for {@link RunSnapshot#checkPosition()} to refuse.
     */
    private static RunSnapshot atEpisodeStart(RunSnapshot s) {
        int n = s.episodes();
        long start = n == 0 ? 0 : s.history().get(n - 1).totalSteps();
        long partial = s.totalSteps() - start;
        if (partial >= 0 && partial < s.hyperparameters().episodeStepLimit()
                && s.randomDraws() == s.totalSteps() + RunSnapshot.DRAWS_PER_RESET * (n + 1L)) {
            return new RunSnapshot(s.hyperparameters(), s.agent(), start,
                    start + (long) RunSnapshot.DRAWS_PER_RESET * n, s.history(), (int) partial,
                    s.gradientVariance());
        }
        return s;
    }

    private static <E extends Enum<E>> E enumNamed(Class<E> type, String text, String what) {
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(text)) {
                return e;
            }
        }
        throw new IllegalArgumentException("unknown " + what + " '" + SafeText.value(text) + "'");
    }

    private static long utfLength(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    private static DMatrixRMaj readValues(DataInputStream data, int rows, int cols)
            throws IOException {
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < m.data.length; i++) {
            m.data[i] = data.readDouble();
        }
        return m;
    }
}
