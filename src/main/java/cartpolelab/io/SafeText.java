package cartpolelab.io;

/**
 * Text that came from outside (a file, a flag, a CSV cell) made safe to show or write: control
 * characters (C0, DEL, C1 and the bidirectional overrides, which can move or recolour what a
 * terminal shows) are escaped as visible text ({@code \n}, {@code \e}, {@code \x07},
 * {@code \u202e}), and long text is cut, so a crafted file cannot rewrite the terminal or bury
 * the message under 60 KB of name. Cells written to a CSV also lose their formula meaning
 * (OWASP's CSV injection advice: a leading {@code = + - @}, tab or carriage return gets a
 * {@code '} in front, as spreadsheet-safe writers do).
 */
public final class SafeText {

    /** The longest value shown whole, in characters. */
    public static final int MAX_VALUE = 120;
    /** The longest message line, in characters: longer ones keep their start and end. */
    public static final int MAX_LINE = 1000;

    private SafeText() {
    }

    /** A value from outside, escaped and cut to {@link #MAX_VALUE} characters. */
    public static String value(String s) {
        return cut(escape(s), MAX_VALUE, false);
    }

    /**
     * A whole message line, escaped and cut to {@link #MAX_LINE} characters in the middle, so
     * both what went wrong (the start) and what to do (the end) stay.
     */
    public static String line(String s) {
        return cut(escape(s), MAX_LINE, true);
    }

    /** A text cell for a CSV we write: escaped and with any formula neutralised. */
    public static String csvCell(String s) {
        String e = escape(s);
        if (!e.isEmpty() && "=+-@\t\r".indexOf(e.charAt(0)) >= 0) {
            return "'" + e;
        }
        return e;
    }

    /** The inverse of {@link #csvCell}'s formula guard, for cells read back. */
    public static String fromCsvCell(String s) {
        return s.length() > 1 && s.charAt(0) == '\'' && "=+-@".indexOf(s.charAt(1)) >= 0
                ? s.substring(1) : s;
    }

    /** True if {@code c} is escaped by {@link #escape}. */
    static boolean isControl(int c) {
        return c < 0x20 || c >= 0x7f && c <= 0x9f || c == 0x200e || c == 0x200f
                || c >= 0x202a && c <= 0x202e || c >= 0x2066 && c <= 0x2069;
    }

    /** Control characters as visible escapes; everything else unchanged. */
    public static String escape(String s) {
        if (s == null) {
            return "null";
        }
        if (s.codePoints().noneMatch(SafeText::isControl)) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        s.codePoints().forEach(c -> {
            if (!isControl(c)) {
                b.appendCodePoint(c);
            } else if (c == '\n') {
                b.append("\\n");
            } else if (c == '\r') {
                b.append("\\r");
            } else if (c == '\t') {
                b.append("\\t");
            } else if (c == 0x1b) {
                b.append("\\e");
            } else if (c <= 0xff) {
                b.append(String.format("\\x%02x", c));
            } else {
                b.append(String.format("\\u%04x", c));
            }
        });
        return b.toString();
    }

    private static String cut(String s, int max, boolean keepEnd) {
        if (s.length() <= max) {
            return s;
        }
        if (!keepEnd) {
            int head = boundary(s, max);
            return s.substring(0, head) + "…(" + (s.length() - head) + " more characters)";
        }
        int head = boundary(s, max * 2 / 3);
        int tail = boundary(s, s.length() - (max - max * 2 / 3));
        return s.substring(0, head) + "…(" + (tail - head) + " characters cut)…"
                + s.substring(tail);
    }

    /** {@code at}, or one less when that would split a surrogate pair. */
    private static int boundary(String s, int at) {
        return at > 0 && at < s.length() && Character.isLowSurrogate(s.charAt(at))
                ? at - 1 : at;
    }
}
