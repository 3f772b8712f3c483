package cartpolelab.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cartpolelab.env.CartPole;
import cartpolelab.env.CartPoleVersion;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class EpisodeRunnerTest {

    @Test
    void episodesEndByFallingOrByTheStepLimitAndSayWhich() {
        Hyperparameters hp = Hyperparameters.DEFAULTS.withMaxSteps(12).withSeed(2);
        EpisodeRunner runner = new EpisodeRunner(new Agent(hp));
        int cut = 0;
        int fell = 0;
        for (int e = 0; e < 40; e++) {
            double reward = runner.runEpisode();
            assertEquals(runner.episodeSteps(), reward, 0);
            assertTrue(runner.episodeSteps() <= 12);
            assertTrue(runner.lastTerminated() != runner.lastCutOff());
            if (runner.lastCutOff()) {
                assertEquals(12, runner.episodeSteps());
                assertFalse(runner.env().terminated());
                cut++;
            } else {
                assertTrue(runner.env().terminated());
                fell++;
            }
        }
        assertTrue(cut > 0 && fell > 0, cut + " cut off, " + fell + " fell");
    }

    @Test
    void theVersionsTimeLimitIsACutOff() {
        // maxSteps 300 > v0's 200: a good enough policy reaches 200 and is cut off there
        Hyperparameters hp = Hyperparameters.DEFAULTS.withSeed(1);
        EpisodeRunner runner = new EpisodeRunner(new Agent(hp));
        boolean sawLimit = false;
        for (int e = 0; e < 1500 && !sawLimit; e++) {
            runner.runEpisode();
            if (runner.episodeSteps() == 200) {
                sawLimit = true;
                assertTrue(runner.lastCutOff());
                assertTrue(runner.env().truncated());
            } else {
                assertTrue(runner.lastTerminated());
            }
        }
        assertTrue(sawLimit);
    }

    @Test
    void stepAutoBeginsAndCountsSteps() {
        EpisodeRunner runner = new EpisodeRunner(new Agent(Hyperparameters.DEFAULTS));
        assertFalse(runner.inEpisode());
        assertEquals(-1, runner.lastAction());
        runner.step();
        assertTrue(runner.inEpisode(), "one step cannot end a v0 episode");
        assertEquals(1, runner.episodeSteps());
        assertEquals(1, runner.totalSteps());
        assertTrue(runner.lastAction() == 0 || runner.lastAction() == 1);
        double[] p = new double[2];
        runner.lastProbabilities(p);
        assertEquals(1, p[0] + p[1], 1e-15);
        runner.runEpisode();
        assertFalse(runner.inEpisode());
        assertEquals(runner.episodeSteps() + 1, runner.totalSteps());
    }

    @Test
    void theRandomStreamLayoutIsAsDocumented() {
        // 4 doubles per reset from the 2nd split of SplittableRandom(seed)
        Hyperparameters hp = Hyperparameters.DEFAULTS.withSeed(33);
        EpisodeRunner runner = new EpisodeRunner(new Agent(hp));
        runner.beginEpisode();
        SplittableRandom root = new SplittableRandom(33);
        root.split();
        CartPole env = new CartPole(CartPoleVersion.V0);
        env.reset(root.split());
        assertEquals(env.x(), runner.env().x(), 0);
        assertEquals(env.thetaDot(), runner.env().thetaDot(), 0);
    }
}
