package cartpolelab.cli;

import cartpolelab.agent.GradientVarianceProbe;
import java.io.PrintWriter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** {@code --grad-variance-every K} and {@code --grad-variance-episodes M}, for train and compare. */
final class GradientVarianceOptions {

    @Option(names = "--grad-variance-every", paramLabel = "K", defaultValue = "0",
            description = "every K episodes, measure the variance of the notebook's three "
                    + "policy-gradient estimators (REINFORCE, baseline, TD) and the run's own on extra episodes "
                    + "of the current policy, into the CSV's gradvar/ columns; training is "
                    + "unchanged; 0 = off (default: ${DEFAULT-VALUE}; the app uses "
                    + GradientVarianceProbe.Settings.DEFAULT_EVERY + ")")
    private int every;

    @Option(names = "--grad-variance-episodes", paramLabel = "M",
            defaultValue = "" + GradientVarianceProbe.Settings.DEFAULT_EPISODES,
            description = "episodes per gradient-variance measurement, in [2, "
                    + GradientVarianceProbe.Settings.MAX_EPISODES + "] (default: "
                    + "${DEFAULT-VALUE})")
    private int episodes;

    /**
     * The measurement settings of the flags, or null when off; bad values are a user error,
     * and {@code --grad-variance-episodes} alone gets a note on {@code err}.
     */
    GradientVarianceProbe.Settings settings(CommandSpec spec, PrintWriter err) {
        if (every < 0 || every > GradientVarianceProbe.Settings.MAX_EVERY) {
            throw new Cli.UserError("--grad-variance-every must be in [0, "
                    + GradientVarianceProbe.Settings.MAX_EVERY + "] (0 = off), was " + every);
        }
        if (episodes < 2 || episodes > GradientVarianceProbe.Settings.MAX_EPISODES) {
            throw new Cli.UserError("--grad-variance-episodes must be in [2, "
                    + GradientVarianceProbe.Settings.MAX_EPISODES + "], was " + episodes);
        }
        if (every == 0 && spec.commandLine().getParseResult()
                .hasMatchedOption("--grad-variance-episodes")) {
            err.println("note: --grad-variance-episodes does nothing without "
                    + "--grad-variance-every K");
        }
        return every == 0 ? null : new GradientVarianceProbe.Settings(every, episodes);
    }
}
