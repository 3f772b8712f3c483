package cartpolelab.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cartpolelab.env.CartPole;
import cartpolelab.env.CartPoleVersion;
import org.junit.jupiter.api.Test;

class EpisodeEndTest {

    private static final double FALLING = CartPole.THETA_THRESHOLD_RADIANS - 1e-4;

    /** {@code steps} steps pushing right from the given state. */
    private static CartPole after(int timeLimit, double theta, double thetaDot, int steps) {
        CartPole env = new CartPole(CartPoleVersion.V0, timeLimit);
        env.reset(0, 0, theta, thetaDot);
        for (int i = 0; i < steps; i++) {
            env.advance(1);
        }
        return env;
    }

    @Test
    void anUprightPoleWithinTheLimitsIsRunning() {
        EpisodeEnd end = EpisodeEnd.after(after(200, 0, 0, 3), 300);
        assertEquals(EpisodeEnd.RUNNING, end);
        assertFalse(end.ended());
    }

    @Test
    void aFallingPoleFell() {
        CartPole env = after(200, FALLING, 2.0, 1);
        assertTrue(env.terminated());
        assertEquals(EpisodeEnd.FELL, EpisodeEnd.after(env, 300));
        assertTrue(EpisodeEnd.FELL.ended());
    }

    @Test
    void maxStepsAndTheTimeLimitCutTheEpisode() {
        assertEquals(EpisodeEnd.CUT_OFF, EpisodeEnd.after(after(200, 0, 0, 3), 3));
        CartPole limited = after(3, 0, 0, 3);
        assertTrue(limited.truncated());
        assertEquals(EpisodeEnd.CUT_OFF, EpisodeEnd.after(limited, 300));
        assertTrue(EpisodeEnd.CUT_OFF.ended());
    }

    @Test
    void fallingOnTheLastAllowedStepCountsAsFalling() {
        CartPole env = after(1, FALLING, 2.0, 1);
        assertTrue(env.terminated() && env.truncated());
        assertEquals(EpisodeEnd.FELL, EpisodeEnd.after(env, 300));
        assertEquals(EpisodeEnd.FELL, EpisodeEnd.after(after(200, FALLING, 2.0, 1), 1));
    }
}
