package cartpolelab.io;

import cartpolelab.agent.Agent;
import cartpolelab.agent.AgentState;
import cartpolelab.agent.Algorithm;
import cartpolelab.agent.Hyperparameters;
import cartpolelab.agent.ParameterShape;
import cartpolelab.env.CartPoleVersion;
import cartpolelab.metrics.EpisodeHistory;
import cartpolelab.metrics.EpisodeStats;
import cartpolelab.train.RunSnapshot;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import org.ejml.data.DMatrixRMaj;

/**
 * A {@link RunSnapshot} on disk: settings, networks, Adam's state, the episode history and the
 * position of the random stream, everything needed to continue the run.
 *
 * <p>File format, version {@value #FORMAT_VERSION}, big-endian ({@link DataOutputStream}):
 * <pre>
 *   "CPLB"                       magic, 4 bytes
 *   int     format version       1
 *   UTF     algorithm, version   enum names (A2C, V0, ...)
 *   int     hidden size;  double learning rate, discount, entropy coefficient
 *   int     max steps, episodes, n-steps;  long seed
 *   long    total steps, random draws, Adam step t
 *   int     parameter count P; P times:
 *             UTF name, int rows, int cols, rows·cols doubles of the parameter,
 *             then of Adam's first moment, then of its second moment
 *   int     episodes N; N times: reward, length (int), moving average, actor loss,
 *             critic loss, entropy, total steps (long), wall seconds, steps per second
 *   long    CRC-32 of every byte before it
 * </pre>
 * Loading reads the whole file, checks magic, version and checksum, then parses and checks the
 * settings and every shape against {@link Agent#parameterShapes} of those settings, all before
 * anything live is touched. Files are written with {@link AtomicFiles}.
 */
public final class Checkpoint {

    public static final int FORMAT_VERSION = 1;
    /** Conventional file extension. */
    public static final String EXTENSION = ".cplb";
    private static final byte[] MAGIC = "CPLB".getBytes(StandardCharsets.US_ASCII);
    private static final long MAX_BYTES = 1L << 30;

    private Checkpoint() {
    }

    // ------------------------------------------------------------------ writing

    /** Writes {@code snapshot} to {@code file} atomically. */
    public static void write(Path file, RunSnapshot snapshot) throws IOException {
        Hyperparameters hp = snapshot.hyperparameters();
        AgentState agent = snapshot.agent();
        List<String> names = Agent.parameterShapes(hp).stream().map(ParameterShape::name)
                .toList();
        EpisodeHistory history = snapshot.history();
        AtomicFiles.write(file, out -> {
            CRC32 crc = new CRC32();
            DataOutputStream data = new DataOutputStream(
                    new java.util.zip.CheckedOutputStream(out, crc));
            data.write(MAGIC);
            data.writeInt(FORMAT_VERSION);
            data.writeUTF(hp.algorithm().name());
            data.writeUTF(hp.version().name());
            data.writeInt(hp.hiddenSize());
            data.writeDouble(hp.learningRate());
            data.writeDouble(hp.discount());
            data.writeDouble(hp.entropyCoefficient());
            data.writeInt(hp.maxSteps());
            data.writeInt(hp.episodes());
            data.writeInt(hp.nSteps());
            data.writeLong(hp.seed());
            data.writeLong(snapshot.totalSteps());
            data.writeLong(snapshot.randomDraws());
            data.writeLong(agent.adamStep());
            data.writeInt(names.size());
            for (int i = 0; i < names.size(); i++) {
                DMatrixRMaj p = agent.parameters().get(i);
                data.writeUTF(names.get(i));
                data.writeInt(p.numRows);
                data.writeInt(p.numCols);
                writeValues(data, p);
                writeValues(data, agent.firstMoments().get(i));
                writeValues(data, agent.secondMoments().get(i));
            }
            int n = history.size();
            data.writeInt(n);
            for (int i = 0; i < n; i++) {
                EpisodeStats s = history.get(i);
                data.writeDouble(s.reward());
                data.writeInt(s.length());
                data.writeDouble(s.movingAverage());
                data.writeDouble(s.actorLoss());
                data.writeDouble(s.criticLoss());
                data.writeDouble(s.entropy());
                data.writeLong(s.totalSteps());
                data.writeDouble(s.wallSeconds());
                data.writeDouble(s.stepsPerSecond());
            }
            data.flush();
            new DataOutputStream(out).writeLong(crc.getValue());
        });
    }

    private static void writeValues(DataOutputStream data, DMatrixRMaj m) throws IOException {
        int n = m.getNumElements();
        for (int i = 0; i < n; i++) {
            data.writeDouble(m.data[i]);
        }
    }

    // ------------------------------------------------------------------ reading

    /**
     * Reads and checks a checkpoint; touches nothing live.
     *
     * @throws CheckpointException naming the file, what is wrong with it and what to do
     */
    public static RunSnapshot read(Path file) throws CheckpointException {
        String name = file.toString();
        byte[] bytes;
        try {
            if (Files.isDirectory(file)) {
                throw new CheckpointException(name + " is a directory, not a checkpoint file");
            }
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw new CheckpointException(name + " is " + size + " bytes, too large to be a "
                        + "CartPole Lab checkpoint");
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new CheckpointException(name + " does not exist: check the path", e);
        } catch (CheckpointException e) {
            throw e;
        } catch (IOException e) {
            throw new CheckpointException("cannot read " + name + ": " + e.getMessage(), e);
        }
        if (bytes.length < MAGIC.length + 4 || !startsWithMagic(bytes)) {
            throw new CheckpointException(name + " is not a CartPole Lab checkpoint (bad magic)");
        }
        DataInputStream data = new DataInputStream(new ByteArrayInputStream(bytes));
        try {
            data.skipNBytes(MAGIC.length);
            int version = data.readInt();
            if (version != FORMAT_VERSION) {
                throw new CheckpointException(name + " was written by format version " + version
                        + "; this build reads version " + FORMAT_VERSION);
            }
            if (bytes.length < MAGIC.length + 4 + 8) {
                throw truncated(name, null);
            }
            CRC32 crc = new CRC32();
            crc.update(bytes, 0, bytes.length - 8);
            long stored = java.nio.ByteBuffer.wrap(bytes, bytes.length - 8, 8).getLong();
            if (stored != crc.getValue()) {
                throw new CheckpointException(name + " is truncated or corrupted (checksum "
                        + "mismatch): use another checkpoint or train again");
            }
            return parse(name, data, bytes.length);
        } catch (EOFException e) {
            throw truncated(name, e);
        } catch (IOException e) {
            throw new CheckpointException("cannot read " + name + ": " + e.getMessage(), e);
        }
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

    private static RunSnapshot parse(String name, DataInputStream data, int length)
            throws IOException {
        Hyperparameters hp;
        try {
            hp = new Hyperparameters(Algorithm.valueOf(data.readUTF()),
                    CartPoleVersion.valueOf(data.readUTF()), data.readInt(), data.readDouble(),
                    data.readDouble(), data.readDouble(), data.readInt(), data.readInt(),
                    data.readInt(), data.readLong());
        } catch (IllegalArgumentException e) {
            throw new CheckpointException(name + " holds invalid settings (" + e.getMessage()
                    + "): it was not written by this build", e);
        }
        long totalSteps = data.readLong();
        long randomDraws = data.readLong();
        long adamStep = data.readLong();
        if (totalSteps < 0 || randomDraws < 0 || adamStep < 0) {
            throw truncated(name, null);
        }
        List<ParameterShape> shapes = Agent.parameterShapes(hp);
        int count = data.readInt();
        if (count != shapes.size()) {
            throw new CheckpointException(name + " holds " + count + " parameter matrices; "
                    + "these networks have " + shapes.size());
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
                throw new CheckpointException(name + ": parameter " + pname + " is " + rows
                        + "x" + cols + ", but " + want.name() + " of these networks is "
                        + want.rows() + "x" + want.cols());
            }
            params.add(readValues(data, rows, cols));
            first.add(readValues(data, rows, cols));
            second.add(readValues(data, rows, cols));
        }
        int n = data.readInt();
        if (n < 0 || (long) n * 68 > length) {
            throw truncated(name, null);
        }
        EpisodeHistory history = new EpisodeHistory();
        for (int i = 0; i < n; i++) {
            history.add(new EpisodeStats(i + 1, data.readDouble(), data.readInt(),
                    data.readDouble(), data.readDouble(), data.readDouble(), data.readDouble(),
                    data.readLong(), data.readDouble(), data.readDouble()));
        }
        if (data.available() != 8) {
            throw truncated(name, null);
        }
        return new RunSnapshot(hp, new AgentState(params, first, second, adamStep), totalSteps,
                randomDraws, history);
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
