package cartpolelab.agent;

import cartpolelab.env.CartPole;

/**
 * When the learning updates run, written once for every algorithm and any number of
 * environments, and the losses they report:
 * <ul>
 *   <li>one environment, REINFORCE, the baseline, A2C: at each episode's end, and every n
 *       steps for n-step A2C (an update never spans an episode: the notebook's rule);</li>
 *   <li>one environment, PPO: when the rollout of n steps is full, across episode ends (an
 *       episode dropped unfinished is cut from the rollout, {@link #discard()});</li>
 *   <li>N environments (A2C with n ≥ 1, PPO): every n locksteps, on the N × n rollout, across
 *       episode ends (SB3's rule); each environment's episode ends split its steps into
 *       segments for the advantages ({@link Advantages#gaeBlocks}).</li>
 * </ul>
 * Allocates nothing per call.
 */
final class Updates {

    private static final int IN = CartPole.OBSERVATION_SIZE;

    private final Hyperparameters hp;
    private final RolloutBuffer rollout;
    /** Null for PPO. */
    private final PolicyGradientUpdate policyGradientUpdate;
    /** Null unless PPO. */
    private final PpoUpdate ppo;
    private final boolean nStepUpdates;
    private final int envs;
    private final UpdateTally tally = new UpdateTally();
    /** Environment steps observed (restored runs start from their count): for schedules. */
    private long steps;
    /** PPO, one environment: steps of the rollout that belong to finished episodes. */
    private int finishedEpisodeSteps;

    Updates(Hyperparameters hp, RolloutBuffer rollout,
            PolicyGradientUpdate policyGradientUpdate, PpoUpdate ppo) {
        this.hp = hp;
        this.rollout = rollout;
        this.policyGradientUpdate = policyGradientUpdate;
        this.ppo = ppo;
        this.nStepUpdates = hp.algorithm().supportsNSteps() && hp.nSteps() > 0;
        this.envs = hp.envs();
    }

    /** One environment's outcome; see {@link Agent#observe(double, double[], EpisodeEnd)}. */
    boolean observe(double reward, double[] nextObservation, EpisodeEnd end) {
        rollout.recordOutcome(reward, nextObservation, end);
        steps++;
        if (ppo != null) {
            // PPO learns when its rollout of n steps is full, whatever the episodes did
            if (end.ended()) {
                finishedEpisodeSteps = rollout.size();
            }
            return rollout.full() && update();
        }
        if (end.ended() || (nStepUpdates && rollout.full())) {
            return update();
        }
        if (rollout.full()) {
            rollout.clear();
            throw new IllegalStateException("the episode ran " + rollout.capacity()
                    + " steps without ending: pass EpisodeEnd.CUT_OFF at hp.episodeStepLimit() = "
                    + hp.episodeStepLimit() + " steps");
        }
        return false;
    }

    /** N environments' outcomes of one lockstep; an update every n locksteps. */
    boolean observe(double[] rewards, double[] nextObservations, EpisodeEnd[] ends) {
        if (envs == 1) {
            return observe(rewards[0], nextObservations, ends[0]);
        }
        for (int e = 0; e < envs; e++) {
            rollout.recordOutcome(e, rewards[e], nextObservations, e * IN, ends[e]);
        }
        rollout.outcomesRecorded();
        steps += envs;
        return rollout.full() && update();
    }

    /** The update on the rollout (PPO's or the policy-gradient one); empties it; tallies. */
    private boolean update() {
        try {
            if (ppo != null) {
                ppo.apply(rollout, steps);
            } else {
                policyGradientUpdate.apply(rollout, steps);
            }
        } finally {
            rollout.clear();
            finishedEpisodeSteps = 0;
        }
        if (ppo != null) {
            tally.addPpo(ppo.policyLoss(), ppo.valueLoss(), ppo.entropy(), ppo.approxKl(),
                    ppo.clipFraction());
        } else {
            tally.add(policyGradientUpdate.actorLoss(), policyGradientUpdate.criticLoss(),
                    policyGradientUpdate.entropy());
        }
        return true;
    }

    /** Means over the updates since the last call; resets. */
    UpdateStats takeStats() {
        return tally.take();
    }

    /**
     * Drops the partly recorded steps: PPO with one environment keeps the finished episodes'
     * steps of its rollout; otherwise the rollout is emptied.
     */
    void discard() {
        if (ppo != null && envs == 1) {
            rollout.truncate(finishedEpisodeSteps);
            return;
        }
        rollout.clear();
    }

    /** Continues the step count of a restored run (for the schedules). */
    void setSteps(long stepsSoFar) {
        steps = stepsSoFar;
    }
}
