package cartpolelab.plot;

/**
 * The colours of every CartPole Lab chart, in one place: the window, the PNG and the SVG all
 * paint with these (as hex for people and stylesheets, as {@code 0xAARRGGBB} for surfaces).
 * The Tableau-10 hues stay apart for the common kinds of colour blindness.
 */
public final class Palette {

    public static final String REWARD = "#4C78A8";
    public static final String MOVING_AVERAGE = "#F58518";
    public static final String THRESHOLD = "#54A24B";
    public static final String BACKGROUND = "#FFFFFF";
    public static final String GRID = "#E6E6E6";
    public static final String TEXT = "#333333";
    public static final String MUTED = "#6B7280";
    public static final String AXIS = "#999999";
    public static final String ACTOR_LOSS = "#E45756";
    public static final String CRITIC_LOSS = "#72B7B2";
    public static final String ENTROPY = "#B279A2";
    public static final String APPROX_KL = "#EECA3B";
    public static final String CLIP_FRACTION = "#9D755D";

    /** One colour per group of an experiment (Tableau 10), in order; repeats after ten. */
    public static final String[] GROUPS = {
        "#4C78A8", "#F58518", "#54A24B", "#E45756", "#72B7B2", "#B279A2", "#EECA3B",
        "#FF9DA6", "#9D755D", "#BAB0AC"
    };

    private Palette() {
    }

    /** {@code "#RRGGBB"} as an opaque {@code 0xAARRGGBB}. */
    public static int argb(String hex) {
        return 0xFF000000 | Integer.parseInt(hex.substring(1), 16);
    }

    /** {@code hex} with opacity {@code alpha} in [0, 1]. */
    public static int argb(String hex, double alpha) {
        return withAlpha(argb(hex), alpha);
    }

    /** The colour of group {@code i}, opaque. */
    public static int group(int i) {
        return argb(GROUPS[Math.floorMod(i, GROUPS.length)]);
    }

    public static int withAlpha(int argb, double alpha) {
        int a = (int) Math.round(Math.max(0, Math.min(1, alpha)) * 255);
        return a << 24 | argb & 0xFFFFFF;
    }
}
