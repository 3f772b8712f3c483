package cartpolelab.ui.maps;

import cartpolelab.agent.NetworkMaps;
import cartpolelab.env.CartPole;
import cartpolelab.plot.Heatmap;
import cartpolelab.plot.Palette;
import java.util.ArrayList;
import java.util.List;

/**
 * The network maps as {@link Heatmap}s: π(push right | s) on a blue–white–orange scale (the
 * canvas's colours for left and right, white where the policy is undecided) and V(s) on
 * viridis, θ in degrees across, θ̇ up, the ±12° failure angles dashed, and the episode's path
 * of (θ, θ̇) on top. Without a critic there is no V map.
 */
final class MapFigures {

    static final String POLICY_TITLE = "Actor: \u03c0(push right | s)";
    static final String VALUE_TITLE = "Critic: V(s)";

    private MapFigures() {
    }

    /**
     * @param thetaDegrees    the path's pole angles, in degrees
     * @param thetaDot        the path's angular velocities
     * @param pathLength      points of the path to draw
     */
    static List<Heatmap> of(NetworkMaps m, double[] thetaDegrees, double[] thetaDot,
                            int pathLength) {
        List<Heatmap> maps = new ArrayList<>();
        maps.add(map(POLICY_TITLE, m, m.probRight(),
                Heatmap.diverging(0, 0.5, 1, Palette.REWARD, Palette.MOVING_AVERAGE),
                thetaDegrees, thetaDot, pathLength));
        if (!Double.isNaN(m.value()[0])) {
            double[] r = m.valueRange();
            maps.add(map(VALUE_TITLE, m, m.value(), Heatmap.viridis(r[0], r[1]),
                    thetaDegrees, thetaDot, pathLength));
        }
        return maps;
    }

    private static Heatmap map(String title, NetworkMaps m, double[] values,
                               Heatmap.Scale scale, double[] xs, double[] ys, int n) {
        double deg = Math.toDegrees(m.thetaMax());
        double fail = Math.toDegrees(CartPole.THETA_THRESHOLD_RADIANS);
        int red = Palette.argb("#D64545");
        return new Heatmap(title, "pole angle \u03b8 (\u00b0)", "angular velocity \u03b8\u0307 "
                + "(rad/s)", -deg, deg, -m.thetaDotMax(), m.thetaDotMax(),
                m.columns(), m.rows(), values, scale)
                .add(new Heatmap.Line(-fail, "falls", red))
                .add(new Heatmap.Line(fail, "falls", red))
                .path(xs, ys, n);
    }
}
