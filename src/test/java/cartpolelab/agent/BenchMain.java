package cartpolelab.agent;

import cartpolelab.cli.AgentBenchmark;
import java.util.Locale;

/** Not a test: prints AgentBenchmark results, run by hand (see SolveSurvey for the classpath). */
public final class BenchMain {
    public static void main(String[] args) {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        long warmup = args.length > 1 ? Long.parseLong(args[1]) : 200_000;
        long measured = args.length > 2 ? Long.parseLong(args[2]) : 1_000_000;
        for (int i = 0; i < runs; i++) {
            AgentBenchmark.Result r = AgentBenchmark.run(Hyperparameters.DEFAULTS, warmup, measured);
            System.out.printf(Locale.ROOT, "%,10.0f steps/s  (%d steps in %.3f s, %d episodes, "
                            + "mean length %.1f)  fresh agent %,.0f steps/s (mean length %.1f)"
                            + "  forward %.0f ns  update(%d) %.1f µs%n",
                    r.stepsPerSecond(), r.measuredSteps(), r.seconds(), r.episodes(),
                    r.meanEpisodeLength(), r.freshStepsPerSecond(), r.freshMeanEpisodeLength(),
                    r.forwardNanos(), r.updateSteps(), r.updateMicros());
        }
    }
}
