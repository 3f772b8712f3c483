package cartpolelab.cli;

import cartpolelab.library.LibraryException;
import cartpolelab.library.LibraryReader;
import cartpolelab.library.RunLibrary;
import cartpolelab.library.StoredRun;
import cartpolelab.train.Cell;
import java.io.PrintWriter;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine;

/**
 * {@code runs}: the run library from the command line: list, show, export, rm, import. Every
 * subcommand takes {@code --library FILE}.
 */
@Command(name = "runs", mixinStandardHelpOptions = true,
        description = "List, show, export, delete and import the runs of the run library.",
        subcommands = {RunsCommand.ListRuns.class, RunsCommand.Show.class, RunsExport.class,
                RunsCommand.Remove.class, RunsImport.class},
        footer = {"", "Examples:",
            "  cartpole-lab runs list",
            "  cartpole-lab runs show 12",
            "  cartpole-lab runs export 12 --csv run12.csv --png run12.png --checkpoint run12.cplb",
            "  cartpole-lab runs export 3 4 5 --csv three.csv --png three.png",
            "  cartpole-lab runs rm 7 8",
            "  cartpole-lab runs import run.cplb"})
final class RunsCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "a subcommand is missing: use list, show, export, rm or import");
    }

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern(
            "yyyy-MM-dd HH:mm", Locale.ROOT).withZone(ZoneId.systemDefault());

    /** Reads each id in turn; a missing one is a user error naming it. */
    static List<StoredRun> runs(RunLibrary library, List<Long> ids) {
        List<StoredRun> runs = new ArrayList<>();
        try {
            for (long id : ids) {
                runs.add(library.reader().run(id));
            }
        } catch (LibraryException e) {
            throw new Cli.UserError(e.getMessage());
        }
        return runs;
    }

    /** A subcommand over runs given by id: it opens the library and reads each run first. */
    abstract static class ById implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        LibraryOptions libraryOptions = new LibraryOptions();

        @Parameters(paramLabel = "ID", arity = "1..*", description = "run ids (runs list)")
        List<Long> ids;

        /** What to do with the runs (every id exists). */
        abstract void apply(RunLibrary library, List<StoredRun> runs, PrintWriter out)
                throws LibraryException;

        @Override
        public Integer call() throws LibraryException {
            PrintWriter out = spec.commandLine().getOut();
            try (RunLibrary library = libraryOptions.openForReading("runs "
                    + spec.name())) {
                apply(library, runs(library, ids), out);
            }
            out.flush();
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "One line per run of the library, oldest first (--json: every field).")
    static final class ListRuns implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Mixin
        private LibraryOptions libraryOptions = new LibraryOptions();

        @Option(names = "--json", description = "a JSON array, one object per run")
        private boolean json;

        @Option(names = "--experiment", paramLabel = "ID",
                description = "only the runs of this experiment")
        private Long experiment;

        @Override
        public Integer call() throws LibraryException {
            PrintWriter out = spec.commandLine().getOut();
            try (RunLibrary library = libraryOptions.openForReading("runs list")) {
                List<StoredRun> runs = experiment == null ? library.reader().runs()
                        : library.reader().runsOf(experiment);
                if (json) {
                    out.println(RunsJson.array(runs));
                } else {
                    table(out, runs);
                }
            }
            out.flush();
            return 0;
        }

        private static void table(PrintWriter out, List<StoredRun> runs) {
            out.printf(Locale.ROOT, "%5s  %-22s %-18s %-3s %6s %6s %8s %8s %11s %8s %9s %-8s "
                    + "%-16s %s%n", "id", "name", "algorithm", "env", "seed", "hidden", "lr",
                    "episodes", "steps", "solved", "final MA", "state", "started", "tags");
            for (StoredRun r : runs) {
                var hp = r.hyperparameters();
                out.printf(Locale.ROOT, "%5d  %-22s %-18s %-3s %6d %6d %8s %8d %,11d %8s %9s "
                        + "%-8s %-16s %s%n", r.id(), clip(r.name(), 22), Cell.cliName(hp
                        .algorithm()), hp.version().id().replace("CartPole-", ""), hp.seed(),
                        hp.hiddenSize(), hp.learningRate(), r.episodes(), r.totalSteps(),
                        r.solvedAt() == null ? "-" : r.solvedAt().toString(),
                        Double.isNaN(r.finalMa50()) ? "-"
                                : String.format(Locale.ROOT, "%.1f", r.finalMa50()),
                        r.state(), WHEN.format(r.started()), String.join(",", r.tags()));
            }
            out.printf(Locale.ROOT, "%d run%s%n", runs.size(), runs.size() == 1 ? "" : "s");
        }

        private static String clip(String s, int n) {
            return s.length() <= n ? s : s.substring(0, n - 1) + "…";
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Everything the library holds about runs: settings, progress, "
                    + "times, experiment, tags and notes.")
    static final class Show extends ById {
        @Override
        void apply(RunLibrary library, List<StoredRun> runs, PrintWriter out)
                throws LibraryException {
            for (StoredRun r : runs) {
                show(out, library.reader(), r);
            }
        }

        private static void show(PrintWriter out, LibraryReader reader, StoredRun r)
                throws LibraryException {
            var hp = r.hyperparameters();
            out.printf(Locale.ROOT, "run %d · %s%n", r.id(), r.name());
            out.printf(Locale.ROOT, "  settings     %s · %s · hidden %d · lr %s · gamma %s · "
                    + "entropy-coef %s · max-steps %d · episodes %d · n-steps %d · seed %d%n",
                    hp.version().id(), Cell.cliName(hp.algorithm()), hp.hiddenSize(),
                    hp.learningRate(), hp.discount(), hp.entropyCoefficient(), hp.maxSteps(),
                    hp.episodes(), hp.nSteps(), hp.seed());
            if (r.gradVarianceEvery() > 0) {
                out.printf(Locale.ROOT, "  gradvar      every %d updates on %d episodes%n",
                        r.gradVarianceEvery(), r.gradVarianceEpisodes());
            }
            out.printf(Locale.ROOT, "  state        %s%s%n", r.state(), r.failure() == null
                    ? "" : " (" + r.failure() + ")");
            out.printf(Locale.ROOT, "  episodes     %d (%,d steps)%n", r.episodes(),
                    r.totalSteps());
            out.printf(Locale.ROOT, "  solved       %s%n", r.solvedAt() == null ? "no"
                    : "at episode " + r.solvedAt());
            out.printf(Locale.ROOT, "  MA50         final %.1f · best %.1f%n", r.finalMa50(),
                    r.bestMa50());
            out.printf(Locale.ROOT, "  started      %s%s%n", WHEN.format(r.started()),
                    r.ended() == null ? "" : " · ended " + WHEN.format(r.ended()));
            out.printf(Locale.ROOT, "  source       %s (CartPole Lab %s)%n", r.source(),
                    r.appVersion());
            if (r.experimentId() != null) {
                var e = reader.experiment(r.experimentId());
                out.printf(Locale.ROOT, "  experiment   %d · %s · cell %s%n", r.experimentId(),
                        e == null ? "?" : e.name(), r.cell());
            }
            var checkpoint = reader.latestCheckpoint(r.id());
            out.printf(Locale.ROOT, "  checkpoint   %s%n", checkpoint == null ? "none"
                    : "after episode " + checkpoint.episode());
            if (!r.tags().isEmpty()) {
                out.printf(Locale.ROOT, "  tags         %s%n", String.join(", ", r.tags()));
            }
            if (!r.notes().isEmpty()) {
                out.printf(Locale.ROOT, "  notes        %s%n", r.notes());
            }
        }
    }

    @Command(name = "rm", mixinStandardHelpOptions = true,
            description = "Delete runs from the library for good, with their episodes, "
                    + "checkpoints and recordings.")
    static final class Remove extends ById {
        @Override
        void apply(RunLibrary library, List<StoredRun> runs, PrintWriter out)
                throws LibraryException {
            int n = library.delete(ids);
            out.printf(Locale.ROOT, "deleted %d run%s from %s%n", n, n == 1 ? "" : "s",
                    library.file());
        }
    }
}
