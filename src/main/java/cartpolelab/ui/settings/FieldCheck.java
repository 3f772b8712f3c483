package cartpolelab.ui.settings;

import cartpolelab.agent.Hyperparameters;
import java.util.function.DoubleFunction;
import java.util.function.IntFunction;

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
        String t = text == null ? "" : text.strip().replace("_", "");
        int v;
        try {
            v = Integer.parseInt(t);
        } catch (NumberFormatException e) {
            return invalid(label + ": " + describeInput(t) + " is not a whole number"
                    + allowed(() -> probe.apply(Integer.MIN_VALUE)));
        }
        try {
            probe.apply(v);
            return valid(v);
        } catch (IllegalArgumentException e) {
            return invalid(label + ": " + v + " is out of range" + allowedFrom(e));
        }
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
