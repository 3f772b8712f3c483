package cartpolelab.plot;

import java.util.Locale;

/**
 * What a reward chart's x axis counts: episodes (the notebook's way, the default) or
 * environment steps (the way RL papers, Stable-Baselines3 and TensorBoard plot it, where sample
 * efficiency shows). Over steps, the value at step S is that of the last episode finished by
 * step S, in buckets of {@link StepColumns#UNIT} steps.
 */
public enum XAxis {
    EPISODES("episodes", "Episode"),
    STEPS("steps", "Environment steps");

    private final String id;
    private final String label;

    XAxis(String id, String label) {
        this.id = id;
        this.label = label;
    }

    /** {@code episodes} or {@code steps}: the command line's word. */
    public String id() {
        return id;
    }

    /** The axis's title on a chart. */
    public String label() {
        return label;
    }

    /** Parses {@code episodes} or {@code steps} (any case). */
    public static XAxis parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        for (XAxis a : values()) {
            if (a.id.equals(t) || a.id.equals(t + "s")) {
                return a;
            }
        }
        throw new IllegalArgumentException("'" + text + "' is not an x axis: use episodes or "
                + "steps");
    }
}
