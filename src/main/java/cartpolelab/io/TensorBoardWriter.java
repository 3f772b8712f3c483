package cartpolelab.io;

import cartpolelab.agent.Hyperparameters;
import cartpolelab.io.tensorboard.DataClass;
import cartpolelab.io.tensorboard.DataType;
import cartpolelab.io.tensorboard.Event;
import cartpolelab.io.tensorboard.Summary;
import cartpolelab.io.tensorboard.SummaryMetadata;
import cartpolelab.io.tensorboard.TensorProto;
import cartpolelab.io.tensorboard.TensorShapeProto;
import cartpolelab.metrics.EpisodeHistory;
import cartpolelab.metrics.EpisodeStats;
import cartpolelab.metrics.GradientVariance;
import cartpolelab.metrics.GradientVarianceHistory;
import com.google.protobuf.ByteString;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/**
 * One run's TensorBoard events file ({@code events.out.tfevents.<seconds>.cartpole-lab} in a
 * directory of its own), fed the rows of a run's history as they appear.
 *
 * <p>What it holds: the run's settings as text (tag {@code settings}, TensorBoard's TEXT tab);
 * then, for every episode, each metric of {@link EpisodeStats#COLUMNS} but the episode number
 * as a scalar under its CSV name ({@code episode/reward}, {@code loss/actor}, ...), the step
 * being the episode number, and {@link EpisodeStats#PPO_COLUMNS} on PPO's episodes in which an
 * update finished; the reward and its moving average a second time over environment
 * steps ({@code steps/episode/reward}, {@code steps/episode/reward_ma50}, the step being
 * {@code perf/total_steps}); and each gradient-variance measurement under
 * {@link MetricsCsv#GRADIENT_VARIANCE_COLUMNS} at its episode. Scalars are float32, as
 * TensorBoard keeps them. An event's wall time is the run's start plus the episode's
 * {@code perf/wall_seconds}.
 *
 * <p>{@link #append} writes the rows that are new since the last call and may be called while
 * the run trains (it only reads below the histories' published sizes); one thread at a time.
 * Records go through a buffer: {@link #flush} puts them on disk, where TensorBoard sees them.
 */
public final class TensorBoardWriter implements AutoCloseable {

    /** The tags over environment steps and the metrics they repeat. */
    public static final String STEPS_PREFIX = "steps/";
    private static final String[] OVER_STEPS = {"episode/reward", "episode/reward_ma50"};

    private final Path file;
    private final OutputStream out;
    private final double startEpochSeconds;
    private int episodesWritten;
    private int measurementsWritten;

    private TensorBoardWriter(Path file, OutputStream out, double startEpochSeconds) {
        this.file = file;
        this.out = out;
        this.startEpochSeconds = startEpochSeconds;
    }

    /**
     * Creates {@code dir} if needed and a new events file in it, starting with the file version
     * and {@code settings} as text.
     *
     * @param startEpochSeconds the run's start (seconds since 1970): episode wall times count
     *                          from it
     * @throws IOException naming the directory when it cannot be created or written
     */
    public static TensorBoardWriter create(Path dir, String settings, double startEpochSeconds)
            throws IOException {
        try {
            Files.createDirectories(dir);
        } catch (FileAlreadyExistsException e) {
            throw new IOException("cannot write TensorBoard logs to " + dir + ": it is a file, "
                    + "not a directory; choose a directory");
        } catch (IOException e) {
            throw new IOException("cannot write TensorBoard logs to " + dir + ": "
                    + reason(e) + "; choose a writable directory");
        }
        long seconds = (long) startEpochSeconds;
        OutputStream o = null;
        Path f = null;
        for (int i = 0; o == null; i++) {
            f = dir.resolve(String.format(Locale.ROOT, "events.out.tfevents.%d%s.cartpole-lab",
                    seconds, i == 0 ? "" : "." + i));
            try {
                o = new BufferedOutputStream(Files.newOutputStream(f,
                        StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), 1 << 16);
            } catch (FileAlreadyExistsException e) {
                if (i > 1000) {
                    throw new IOException("cannot write TensorBoard logs to " + dir
                            + ": too many event files of this second there");
                }
            } catch (IOException e) {
                throw new IOException("cannot write TensorBoard logs to " + dir + ": "
                        + reason(e) + "; choose a writable directory");
            }
        }
        TensorBoardWriter w = new TensorBoardWriter(f, o, startEpochSeconds);
        w.write(Event.newBuilder().setWallTime(startEpochSeconds).setStep(0)
                .setFileVersion("brain.Event:2").build());
        w.write(Event.newBuilder().setWallTime(startEpochSeconds).setStep(0)
                .setSummary(Summary.newBuilder().addValue(text("settings", settings))).build());
        return w;
    }

    /** The events file being written. */
    public Path file() {
        return file;
    }

    /** Episodes written so far. */
    public int episodesWritten() {
        return episodesWritten;
    }

    /**
     * Writes the episodes of {@code history} and the measurements of {@code gradientVariance}
     * (may be null) that are new since the last call.
     */
    public void append(EpisodeHistory history, GradientVarianceHistory gradientVariance)
            throws IOException {
        int n = history.size();
        int m = gradientVariance == null ? 0 : gradientVariance.size();
        for (int i = episodesWritten; i < n; i++) {
            EpisodeStats s = history.get(i);
            double wall = startEpochSeconds + s.wallSeconds();
            double[] values = {s.reward(), s.length(), s.movingAverage(), s.actorLoss(),
                s.criticLoss(), s.entropy(), s.totalSteps(), s.wallSeconds(),
                s.stepsPerSecond()};
            Summary.Builder sum = Summary.newBuilder();
            for (int c = 1; c < EpisodeStats.COLUMNS.length; c++) {
                sum.addValue(scalar(EpisodeStats.COLUMNS[c], values[c - 1]));
            }
            if (s.hasPpo()) { // only PPO's episodes in which an update finished
                sum.addValue(scalar(EpisodeStats.PPO_COLUMNS[0], s.approxKl()))
                        .addValue(scalar(EpisodeStats.PPO_COLUMNS[1], s.clipFraction()));
            }
            write(Event.newBuilder().setWallTime(wall).setStep(s.episode()).setSummary(sum)
                    .build());
            Summary.Builder steps = Summary.newBuilder()
                    .addValue(scalar(STEPS_PREFIX + OVER_STEPS[0], s.reward()))
                    .addValue(scalar(STEPS_PREFIX + OVER_STEPS[1], s.movingAverage()));
            write(Event.newBuilder().setWallTime(wall).setStep(s.totalSteps()).setSummary(steps)
                    .build());
            episodesWritten = i + 1;
            // a measurement belongs after its episode, which is now written
            while (measurementsWritten < m
                    && gradientVariance.episode(measurementsWritten) <= episodesWritten) {
                GradientVariance g = gradientVariance.get(measurementsWritten++);
                String[] names = MetricsCsv.GRADIENT_VARIANCE_COLUMNS;
                write(Event.newBuilder().setWallTime(wall).setStep(g.episode())
                        .setSummary(Summary.newBuilder()
                                .addValue(scalar(names[0], g.reinforce()))
                                .addValue(scalar(names[1], g.baseline()))
                                .addValue(scalar(names[2], g.td()))
                                .addValue(scalar(names[3], g.learner())))
                        .build());
            }
        }
    }

    /** Puts what was written on disk, for TensorBoard to read. */
    public void flush() throws IOException {
        try {
            out.flush();
        } catch (IOException e) {
            throw failed(e);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            out.close();
        } catch (IOException e) {
            throw failed(e);
        }
    }

    /** The settings of a run as a Markdown table, for the TEXT tab. */
    public static String settingsText(Hyperparameters hp) {
        StringBuilder b = new StringBuilder("| setting | value |\n| --- | --- |\n");
        row(b, "algorithm", hp.algorithm().displayName());
        row(b, "version", hp.version().id());
        row(b, "hidden", Integer.toString(hp.hiddenSize()));
        row(b, "lr", Double.toString(hp.learningRate()));
        row(b, "gamma", Double.toString(hp.discount()));
        row(b, "entropy-coef", Double.toString(hp.entropyCoefficient()));
        row(b, "max-steps", Integer.toString(hp.maxSteps()));
        row(b, "episodes", Integer.toString(hp.episodes()));
        row(b, "n-steps", Integer.toString(hp.nSteps()));
        row(b, "seed", Long.toString(hp.seed()));
        return b.toString();
    }

    private static void row(StringBuilder b, String name, String value) {
        b.append("| ").append(name).append(" | ").append(value).append(" |\n");
    }

    private void write(Event e) throws IOException {
        try {
            TfRecords.write(out, e.toByteArray());
        } catch (IOException x) {
            throw failed(x);
        }
    }

    private IOException failed(IOException e) {
        return new IOException("cannot write TensorBoard log " + file + ": "
                + reason(e) + " (disk full?)", e);
    }

    private static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such directory";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static Summary.Value scalar(String tag, double value) {
        return Summary.Value.newBuilder().setTag(tag).setSimpleValue((float) value).build();
    }

    /** A rank-0 string tensor for TensorBoard's text plugin. */
    private static Summary.Value text(String tag, String text) {
        SummaryMetadata meta = SummaryMetadata.newBuilder()
                .setPluginData(SummaryMetadata.PluginData.newBuilder().setPluginName("text"))
                .setDataClass(DataClass.DATA_CLASS_TENSOR).build();
        TensorProto t = TensorProto.newBuilder().setDtype(DataType.DT_STRING)
                .setTensorShape(TensorShapeProto.getDefaultInstance())
                .addStringVal(ByteString.copyFrom(text, StandardCharsets.UTF_8)).build();
        return Summary.Value.newBuilder().setTag(tag).setMetadata(meta).setTensor(t).build();
    }
}
