package cartpolelab.ui;

import java.util.Objects;
import java.util.function.DoubleConsumer;
import javafx.animation.AnimationTimer;

/**
 * The window's heartbeat: an {@link AnimationTimer} that, once per screen refresh, pulls the
 * view model (latest frame and status, never blocking), refreshes the charts at a steady
 * {@link #CHART_HZ} however fast episodes finish, and measures the frame rate over one-second
 * windows. {@link #tick(long)} is the whole logic, so it is tested with made-up timestamps.
 */
public final class RefreshTimer {

    /** Chart refresh rate: steady, independent of how fast episodes finish. */
    public static final double CHART_HZ = 15;
    private static final long CHART_PERIOD_NANOS = (long) (1e9 / CHART_HZ);
    private static final long FPS_WINDOW_NANOS = 1_000_000_000L;

    private final Runnable pull;
    private final Runnable refreshCharts;
    private final DoubleConsumer fps;
    private AnimationTimer timer;
    private long lastChartRefresh;
    private long fpsWindowStart;
    private int fpsFrames;

    /**
     * @param pull          once per frame: the view model's pull
     * @param refreshCharts at {@link #CHART_HZ}
     * @param fps           once a second, the frames per second measured
     */
    public RefreshTimer(Runnable pull, Runnable refreshCharts, DoubleConsumer fps) {
        this.pull = Objects.requireNonNull(pull, "pull");
        this.refreshCharts = Objects.requireNonNull(refreshCharts, "refreshCharts");
        this.fps = Objects.requireNonNull(fps, "fps");
    }

    /** Starts pulling once per screen refresh. FX thread. */
    public void start() {
        if (timer == null) {
            timer = new AnimationTimer() {
                @Override
                public void handle(long now) {
                    tick(now);
                }
            };
        }
        timer.start();
    }

    /** Stops the timer; {@link #start()} may start it again. */
    public void stop() {
        if (timer != null) {
            timer.stop();
        }
    }

    /** One screen refresh at {@code now} (nanoseconds, as {@link AnimationTimer} gives). */
    void tick(long now) {
        pull.run();
        if (now - lastChartRefresh >= CHART_PERIOD_NANOS) {
            lastChartRefresh = now;
            refreshCharts.run();
        }
        fpsFrames++;
        if (fpsWindowStart == 0) {
            fpsWindowStart = now;
        } else if (now - fpsWindowStart >= FPS_WINDOW_NANOS) {
            fps.accept(fpsFrames * 1e9 / (now - fpsWindowStart));
            fpsWindowStart = now;
            fpsFrames = 0;
        }
    }
}
