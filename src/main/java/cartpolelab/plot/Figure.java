package cartpolelab.plot;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;
import java.util.function.IntToDoubleFunction;
import java.util.function.IntUnaryOperator;

/**
 * What one picture shows: a title, a subtitle (the settings, "solved at episode N"), the x
 * axis's name and panels stacked over that one x axis. Built once per run and brought up to
 * date with {@link #catchUp()} (cheap: only new values are summarised); painted by
 * {@link PlotPainter} on any {@link Surface}.
 */
public final class Figure {

    /** The x axis never shows fewer than this many episodes. */
    public static final double MIN_SPAN = 10;

    public final String title;
    public String subtitle;
    public final String xLabel;
    final List<Panel> panels = new ArrayList<>();
    /** The legend's entries when set ({@link #key}); else one per labelled series. */
    List<Key> key;

    /** A legend entry of a {@link #key}: a line of this colour, width and dash. */
    public record Key(String label, int argb, double width, double[] dash) {
    }

    /**
     * Replaces the legend's one entry per series by {@code entries}: for a chart whose lines
     * are named by colour and dash together (9 lines, 3 colours × 3 dashes: 6 entries).
     */
    public Figure key(List<Key> entries) {
        key = List.copyOf(entries);
        return this;
    }
    private int length;
    /** What one x unit counts: 1 for episodes, {@link StepColumns#UNIT} steps over steps. */
    private double xUnit = 1;
    private IntToDoubleFunction xOfEpisode = e -> e;
    private IntUnaryOperator episodeAt = i -> i + 1;
    private IntFunction<String> describeX = i -> "Episode "
            + String.format(Locale.ROOT, "%,d", i + 1);

    public Figure(String title, String subtitle, String xLabel) {
        this.title = title;
        this.subtitle = subtitle;
        this.xLabel = xLabel;
    }

    /**
     * Makes x count environment steps: value i stands for step (i + 1) · UNIT, ticks are
     * labelled in steps and the hover's first line names the step and its episode.
     */
    public Figure overSteps(StepColumns steps) {
        xUnit = StepColumns.UNIT;
        xOfEpisode = e -> steps.pointOf(e - 1);
        episodeAt = i -> steps.episodeAt(i) + 1;
        describeX = i -> {
            int e = steps.episodeAt(i);
            String step = String.format(Locale.ROOT, "Step %,d",
                    (i + 1L) * StepColumns.UNIT);
            return e < 0 ? step : step + " \u00b7 episode "
                    + String.format(Locale.ROOT, "%,d", e + 1);
        };
        return this;
    }

    /**
     * Makes x count environment steps for values that are already per {@link StepColumns#UNIT}
     * steps (an experiment's aggregates): value i stands for step (i + 1) · UNIT.
     */
    public Figure overStepPoints() {
        xUnit = StepColumns.UNIT;
        describeX = i -> String.format(Locale.ROOT, "Step %,d",
                (i + 1L) * StepColumns.UNIT);
        return this;
    }

    /**
     * The episode (1-based) value index {@code i} shows: i + 1, or over steps the last episode
     * finished by that step (0 when none had).
     */
    public int episodeAt(int i) {
        return episodeAt.applyAsInt(i);
    }

    /** The x at which episode {@code episode} (1-based) ended. */
    public double xOfEpisode(int episode) {
        return xOfEpisode.applyAsDouble(episode);
    }

    /** Data units per x unit as labelled (1, or the steps a point stands for). */
    public double xUnit() {
        return xUnit;
    }

    /** The hover's name for value index {@code i}: "Episode 12" or "Step 1,200 · episode 31". */
    public String describeX(int i) {
        return describeX.apply(i);
    }

    public Figure add(Panel p) {
        panels.add(p);
        return this;
    }

    /** Changes the subtitle (say, once the run is solved). */
    public void setSubtitle(String subtitle) {
        this.subtitle = subtitle;
    }

    public List<Panel> panels() {
        return List.copyOf(panels);
    }

    /** Summarises the values that arrived since the last call; returns the longest length. */
    public int catchUp() {
        int n = 0;
        for (Panel p : panels) {
            n = Math.max(n, p.catchUp());
        }
        length = n;
        return n;
    }

    /** Values summarised (the last episode number) as of the last {@link #catchUp()}. */
    public int length() {
        return length;
    }

    /** The x range that shows the whole run: 0 to the last episode (at least 10). */
    public double[] fullRange() {
        return new double[] {0, Math.max(MIN_SPAN, length)};
    }
}
