package cartpolelab.nn;

import java.util.Locale;

/**
 * The nonlinearity of a network's hidden layers: ReLU (the study notebook's) or tanh
 * (Stable-Baselines3's default for its MLP policies).
 */
public enum Activation {
    /** h = max(a, 0), h' = [h &gt; 0] (0 at 0, like PyTorch). */
    RELU,
    /** h = tanh(a), h' = 1 − h². */
    TANH;

    /** Parses {@code relu} or {@code tanh} (any case). */
    public static Activation parse(String text) {
        String t = text.trim().toUpperCase(Locale.ROOT);
        for (Activation a : values()) {
            if (a.name().equals(t)) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown activation '" + text
                + "': use relu or tanh");
    }

    /** The name on the command line and in files: relu, tanh. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
