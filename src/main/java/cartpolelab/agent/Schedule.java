package cartpolelab.agent;

import java.util.Locale;

/**
 * How a setting that decays over a run (the learning rate) moves with the environment steps
 * taken so far: constant, or linear to 0 over {@link Hyperparameters#scheduleSteps()} steps
 * like Stable-Baselines3's {@code lin_0.001} ({@code start · progress_remaining}, with
 * {@code progress_remaining = 1 − steps / total_timesteps} computed before each update from
 * the steps collected so far, this update's rollout included).
 */
public enum Schedule {
    CONSTANT,
    LINEAR;

    /** Parses {@code constant} or {@code linear} (any case). */
    public static Schedule parse(String text) {
        String t = text.trim().toUpperCase(Locale.ROOT);
        for (Schedule s : values()) {
            if (s.name().equals(t)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown schedule '" + text
                + "': use constant or linear");
    }

    /** The name on the command line and in files: constant, linear. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The value after {@code steps} of {@code horizon} environment steps: {@code start}, or
     * {@code start · max(0, 1 − steps / horizon)}.
     */
    public double at(double start, long steps, long horizon) {
        if (this == CONSTANT) {
            return start;
        }
        return start * Math.max(0.0, 1.0 - (double) steps / horizon);
    }
}
