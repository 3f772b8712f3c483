package cartpolelab.metrics;

/**
 * The line drawn through an experiment's runs, with its names: on the command line
 * ({@code --center iqm}), in the window's choice ("Mean") and in a chart's legend ("mean").
 * Parsed once, where the text comes in; everything after holds the constant.
 */
public enum Center {
    MEAN("mean", "Mean", "mean"), IQM("iqm", "IQM", "IQM");

    private final String cliName;
    private final String displayName;
    private final String legend;

    Center(String cliName, String displayName, String legend) {
        this.cliName = cliName;
        this.displayName = displayName;
        this.legend = legend;
    }

    public String cliName() {
        return cliName;
    }

    /** "Mean", "IQM": the window's choice. */
    public String displayName() {
        return displayName;
    }

    /** "mean", "IQM": the chart's legend. */
    public String legend() {
        return legend;
    }

    /**
     * The line named {@code text}: its command-line or display name, any case.
     *
     * @throws IllegalArgumentException naming the text and the names to use
     */
    public static Center parse(String text) {
        String t = text.trim();
        for (Center c : values()) {
            if (c.cliName.equalsIgnoreCase(t) || c.displayName.equalsIgnoreCase(t)) {
                return c;
            }
        }
        throw new IllegalArgumentException(text + " is not a line: use mean or iqm");
    }
}
