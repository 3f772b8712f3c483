package cartpolelab.train;

import cartpolelab.agent.Agent;
import cartpolelab.agent.GradientVarianceProbe;
import cartpolelab.metrics.GradientVariance;
import cartpolelab.metrics.GradientVarianceHistory;

/**
 * A {@link TrainingRun}'s gradient-variance measurements: the probe when switched on, the
 * measurement taken at an episode's end until that episode is in the history, and the
 * append-only history of measurements (safe to read from any thread). Driven by the run's
 * thread.
 */
final class VarianceMeasuring {

    private GradientVarianceProbe probe;
    private final GradientVarianceHistory history = new GradientVarianceHistory();
    private GradientVarianceProbe.Measurement pending;
    private long nanos;

    /** Measures from now on with {@code probe}; null switches measuring off. */
    void switchTo(GradientVarianceProbe probe) {
        this.probe = probe;
    }

    /** The probe's settings, or null when not measuring. */
    GradientVarianceProbe.Settings settings() {
        return probe == null ? null : probe.settings();
    }

    GradientVarianceHistory history() {
        return history;
    }

    /**
     * The probe's measurement when {@code episode} is the K-th since the last one, kept until
     * {@link #commit}. Counted in episodes, not updates, so n-step runs (several updates an
     * episode) measure as often as end-of-episode runs; the probe's stream is keyed by the
     * update count.
     */
    void measureIfDue(Agent agent, int episode) {
        if (probe == null || !probe.due(episode - 1, episode)) {
            return;
        }
        long t0 = System.nanoTime();
        try {
            pending = probe.measure(agent, agent.updates());
        } finally {
            nanos += System.nanoTime() - t0;
        }
    }

    /** Adds the pending measurement, if any, as that of {@code episode}. */
    void commit(int episode) {
        GradientVarianceProbe.Measurement m = pending;
        if (m != null) {
            pending = null;
            history.add(new GradientVariance(episode, m.update(), m.reinforce(), m.baseline(),
                    m.td(), m.learner(), m.episodes()));
        }
    }

    /** Seconds spent measuring. */
    double seconds() {
        return nanos / 1e9;
    }
}
