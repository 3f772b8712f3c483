package cartpolelab.train;

/**
 * One environment step as the renderer sees it: an immutable snapshot published by the trainer.
 *
 * @param x             cart position after the step (before the first step: the reset state)
 * @param xDot          cart velocity
 * @param theta         pole angle, radians, 0 = upright
 * @param thetaDot      pole angular velocity
 * @param action        the action just taken (0 left, 1 right), -1 for a reset state
 * @param probLeft      π(left | s) for the state the action was chosen in
 * @param probRight     π(right | s)
 * @param value         the critic's V(s) for the state shown
 * @param step          steps taken in this episode
 * @param episode       1-based number of the episode this frame belongs to
 * @param episodeReward reward collected so far in this episode
 * @param terminated    the pole fell or the cart left the track on this step
 * @param truncated     the time limit or max steps ended the episode on this step
 * @param greedy        true when the frame comes from Watch (greedy policy, no learning)
 * @param envs          with several environments ({@code --envs N}), every environment's
 *                      (x, θ, fell this step ? 1 : 0), 3 numbers each, environment 1 first;
 *                      empty otherwise. Not to be modified: frames are shared snapshots.
 */
public record Frame(double x, double xDot, double theta, double thetaDot,
                    int action, double probLeft, double probRight, double value,
                    int step, int episode, double episodeReward,
                    boolean terminated, boolean truncated, boolean greedy, double[] envs) {

    private static final double[] NONE = new double[0];

    /** A frame of one environment. */
    public Frame(double x, double xDot, double theta, double thetaDot, int action,
                 double probLeft, double probRight, double value, int step, int episode,
                 double episodeReward, boolean terminated, boolean truncated, boolean greedy) {
        this(x, xDot, theta, thetaDot, action, probLeft, probRight, value, step, episode,
                episodeReward, terminated, truncated, greedy, NONE);
    }

    /** Environments in {@link #envs()}: 0 for a frame of one environment. */
    public int envCount() {
        return envs.length / 3;
    }

    public boolean done() {
        return terminated || truncated;
    }
}
