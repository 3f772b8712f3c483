package cartpolelab.io;

import cartpolelab.plot.Palette;
import java.awt.Color;

/**
 * The chart colours of {@link Palette} as Java2D colours (the plot painter's palette is the one
 * source; the app's stylesheet repeats it for its own widgets).
 */
public final class ChartPalette {

    public static final String REWARD = Palette.REWARD;
    public static final String MOVING_AVERAGE = Palette.MOVING_AVERAGE;
    public static final String THRESHOLD = Palette.THRESHOLD;
    public static final String BACKGROUND = Palette.BACKGROUND;
    public static final String GRID = Palette.GRID;
    public static final String TEXT = Palette.TEXT;
    public static final String AXIS = Palette.AXIS;
    public static final String ACTOR_LOSS = Palette.ACTOR_LOSS;
    public static final String CRITIC_LOSS = Palette.CRITIC_LOSS;
    public static final String ENTROPY = Palette.ENTROPY;

    public static final Color REWARD_COLOR = Color.decode(REWARD);
    public static final Color MOVING_AVERAGE_COLOR = Color.decode(MOVING_AVERAGE);
    public static final Color THRESHOLD_COLOR = Color.decode(THRESHOLD);
    public static final Color BACKGROUND_COLOR = Color.decode(BACKGROUND);
    public static final Color GRID_COLOR = Color.decode(GRID);
    public static final Color TEXT_COLOR = Color.decode(TEXT);
    public static final Color AXIS_COLOR = Color.decode(AXIS);

    private ChartPalette() {
    }
}
