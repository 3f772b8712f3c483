package cartpolelab.agent;

import cartpolelab.env.CartPole;

/**
 * How an episode stands after a step: the one home of the rule that tells the pole falling
 * from the episode being cut. Training ({@link EpisodeRunner}), watching and evaluation all
 * decide it here.
 *
 * <p>The difference matters for learning: after {@link #FELL} there is no future reward, so
 * returns bootstrap from 0; after {@link #CUT_OFF} the pole was still up and the future is
 * estimated by V(s_T) (see {@link RolloutBuffer}). Treating the time limit as a fall would
 * teach the critic that good states near step 200 are worth nothing.
 */
public enum EpisodeEnd {
    /** Neither: the episode goes on. */
    RUNNING,
    /** The pole fell or the cart left the track ({@code env.terminated()}). */
    FELL,
    /** The version's time limit ({@code env.truncated()}) or {@code maxSteps} was reached. */
    CUT_OFF;

    /**
     * The state of {@code env}'s episode after its latest step, with episodes also cut after
     * {@code maxSteps} steps ({@code hp.maxSteps()}). If the pole falls on the very step that
     * reaches a limit, it counts as {@link #FELL}.
     */
    public static EpisodeEnd after(CartPole env, int maxSteps) {
        if (env.terminated()) {
            return FELL;
        }
        if (env.truncated() || env.steps() >= maxSteps) {
            return CUT_OFF;
        }
        return RUNNING;
    }

    /** {@link #FELL} or {@link #CUT_OFF}. */
    public boolean ended() {
        return this != RUNNING;
    }
}
