package cartpolelab.cli;

import cartpolelab.agent.Agent;
import cartpolelab.agent.EpisodeEnd;
import cartpolelab.agent.Hyperparameters;
import cartpolelab.env.CartPole;
import cartpolelab.io.AtomicFiles;
import cartpolelab.io.Checkpoint;
import cartpolelab.library.LibraryException;
import cartpolelab.library.RunLibrary;
import cartpolelab.io.EpisodeGif;
import cartpolelab.train.RunSnapshot;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code eval}: runs a saved policy without learning and reports its reward. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Run a checkpoint's policy for N episodes without learning; print mean ± "
                + "std reward.",
        footer = {"", "Examples:", "  cartpole-lab eval --checkpoint run.cplb --episodes 100",
            "  cartpole-lab eval --run 12 --library runs.db   (run 12's last checkpoint)"})
final class EvalCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--checkpoint", paramLabel = "FILE",
            description = "checkpoint written by train or the app")
    private Path checkpoint;

    @Option(names = "--run", paramLabel = "ID",
            description = "instead of --checkpoint: the last checkpoint of run ID of the run "
                    + "library (see runs list)")
    private Long run;

    @Mixin
    private LibraryOptions libraryOptions = new LibraryOptions();

    /** The most episodes {@code eval} runs: the one place this limit is said. */
    static final int MAX_EPISODES = 1_000_000;

    @Option(names = "--episodes", paramLabel = "N", defaultValue = "100",
            description = "episodes to run, 1 to " + MAX_EPISODES + " (default: "
                    + "${DEFAULT-VALUE})")
    private int episodes;

    @Option(names = "--sample",
            description = "sample actions from the policy instead of taking the most likely")
    private boolean sample;

    @Option(names = "--seed", paramLabel = "SEED", defaultValue = "1",
            description = "seeds the start states (and sampling) (default: ${DEFAULT-VALUE})")
    private long seed;

    @Option(names = "--gif", paramLabel = "FILE",
            description = "write the first evaluated episode as an animated GIF (looping, "
                    + "real time at --gif-speed 1)")
    private Path gif;

    @Option(names = "--gif-episodes", paramLabel = "K", defaultValue = "1",
            description = "episodes the GIF shows, one after another (default: "
                    + "${DEFAULT-VALUE})")
    private int gifEpisodes;

    @Option(names = "--gif-width", paramLabel = "PIXELS", defaultValue = "480",
            description = "the GIF's width in [" + EpisodeGif.MIN_WIDTH + ", "
                    + EpisodeGif.MAX_WIDTH + "]; the height is 0.36 of it (default: "
                    + "${DEFAULT-VALUE})")
    private int gifWidth;

    @Option(names = "--gif-speed", paramLabel = "K", defaultValue = "1",
            description = "1 = real time (every step, 50 a second); K keeps every K-th "
                    + "frame, K times faster, K times smaller, in [1, 64] (default: "
                    + "${DEFAULT-VALUE})")
    private int gifSpeed;

    @Option(names = "--gif-no-overlay",
            description = "the cart and pole only, without the panel of numbers")
    private boolean gifNoOverlay;

    /** The checkpoint to run: {@code --checkpoint}, or {@code --run}'s in the library. */
    private RunSnapshot policy() throws IOException {
        if ((checkpoint == null) == (run == null)) {
            throw new Cli.UserError("give --checkpoint FILE or --run ID (a run of the library): "
                    + "one of them");
        }
        if (checkpoint != null) {
            libraryOptions.path(); // checked, though a checkpoint file needs no library
            return Checkpoint.read(checkpoint);
        }
        try (RunLibrary library = libraryOptions.openForReading("eval --run")) {
            RunSnapshot s = library.reader().snapshot(run);
            if (s == null) {
                throw new Cli.UserError("run " + run + " of " + library.file() + " has no "
                        + "checkpoint (it ended before its first, or there is no such run; see "
                        + "runs list)");
            }
            return s;
        } catch (LibraryException e) {
            throw new Cli.UserError(e.getMessage());
        }
    }

    @Override
    public Integer call() throws Exception {
        if (episodes < 1 || episodes > MAX_EPISODES) {
            throw new Cli.UserError("--episodes must be in [1, " + MAX_EPISODES + "], was "
                    + episodes);
        }
        if (gifEpisodes < 1 || gifEpisodes > Math.min(episodes, 100)) {
            throw new Cli.UserError("--gif-episodes must be in [1, " + Math.min(episodes, 100)
                    + "] (at most --episodes and 100), was " + gifEpisodes);
        }
        RunSnapshot saved = policy();
        Hyperparameters hp = saved.hyperparameters();
        EpisodeGif.Options gifOptions = null;
        if (gif != null) {
            try {
                gifOptions = new EpisodeGif.Options(gifWidth, gifSpeed, !gifNoOverlay,
                        hp.algorithm().displayName() + " · seed " + hp.seed());
            } catch (IllegalArgumentException e) {
                throw new Cli.UserError("--gif-" + e.getMessage().replace("the GIF's ", ""));
            }
            AtomicFiles.checkWritable(gif);
        }
        List<EpisodeGif.Track> tracks = new ArrayList<>();
        double[] pi = new double[2];
        Agent agent = Agent.restore(hp, saved.agent());
        CartPole env = new CartPole(hp.version());
        SplittableRandom random = new SplittableRandom(seed);
        double[] obs = new double[CartPole.OBSERVATION_SIZE];

        double sum = 0;
        double sumSquares = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int e = 0; e < episodes; e++) {
            env.reset(random);
            double reward = 0;
            EpisodeGif.Track track = gif != null && e < gifEpisodes
                    ? new EpisodeGif.Track(e + 1) : null;
            int action = 0;
            EpisodeEnd end = EpisodeEnd.RUNNING;
            for (; !end.ended(); end = EpisodeEnd.after(env, hp.maxSteps())) {
                env.observe(obs, 0);
                if (track != null) {
                    agent.probabilities(obs, pi);
                    track.add(obs[0], obs[2], action, pi[1], agent.value(obs), reward);
                }
                action = sample ? agent.sampleAction(obs, random) : agent.greedyAction(obs);
                reward += env.advance(action);
            }
            if (track != null) {
                env.observe(obs, 0);
                agent.probabilities(obs, pi);
                track.add(obs[0], obs[2], action, pi[1], agent.value(obs), reward);
                track.end(end == EpisodeEnd.FELL);
                tracks.add(track);
            }
            sum += reward;
            sumSquares += reward * reward;
            min = Math.min(min, reward);
            max = Math.max(max, reward);
        }
        double mean = sum / episodes;
        double std = Math.sqrt(Math.max(0, sumSquares / episodes - mean * mean));
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "%s · %s · seed %d · trained %d episodes (%s)%n",
                hp.version().id(), hp.algorithm().displayName(), hp.seed(), saved.episodes(),
                checkpoint != null ? checkpoint.getFileName() : "run " + run + " of the library");
        out.printf(Locale.ROOT, "%s policy over %d episodes: mean %.1f ± %.1f (min %.0f, max %.0f;"
                        + " solved threshold %.0f)%n", sample ? "sampled" : "greedy", episodes,
                mean, std, min, max, hp.version().solvedThreshold());
        if (gif != null) {
            EpisodeGif.write(gif, tracks, gifOptions);
            out.printf(Locale.ROOT, "wrote gif        %s (%d episode%s, %d×%d, %,d bytes)%n",
                    gif, tracks.size(), tracks.size() == 1 ? "" : "s", gifOptions.width(),
                    gifOptions.height(), Files.size(gif));
        }
        out.flush();
        return 0;
    }
}
