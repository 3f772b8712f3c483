package cartpolelab.cli;

import static cartpolelab.cli.CliTest.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@code --gae-lambda}: bad values are one line naming the flag and the range, exit 2. */
class GaeLambdaCliTest {

    private static void assertOneLineNamingFlagAndRange(String value) {
        CliTest.Run r = cli("train", "--episodes", "2", "--hidden", "8", "--gae-lambda", value);
        assertEquals(2, r.code(), r.out() + r.err());
        String first = r.err().lines().findFirst().orElse("");
        assertTrue(first.startsWith("error: ") && first.contains("--gae-lambda")
                && first.contains("[0, 1]"), value + ": " + r.err());
        assertFalse(r.err().contains("\tat "), r.err());
        assertTrue(r.err().lines().count() <= 2, r.err());
    }

    @Test
    void outOfRangeNaNAndCommaDecimalsAreRefused() {
        assertOneLineNamingFlagAndRange("1.5");
        assertOneLineNamingFlagAndRange("-0.1");
        assertOneLineNamingFlagAndRange("NaN");
        assertOneLineNamingFlagAndRange("0,5");
    }

    @Test
    void aLambdaTheAlgorithmIgnoresIsNamed() {
        CliTest.Run r = cli("train", "--algorithm", "reinforce-baseline", "--gae-lambda", "0",
                "--episodes", "2", "--hidden", "8", "--quiet");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("--gae-lambda is ignored"), r.err());
    }

    @Test
    void itCanBeSwept() {
        CliTest.Run r = cli("compare", "--algorithms", "a2c", "--seeds", "1",
                "--sweep", "gae-lambda=0,1", "--episodes", "3", "--hidden", "8");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("gae-lambda"), r.out());
    }
}
