package cartpolelab.plot;

import java.util.ArrayList;
import java.util.List;

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
    private int length;

    public Figure(String title, String subtitle, String xLabel) {
        this.title = title;
        this.subtitle = subtitle;
        this.xLabel = xLabel;
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
