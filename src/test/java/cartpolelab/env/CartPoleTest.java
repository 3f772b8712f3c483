package cartpolelab.env;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CartPoleTest {

    @Test
    void v0TruncatesOnTheTwoHundredthStep() {
        CartPole env = new CartPole(CartPoleVersion.V0);
        env.reset(0, 0, 0, 0);
        // pushing the cart under the pole keeps it up well past 200 steps
        for (int t = 1; t <= 199; t++) {
            CartPole.Step s = env.step(balance(env));
            assertFalse(s.terminated(), "fell at step " + t);
            assertFalse(s.truncated(), "truncated early at step " + t);
        }
        CartPole.Step last = env.step(balance(env));
        assertTrue(last.truncated());
        assertFalse(last.terminated());
        assertEquals(1.0, last.reward());
        assertEquals(200, env.steps());
        assertTrue(env.done());
    }

    private static int balance(CartPole env) {
        return env.theta() + 0.5 * env.thetaDot() + 0.01 * env.x() + 0.05 * env.xDot() > 0 ? 1 : 0;
    }

    @Test
    void v1TimeLimitIsFiveHundred() {
        assertEquals(500, CartPoleVersion.V1.timeLimit());
        assertEquals(475.0, CartPoleVersion.V1.solvedThreshold());
        assertEquals(195.0, CartPoleVersion.V0.solvedThreshold());
    }

    @Test
    void terminatedAndTruncatedCanBothBeTrue() {
        CartPole env = new CartPole(CartPoleVersion.V0, 1);
        env.reset(0, 0, CartPole.THETA_THRESHOLD_RADIANS, 1.0);
        CartPole.Step s = env.step(1);
        assertTrue(s.terminated());
        assertTrue(s.truncated());
        assertEquals(1.0, s.reward(), "the terminating step is rewarded too");
    }

    @Test
    void boundsAreStrictAndCheckedAfterTheUpdate() {
        CartPole env = new CartPole(CartPoleVersion.V1);
        // starting beyond the bound is allowed; the check uses the state after the step
        env.reset(2.4 + 1e-9, -1.0, 0, 0);
        assertFalse(env.step(0).terminated(), "x moved back inside: not terminated");
        env.reset(2.4, 0.0, 0, 0);
        assertFalse(env.step(1).terminated(), "x == 2.4 exactly is still inside (strict >)");
    }

    @Test
    void resetDrawsEachValueInTheSmallBox() {
        CartPole env = new CartPole(CartPoleVersion.V1);
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 1000; i++) {
            env.reset(random);
            for (double v : env.observation()) {
                assertTrue(v >= -0.05 && v < 0.05, "out of [-0.05, 0.05): " + v);
            }
            assertEquals(0, env.steps());
            assertFalse(env.done());
        }
    }

    @Test
    void seededResetIsReproducible() {
        CartPole a = new CartPole(CartPoleVersion.V0);
        CartPole b = new CartPole(CartPoleVersion.V0);
        a.reset(new SplittableRandom(42));
        b.reset(new SplittableRandom(42));
        assertEquals(java.util.Arrays.toString(a.observation()),
                java.util.Arrays.toString(b.observation()));
    }

    @Test
    void anInvalidActionIsRejectedByName() {
        CartPole env = new CartPole(CartPoleVersion.V0);
        env.reset(0, 0, 0, 0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> env.step(2));
        assertTrue(e.getMessage().contains("2"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> env.step(-1));
        assertEquals(0, env.steps(), "a rejected action does not step");
    }

    @Test
    void steppingAfterTheEndSaysToReset() {
        CartPole env = new CartPole(CartPoleVersion.V0);
        env.reset(0, 0, 0.3, 0);
        assertTrue(env.step(0).terminated());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> env.step(0));
        assertTrue(e.getMessage().contains("reset"), e.getMessage());
        assertThrows(IllegalStateException.class,
                () -> new CartPole(CartPoleVersion.V0).step(0), "never reset");
    }

    @Test
    void versionsParseFromUserText() {
        assertEquals(CartPoleVersion.V0, CartPoleVersion.parse("v0"));
        assertEquals(CartPoleVersion.V1, CartPoleVersion.parse("CartPole-v1"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CartPoleVersion.parse("v2"));
        assertTrue(e.getMessage().contains("v2"));
    }
}
