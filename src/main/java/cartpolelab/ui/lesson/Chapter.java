package cartpolelab.ui.lesson;

import cartpolelab.agent.Algorithm;
import cartpolelab.agent.Hyperparameters;
import cartpolelab.agent.Preset;
import cartpolelab.env.CartPoleVersion;
import cartpolelab.train.ExperimentSpec;
import cartpolelab.ui.canvas.Term;
import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The lesson's chapters, in the notebook's order: each a policy-gradient formula, a few plain
 * words, a preset Compare grid small enough to finish in well under a minute on 2 cores, the
 * chart that makes its point and a caption computed from what the grid measured.
 *
 * <p>A formula marks the terms the numbers panel shows with {@code \term{NAME}{tex}} (NAME a
 * {@link cartpolelab.ui.canvas.Term}): {@link Formulas} typesets the formula without the
 * marks and finds where each marked term lies, so hovering it highlights its row.
 */
public enum Chapter {
    REINFORCE("1 \u00b7 REINFORCE",
            "\\nabla_\\theta J \\approx \\sum_t \\term{GRAD_LOG_PI}{\\nabla_\\theta \\log "
                    + "\\pi_\\theta(a_t|s_t)}\\, \\term{RETURN}{G_t}",
            "Play an episode, then push up the log-probability of every action in proportion "
                    + "to the return G\u209c that followed it. No critic: the agent learns from "
                    + "whole returns alone, which are noisy, so learning is slow and uneven.",
            List.of(Algorithm.REINFORCE), b -> b.withGaeLambda(1.0).withNSteps(0), 1000,
            false, Chart.REWARD, Captions::reinforce),
    BASELINE("2 \u00b7 REINFORCE with a baseline",
            "\\nabla_\\theta J \\approx \\sum_t \\term{GRAD_LOG_PI}{\\nabla_\\theta \\log "
                    + "\\pi_\\theta(a_t|s_t)}\\, \\big(\\term{RETURN}{G_t} - "
                    + "\\term{VALUE}{V(s_t)}\\big)",
            "Subtract what the critic V(s\u209c) expected from the return: the gradient keeps "
                    + "its direction on average but varies less, because actions are judged "
                    + "against the usual outcome from that state. The chart shows each "
                    + "estimator's gradient variance (log scale), measured on each group's "
                    + "own networks.",
            List.of(Algorithm.REINFORCE, Algorithm.REINFORCE_BASELINE),
            b -> b.withGaeLambda(1.0).withNSteps(0), 1500, false, Chart.VARIANCE,
            Captions::baseline),
    ACTOR_CRITIC("3 \u00b7 Actor-critic: the TD advantage",
            "\\nabla_\\theta J \\approx \\sum_t \\term{GRAD_LOG_PI}{\\nabla_\\theta \\log "
                    + "\\pi_\\theta(a_t|s_t)}\\, \\term{ADVANTAGE}{\\hat A_t},\\quad "
                    + "\\term{ADVANTAGE}{\\hat A_t} = r_t + \\gamma \\term{VALUE}{V(s_{t+1})} - "
                    + "\\term{VALUE}{V(s_t)}",
            "Replace the whole return by one reward and the critic's guess of the rest: the "
                    + "TD advantage \u00c2\u209c (GAE with \u03bb = 0). It depends on one "
                    + "random step instead of all of them, so it is far less noisy, at the "
                    + "price of the critic's bias.",
            List.of(Algorithm.A2C), b -> b.withGaeLambda(0.0).withNSteps(0), 1000, false,
            Chart.VARIANCE, Captions::actorCritic),
    A2C("4 \u00b7 A2C",
            "\\nabla_\\theta J \\approx \\sum_t \\term{GRAD_LOG_PI}{\\nabla_\\theta \\log "
                    + "\\pi_\\theta(a_t|s_t)}\\, \\term{ADVANTAGE}{\\hat A_t} + \\beta "
                    + "\\nabla_\\theta H\\big(\\pi_\\theta(\\cdot|s_t)\\big)",
            "Advantage actor-critic: the actor follows the advantage, the critic learns V, "
                    + "a small entropy bonus keeps the policy exploring, and the networks "
                    + "learn every few steps (here 5) instead of once per episode, so each "
                    + "step of experience teaches sooner. The three algorithms on the same "
                    + "seeds, each stopped once solved, over environment steps.",
            List.of(Algorithm.REINFORCE, Algorithm.REINFORCE_BASELINE, Algorithm.A2C),
            b -> b.withGaeLambda(Hyperparameters.DEFAULTS.gaeLambda())
                    .withNSteps(Hyperparameters.DEFAULTS.nSteps()), 2500, true, Chart.STEPS,
            Captions::a2c),
    PPO("5 \u00b7 Epilogue: PPO",
            "L^{CLIP}(\\theta) = \\hat{\\mathbb{E}}_t\\Big[\\min\\Big(\\rho_t \\term{ADVANTAGE}"
                    + "{\\hat A_t},\\ \\mathrm{clip}(\\rho_t, 1-\\epsilon, 1+\\epsilon)\\, "
                    + "\\term{ADVANTAGE}{\\hat A_t}\\Big)\\Big],\\quad \\rho_t = "
                    + "\\term{GRAD_LOG_PI}{\\pi_\\theta(a_t|s_t)}\\,/\\,"
                    + "\\pi_{\\theta_{old}}(a_t|s_t)",
            "PPO collects a rollout (here 256 steps), then learns from it many times (here 20 "
                    + "epochs) instead of once. The ratio \u03c1\u209c says how much more "
                    + "likely the action has become since the rollout; clipping it to "
                    + "1 \u00b1 \u03b5 stops the policy moving far on stale data. Same "
                    + "settings and rollouts for both groups (Stable-Baselines3's tuned PPO "
                    + "settings on CartPole-v0, two layers of 32); only the update differs.",
            List.of(Algorithm.A2C, Algorithm.PPO), Chapter::ppoSettings, 800, true, Chart.STEPS,
            Captions::ppo);

    /** The chart that makes a chapter's point. */
    enum Chart {
        /** Learning curves over episodes. */
        REWARD,
        /** Learning curves over environment steps. */
        STEPS,
        /** The gradient variance of each estimator. */
        VARIANCE
    }

    /** Seeds of every chapter's grid but the epilogue's: 1 to 6. */
    public static final int SEEDS = 6;
    /** The epilogue's seeds (PPO's epochs cost more per step): 1 to 4. */
    static final int PPO_SEEDS = 4;

    private final String title;
    private final String tex;
    private final String words;
    private final List<Algorithm> algorithms;
    private final UnaryOperator<Hyperparameters> settings;
    private final int episodes;
    private final boolean stopWhenSolved;
    private final Chart chart;
    private final Function<Measured, String> caption;

    Chapter(String title, String tex, String words, List<Algorithm> algorithms,
            UnaryOperator<Hyperparameters> settings, int episodes, boolean stopWhenSolved,
            Chart chart, Function<Measured, String> caption) {
        this.title = title;
        this.tex = tex;
        this.words = words;
        this.algorithms = algorithms;
        this.settings = settings;
        this.episodes = episodes;
        this.stopWhenSolved = stopWhenSolved;
        this.chart = chart;
        this.caption = caption;
    }

    /**
     * The epilogue's settings: rl-baselines3-zoo's CartPole PPO ({@link Preset#SB3_PPO}) on
     * CartPole-v0 (200 steps) with two hidden layers of 32 instead of 64, so 4 seeds of both
     * groups finish in under a minute on 2 cores (44 s measured on a loaded machine).
     */
    private static Hyperparameters ppoSettings(Hyperparameters base) {
        return Preset.SB3_PPO.hyperparameters().toBuilder().version(CartPoleVersion.V0)
                .maxSteps(200).hiddenSize(32).build();
    }

    public String title() {
        return title;
    }

    /** The gradient formula, in TeX, with its terms marked ({@code \term{NAME}{…}}). */
    public String tex() {
        return tex;
    }

    public String words() {
        return words;
    }

    /** True when the chart that makes the point is the gradient variance, not the rewards. */
    public boolean varianceChart() {
        return chart == Chart.VARIANCE;
    }

    /** True when the learning curves are over environment steps. */
    public boolean overSteps() {
        return chart == Chart.STEPS;
    }

    /** The preset grid over {@code base} (the main window's other settings). */
    public ExperimentSpec spec(Hyperparameters base) {
        Hyperparameters hp = settings.apply(base).withEpisodes(episodes);
        int seeds = this == PPO ? PPO_SEEDS : SEEDS;
        return new ExperimentSpec(hp, algorithms, ExperimentSpec.seeds(seeds), null,
                ExperimentSpec.defaultThreads(), stopWhenSolved,
                ExperimentSpec.DEFAULT_EPISODES_PER_TURN);
    }

    /**
     * How {@code t} reads in this chapter's formula: PPO's marks the policy π_θ(aₜ|sₜ) of its
     * ratio, where the others mark ∇log π (both are the numbers panel's policy bars).
     */
    public String symbol(Term t) {
        return this == PPO && t == Term.GRAD_LOG_PI
                ? "\u03c0\u03b8(a\u209c|s\u209c)" : t.symbol();
    }

    /** The caption the numbers give. */
    public String caption(Measured m) {
        return caption.apply(m);
    }
}
