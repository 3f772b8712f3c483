package cartpolelab.ui.lesson;

import static cartpolelab.ui.lesson.Measured.episode;
import static cartpolelab.ui.lesson.Measured.number;
import static cartpolelab.ui.lesson.Measured.ratio;

/**
 * Each chapter's caption, computed from what its experiment just measured: the claim of the
 * chapter is checked against the numbers, and when they do not show it the caption says so.
 * Never canned: every figure in a caption comes from {@link Measured}.
 */
final class Captions {

    /** Variance lines are compared from this episode on (the first ones are all alike). */
    static final int FROM = 150;
    static final String REINFORCE = cartpolelab.agent.Algorithm.REINFORCE.displayName();
    static final String BASELINE = cartpolelab.agent.Algorithm.REINFORCE_BASELINE.displayName();
    static final String A2C = cartpolelab.agent.Algorithm.A2C.displayName();

    private Captions() {
    }

    /** Chapter 1: REINFORCE learns from returns alone. */
    static String reinforce(Measured m) {
        Measured.Group g = m.group(REINFORCE);
        if (g == null || g.episodes() < 100) {
            return "Not enough episodes measured yet.";
        }
        int n = g.episodes();
        double early = g.meanMa50(50);
        double late = g.meanMa50(n);
        String shown = late > early + 10 ? "climbed" : "did not climb";
        return String.format("REINFORCE's 50-episode average (mean of %d seeds) %s from %s at "
                + "episode 50 to %s at episode %,d; %s.", g.runs(), shown, number(early),
                number(late), n, g.solvedText());
    }

    /**
     * Chapter 2: a baseline lowers the gradient's variance. Both estimators are measured on
     * the same networks and episodes (the baseline runs'), so the ratio is the baseline's
     * effect alone, not that of one group having learned longer episodes than the other.
     */
    static String baseline(Measured m) {
        Measured.Group r = m.group(REINFORCE);
        Measured.Group b = m.group(BASELINE);
        if (r == null || b == null) {
            return "Not measured: the experiment needs both REINFORCE and the baseline.";
        }
        int to = b.episodes();
        double vr = b.medianVariance(0, FROM, to);
        double vb = b.medianVariance(1, FROM, to);
        if (!(vr > 0) || !(vb > 0)) {
            return "No gradient variance measured after episode " + FROM + " yet.";
        }
        double q = vb / vr;
        String claim = q < 1 ? "On the same networks, the baseline's gradient variance was "
                + ratio(q) + " REINFORCE's" : "The data does not show the claim: on the same "
                + "networks, the baseline's gradient variance was " + ratio(q)
                + " REINFORCE's, not lower,";
        return String.format("%s over episodes %d\u2013%,d (median of %d seeds). "
                + "REINFORCE: %s; baseline: %s.", claim, FROM, to, b.runs(),
                r.solvedText(), b.solvedText());
    }

    /** Chapter 3: the TD advantage δₜ (λ = 0) is less noisy than Gₜ − V(sₜ). */
    static String actorCritic(Measured m) {
        Measured.Group g = m.groups().isEmpty() ? null : m.groups().get(0);
        if (g == null) {
            return "Nothing measured yet.";
        }
        int to = g.episodes();
        double td = g.medianVariance(2, FROM, to);
        double mc = g.medianVariance(1, FROM, to);
        if (!(td > 0) || !(mc > 0)) {
            return "No gradient variance measured after episode " + FROM + " yet.";
        }
        double q = td / mc;
        String claim = q < 1 ? "On the same networks, the TD advantage's gradient variance "
                + "was " + ratio(q) + " that of Gₜ − V(sₜ)" : "The data does not show the "
                + "claim: on the same networks, the TD advantage's gradient variance was "
                + ratio(q) + " that of Gₜ − V(sₜ), not lower,";
        return String.format("%s over episodes %d\u2013%,d (median of %d seeds); the λ = 0 "
                + "actor-critic: %s.", claim, FROM, to, g.runs(), g.solvedText());
    }

    /** Chapter 4: A2C solves soonest of the three. */
    static String a2c(Measured m) {
        Measured.Group a = m.group(A2C);
        Measured.Group b = m.group(BASELINE);
        Measured.Group r = m.group(REINFORCE);
        if (a == null || b == null || r == null) {
            return "Not measured: the experiment needs the three algorithms.";
        }
        double ea = a.medianSolve();
        boolean fastest = ea < b.medianSolve() && ea < r.medianSolve();
        return String.format("Median episode of solving: A2C %s (%s), baseline %s (%s), "
                + "REINFORCE %s (%s). %s", episode(ea), a.solvedText(), episode(b.medianSolve()),
                b.solvedText(), episode(r.medianSolve()), r.solvedText(), fastest
                        ? "A2C solved soonest." : "The data does not show A2C solving soonest.");
    }
}
