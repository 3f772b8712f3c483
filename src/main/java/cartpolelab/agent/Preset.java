package cartpolelab.agent;

import cartpolelab.env.CartPoleVersion;
import cartpolelab.nn.Activation;
import cartpolelab.nn.Initialisation;
import cartpolelab.nn.Optimiser;
import java.util.Locale;

/**
 * Named starting points for the settings: the study notebook's, and Stable-Baselines3's A2C
 * and PPO with rl-baselines3-zoo's tuned CartPole-v1 hyperparameters
 * ({@code hyperparams/a2c.yml} and {@code hyperparams/ppo.yml}, key {@code CartPole-v1}) on
 * top of SB3's defaults, with the zoo's 8 environments stepped in lockstep ({@code envs 8}):
 * A2C's rollout is 8 × 5 steps, PPO's 8 × 32.
 */
public enum Preset {
    /** {@link Hyperparameters#DEFAULTS}. */
    NOTEBOOK,
    /**
     * SB3 A2C: 8 envs, RMSprop (α 0.99, ε 1e-5) lr 7e-4, n 5, γ 0.99, λ 1, entropy 0, value coef.
     * 0.5, max grad norm 0.5, two tanh layers of 64, orthogonal init, on v1 with 500 steps.
     */
    SB3_A2C,
    /**
     * SB3 PPO: 8 envs, n 32 (a rollout of 8 × 32 = 256 steps), minibatch 256, 20 epochs, γ 0.98, λ 0.8, lr 1e-3 and
     * clip 0.2 both linear to 0 over 100,000 steps (the zoo's n_timesteps), entropy 0, Adam
     * ε 1e-5, value coef. 0.5, max grad norm 0.5, normalised advantages, two tanh layers of
     * 64, orthogonal init, on v1 with 500 steps.
     */
    SB3_PPO;

    /** The settings of this preset, seed 1. */
    public Hyperparameters hyperparameters() {
        Hyperparameters d = Hyperparameters.DEFAULTS;
        if (this == NOTEBOOK) {
            return d;
        }
        // SB3's MlpPolicy for both: pi and vf [64, 64], tanh, ortho_init
        HyperparameterBuilder b = d.toBuilder().version(CartPoleVersion.V1).maxSteps(500)
                .hiddenSize(64).hiddenLayers(2).activation(Activation.TANH)
                .initialisation(Initialisation.ORTHOGONAL).entropyCoefficient(0)
                .valueCoefficient(0.5).maxGradNorm(0.5).optimiserEpsilon(1e-5).envs(8);
        if (this == SB3_A2C) {
            return b.algorithm(Algorithm.A2C).optimiser(Optimiser.Kind.RMSPROP)
                    .rmspropAlpha(0.99).learningRate(7e-4).nSteps(5).discount(0.99)
                    .gaeLambda(1).build();
        }
        return b.algorithm(Algorithm.PPO).nSteps(32).minibatch(256).epochs(20)
                .discount(0.98).gaeLambda(0.8).learningRate(1e-3)
                .learningRateSchedule(Schedule.LINEAR).clipRange(0.2)
                .clipRangeSchedule(Schedule.LINEAR).scheduleSteps(100_000)
                .normaliseAdvantage(true).build();
    }

    /** notebook, sb3-a2c, sb3-ppo. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Notebook, SB3 A2C, SB3 PPO. */
    public String displayName() {
        return switch (this) {
            case NOTEBOOK -> "Notebook";
            case SB3_A2C -> "SB3 A2C";
            case SB3_PPO -> "SB3 PPO";
        };
    }

    /** Notebook A2C, SB3 A2C, SB3 PPO: the preset with its algorithm, for legends. */
    public String longName() {
        return this == NOTEBOOK ? "Notebook A2C" : displayName();
    }

    /** Parses an {@link #id()} (any case). */
    public static Preset parse(String text) {
        for (Preset p : values()) {
            if (p.id().equals(text.trim().toLowerCase(Locale.ROOT))) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown preset '" + text
                + "': use notebook, sb3-a2c or sb3-ppo");
    }

    @Override
    public String toString() {
        return displayName();
    }
}
