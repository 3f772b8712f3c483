package cartpolelab.ui.settings;

import cartpolelab.agent.Hyperparameters;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleFunction;
import java.util.function.IntFunction;
import java.util.function.LongFunction;

/**
 * Parses one settings field and checks it against {@link Hyperparameters}' own validation, so
 * the ranges live in exactly one place: a value is tried on the defaults with the matching
 * {@code withX}, and the constructor's message ("learningRate must be in (0, 1], was 2.0")
 * becomes the field's message. Pure: no JavaFX.
 *
 * @param value the parsed value, or null when {@code error} is set
 * @param error what is wrong and what is allowed, or null
 */
public record FieldCheck<T>(T value, String error) {

    public boolean ok() {
        return error == null;
    }

    static <T> FieldCheck<T> valid(T value) {
        return new FieldCheck<>(value, null);
    }

    static <T> FieldCheck<T> invalid(String error) {
        return new FieldCheck<>(null, error);
    }

    /** A whole number, checked by {@code probe} (e.g. {@code DEFAULTS::withHiddenSize}). */
    public static FieldCheck<Integer> wholeNumber(String label, String text,
                                                  IntFunction<Hyperparameters> probe) {
        // beyond an int is out of range like any value the probe refuses
        FieldCheck<Long> c = longNumber(label, text, v -> probe.apply(
                v < Integer.MIN_VALUE || v > Integer.MAX_VALUE ? Integer.MIN_VALUE : (int) v));
        return c.ok() ? valid(c.value().intValue()) : invalid(c.error());
    }

    /** A decimal number such as {@code 3e-4} or {@code 0.99}, checked by {@code probe}. */
    public static FieldCheck<Double> decimal(String label, String text,
                                             DoubleFunction<Hyperparameters> probe) {
        String t = text == null ? "" : text.strip();
        double v;
        try {
            if (t.isEmpty() || !t.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?")) {
                throw new NumberFormatException();
            }
            v = Double.parseDouble(t);
        } catch (NumberFormatException e) {
            return invalid(label + ": " + describeInput(t) + " is not a number"
                    + allowed(() -> probe.apply(Double.NaN)));
        }
        try {
            probe.apply(v);
            return valid(v);
        } catch (IllegalArgumentException e) {
            return invalid(label + ": " + t + " is out of range" + allowedFrom(e));
        }
    }

    /** A whole number of up to 64 bits, checked by {@code probe}. */
    public static FieldCheck<Long> longNumber(String label, String text,
                                              LongFunction<Hyperparameters> probe) {
        String t = text == null ? "" : text.strip().replace("_", "");
        long v;
        try {
            v = Long.parseLong(t);
        } catch (NumberFormatException e) {
            return invalid(label + ": " + describeInput(t) + " is not a whole number"
                    + allowed(() -> probe.apply(Long.MIN_VALUE)));
        }
        try {
            probe.apply(v);
            return valid(v);
        } catch (IllegalArgumentException e) {
            return invalid(label + ": " + v + " is out of range" + allowedFrom(e));
        }
    }

    /**
     * Hidden layers as the command line's {@code --hidden} takes them: one width per layer,
     * all equal ("256", "64,64"), 1 to {@link Hyperparameters#MAX_HIDDEN_LAYERS} layers, each
     * width checked by {@code probe}.
     */
    public static FieldCheck<List<Integer>> layers(String label, String text,
                                                   IntFunction<Hyperparameters> probe) {
        String t = text == null ? "" : text.strip();
        String allowed = "; write one width per layer, all equal, e.g. 256 or 64,64 (1 to "
                + Hyperparameters.MAX_HIDDEN_LAYERS + " layers, each in [1, "
                + Hyperparameters.MAX_HIDDEN_SIZE + "])";
        String[] parts = t.split(",", -1);
        List<Integer> widths = new ArrayList<>();
        for (String part : parts) {
            try {
                widths.add(Integer.parseInt(part.strip().replace("_", "")));
            } catch (NumberFormatException e) {
                return invalid(label + ": " + describeInput(t) + " is not a list of layer "
                        + "widths" + allowed);
            }
        }
        if (widths.size() > Hyperparameters.MAX_HIDDEN_LAYERS) {
            return invalid(label + ": '" + t + "' has " + widths.size() + " layers" + allowed);
        }
        if (widths.stream().distinct().count() > 1) {
            return invalid(label + ": '" + t + "' has layers of different widths" + allowed);
        }
        try {
            probe.apply(widths.get(0));
        } catch (IllegalArgumentException e) {
            return invalid(label + ": " + widths.get(0) + " is out of range" + allowed);
        }
        return valid(List.copyOf(widths));
    }

    /** Any whole number that fits in 64 bits. */
    public static FieldCheck<Long> seed(String label, String text) {
        String t = text == null ? "" : text.strip().replace("_", "");
        try {
            return valid(Long.parseLong(t));
        } catch (NumberFormatException e) {
            return invalid(label + ": " + describeInput(t)
                    + " is not a whole number; use any whole number, e.g. 1");
        }
    }

    private static String describeInput(String t) {
        return t.isEmpty() ? "an empty field" : "'" + t + "'";
    }

    private static String allowed(Runnable invalidProbe) {
        try {
            invalidProbe.run();
        } catch (IllegalArgumentException e) {
            return allowedFrom(e);
        }
        return "";
    }

    /** "; use a value in (0, 1]" from "learningRate must be in (0, 1], was 2.0". */
    static String allowedFrom(IllegalArgumentException e) {
        String m = e.getMessage();
        if (m == null) {
            return "";
        }
        int from = m.indexOf("must be in ");
        int to = m.lastIndexOf(", was");
        if (from < 0 || to <= from) {
            return "; " + m;
        }
        return "; use a value in " + m.substring(from + "must be in ".length(), to);
    }
}
