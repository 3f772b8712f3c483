package cartpolelab.ui.lesson;

import cartpolelab.agent.Algorithm;
import cartpolelab.agent.Hyperparameters;
import cartpolelab.train.ExperimentSpec;
import java.util.List;
import java.util.function.Function;

/**
 * The lesson's chapters, in the notebook's order: each a policy-gradient formula, a few plain
 * words, a preset Compare grid small enough to finish in well under a minute on 2 cores, the
 * chart that makes its point and a caption computed from what the grid measured.
 */
public enum Chapter {
    REINFORCE("1 \u00b7 REINFORCE",
            "\\nabla_\\theta J \\approx \\sum_t \\nabla_\\theta \\log \\pi_\\theta(a_t|s_t)"
                    + "\\, G_t",
            "Play an episode, then push up the log-probability of every action in proportion "
                    + "to the return G\u209c that followed it. No critic: the agent learns from "
                    + "whole returns alone, which are noisy, so learning is slow and uneven.",
            List.of(Algorithm.REINFORCE), 1.0, 0, 1000, false, Captions::reinforce),
    BASELINE("2 \u00b7 REINFORCE with a baseline",
            "\\nabla_\\theta J \\approx \\sum_t \\nabla_\\theta \\log \\pi_\\theta(a_t|s_t)"
                    + "\\, \\big(G_t - V(s_t)\\big)",
            "Subtract what the critic V(s\u209c) expected from the return: the gradient keeps "
                    + "its direction on average but varies less, because actions are judged "
                    + "against the usual outcome from that state. The chart shows each "
                    + "estimator's gradient variance (log scale), measured on each group's "
                    + "own networks.",
            List.of(Algorithm.REINFORCE, Algorithm.REINFORCE_BASELINE), 1.0, 0, 1500, true,
            Captions::baseline),
    ACTOR_CRITIC("3 \u00b7 Actor-critic: the TD advantage",
            "\\nabla_\\theta J \\approx \\sum_t \\nabla_\\theta \\log \\pi_\\theta(a_t|s_t)"
                    + "\\, \\hat A_t,\\quad \\hat A_t = r_t + \\gamma V(s_{t+1}) - V(s_t)",
            "Replace the whole return by one reward and the critic's guess of the rest: the "
                    + "TD advantage \u00c2\u209c (GAE with \u03bb = 0). It depends on one "
                    + "random step instead of all of them, so it is far less noisy, at the "
                    + "price of the critic's bias.",
            List.of(Algorithm.A2C), 0.0, 0, 1000, true, Captions::actorCritic),
    A2C("4 \u00b7 A2C",
            "\\nabla_\\theta J \\approx \\sum_t \\nabla_\\theta \\log \\pi_\\theta(a_t|s_t)"
                    + "\\, \\hat A_t + \\beta \\nabla_\\theta H\\big(\\pi_\\theta(\\cdot|s_t)"
                    + "\\big)",
            "Advantage actor-critic: the actor follows the advantage, the critic learns V, "
                    + "a small entropy bonus keeps the policy exploring, and the networks "
                    + "learn every few steps (here 5) instead of once per episode. The three "
                    + "algorithms side by side, on the same seeds.",
            List.of(Algorithm.REINFORCE, Algorithm.REINFORCE_BASELINE, Algorithm.A2C),
            Hyperparameters.DEFAULTS.gaeLambda(), Hyperparameters.DEFAULTS.nSteps(), 1500, false,
            Captions::a2c);

    /** Seeds of every chapter's grid: 1 to 6. */
    public static final int SEEDS = 6;

    private final String title;
    private final String tex;
    private final String words;
    private final List<Algorithm> algorithms;
    private final double lambda;
    private final int nSteps;
    private final int episodes;
    private final boolean variance;
    private final Function<Measured, String> caption;

    Chapter(String title, String tex, String words, List<Algorithm> algorithms, double lambda,
            int nSteps, int episodes, boolean variance, Function<Measured, String> caption) {
        this.title = title;
        this.tex = tex;
        this.words = words;
        this.algorithms = algorithms;
        this.lambda = lambda;
        this.nSteps = nSteps;
        this.episodes = episodes;
        this.variance = variance;
        this.caption = caption;
    }

    public String title() {
        return title;
    }

    /** The gradient formula, in TeX. */
    public String tex() {
        return tex;
    }

    public String words() {
        return words;
    }

    /** True when the chart that makes the point is the gradient variance, not the rewards. */
    public boolean varianceChart() {
        return variance;
    }

    /** The preset grid over {@code base} (the main window's other settings). */
    public ExperimentSpec spec(Hyperparameters base) {
        return ExperimentSpec.of(base.withEpisodes(episodes).withGaeLambda(lambda)
                .withNSteps(nSteps), algorithms,
                java.util.stream.LongStream.rangeClosed(1, SEEDS).boxed().toList());
    }

    /** The caption the numbers give. */
    public String caption(Measured m) {
        return caption.apply(m);
    }
}
