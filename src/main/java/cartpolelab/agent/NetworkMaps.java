package cartpolelab.agent;

/**
 * What the networks say over a grid of states: π(push right | s) from the actor and V(s) from
 * the critic, for pole angles θ × angular velocities θ̇, with the cart's position and velocity
 * held fixed. Column c is θ = −θmax … +θmax left to right, row r is θ̇ = +θ̇max … −θ̇max top
 * to bottom, each value at its cell's centre. Plain arrays: compute on any thread from an
 * agent nobody else is using.
 *
 * @param probRight π(right | s) per cell, {@code [r * columns + c]}
 * @param value     V(s) per cell; NaN when the algorithm has no critic
 */
public record NetworkMaps(int columns, int rows, double thetaMax, double thetaDotMax,
                          double x, double xDot, double[] probRight, double[] value) {

    /** The window's grid: 48 × 36 cells over θ ±15° (the ±12° failure angles inside). */
    public static final int COLUMNS = 48;
    public static final int ROWS = 36;
    public static final double THETA_MAX = Math.toRadians(15);
    public static final double THETA_DOT_MAX = 2.0;

    /** The maps of {@code agent} on the window's grid, the cart at (x, ẋ). */
    public static NetworkMaps of(Agent agent, double x, double xDot) {
        return of(agent, COLUMNS, ROWS, THETA_MAX, THETA_DOT_MAX, x, xDot);
    }

    public static NetworkMaps of(Agent agent, int columns, int rows, double thetaMax,
                                 double thetaDotMax, double x, double xDot) {
        boolean critic = agent.hyperparameters().algorithm().usesCritic();
        double[] right = new double[columns * rows];
        double[] value = new double[columns * rows];
        double[] s = new double[4];
        double[] pi = new double[2];
        s[0] = x;
        s[1] = xDot;
        for (int r = 0; r < rows; r++) {
            s[3] = thetaDot(r, rows, thetaDotMax);
            for (int c = 0; c < columns; c++) {
                s[2] = theta(c, columns, thetaMax);
                agent.probabilities(s, pi);
                right[r * columns + c] = pi[1];
                value[r * columns + c] = critic ? agent.value(s) : Double.NaN;
            }
        }
        return new NetworkMaps(columns, rows, thetaMax, thetaDotMax, x, xDot, right, value);
    }

    /** θ at the centre of column {@code c}. */
    public static double theta(int c, int columns, double thetaMax) {
        return -thetaMax + (c + 0.5) * 2 * thetaMax / columns;
    }

    /** θ̇ at the centre of row {@code r} (row 0 the largest). */
    public static double thetaDot(int r, int rows, double thetaDotMax) {
        return thetaDotMax - (r + 0.5) * 2 * thetaDotMax / rows;
    }

    /** Smallest and largest finite V on the grid, or (0, 1) without any. */
    public double[] valueRange() {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : value) {
            if (Double.isFinite(v)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        return lo <= hi ? new double[] {lo, hi} : new double[] {0, 1};
    }
}
