package cartpolelab.cli;

import cartpolelab.agent.Algorithm;
import cartpolelab.agent.Hyperparameters;
import cartpolelab.agent.Setting;
import cartpolelab.env.CartPoleVersion;
import cartpolelab.io.ExperimentCsv;
import cartpolelab.library.LibraryException;
import cartpolelab.library.LibraryReader;
import cartpolelab.library.RunLibrary;
import cartpolelab.library.StoredRun;
import cartpolelab.results.ExperimentResults;
import cartpolelab.results.RunResult;
import cartpolelab.results.SweptValue;
import cartpolelab.train.Cell;
import cartpolelab.train.Sweep;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What {@code merge} merges: shard libraries (each one's newest experiment) and tidy CSVs,
 * read into the same runs. Shards whose settings differ are refused, naming the setting and
 * both values (libraries record every setting; a tidy CSV records only algorithm, seed and the
 * swept value), and the cells of the grid no shard holds are named.
 */
final class MergeInputs {

    private static final byte[] SQLITE_MAGIC = "SQLite format 3\0"
            .getBytes(StandardCharsets.US_ASCII);

    /** The runs, their swept setting and (from libraries) the version they trained. */
    record Merged(List<RunResult> runs, String sweepName, CartPoleVersion version,
                  List<String> missingCells) {
    }

    private MergeInputs() {
    }

    static boolean isLibrary(Path f) throws IOException {
        try (InputStream in = Files.newInputStream(f)) {
            return Arrays.equals(in.readNBytes(SQLITE_MAGIC.length), SQLITE_MAGIC);
        }
    }

    static Merged read(List<Path> files) throws IOException {
        List<Path> csvs = new ArrayList<>();
        List<RunResult> runs = new ArrayList<>();
        String sweepName = null;
        boolean sweepKnown = false;
        CartPoleVersion version = null;
        Hyperparameters reference = null;
        Path referenceFile = null;
        Set<String> grid = new LinkedHashSet<>();
        for (Path f : files) {
            if (!isLibrary(f)) {
                csvs.add(f);
                continue;
            }
            try (RunLibrary library = RunLibrary.open(f)) {
                LibraryReader reader = library.reader();
                List<StoredRun> all = reader.runs();
                Long newest = all.stream().map(StoredRun::experimentId).filter(Objects::nonNull)
                        .max(Long::compare).orElseThrow(() -> new Cli.UserError(f + " holds no "
                                + "experiment: give the libraries that compare --shard wrote"));
                LibraryReader.Experiment e = reader.experiment(newest);
                if (sweepKnown && !Objects.equals(sweepName, e.sweepName())) {
                    throw new Cli.UserError(f + " swept " + orNone(e.sweepName()) + ", "
                            + referenceFile + " " + orNone(sweepName) + ": merge only the shards "
                            + "of one experiment");
                }
                sweepName = e.sweepName();
                sweepKnown = true;
                grid.addAll(cells(e));
                for (StoredRun r : reader.runsOf(newest)) {
                    Hyperparameters hp = r.hyperparameters();
                    if (reference == null) {
                        reference = hp;
                        referenceFile = f;
                    } else {
                        String diff = difference(reference, hp, sweepName);
                        if (diff != null) {
                            throw new Cli.UserError("the shards' settings differ: " + diff
                                    .replace("%A", referenceFile.toString())
                                    .replace("%B", f.toString()) + "; merge only the shards of "
                                    + "one experiment");
                        }
                    }
                    version = hp.version();
                    SweptValue swept = sweepName == null ? null
                            : new SweptValue(sweepName, r.sweepValue(), text(e, r.sweepValue()));
                    runs.add(RunResult.of(r.cell() != null ? r.cell() : "run" + r.id(),
                            hp.algorithm(), hp.seed(), swept, hp,
                            reader.history(r.id()).episodes(), null));
                }
            } catch (LibraryException e) {
                throw new Cli.UserError(e.getMessage());
            }
        }
        if (!csvs.isEmpty()) {
            ExperimentCsv.Runs read = ExperimentCsv.read(csvs);
            if (sweepKnown && !Objects.equals(sweepName, read.sweepName())) {
                throw new Cli.UserError(csvs.get(0) + " swept " + orNone(read.sweepName()) + ", "
                        + referenceFile + " " + orNone(sweepName) + ": merge only the shards of "
                        + "one experiment");
            }
            sweepName = read.sweepName();
            runs.addAll(read.runs());
            // a CSV does not record its grid: the one its runs span
            Set<String> algorithms = new LinkedHashSet<>();
            Set<String> values = new LinkedHashSet<>();
            Set<Long> seeds = new LinkedHashSet<>();
            for (RunResult r : read.runs()) {
                algorithms.add(r.algorithmName());
                values.add(r.sweepText());
                seeds.add(r.seed());
            }
            for (String a : algorithms) {
                for (String v : values) {
                    for (long s : seeds) {
                        grid.add(cell(a, sweepName, v, s));
                    }
                }
            }
        }
        Set<String> seen = new LinkedHashSet<>();
        for (RunResult r : runs) {
            if (!seen.add(r.id())) {
                throw new Cli.UserError("run " + r.id() + " is in two shards: give each shard "
                        + "once");
            }
        }
        List<String> missing = grid.stream().filter(c -> !seen.contains(c)).toList();
        runs.sort(ExperimentResults.ORDER);
        return new Merged(runs, sweepName, version, missing);
    }

    /** {@code a2c-s3}, {@code a2c-lr=1e-4-s3}: as {@link Cell} names runs. */
    private static String cell(String algorithm, String sweepName, String value, long seed) {
        return sweepName == null ? algorithm + "-s" + seed
                : algorithm + "-" + sweepName + "=" + value + "-s" + seed;
    }

    private static List<String> cells(LibraryReader.Experiment e) {
        List<String> cells = new ArrayList<>();
        List<String> values = e.sweepName() == null ? Arrays.asList((String) null)
                : e.sweepValues();
        for (String a : e.algorithms()) {
            for (String v : values) {
                for (long s : e.seeds()) {
                    cells.add(cell(a, e.sweepName(), v, s));
                }
            }
        }
        return cells;
    }

    private static String text(LibraryReader.Experiment e, Double value) {
        for (String t : e.sweepValues()) {
            if (value != null && Double.parseDouble(t) == value) {
                return t;
            }
        }
        return String.valueOf(value);
    }

    private static String orNone(String sweep) {
        return sweep == null ? "no setting" : sweep;
    }

    /**
     * The first setting (other than algorithm, seed and the swept one) in which {@code b}
     * differs from {@code a}: {@code --hidden is 256 in %A but 64 in %B}; null if none.
     */
    static String difference(Hyperparameters a, Hyperparameters b, String sweepName) {
        for (RecordComponent c : Hyperparameters.class.getRecordComponents()) {
            Setting s = Setting.ofComponent(c.getName());
            if (s == Setting.ALGORITHM || s == Setting.SEED || (sweepName != null
                    && sweepName.equals(Sweep.name(s)))) {
                continue;
            }
            try {
                Object x = c.getAccessor().invoke(a);
                Object y = c.getAccessor().invoke(b);
                if (!x.equals(y)) {
                    return s.flag() + " is " + show(x) + " in %A but " + show(y) + " in %B";
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return null;
    }

    private static String show(Object v) {
        return v instanceof CartPoleVersion cv ? cv.id() : v instanceof Algorithm al
                ? Cell.cliName(al) : String.valueOf(v);
    }
}
