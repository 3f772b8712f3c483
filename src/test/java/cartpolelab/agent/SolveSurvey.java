package cartpolelab.agent;

import cartpolelab.env.CartPoleVersion;
import java.util.Locale;

/**
 * Not a test: a command-line survey of episodes-to-solve, run by hand.
 * <pre>
 *   ./mvnw -q dependency:build-classpath -Dmdep.outputFile=cp.txt
 *   ./mvnw -q test-compile
 *   java -cp target/classes:target/test-classes:$(cat cp.txt) cartpolelab.agent.SolveSurvey \
 *        [algorithm|all] [v0|v1] [firstSeed] [lastSeed] [maxSteps] [threshold]
 * </pre>
 * Prints one line per (algorithm, seed): the episode at which the 50-episode moving average
 * first reached the version's threshold (or "-" and the best MA50 with its episode), the
 * environment steps and the wall time.
 */
public final class SolveSurvey {

    /** Outcome of one run. */
    record Outcome(int solvedAt, double bestMa50, int bestEpisode, long steps, double seconds) {
    }

    /** Trains until MA50 ≥ threshold (with ≥ 50 episodes) or the budget ends. */
    static Outcome run(Hyperparameters hp, double threshold, boolean stopWhenSolved) {
        EpisodeRunner runner = new EpisodeRunner(new Agent(hp));
        double[] window = new double[50];
        double sum = 0;
        double best = Double.NEGATIVE_INFINITY;
        int bestEpisode = 0;
        int solvedAt = -1;
        long start = System.nanoTime();
        for (int e = 1; e <= hp.episodes(); e++) {
            double r = runner.runEpisode();
            runner.takeEpisodeStats();
            sum += r - window[(e - 1) % 50];
            window[(e - 1) % 50] = r;
            if (e >= 50) {
                double ma = sum / 50;
                if (ma > best) {
                    best = ma;
                    bestEpisode = e;
                }
                if (ma >= threshold && solvedAt < 0) {
                    solvedAt = e;
                    if (stopWhenSolved) {
                        break;
                    }
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Outcome(solvedAt, best, bestEpisode, runner.totalSteps(), seconds);
    }

    public static void main(String[] args) {
        String which = args.length > 0 ? args[0] : "all";
        CartPoleVersion version = args.length > 1 && args[1].equalsIgnoreCase("v1")
                ? CartPoleVersion.V1 : CartPoleVersion.V0;
        int first = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        int last = args.length > 3 ? Integer.parseInt(args[3]) : 10;
        int maxSteps = args.length > 4 ? Integer.parseInt(args[4])
                : Hyperparameters.DEFAULTS.maxSteps();
        double threshold = args.length > 5 ? Double.parseDouble(args[5])
                : version.solvedThreshold();
        Algorithm[] algorithms = which.equals("all") ? Algorithm.values()
                : new Algorithm[] {Algorithm.parse(which)};
        for (Algorithm a : algorithms) {
            for (int seed = first; seed <= last; seed++) {
                Hyperparameters hp = Hyperparameters.DEFAULTS.withAlgorithm(a)
                        .withVersion(version).withMaxSteps(maxSteps).withSeed(seed);
                Outcome o = run(hp, threshold, true);
                System.out.printf(Locale.ROOT, "%-24s %s seed %2d  solved at %5s  best MA50 %6.1f"
                                + " at %5d  steps %9d  %6.2f s%n", a.displayName(), version,
                        seed, o.solvedAt() < 0 ? "-" : Integer.toString(o.solvedAt()),
                        o.bestMa50(), o.bestEpisode(), o.steps(), o.seconds());
            }
        }
    }
}
