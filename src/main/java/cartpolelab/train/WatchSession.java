package cartpolelab.train;

import cartpolelab.agent.Agent;
import cartpolelab.agent.EpisodeEnd;
import cartpolelab.agent.Hyperparameters;
import cartpolelab.env.CartPole;
import java.util.SplittableRandom;

/**
 * Watch: the current policy played greedily, without learning, on an environment and a random
 * stream of its own, so watching never disturbs training (the run's stream and environment are
 * untouched). Driven one step at a time by the trainer's thread, between training steps, with
 * the run's live agent (read-only: only its inspection buffers are used).
 *
 * <p>After an episode ends, the last frame is held for {@link #HOLD_STEPS} steps before the next
 * episode starts, so the viewer sees how it ended.
 */
final class WatchSession {

    /** Watch holds the last frame of an episode this long before the next one starts. */
    static final int HOLD_STEPS = 25;
    /** Watch's resets come from their own stream, never from training's. */
    private static final long SEED_MIX = 0x5DEECE66DL;

    private final Agent agent;
    private final Hyperparameters hp;
    private final CartPole env;
    private final SplittableRandom random;
    private final double[] observation = new double[CartPole.OBSERVATION_SIZE];
    private final double[] probabilities = new double[CartPole.ACTION_COUNT];

    private int episodes;
    private int hold;
    private boolean inEpisode;
    private double reward;

    WatchSession(Agent agent) {
        this.agent = agent;
        this.hp = agent.hyperparameters();
        this.env = new CartPole(hp.version());
        this.random = new SplittableRandom(hp.seed() ^ SEED_MIX);
    }

    /** One Watch step; returns the frame to show, or null while holding the last one. */
    Frame step() {
        if (hold > 0) {
            hold--;
            return null;
        }
        if (!inEpisode) {
            episodes++;
            reward = 0;
            env.reset(random);
            inEpisode = true;
            env.observe(observation, 0);
            agent.probabilities(observation, probabilities);
            return frame(-1, false, false);
        }
        env.observe(observation, 0);
        agent.probabilities(observation, probabilities);
        int action = agent.greedyAction(observation);
        reward += env.advance(action);
        EpisodeEnd end = EpisodeEnd.after(env, hp.maxSteps());
        env.observe(observation, 0);
        if (end.ended()) {
            inEpisode = false;
            hold = HOLD_STEPS;
        }
        return frame(action, end == EpisodeEnd.FELL, end == EpisodeEnd.CUT_OFF);
    }

    private Frame frame(int action, boolean terminated, boolean cutOff) {
        return new Frame(env.x(), env.xDot(), env.theta(), env.thetaDot(), action,
                probabilities[0], probabilities[1], agent.value(observation), env.steps(),
                episodes, reward, terminated, cutOff, true);
    }
}
