package cartpolelab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cartpolelab.agent.Agent;
import cartpolelab.agent.Algorithm;
import cartpolelab.agent.Hyperparameters;
import cartpolelab.agent.Schedule;
import org.junit.jupiter.api.Test;

/**
 * The replay's ρ for PPO: on the steps the episode's last update learned from (and no other
 * update of the episode since), π_θ(a|s) / π_old(a|s) with π_old the recorded policy that
 * chose a and π_θ the agent after that update; NaN on every other step; the clipped term is
 * clip(ρ, 1 ± ε) · Â with that update's ε. Other algorithms have no ρ.
 */
class PpoRatioTest {

    private static final int N = 64;
    private static final Hyperparameters PPO = Hyperparameters.MONTE_CARLO_DEFAULTS
            .withAlgorithm(Algorithm.PPO).toBuilder().hiddenSize(16).nSteps(N).minibatch(32)
            .epochs(4).learningRate(3e-3).clipRangeSchedule(Schedule.LINEAR)
            .scheduleSteps(20_000).episodes(60).seed(5).build();

    @Test
    void ratiosAreKnownExactlyOnTheStepsOfTheEpisodesLastUpdate() {
        TrainingRun run = new TrainingRun(PPO);
        run.record(1000);
        int withRatios = 0;
        for (int e = 0; e < 60; e++) {
            long start = run.history().size() == 0 ? 0
                    : run.history().totalSteps(run.history().size() - 1);
            run.finishEpisode();
            RecordedEpisode rec = run.recorder().latest();
            Agent now = Agent.restore(PPO, run.snapshot().agent());
            int length = rec.steps();
            long end = start + length;
            // updates run when the total reaches a multiple of n: the last one in this
            // episode, and the one before it (or the episode's start)
            long last = end / N * N;
            long before = last - N;
            boolean updated = last > start;
            double[] s = new double[4];
            double[] pi = new double[2];
            for (int k = 0; k < length; k++) {
                long step = start + k + 1; // the step taken from frame k's state
                boolean known = updated && step <= last && step > Math.max(before, start);
                double rho = rec.ratio(k);
                assertEquals(known, !Double.isNaN(rho), "episode " + (e + 1) + " frame " + k);
                if (known) {
                    Frame f = rec.frame(k);
                    s[0] = f.x();
                    s[1] = f.xDot();
                    s[2] = f.theta();
                    s[3] = f.thetaDot();
                    Frame next = rec.frame(k + 1);
                    // states are recorded as floats: π from them agrees to ~1e-6
                    now.probabilities(s, pi);
                    double old = next.action() == 1 ? next.probRight() : next.probLeft();
                    assertEquals(pi[next.action()] / old, rho, 1e-4);
                }
            }
            assertTrue(Double.isNaN(rec.ratio(length)), "no action from the last frame");
            if (updated && length > 1) {
                withRatios++;
                assertEquals(Schedule.LINEAR.at(0.2, last, 20_000), rec.clipRange(), 1e-12);
                EpisodeSignals signals = EpisodeSignals.of(rec, PPO);
                int k = (int) (last - start) - 1;
                double rho = signals.ratioAt(k);
                double eps = rec.clipRange();
                assertEquals(Math.min(Math.max(rho, 1 - eps), 1 + eps)
                        * signals.multiplierAt(k), signals.clippedTermAt(k), 1e-12);
            }
        }
        assertTrue(withRatios > 10, withRatios + " episodes with ρ");
    }

    @Test
    void otherAlgorithmsHaveNoRatio() {
        TrainingRun run = new TrainingRun(Hyperparameters.DEFAULTS.withHiddenSize(8)
                .withEpisodes(3));
        run.record(10);
        run.finishEpisode();
        EpisodeSignals s = EpisodeSignals.of(run.recorder().latest(), run.snapshot()
                .hyperparameters());
        for (int k = 0; k < s.frames(); k++) {
            assertTrue(Double.isNaN(s.ratioAt(k)) && Double.isNaN(s.clippedTermAt(k)));
        }
    }
}
