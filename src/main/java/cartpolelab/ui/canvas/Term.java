package cartpolelab.ui.canvas;

/**
 * A term of a policy-gradient formula that the numbers panel shows during a replay: the
 * lesson highlights its row when the pointer is over the term in a formula.
 */
public enum Term {
    /** ∇log π(a|s): the policy's probabilities, the bars π(←) | π(→). */
    GRAD_LOG_PI("\u2207log \u03c0", "the policy bars \u03c0(\u2190) | \u03c0(\u2192)"),
    /** Gₜ: the return from the state shown (replay only). */
    RETURN("G\u209c", "the row G\u209c (during a replay)"),
    /** V(s): the critic's estimate (algorithms with a critic). */
    VALUE("V(s)", "the row V(s)"),
    /** Âₜ (or Gₜ − V(sₜ)): what ∇log π was multiplied by (replay, with a critic). */
    ADVANTAGE("\u00c2\u209c", "the multiplier row (during a replay)");

    private final String symbol;
    private final String where;

    Term(String symbol, String where) {
        this.symbol = symbol;
        this.where = where;
    }

    public String symbol() {
        return symbol;
    }

    /** Where the numbers panel shows it, for people. */
    public String where() {
        return where;
    }
}
