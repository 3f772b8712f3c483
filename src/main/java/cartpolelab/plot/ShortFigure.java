package cartpolelab.plot;

/**
 * A figure too short for its panels: the losses card in a small window (1280 × 720 at 150 %
 * zoom lays it out about 160 pixels high). Its title and legend rows would leave each panel a
 * sliver with its x axis's labels cut off; instead the panels take the whole height and each
 * names its line in its top-left corner. Only a figure whose panels hold one line each
 * qualifies, so the names say everything the legend did (the card's toggle names the chart).
 */
final class ShortFigure {

    /** A panel is readable from this height: two tick labels and its line. */
    static final double MIN_PANEL = 24;

    private ShortFigure() {
    }

    /** True when {@code f}'s title and legend would leave its panels under {@link #MIN_PANEL}. */
    static boolean crowded(Figure f, double height) {
        int n = f.panels.size();
        if (n < 2 || f.key != null) {
            return false;
        }
        for (Panel p : f.panels) {
            if (p.series.size() != 1 || !p.bands.isEmpty() || p.series.get(0).label == null) {
                return false;
            }
        }
        double title = PlotPainter.TITLE_SIZE * 1.4;
        double legend = PlotPainter.LEGEND_SIZE * 1.5 * 2 + 10; // two rows, as in a narrow card
        double axis = PlotPainter.LABEL_SIZE * 1.5 + PlotPainter.TICK_SIZE * 1.6;
        double panels = height - 2 * PlotPainter.PAD - title - legend - axis
                - PlotPainter.PANEL_GAP * (n - 1);
        return panels < MIN_PANEL * n;
    }

    /**
     * Names each panel's line in its corner, in the line's colour, when {@code crowded}; a
     * panel with a note is left to its note.
     */
    static void nameLines(Surface s, Layout l, Figure f, boolean crowded) {
        if (!crowded) {
            return;
        }
        s.font(PlotPainter.TICK_SIZE, false);
        for (int i = 0; i < f.panels.size(); i++) {
            if (f.panels.get(i).note != null) {
                continue; // its note says what it holds ("no critic: …"); a name ran into it
            }
            Series line = f.panels.get(i).series.get(0);
            String name = PlotPainter.fit(s, line.label, l.right - l.left - 8);
            s.fill(PlotPainter.BACKGROUND);
            s.fillRect(l.left + 2, l.tops[i] + 1, s.textWidth(name) + 6, PlotPainter.TICK_SIZE + 3);
            s.fill(line.argb);
            s.text(name, l.left + 5, l.tops[i] + PlotPainter.TICK_SIZE + 1);
        }
    }
}
