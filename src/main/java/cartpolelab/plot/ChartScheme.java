package cartpolelab.plot;

/**
 * How the window shows the {@link Palette}'s colours: as they are, on a dark background, or
 * as a high-contrast set for a washed-out projector and colour-blind viewers. A scheme maps
 * each colour of the palette to its stand-in and keeps the alpha; colours that are not the
 * palette's (the maps' colour scales) pass unchanged. Files (PNG, SVG) are always painted in
 * {@link #STANDARD}, so a report looks the same whatever the window shows.
 *
 * <p>The high-contrast hues are Okabe and Ito's set ("Color Universal Design", 2002), told
 * apart under protanopia, deuteranopia and tritanopia; on white they are the darker members
 * of the set, on black the lighter ones, and text and axes are pure black or white.
 */
public enum ChartScheme {
    STANDARD(false, null),
    HIGH_CONTRAST(false, new String[] {
        "#FFFFFF", "#000000", "#000000", "#B0B0B0", "#000000",
        "#0072B2", "#D55E00", "#009E73", "#CC79A7", "#56B4E9", "#E69F00", "#000000",
        "#882255", "#117733", "#777777"}),
    DARK(true, new String[] {
        "#161B22", "#E6EDF3", "#9DA7B3", "#30363D", "#8B949E",
        "#6FA8DC", "#F9A03F", "#6CC46A", "#F07474", "#8BD3CE", "#D3A2C8", "#F2D55C",
        "#FFB3BA", "#C49A7E", "#C8C0BC"}),
    DARK_HIGH_CONTRAST(true, new String[] {
        "#000000", "#FFFFFF", "#FFFFFF", "#5A5A5A", "#FFFFFF",
        "#56B4E9", "#E69F00", "#00C08B", "#F07DC0", "#9AD9FF", "#F0E442", "#FFFFFF",
        "#FF6E5A", "#7FD36F", "#BBBBBB"});

    private final boolean dark;
    private final int[] from = new int[From.COLOURS.length];
    private final int[] to = new int[From.COLOURS.length];

    ChartScheme(boolean dark, String[] to) {
        this.dark = dark;
        for (int i = 0; i < From.COLOURS.length; i++) {
            from[i] = Palette.argb(From.COLOURS[i]) & 0xFFFFFF;
            this.to[i] = to == null ? from[i] : Palette.argb(to[i]) & 0xFFFFFF;
        }
    }

    /** The scheme for a theme (dark or light) and the high-contrast choice. */
    public static ChartScheme of(boolean dark, boolean highContrast) {
        if (dark) {
            return highContrast ? DARK_HIGH_CONTRAST : DARK;
        }
        return highContrast ? HIGH_CONTRAST : STANDARD;
    }

    public boolean dark() {
        return dark;
    }

    public boolean highContrast() {
        return this == HIGH_CONTRAST || this == DARK_HIGH_CONTRAST;
    }

    /** {@code argb} as this scheme shows it: a palette colour's stand-in, same alpha. */
    public int map(int argb) {
        int rgb = argb & 0xFFFFFF;
        for (int i = 0; i < from.length; i++) {
            if (from[i] == rgb) {
                return argb & 0xFF000000 | to[i];
            }
        }
        return argb;
    }

    /** The palette's colours, in the order of each scheme's stand-ins. */
    private static final class From {
        static final String[] COLOURS = {
            Palette.BACKGROUND, Palette.TEXT, Palette.MUTED, Palette.GRID, Palette.AXIS,
            Palette.GROUPS[0], Palette.GROUPS[1], Palette.GROUPS[2], Palette.GROUPS[3],
            Palette.GROUPS[4], Palette.GROUPS[5], Palette.GROUPS[6], Palette.GROUPS[7],
            Palette.GROUPS[8], Palette.GROUPS[9]};
    }
}
