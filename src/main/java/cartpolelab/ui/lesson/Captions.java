package cartpolelab.ui.lesson;

import static cartpolelab.ui.lesson.Measured.number;
import static cartpolelab.ui.lesson.Measured.ratio;
import static cartpolelab.ui.lesson.Measured.steps;

import cartpolelab.agent.Algorithm;
import java.util.Locale;

/**
 * Each chapter's caption, computed from what its experiment just measured: the claim of the
 * chapter is checked against the numbers, and when they do not show it the caption says so.
 * Never canned: every figure in a caption comes from {@link Measured}.
 */
final class Captions {

    /** Variance lines are compared from this episode on (the first ones are all alike). */
    static final int FROM = 150;
    static final String REINFORCE = Algorithm.REINFORCE.displayName();
    static final String BASELINE = Algorithm.REINFORCE_BASELINE.displayName();
    static final String A2C = Algorithm.A2C.displayName();

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
        return String.format(Locale.ROOT, "REINFORCE's 50-episode average (mean of %d seeds) %s from %s at "
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
        String claim = sameNetworks(b, 1, 0, "the baseline's", "REINFORCE's");
        return claim == null ? notYet() : String.format(Locale.ROOT, "%s (median of %d seeds). REINFORCE: "
                + "%s; baseline: %s.", claim, b.runs(), r.solvedText(), b.solvedText());
    }

    /**
     * "On the same networks, {@code subject} gradient variance was 0.29× {@code object} over
     * episodes 150–1,500": estimator {@code k} against estimator {@code than} of group
     * {@code g} (0 REINFORCE, 1 baseline, 2 TD), or the same saying the data does not show
     * it; null before a measurement after episode {@link #FROM}.
     */
    private static String sameNetworks(Measured.Group g, int k, int than, String subject,
                                       String object) {
        int to = g.episodes();
        double v = g.medianVariance(k, FROM, to);
        double ref = g.medianVariance(than, FROM, to);
        if (!(v > 0) || !(ref > 0)) {
            return null;
        }
        double q = v / ref;
        return String.format(Locale.ROOT, "%son the same networks, %s gradient variance was %s %s%s over "
                + "episodes %d\u2013%,d", q < 1 ? "" : "The data does not show the claim: ",
                subject, ratio(q), object, q < 1 ? "" : ", not lower,", FROM, to)
                .replaceFirst("^on", "On");
    }

    private static String notYet() {
        return "No gradient variance measured after episode " + FROM + " yet.";
    }

    /** Chapter 3: the TD advantage δₜ (λ = 0) is less noisy than Gₜ − V(sₜ). */
    static String actorCritic(Measured m) {
        Measured.Group g = m.groups().isEmpty() ? null : m.groups().get(0);
        if (g == null) {
            return "Nothing measured yet.";
        }
        String claim = sameNetworks(g, 2, 1, "the TD advantage's", "that of Gₜ − V(sₜ)");
        return claim == null ? notYet() : String.format(Locale.ROOT, "%s (median of %d seeds); the λ = 0 "
                + "actor-critic: %s.", claim, g.runs(), g.solvedText());
    }

    /**
     * Chapter 4: A2C, learning every 5 steps, solves in fewer environment steps than the
     * baseline (and REINFORCE), which learn once an episode.
     */
    static String a2c(Measured m) {
        Measured.Group a = m.group(A2C);
        Measured.Group b = m.group(BASELINE);
        Measured.Group r = m.group(REINFORCE);
        if (a == null || b == null || r == null) {
            return "Not measured: the experiment needs the three algorithms.";
        }
        double sa = a.medianSolveSteps();
        double sb = b.medianSolveSteps();
        String verdict = fewer(sa, sb) ? (Double.isInfinite(sb)
                ? "A2C solved within the budget and the baseline did not."
                : "A2C needed " + ratio(sa / sb) + " the baseline's steps.")
                : "The data does not show A2C solving in fewer environment steps than the "
                + "baseline.";
        return String.format(Locale.ROOT, "Median environment steps to solve: A2C %s "
                + "(%s), baseline %s (%s), REINFORCE %s (%s). %s", steps(sa), a.solvedText(),
                steps(sb), b.solvedText(), steps(r.medianSolveSteps()), r.solvedText(), verdict);
    }

    /** The epilogue: on the same rollouts, PPO's clipped epochs solve in fewer steps than A2C. */
    static String ppo(Measured m) {
        Measured.Group p = m.group(Algorithm.PPO.displayName());
        Measured.Group a = m.group(A2C);
        if (p == null || a == null) {
            return "Not measured: the experiment needs PPO and A2C.";
        }
        double sp = p.medianSolveSteps();
        double sa = a.medianSolveSteps();
        String verdict = fewer(sp, sa) ? (Double.isInfinite(sa)
                ? "PPO solved within the budget and A2C, on the same rollouts, did not."
                : "PPO needed " + ratio(sp / sa) + " A2C's steps.")
                : "The data does not show PPO solving in fewer environment steps than A2C.";
        return String.format(Locale.ROOT, "Median environment steps to solve: PPO %s "
                + "(%s), A2C %s (%s). %s", steps(sp), p.solvedText(), steps(sa),
                a.solvedText(), verdict);
    }

    /** True when {@code x} is finite and below {@code than} (which may be ∞: never solved). */
    private static boolean fewer(double x, double than) {
        return Double.isFinite(x) && x < than;
    }
}
