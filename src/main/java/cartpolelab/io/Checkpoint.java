package cartpolelab.io;

import cartpolelab.agent.Agent;
import cartpolelab.agent.AgentState;
import cartpolelab.agent.Hyperparameters;
import cartpolelab.agent.ParameterShape;
import cartpolelab.metrics.EpisodeHistory;
import cartpolelab.metrics.EpisodeStats;
import cartpolelab.train.RunSnapshot;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
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
 *   int     format version       2 (1 is still read)
 *   UTF     algorithm, version   enum names (A2C, V0, ...)
 *   int     hidden size;  double learning rate, discount, entropy coefficient
 *   int     max steps, episodes, n-steps;  long seed
 *   int     named settings K (format 2); K times: UTF key, UTF value (Java's shortest
 *             round-tripping decimal for numbers). Keys: {@link cartpolelab.agent.NamedSettings} (gaeLambda,
 *             hiddenLayers, activation, …); a key a file lacks keeps its default, so format 1
 *             and earlier format-2 files load with the meaning they were trained with.
 *   long    total steps, random draws, Adam step t
 *   int     parameter count P; P times:
 *             UTF name, int rows, int cols, rows·cols doubles of the parameter,
 *             then of Adam's first moment, then of its second moment
 *   int     episodes N; N times: reward, length (int), moving average, actor loss,
 *             critic loss, entropy, total steps (long), wall seconds, steps per second
 *   long    CRC-32 of every byte before it
 * </pre>
 * Loading ({@link CheckpointReader}) checks the kind of file, magic, size, checksum and version
 * before parsing, then the settings, every shape against {@link Agent#parameterShapes}, every
 * value and the exact length, all before anything live is touched. Files are written with
 * {@link AtomicFiles}.
 */
public final class Checkpoint {

    public static final int FORMAT_VERSION = 2;
    /** Conventional file extension. */
    public static final String EXTENSION = ".cplb";
    static final byte[] MAGIC = "CPLB".getBytes(StandardCharsets.US_ASCII);
    /** Bytes of one episode of the history. */
    static final int EPISODE_BYTES = 8 + 4 + 8 * 4 + 8 + 8 * 2;
    /** Magic, version and checksum: nothing shorter can be a checkpoint. */
    static final int MIN_BYTES = 4 + 4 + 8;
    /** Largest networks and the largest episode budget, with room to spare. */
    static final long MAX_BYTES = 1L << 30;

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
            // settings added after format 1, by name: (key, value) pairs
            java.util.Map<String, String> named = cartpolelab.agent.NamedSettings.of(hp);
            data.writeInt(named.size());
            for (java.util.Map.Entry<String, String> e : named.entrySet()) {
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
