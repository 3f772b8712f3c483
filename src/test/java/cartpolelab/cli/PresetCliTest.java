package cartpolelab.cli;

import static cartpolelab.cli.CliTest.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cartpolelab.agent.Algorithm;
import cartpolelab.agent.Hyperparameters;
import cartpolelab.agent.Preset;
import cartpolelab.agent.Schedule;
import cartpolelab.env.CartPoleVersion;
import cartpolelab.nn.Activation;
import cartpolelab.nn.Optimiser;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code --preset}: the zoo's settings, explicit flags override them, a bad name is one line. */
class PresetCliTest {

    @Command(name = "probe")
    static final class Probe {
        @Mixin
        HyperparameterOptions options;
    }

    private static Hyperparameters parse(String... args) {
        Probe probe = new Probe();
        new CommandLine(probe).parseArgs(args);
        return probe.options.build();
    }

    @Test
    void thePresetsAreTheZoosCartPoleV1Settings() {
        Hyperparameters a2c = parse("--preset", "sb3-a2c");
        assertEquals(Algorithm.A2C, a2c.algorithm());
        assertEquals(CartPoleVersion.V1, a2c.version());
        assertEquals(500, a2c.maxSteps());
        assertEquals(Optimiser.Kind.RMSPROP, a2c.optimiser());
        assertEquals(7e-4, a2c.learningRate());
        assertEquals(1e-5, a2c.optimiserEpsilon());
        assertEquals(5, a2c.nSteps());
        assertEquals(0.0, a2c.entropyCoefficient());
        assertEquals(0.5, a2c.maxGradNorm());
        assertEquals(2, a2c.hiddenLayers());
        assertEquals(64, a2c.hiddenSize());
        assertEquals(Activation.TANH, a2c.activation());
        assertEquals(8, a2c.envs(), "the zoo's 8 environments, stepped in lockstep");
        assertEquals(1.0, a2c.gaeLambda());
        assertEquals(0.99, a2c.rmspropAlpha());
        assertEquals(false, a2c.normaliseAdvantage(), "SB3's A2C does not normalise");

        Hyperparameters ppo = parse("--preset", "sb3-ppo");
        assertEquals(Preset.SB3_PPO.hyperparameters(), ppo);
        assertEquals(Algorithm.PPO, ppo.algorithm());
        assertEquals(8, ppo.envs());
        assertEquals(32, ppo.nSteps(), "8 × 32 = the zoo's rollout of 256 steps");
        assertEquals(true, ppo.normaliseAdvantage(), "SB3's PPO normalises per minibatch");
        assertEquals(1e-5, ppo.optimiserEpsilon());
        assertEquals(256, ppo.minibatch());
        assertEquals(20, ppo.epochs());
        assertEquals(0.98, ppo.discount());
        assertEquals(0.8, ppo.gaeLambda());
        assertEquals(Schedule.LINEAR, ppo.learningRateSchedule());
        assertEquals(Schedule.LINEAR, ppo.clipRangeSchedule());
        assertEquals(Hyperparameters.DEFAULTS, parse("--preset", "notebook"));
        assertEquals(1, parse("--preset", "sb3-ppo", "--envs", "1", "--n-steps", "256").envs());
        assertEquals(Hyperparameters.DEFAULTS, parse());
    }

    @Test
    void explicitFlagsOverrideThePreset() {
        Hyperparameters ppo = parse("--preset", "sb3-ppo", "--epochs", "5", "--seed", "9",
                "--hidden", "32");
        assertEquals(Preset.SB3_PPO.hyperparameters().withEpochs(5).withSeed(9)
                .withHiddenSize(32).withHiddenLayers(1), ppo);
        Hyperparameters v0 = parse("--preset", "sb3-a2c", "--env", "v0");
        assertEquals(300, v0.maxSteps(), "another version takes its own default max steps");
    }

    @Test
    void badPresetsAndPpoBatchesAreOneLineExitTwo() {
        CliTest.Run r = cli("train", "--preset", "sb3-dqn");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().startsWith("error: ") && r.err().contains("--preset")
                && r.err().contains("notebook, sb3-a2c or sb3-ppo"), r.err());
        r = cli("train", "--preset", "sb3-ppo", "--minibatch", "512");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("--minibatch must be at most the rollout's 256 steps"),
                r.err());
        r = cli("train", "--algorithm", "ppo", "--epochs", "0");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("--epochs must be in [1, 1000], was 0"), r.err());
        assertTrue(r.err().lines().count() <= 2, r.err());
    }
}
