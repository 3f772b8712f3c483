package cartpolelab.train;

import cartpolelab.agent.Hyperparameters;
import cartpolelab.metrics.EpisodeHistory;
import cartpolelab.metrics.EpisodeStats;

/**
 * The rules every recorded episode obeys, checked on a history read from outside: at most the
 * run's episode budget; each episode 1 .. step-limit steps long with a finite reward between 0
 * and its length; finite moving average, losses (critic loss ≥ 0), entropy in [0, ln 2],
 * wall-clock time and speed (≥ 0, time never going back); {@code perf/total_steps} the running
 * sum of the lengths; PPO's approx_kl (≥ 0) and clip fraction (in [0, 1]) both present or
 * both NaN.
 */
final class HistoryCheck {

    /** ln 2, the entropy of a coin flip: the most two actions can have, plus rounding. */
    private static final double MAX_ENTROPY = Math.log(2) + 1e-9;

    private HistoryCheck() {
    }

    static void check(EpisodeHistory history, Hyperparameters hp) {
        int n = history.size();
        if (n > hp.episodes()) {
            throw new IllegalArgumentException(n + " episodes, more than the run's budget of "
                    + hp.episodes());
        }
        int limit = hp.episodeStepLimit();
        long steps = 0;
        double wall = 0;
        for (int i = 0; i < n; i++) {
            EpisodeStats s = history.get(i);
            String e = "episode " + (i + 1) + ": ";
            if (s.length() < 1 || s.length() > limit) {
                throw new IllegalArgumentException(e + "length " + s.length()
                        + " outside [1, " + limit + "]");
            }
            in(e + "reward", s.reward(), 0, s.length());
            in(e + "moving average", s.movingAverage(), 0, limit);
            in(e + "actor loss", s.actorLoss(), -Double.MAX_VALUE, Double.MAX_VALUE);
            in(e + "critic loss", s.criticLoss(), 0, Double.MAX_VALUE);
            in(e + "entropy", s.entropy(), 0, MAX_ENTROPY);
            in(e + "wall seconds", s.wallSeconds(), wall, Double.MAX_VALUE);
            in(e + "steps per second", s.stepsPerSecond(), 0, Double.MAX_VALUE);
            if (s.hasPpo() || !Double.isNaN(s.clipFraction())) { // PPO's: both or neither
                in(e + "ppo/approx_kl", s.approxKl(), 0, Double.MAX_VALUE);
                in(e + "ppo/clip_fraction", s.clipFraction(), 0, 1);
            }
            steps += s.length();
            // several environments: the others' episodes in progress count as well
            long others = s.totalSteps() - steps;
            long most = (long) (hp.envs() - 1) * limit;
            if (others < 0 || others > most || i > 0
                    && s.totalSteps() < history.get(i - 1).totalSteps()) {
                throw new IllegalArgumentException(e + "total steps " + s.totalSteps()
                        + ", but the lengths so far add up to " + steps
                        + (most > 0 ? " (at most " + most + " more in the other environments)"
                        : ""));
            }
            wall = s.wallSeconds();
        }
    }

    private static void in(String what, double v, double min, double max) {
        if (!(v >= min && v <= max)) {
            throw new IllegalArgumentException(what + " is " + v + ", outside [" + min + ", "
                    + max + "]");
        }
    }
}
