package cartpolelab.cli;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * What the terminal can show. Under {@code LANG=C} (or any locale whose character set lacks
 * "·", "±", "×"…) the output uses plain ASCII for our own symbols ("-", "+/-", "x"), so no
 * line turns into "?"; a file name is written as its bytes on disk (UTF-8), as {@code ls}
 * would. The terminal's character set is the locale's, or, when the launcher restarted the
 * JVM with a UTF-8 locale for file names ({@code cartpolelab.Utf8Relaunch}), the one it had
 * before ({@value #CHARSET_VARIABLE}).
 */
final class Terminal {

    /** Set by the launcher's UTF-8 restart: the character set of the user's own locale. */
    static final String CHARSET_VARIABLE = "CARTPOLELAB_TERMINAL_CHARSET";

    private static final String SYMBOLS = "·±×→≥≤…—–−θ̇∞≈µ²½γπ│";
    private static final String[][] ASCII = {
        {"·", "-"}, {"±", "+/-"}, {"×", "x"}, {"→", "->"}, {"≥", ">="}, {"≤", "<="},
        {"…", "..."}, {"—", "--"}, {"–", "-"}, {"−", "-"}, {"θ̇", "theta-dot"}, {"θ", "theta"},
        {"∞", "inf"}, {"≈", "~"}, {"µ", "u"}, {"²", "^2"}, {"½", "1/2"}, {"γ", "gamma"},
        {"π", "pi"}, {"│", "|"}};

    private Terminal() {
    }

    /** The user's terminal character set. */
    static Charset charset() {
        String name = System.getenv(CHARSET_VARIABLE);
        if (name == null || name.isBlank()) {
            name = System.getProperty("native.encoding", Charset.defaultCharset().name());
        }
        try {
            return Charset.forName(name.strip());
        } catch (RuntimeException e) {
            return StandardCharsets.US_ASCII;
        }
    }

    /** True when {@code charset} shows our symbols. */
    static boolean unicode(Charset charset) {
        return charset.newEncoder().canEncode(SYMBOLS);
    }

    static boolean unicode() {
        return unicode(charset());
    }

    /**
     * A writer for {@code out} on a terminal of {@code charset}: as is when it shows our
     * symbols; else our symbols in ASCII, and the rest (file names) in UTF-8 when the terminal
     * is plain ASCII (their bytes on disk), in its own character set otherwise.
     */
    static PrintWriter writer(OutputStream out, Charset charset) {
        if (unicode(charset)) {
            return new PrintWriter(new OutputStreamWriter(out, charset), true);
        }
        Charset bytes = charset.equals(StandardCharsets.US_ASCII) ? StandardCharsets.UTF_8
                : charset;
        return new PrintWriter(new AsciiSymbols(new OutputStreamWriter(out, bytes)), true);
    }

    /** Our symbols in plain ASCII. */
    static String ascii(String s) {
        String out = s;
        for (String[] pair : ASCII) {
            out = out.replace(pair[0], pair[1]);
        }
        return out;
    }

    /** Replaces our symbols as they pass (a symbol never spans two writes: we write whole strings). */
    private static final class AsciiSymbols extends FilterWriter {
        AsciiSymbols(Writer out) {
            super(out);
        }

        @Override
        public void write(int c) throws IOException {
            write(String.valueOf((char) c));
        }

        @Override
        public void write(char[] buffer, int off, int len) throws IOException {
            write(new String(buffer, off, len));
        }

        @Override
        public void write(String s, int off, int len) throws IOException {
            String text = ascii(s.substring(off, off + len));
            out.write(text, 0, text.length());
        }
    }
}
