package cartpolelab.cli;

import cartpolelab.agent.Hyperparameters;
import cartpolelab.library.LibraryWriter;
import cartpolelab.library.RunLibrary;
import cartpolelab.train.TrainingRun;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * {@code bench --outputs}: what keeping a run costs. The same run (1-step episodes, so the
 * outputs' share is as large as it gets) trained plain and then as {@code train --csv} with
 * the run library records it: the CSV appended every 1,000 episodes, the library's writer
 * pulling every episode, a periodic checkpoint into the library every 1,000; the wall time of
 * the second includes waiting for the last rows at the end. Both in a temporary directory.
 */
final class OutputsBenchmark {

    /** Episodes between the periodic saves, as train's default. */
    static final int EVERY = 1000;

    record Result(int episodes, double plainSeconds, double outputsSeconds, long libraryBytes,
                  long csvBytes) {

        double ratio() {
            return plainSeconds / outputsSeconds;
        }
    }

    private OutputsBenchmark() {
    }

    /**
     * @param library the library to record into (null: a temporary one), and whether to record
     *                at all ({@code --no-library}: the CSV alone is measured)
     */
    static Result run(Hyperparameters settings, int episodes, Path library, boolean record)
            throws IOException {
        Hyperparameters hp = settings.withMaxSteps(1).withEpisodes(episodes);
        new TrainingRun(hp.withEpisodes(Math.min(episodes, 100_000))).train(false, null);
        long t0 = System.nanoTime();
        new TrainingRun(hp).train(false, null);
        double plain = (System.nanoTime() - t0) / 1e9;

        Path dir = Files.createTempDirectory("cartpole-lab-bench");
        try {
            Path csv = dir.resolve("run.csv");
            Path db = library != null ? library : dir.resolve("runs.db");
            PrintWriter err = new PrintWriter(new StringWriter());
            long t1 = System.nanoTime();
            TrainingRun run = new TrainingRun(hp);
            try (TrainOutputs outputs = new TrainOutputs(run, EVERY, csv, null, record
                    ? new LibraryWriter(RunLibrary.open(db), m -> { }) : null, 0, 0, err)) {
                run.train(false, outputs::episode);
                outputs.finish(false, err);
                outputs.writeCsv(csv);
            }
            double withOutputs = (System.nanoTime() - t1) / 1e9;
            return new Result(episodes, plain, withOutputs, record ? Files.size(db) : 0,
                    Files.size(csv));
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }
}
