package cartpolelab.cli;

import static cartpolelab.cli.CliTest.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The flags of SB3's knobs: a run with all of them trains; each bad value is one line naming
 * the flag and what is allowed, exit 2.
 */
class KnobsCliTest {

    private static void assertOneLine(String flag, String value, String allowed) {
        CliTest.Run r = flag.equals("--hidden") ? cli("train", "--episodes", "2", flag, value)
                : cli("train", "--episodes", "2", "--hidden", "8", flag, value);
        assertEquals(2, r.code(), flag + " " + value + ": " + r.out() + r.err());
        String first = r.err().lines().findFirst().orElse("");
        assertTrue(first.startsWith("error: ") && first.contains(flag)
                && first.contains(allowed), flag + " " + value + ": " + r.err());
        assertFalse(r.err().contains("\tat "), r.err());
        assertTrue(r.err().lines().count() <= 2, r.err());
    }

    @Test
    void badValuesAreOneLineNamingTheFlagAndWhatIsAllowed() {
        assertOneLine("--hidden", "64,,64", "e.g. 256 or 64,64");
        assertOneLine("--hidden", "64,32", "all equal");
        assertOneLine("--hidden", "8,8,8,8,8,8,8,8,8", "1 to 8 layers");
        assertOneLine("--hidden", "0,0", "[1, 4096]");
        assertOneLine("--activation", "sigmoid", "relu or tanh");
        assertOneLine("--init", "xavier", "pytorch or orthogonal");
        assertOneLine("--optimiser", "sgd", "adam or rmsprop");
        assertOneLine("--optimiser-eps", "0", "(0, 1]");
        assertOneLine("--rmsprop-alpha", "1.5", "[0, 1]");
        assertOneLine("--max-grad-norm", "-1", "[0, 1000000]");
        assertOneLine("--vf-coef", "abc", "[0, 100]");
        assertOneLine("--lr-schedule", "cosine", "constant or linear");
        assertOneLine("--schedule-steps", "0", "[1, 1000000000000]");
    }

    @Test
    void sb3sA2cSettingsTrainFromTheCommandLine() {
        CliTest.Run r = cli("train", "--episodes", "3", "--hidden", "64,64", "--activation",
                "tanh", "--init", "orthogonal", "--optimiser", "rmsprop", "--optimiser-eps",
                "1e-5", "--rmsprop-alpha", "0.99", "--lr", "7e-4", "--n-steps", "5",
                "--entropy-coef", "0", "--max-grad-norm", "0.5", "--vf-coef", "0.5",
                "--normalise-advantage", "--lr-schedule", "linear", "--schedule-steps", "500",
                "--quiet");
        assertEquals(0, r.code(), r.err());
    }
}
