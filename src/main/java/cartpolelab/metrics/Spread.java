package cartpolelab.metrics;

import java.util.Arrays;

/**
 * The band around an experiment's line: the bootstrap CI of the center, the runs' min–max, or
 * the mean ± one sample standard deviation; with its command-line name ({@code --band ci})
 * and its display name ("95% CI": the window's choice and the chart's legend).
 */
public enum Spread {
    BOOTSTRAP("ci", "95% CI"), MIN_MAX("minmax", "min\u2013max", "min-max"),
    STD_DEV("sd", "\u00b1 1 sd", "std");

    private final String cliName;
    private final String displayName;
    private final String[] aliases;

    Spread(String cliName, String displayName, String... aliases) {
        this.cliName = cliName;
        this.displayName = displayName;
        this.aliases = aliases;
    }

    public String cliName() {
        return cliName;
    }

    /** "95% CI", "min–max", "± 1 sd". */
    public String displayName() {
        return displayName;
    }

    /**
     * The band named {@code text}: its command-line name (or an alias: min-max, std) or its
     * display name, any case.
     *
     * @throws IllegalArgumentException naming the text and the names to use
     */
    public static Spread parse(String text) {
        String t = text.trim();
        for (Spread s : values()) {
            if (s.cliName.equalsIgnoreCase(t) || s.displayName.equalsIgnoreCase(t)
                    || Arrays.stream(s.aliases).anyMatch(t::equalsIgnoreCase)) {
                return s;
            }
        }
        throw new IllegalArgumentException(text + " is not a band: use ci, minmax or sd");
    }
}
