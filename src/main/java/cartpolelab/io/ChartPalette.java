package cartpolelab.io;

import java.awt.Color;

/**
 * The colours of CartPole Lab's charts, in one place. The app's stylesheet
 * ({@code cartpolelab/ui/app.css}) uses the same values, so a chart saved from the app and one
 * written by {@code train --png} look alike.
 */
public final class ChartPalette {

    public static final String REWARD = "#4C78A8";
    public static final String MOVING_AVERAGE = "#F58518";
    public static final String THRESHOLD = "#54A24B";
    public static final String BACKGROUND = "#FFFFFF";
    public static final String GRID = "#E6E6E6";
    public static final String TEXT = "#333333";
    public static final String AXIS = "#999999";
    public static final String ACTOR_LOSS = "#E45756";
    public static final String CRITIC_LOSS = "#72B7B2";
    public static final String ENTROPY = "#B279A2";

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
