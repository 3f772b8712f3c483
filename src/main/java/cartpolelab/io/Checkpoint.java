package cartpolelab.io;

import cartpolelab.agent.Agent;
import cartpolelab.agent.AgentState;
import cartpolelab.agent.Hyperparameters;
import cartpolelab.agent.NamedSettings;
import cartpolelab.agent.ParameterShape;
import cartpolelab.metrics.EpisodeHistory;
import cartpolelab.metrics.GradientVariance;
import cartpolelab.metrics.GradientVarianceHistory;
import cartpolelab.metrics.EpisodeStats;
import cartpolelab.train.RunSnapshot;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.CheckedOutputStream;
import org.ejml.data.DMatrixRMaj;

/**
 * A {@link RunSnapshot} on disk: settings, networks, Adam's state, the episode history and the
 * position of the random stream, everything needed to continue the run.
 *
 * <p>File format, version {@value #FORMAT_VERSION}, big-endian ({@link DataOutputStream}):
 * <pre>
 *   "CPLB"                       magic, 4 bytes
 *   int     format version       4 (1, 2 and 3 are still read)
 *   UTF     algorithm, version   enum names (A2C, V0, ...)
 *   int     hidden size;  double learning rate, discount, entropy coefficient
 *   int     max steps, episodes, n-steps;  long seed
 *   int     named settings K (format 2 on); K times: UTF key, UTF value (Java's shortest
 *             round-tripping decimal for numbers). Keys: {@link cartpolelab.agent.NamedSettings}
 *             (gaeLambda, hiddenLayers, activation, …); a key a file lacks keeps its default, so
 *             format 1 loads as gaeLambda = 1, the advantage it was trained with.
 *   long    total steps, random draws, Adam step t
 *   int     parameter count P; P times:
 *             UTF name, int rows, int cols, rows·cols doubles of the parameter,
 *             then of Adam's first moment, then of its second moment
 *   int     episodes N; N times: reward, length (int), moving average, actor loss,
 *             critic loss, entropy, total steps (long), wall seconds, steps per second,
 *             then (format 4) PPO's approx_kl and clip fraction (NaN when the episode has none)
 *   int     gradient-variance measurements M ≥ 0 (format 3); M times: episode (int), update
 *             (long), variance of REINFORCE, baseline, TD and the learner's (doubles),
 *             samples (int)
 *   long    CRC-32 of every byte before it
 * </pre>
 * Format 3 has no PPO measures in its episodes, format 2 no measurements either, format 1 no
 * named settings either: all are read (their episodes have no PPO measures, NaN).
 * Loading ({@link CheckpointReader}) checks the kind of file, magic, size, checksum and version
 * before parsing, then the settings, every shape against {@link Agent#parameterShapes}, every
 * value and the exact length, all before anything live is touched. Files are written with
 * {@link AtomicFiles}.
 */
public final class Checkpoint {

    public static final int FORMAT_VERSION = 4;
    /** Bytes of one gradient-variance measurement (format 3). */
    static final int MEASUREMENT_BYTES = 4 + 8 + 4 * 8 + 4;
    /** Conventional file extension. */
    public static final String EXTENSION = ".cplb";
    static final byte[] MAGIC = "CPLB".getBytes(StandardCharsets.US_ASCII);
    /** Bytes of one episode of the history in formats 1 to 3; format 4 adds PPO's two. */
    static final int EPISODE_BYTES = 8 + 4 + 8 * 4 + 8 + 8 * 2;

    /** Bytes of one episode of the history in {@code format}. */
    static int episodeBytes(int format) {
        return format >= 4 ? EPISODE_BYTES + 2 * 8 : EPISODE_BYTES;
    }
    /** Magic, version and checksum: nothing shorter can be a checkpoint. */
    static final int MIN_BYTES = 4 + 4 + 8;
    /** Largest networks and the largest episode budget, with room to spare. */
    static final long MAX_BYTES = 1L << 30;

    private Checkpoint() {
    }

    // ------------------------------------------------------------------ writing

    /** Writes {@code snapshot} to {@code file} atomically. */
    public static void write(Path file, RunSnapshot snapshot) throws IOException {
        AtomicFiles.write(file, out -> writeTo(out, snapshot, true));
    }

    /**
     * The checkpoint's bytes without its episode history (N = 0): what the run library stores,
     * since it holds the episodes already, so a periodic checkpoint costs the networks' size,
     * not the run's length. {@link #joinHistory} makes a whole checkpoint of it again.
     */
    public static byte[] bytesWithoutHistory(RunSnapshot snapshot) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            writeTo(bytes, snapshot, false);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array does not fail
        }
        return bytes.toByteArray();
    }

    /**
     * A whole checkpoint from {@link #bytesWithoutHistory} and the run's first episodes
     * (exactly the episodes finished when the snapshot was taken), with a new checksum.
     *
     * @throws IllegalArgumentException if {@code headless} is not such bytes
     */
    public static byte[] joinHistory(byte[] headless, EpisodeHistory history) {
        return joinHistory(headless, history, new GradientVarianceHistory());
    }

    /** {@link #joinHistory(byte[], EpisodeHistory)} with the run's measurements by then. */
    public static byte[] joinHistory(byte[] headless, EpisodeHistory history,
                                     GradientVarianceHistory measured) {
        // the headless bytes end in N = 0 episodes, M = 0 measurements and the checksum
        int prefix = headless.length - 4 - 4 - 8;
        if (prefix < MIN_BYTES || headless[0] != MAGIC[0] || headless[1] != MAGIC[1]
                || headless[2] != MAGIC[2] || headless[3] != MAGIC[3]
                || ByteBuffer.wrap(headless, prefix, 4).getInt() != 0
                || ByteBuffer.wrap(headless, prefix + 4, 4).getInt() != 0) {
            throw new IllegalArgumentException("not a checkpoint without its history");
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(
                prefix + 12 + history.size() * EPISODE_BYTES);
        // the episodes in the format the headless bytes were written in (a library of an
        // earlier build holds format 3)
        int format = ByteBuffer.wrap(headless, MAGIC.length, 4).getInt();
        try {
            CRC32 crc = new CRC32();
            DataOutputStream data = new DataOutputStream(
                    new CheckedOutputStream(bytes, crc));
            data.write(headless, 0, prefix);
            writeHistory(data, history, format);
            writeMeasurements(data, measured);
            data.flush();
            new DataOutputStream(bytes).writeLong(crc.getValue());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void writeTo(OutputStream out, RunSnapshot snapshot,
                                boolean withHistory) throws IOException {
        Hyperparameters hp = snapshot.hyperparameters();
        AgentState agent = snapshot.agent();
        List<String> names = Agent.parameterShapes(hp).stream().map(ParameterShape::name)
                .toList();
        CRC32 crc = new CRC32();
        DataOutputStream data = new DataOutputStream(
                new CheckedOutputStream(out, crc));
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
        // settings added after format 1, by name: (key, value) pairs
        Map<String, String> named = NamedSettings.of(hp);
        data.writeInt(named.size());
        for (Map.Entry<String, String> e : named.entrySet()) {
            data.writeUTF(e.getKey());
            data.writeUTF(e.getValue());
        }
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
        if (withHistory) {
            writeHistory(data, snapshot.history(), FORMAT_VERSION);
            writeMeasurements(data, snapshot.gradientVariance());
        } else {
            data.writeInt(0);
            data.writeInt(0);
        }
        data.flush();
        new DataOutputStream(out).writeLong(crc.getValue());
    }

    private static void writeHistory(DataOutputStream data, EpisodeHistory history,
                                     int format) throws IOException {
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
            if (format >= 4) {
                data.writeDouble(s.approxKl());
                data.writeDouble(s.clipFraction());
            }
        }
    }

    private static void writeMeasurements(DataOutputStream data, GradientVarianceHistory measured)
            throws IOException {
        data.writeInt(measured.size());
        for (int i = 0; i < measured.size(); i++) {
            GradientVariance g = measured.get(i);
            data.writeInt(g.episode());
            data.writeLong(g.update());
            data.writeDouble(g.reinforce());
            data.writeDouble(g.baseline());
            data.writeDouble(g.td());
            data.writeDouble(g.learner());
            data.writeInt(g.samples());
        }
    }

    private static void writeValues(DataOutputStream data, DMatrixRMaj m) throws IOException {
        int n = m.getNumElements();
        for (int i = 0; i < n; i++) {
            data.writeDouble(m.data[i]);
        }
    }

    // ------------------------------------------------------------------ reading

    /**
     * Reads and checks a checkpoint; touches nothing live. See {@link CheckpointReader} for
     * the order of the checks: nothing is read whole before the magic, the size and the
     * checksum are right, and every value is checked before it is returned.
     *
     * @throws CheckpointException naming the file, what is wrong with it and what to do
     */
    public static RunSnapshot read(Path file) throws CheckpointException {
        return CheckpointReader.read(file);
    }
}
