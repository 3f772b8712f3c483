package cartpolelab.train;

/**
 * How fast the trainer runs, and so what the canvas can show. Never changes what is learned,
 * only how it is scheduled and shown.
 *
 * <p>The paced speeds are multiples of Gymnasium's render rate, 50 environment steps per
 * second (×1 is the true motion). A screen shows about 60 frames a second, so at ×1 every
 * step is drawn and above it the canvas shows the latest step of each screen refresh (at ×4
 * about every 4th step).
 */
public enum Speed {
    X1("×1 real time", 50,
            "50 steps per second, the true motion: every step is drawn."),
    X4("×4", 200, "200 steps per second: about every 4th step is drawn."),
    X16("×16", 800, "800 steps per second: about every 13th step is drawn."),
    X64("×64", 3200, "3,200 steps per second: about every 50th step is drawn."),
    UNPACED("Unpaced", 0,
            "As fast as it trains; the canvas shows the latest step at each screen refresh."),
    MAXIMUM("Maximum", 0,
            "As fast as it trains, nothing drawn: finished episodes only (fastest).");

    /** Gymnasium's render rate: ×1 is 50 environment steps per second. */
    public static final int REAL_TIME_STEPS_PER_SECOND = 50;

    private final String displayName;
    private final int stepsPerSecond;
    private final String description;

    Speed(String displayName, int stepsPerSecond, String description) {
        this.displayName = displayName;
        this.stepsPerSecond = stepsPerSecond;
        this.description = description;
    }

    public String displayName() {
        return displayName;
    }

    /** What this speed does, in a sentence (tooltips, help). */
    public String description() {
        return description;
    }

    /** Environment steps per second when paced; 0 when unpaced. */
    public int stepsPerSecond() {
        return stepsPerSecond;
    }

    /** True for ×1 … ×64: each step waits for its moment. */
    public boolean paced() {
        return stepsPerSecond > 0;
    }

    /** Time between two steps when paced. */
    public long stepNanos() {
        return paced() ? 1_000_000_000L / stepsPerSecond : 0;
    }

    /** False only at {@link #MAXIMUM}: the trainer publishes a frame per step. */
    public boolean drawsFrames() {
        return this != MAXIMUM;
    }

    @Override
    public String toString() {
        return displayName;
    }
}
