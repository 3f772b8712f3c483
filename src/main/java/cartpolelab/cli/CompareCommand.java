package cartpolelab.cli;

import cartpolelab.agent.Algorithm;
import cartpolelab.agent.GradientVarianceProbe;
import cartpolelab.agent.Hyperparameters;
import cartpolelab.io.PlotFiles;
import cartpolelab.io.TensorBoardLog;
import cartpolelab.io.TensorBoardWriter;
import cartpolelab.library.ExperimentRecording;
import cartpolelab.library.LibraryWriter;
import cartpolelab.plot.CompareFigures;
import cartpolelab.results.ExperimentResults;
import cartpolelab.results.RunResult;
import cartpolelab.train.Cell;
import cartpolelab.train.Experiment;
import cartpolelab.train.ExperimentSpec;
import cartpolelab.train.Sweep;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code compare}: an experiment (algorithms × seeds × one swept setting) on a worker pool. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Train algorithms × seeds (× the values of one swept setting) on all "
                + "cores and compare them: a summary table, a tidy CSV, a summary CSV and a "
                + "chart.",
        footer = {"", "Examples:",
            "  cartpole-lab compare --seeds 10 --csv runs.csv --summary summary.csv --png "
                    + "compare.png",
            "  cartpole-lab compare --algorithms a2c --sweep lr=1e-4,3e-4,1e-3 --seeds 5",
            "  cartpole-lab compare --shard 2/4 --csv shard2.csv   (then: merge --csv runs.csv "
                    + "shard*.csv)"})
final class CompareCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private HyperparameterOptions settings;

    @Mixin
    private LibraryOptions libraryOptions = new LibraryOptions();

    @Mixin
    private CompareReport.ChartOptions chart;

    @Option(names = "--algorithms", paramLabel = "LIST", split = ",",
            defaultValue = "a2c,reinforce-baseline,reinforce",
            converter = ChoiceConverters.AlgorithmConverter.class,
            description = "algorithms to compare (default: ${DEFAULT-VALUE})")
    private List<Algorithm> algorithms;

    @Option(names = "--seeds", paramLabel = "N|LIST", defaultValue = "10",
            description = "a count (10: seeds 1-10) or a list (3,7,9; one seed: 7,) "
                    + "(default: ${DEFAULT-VALUE})")
    private String seeds;

    @Option(names = "--sweep", paramLabel = "NAME=VALUES",
            description = "one setting and its values, e.g. lr=1e-4,3e-4,1e-3; names: "
                    + "lr, hidden, gamma, entropy-coef, n-steps, gae-lambda")
    private String sweep;

    @Option(names = "--threads", paramLabel = "N",
            description = "worker threads, each training one run at a time (default: all "
                    + "cores)")
    private Integer threads;

    @Option(names = "--episodes-per-turn", paramLabel = "N",
            defaultValue = "" + ExperimentSpec.DEFAULT_EPISODES_PER_TURN,
            description = "episodes a run trains before the next run gets the thread, so all "
                    + "groups grow together; 0 runs each run to its end (default: "
                    + "${DEFAULT-VALUE})")
    private int episodesPerTurn;

    @Option(names = "--stop-when-solved",
            description = "stop each run once solved (its curve then ends there; the chart "
                    + "says N where it drops)")
    private boolean stopWhenSolved;

    @Option(names = "--shard", paramLabel = "K/N",
            description = "run only shard K of N (cells K, K+N, K+2N, ... of the grid); "
                    + "combine the shards' --csv files with merge")
    private String shard;

    @Option(names = "--csv", paramLabel = "FILE",
            description = "tidy CSV: one row per run × episode")
    private Path csv;

    @Option(names = "--summary", paramLabel = "FILE",
            description = "summary CSV: one row per run, then one per group")
    private Path summary;

    @Mixin
    private ChartFiles chartFiles = new ChartFiles();

    @Mixin
    private GradientVarianceOptions gradientVariance = new GradientVarianceOptions();

    @Option(names = "--variance-png", paramLabel = "FILE",
            description = "the gradient-variance chart (median per group, log scale) as PNG; "
                    + "needs --grad-variance-every K")
    private Path variancePng;

    @Option(names = "--variance-svg", paramLabel = "FILE",
            description = "the same chart as SVG")
    private Path varianceSvg;

    @Option(names = "--tensorboard", paramLabel = "DIR",
            description = "write TensorBoard event files while training, one directory per "
                    + "run named by its run id (DIR/a2c-s3), flushed every 2 s; watch with: "
                    + "tensorboard --logdir DIR")
    private Path tensorboard;

    @Option(names = "--quiet", description = "no progress output, only the summary")
    private boolean quiet;

    @Override
    public Integer call() throws IOException, InterruptedException {
        var parsed = spec.commandLine().getParseResult();
        for (String single : new String[] {"--algorithm", "--seed"}) {
            if (parsed.hasMatchedOption(single)) {
                throw new Cli.UserError(single + " does not apply to compare: use " + single
                        + "s (e.g. " + single + "s " + (single.equals("--seed") ? "3,7,9"
                        : "a2c,reinforce") + ")");
            }
        }
        Hyperparameters base = settings.build();
        ExperimentSpec grid = grid(base);
        List<Cell> cells = shardCells(grid);
        OutputPaths.check(spec);
        List<ChartFiles.Chart> charts = chartFiles.charts();
        chart.centerKind();
        chart.bandKind();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        GradientVarianceProbe.Settings measure = gradientVariance.settings(spec, err);
        if (measure == null && (variancePng != null || varianceSvg != null)) {
            throw new Cli.UserError("--variance-png and --variance-svg need "
                    + "--grad-variance-every K (the measurements they chart)");
        }
        LibraryWriter library = libraryOptions.openWriter(err);
        boolean presets = grid.presetSweep();
        out.printf(Locale.ROOT, "compare %s · %d runs (%d %s × %d seeds%s)%s · %d "
                + "episodes each · %d threads%n", base.version().id(), cells.size(),
                presets ? grid.sweep().values().size() : grid.algorithms().size(),
                presets ? "presets" : "algorithms", grid.seeds().size(),
                grid.sweep() == null || presets ? "" : " × " + grid.sweep().values().size()
                        + " values of " + grid.sweep().name(),
                shard == null ? "" : " · shard " + shard, base.episodes(), grid.threads());
        out.flush();

        String sweepName = grid.sweep() == null ? null : grid.sweep().name();
        List<RunResult> runs = new ArrayList<>();
        Map<String, String> states = new LinkedHashMap<>();
        List<String> failures = new ArrayList<>();
        try (Experiment e = new Experiment(grid, cells);
             GridProgress progress = quiet ? GridProgress.NONE : GridProgress.create(err)) {
            e.measureGradientVariance(measure);
            TensorBoardLog board = tensorboard == null ? null : TensorBoardLog.start(
                    boardSources(e, cells), TensorBoardLog.DEFAULT_PERIOD);
            ExperimentRecording recording = library == null ? null : new ExperimentRecording(
                    library, experimentName(grid), e, shard,
                    measure == null ? 0 : measure.everyEpisodes(),
                    measure == null ? 0 : measure.episodes());
            e.start();
            while (!e.awaitDone(Duration.ofMillis(250))) {
                progress.update(e.status());
            }
            progress.update(e.status());
            if (board != null) {
                try {
                    board.close();
                    out.printf("wrote %-10s %s (%d runs)%n", "tensorboard", tensorboard,
                            cells.size());
                } catch (IOException x) {
                    failures.add(x.getMessage());
                }
            }
            if (recording != null) {
                recording.end();
                library.flush();
                if (library.failure() == null) {
                    out.printf(Locale.ROOT, "recorded   experiment %d (%d runs) in %s%n",
                            recording.id(), cells.size(), library.library().file());
                }
            }
            LibraryOptions.close(library);
            for (int i = 0; i < cells.size(); i++) {
                Cell c = cells.get(i);
                runs.add(RunResult.of(c, sweepName, e.history(i), e.gradientVariance(i)));
                states.put(c.runId(), e.state(i).name().toLowerCase(Locale.ROOT));
                if (e.failure(i) != null) {
                    failures.add("run " + c.runId() + " failed: " + e.failure(i));
                }
            }
        }
        double threshold = base.version().solvedThreshold();
        // every statistic below (table, CSVs, charts) read from these, computed once
        ExperimentResults results = ExperimentResults.of(runs, sweepName, threshold);
        CompareReport.print(out, results, states);
        String title = ExperimentResults.title(base.version().id(), grid.algorithms().size(),
                grid.seeds().size(), sweepName,
                grid.sweep() == null ? 0 : grid.sweep().values().size());
        String settings = PlotFiles.subtitle(base, presets, grid.algorithms());
        List<String> failed = CompareReport.write(out, results, csv, summary, charts,
                CompareReport.describe(results, title, settings + "  \u00b7  "
                        + base.episodes() + " episodes", chart), chart);
        CompareFigures.Description vd = CompareReport.describe(results, title + " \u00b7 "
                + "gradient variance", settings + "  \u00b7  measured every "
                + (measure == null ? 0 : measure.everyEpisodes()) + " episodes on "
                + (measure == null ? 0 : measure.episodes()) + " episodes", chart);
        for (Path p : new Path[] {variancePng, varianceSvg}) {
            if (p == null) {
                continue;
            }
            try {
                PlotFiles.write(p, p == variancePng ? PlotFiles.Format.PNG
                        : PlotFiles.Format.SVG, CompareFigures.variance(results.variance(), vd),
                        PlotFiles.DEFAULT_WIDTH, PlotFiles.DEFAULT_HEIGHT);
                out.printf("wrote %-10s %s%n", "variance", p);
            } catch (IOException x) {
                failed.add(x.getMessage());
            }
        }
        failures.forEach(f -> err.println("error: " + f));
        if (!failed.isEmpty()) {
            err.println("error: " + String.join("; ", failed));
            return Cli.USAGE;
        }
        return failures.isEmpty() ? 0 : 1;
    }

    /** Each run's TensorBoard directory, named by its run id, and its histories. */
    private List<TensorBoardLog.Source> boardSources(Experiment e, List<Cell> cells) {
        List<TensorBoardLog.Source> sources = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            int at = i;
            Cell c = cells.get(i);
            sources.add(new TensorBoardLog.Source(tensorboard.resolve(c.runId()),
                    TensorBoardWriter.settingsText(c.hyperparameters()), () -> e.history(at),
                    () -> e.gradientVariance(at)));
        }
        return sources;
    }

    /** {@code compare CartPole-v0 · a2c,reinforce × 10 seeds × lr · shard 2/4}. */
    private String experimentName(ExperimentSpec grid) {
        return "compare " + grid.label() + (shard == null ? "" : " \u00b7 shard " + shard);
    }

    private ExperimentSpec grid(Hyperparameters base) {
        Sweep sw = null;
        if (sweep != null) {
            sw = Sweep.parse(sweep);
        }
        int n = threads == null ? ExperimentSpec.defaultThreads() : threads;
        if (n < 1 || n > ExperimentSpec.MAX_THREADS) {
            throw new Cli.UserError("--threads must be in [1, " + ExperimentSpec.MAX_THREADS
                    + "], was " + n);
        }
        if (episodesPerTurn < 0 || episodesPerTurn > Hyperparameters.MAX_EPISODES) {
            throw new Cli.UserError("--episodes-per-turn must be in [0, "
                    + Hyperparameters.MAX_EPISODES + "], was " + episodesPerTurn);
        }
        return new ExperimentSpec(base, algorithms, parseSeeds(seeds), sw, n, stopWhenSolved,
                episodesPerTurn);
    }

    /** {@code 10} → seeds 1..10; {@code 3,7,9} or {@code 7,} → that list. */
    static List<Long> parseSeeds(String text) {
        try {
            return ExperimentSpec.parseSeeds(text);
        } catch (IllegalArgumentException e) {
            throw new Cli.UserError("--" + e.getMessage());
        }
    }

    private List<Cell> shardCells(ExperimentSpec grid) {
        if (shard == null) {
            return grid.cells();
        }
        String[] kn = shard.split("/", -1);
        try {
            if (kn.length == 2) {
                return grid.shard(Integer.parseInt(kn[0].trim()),
                        Integer.parseInt(kn[1].trim()));
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new Cli.UserError("--shard " + shard + " is not K/N: write e.g. --shard 2/4 "
                + "(shard 2 of 4)");
    }
}
