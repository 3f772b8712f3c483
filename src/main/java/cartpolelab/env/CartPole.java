package cartpolelab.env;

import java.util.random.RandomGenerator;

/**
 * CartPole, stepped like Gymnasium's {@code CartPoleEnv} (classic control, Euler integrator):
 * the same equations in the same order of float64 operations.
 *
 * <p>Physics (Barto, Sutton and Anderson 1983, as coded by Gymnasium):
 * <pre>
 *   temp      = (F + m_p l θ̇² sin θ) / m_total
 *   θ̈         = (g sin θ − cos θ · temp) / (l (4/3 − m_p cos² θ / m_total))
 *   ẍ         = temp − m_p l θ̈ cos θ / m_total
 *   x ← x + τ ẋ,  ẋ ← ẋ + τ ẍ,  θ ← θ + τ θ̇,  θ̇ ← θ̇ + τ θ̈      (explicit Euler)
 * </pre>
 * {@link StrictMath} and squares written as products make the result the same on every JVM,
 * JIT and platform. Against Gymnasium 1.3.0 itself on Linux x86-64 ({@code
 * CartPoleGymnasiumTest}, data made by Gymnasium): a single step matches bit for bit except
 * where StrictMath's sin/cos and glibc's (which Gymnasium uses through Python's math) differ in
 * the last bit (21 of 38,132 steps there; then ẋ and θ̇ differ by at most 2.3e-16, x and θ
 * never); over whole episodes such a difference can grow (67 of 400 episodes end in another
 * state, 2 at another step). Neither libm is correctly rounded everywhere; matching glibc
 * would change every learned number pinned by the reference runs.
 *
 * <p>Two ways to step: {@link #step(int)} returns a {@link Step} record (convenient), and
 * {@link #advance(int)} steps without allocating, for the training loop, after which the
 * accessors ({@link #x()}, {@link #terminated()}, ...) tell the outcome.
 *
 * <p>Not thread-safe: one environment belongs to one thread. Renderers get snapshots.
 */
public final class CartPole {

    public static final double GRAVITY = 9.8;
    public static final double MASS_CART = 1.0;
    public static final double MASS_POLE = 0.1;
    public static final double TOTAL_MASS = MASS_POLE + MASS_CART;
    /** Half the pole's length. */
    public static final double LENGTH = 0.5;
    public static final double POLE_MASS_LENGTH = MASS_POLE * LENGTH;
    public static final double FORCE_MAG = 10.0;
    /** Seconds between state updates. */
    public static final double TAU = 0.02;
    /** The pole falls beyond ±12 degrees. */
    public static final double THETA_THRESHOLD_RADIANS = 12 * 2 * Math.PI / 360;
    /** The cart leaves the track beyond ±2.4. */
    public static final double X_THRESHOLD = 2.4;
    /** Observation size: x, ẋ, θ, θ̇. */
    public static final int OBSERVATION_SIZE = 4;
    /** Actions: 0 pushes the cart left, 1 pushes it right. */
    public static final int ACTION_COUNT = 2;

    /** The outcome of one step: the new state, the reward and the two episode-end flags. */
    public record Step(double x, double xDot, double theta, double thetaDot,
                       double reward, boolean terminated, boolean truncated) {
        public boolean done() {
            return terminated || truncated;
        }

        public double[] observation() {
            return new double[] {x, xDot, theta, thetaDot};
        }
    }

    private final CartPoleVersion version;
    private final int timeLimit;

    private double x;
    private double xDot;
    private double theta;
    private double thetaDot;
    private int steps;
    private boolean terminated;
    private boolean truncated;
    private boolean ready;

    /** An environment of the given version with the version's own time limit. */
    public CartPole(CartPoleVersion version) {
        this(version, version.timeLimit());
    }

    /**
     * An environment with a custom time limit (Gymnasium's {@code max_episode_steps}).
     *
     * @throws IllegalArgumentException if the limit is not positive
     */
    public CartPole(CartPoleVersion version, int timeLimit) {
        if (timeLimit < 1) {
            throw new IllegalArgumentException("timeLimit must be at least 1, was " + timeLimit);
        }
        this.version = version;
        this.timeLimit = timeLimit;
    }

    public CartPoleVersion version() {
        return version;
    }

    public int timeLimit() {
        return timeLimit;
    }

    /** Starts an episode at a state drawn uniformly in [-0.05, 0.05) for each of the four values. */
    public void reset(RandomGenerator random) {
        reset(uniform(random), uniform(random), uniform(random), uniform(random));
    }

    private static double uniform(RandomGenerator random) {
        return -0.05 + 0.1 * random.nextDouble();
    }

    /** Starts an episode at exactly this state (tests, replays, "drop the pole here"). */
    public void reset(double x, double xDot, double theta, double thetaDot) {
        this.x = x;
        this.xDot = xDot;
        this.theta = theta;
        this.thetaDot = thetaDot;
        this.steps = 0;
        this.terminated = false;
        this.truncated = false;
        this.ready = true;
    }

    /**
     * Applies one action and returns the outcome.
     *
     * @throws IllegalArgumentException if the action is not 0 or 1
     * @throws IllegalStateException if the episode has ended or was never started
     */
    public Step step(int action) {
        double reward = advance(action);
        return new Step(x, xDot, theta, thetaDot, reward, terminated, truncated);
    }

    /**
     * Applies one action without allocating; returns the reward (always 1.0, including on the
     * terminating step). Read the new state and flags from the accessors.
     *
     * @throws IllegalArgumentException if the action is not 0 or 1
     * @throws IllegalStateException if the episode has ended or was never started
     */
    public double advance(int action) {
        if (action != 0 && action != 1) {
            throw new IllegalArgumentException(
                    "action must be 0 (push left) or 1 (push right), was " + action);
        }
        if (!ready) {
            throw new IllegalStateException(terminated || truncated
                    ? "the episode has ended: call reset before stepping again"
                    : "no episode started: call reset before the first step");
        }
        return advance(action, StrictMath.sin(theta), StrictMath.cos(theta));
    }

    /**
     * {@link #advance(int)} with the given sin θ and cos θ (the test that compares with
     * Gymnasium asks whether glibc's last bit explains a difference); checked by the caller.
     */
    double advance(int action, double sinTheta, double cosTheta) {
        double force = action == 1 ? FORCE_MAG : -FORCE_MAG;
        // temp = (F + m_p l θ̇² sin θ) / m_total
        double temp = (force + POLE_MASS_LENGTH * (thetaDot * thetaDot) * sinTheta) / TOTAL_MASS;
        // θ̈ = (g sin θ − cos θ · temp) / (l (4/3 − m_p cos² θ / m_total))
        double thetaAcc = (GRAVITY * sinTheta - cosTheta * temp)
                / (LENGTH * (4.0 / 3.0 - MASS_POLE * (cosTheta * cosTheta) / TOTAL_MASS));
        // ẍ = temp − m_p l θ̈ cos θ / m_total
        double xAcc = temp - POLE_MASS_LENGTH * thetaAcc * cosTheta / TOTAL_MASS;

        // explicit Euler, positions first with the old velocities
        x = x + TAU * xDot;
        xDot = xDot + TAU * xAcc;
        theta = theta + TAU * thetaDot;
        thetaDot = thetaDot + TAU * thetaAcc;

        steps++;
        terminated = x < -X_THRESHOLD || x > X_THRESHOLD
                || theta < -THETA_THRESHOLD_RADIANS || theta > THETA_THRESHOLD_RADIANS;
        truncated = steps >= timeLimit;
        if (terminated || truncated) {
            ready = false;
        }
        return 1.0;
    }

    /** Copies the observation (x, ẋ, θ, θ̇) into {@code out[offset..offset+3]}. */
    public void observe(double[] out, int offset) {
        out[offset] = x;
        out[offset + 1] = xDot;
        out[offset + 2] = theta;
        out[offset + 3] = thetaDot;
    }

    /** A fresh array with the observation (x, ẋ, θ, θ̇). */
    public double[] observation() {
        return new double[] {x, xDot, theta, thetaDot};
    }

    public double x() {
        return x;
    }

    public double xDot() {
        return xDot;
    }

    public double theta() {
        return theta;
    }

    public double thetaDot() {
        return thetaDot;
    }

    /** Steps taken in the current episode. */
    public int steps() {
        return steps;
    }

    /** True once the pole fell or the cart left the track. */
    public boolean terminated() {
        return terminated;
    }

    /** True once the time limit was reached (may be true together with {@link #terminated()}). */
    public boolean truncated() {
        return truncated;
    }

    /** True when the episode has ended, by either flag. */
    public boolean done() {
        return terminated || truncated;
    }
}
