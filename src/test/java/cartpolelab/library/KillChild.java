package cartpolelab.library;

import cartpolelab.agent.Hyperparameters;
import cartpolelab.train.TrainingRun;
import java.nio.file.Path;

/**
 * The child JVM of {@link KillTest}: trains (a small network, fast) into the library
 * named by its argument, printing the number of episodes trained every 100, until killed.
 */
public final class KillChild {

    private KillChild() {
    }

    public static void main(String[] args) throws Exception {
        RunLibrary library = RunLibrary.open(Path.of(args[0]));
        LibraryWriter writer = new LibraryWriter(library, m -> System.err.println(m));
        Hyperparameters hp = Hyperparameters.DEFAULTS.withHiddenSize(16)
                .withEpisodes(Hyperparameters.MAX_EPISODES);
        TrainingRun run = new TrainingRun(hp);
        writer.record(NewRun.of("train", hp, 0, 0), null, run.history(), run.gradientVariance(),
                195);
        run.train(false, s -> {
            if (s.episode() % 100 == 0) {
                System.out.println(s.episode());
                System.out.flush();
            }
        });
    }
}
