package cartpolelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Issue 23: output a terminal that cannot show UTF-8 still reads. */
class TerminalTest {

    private static byte[] print(Charset terminal, String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintWriter w = Terminal.writer(bytes, terminal);
        w.printf("%s%n", text);
        w.flush();
        return bytes.toByteArray();
    }

    @Test
    void anAsciiTerminalGetsAsciiSymbolsAndFileNamesAsTheirBytes() {
        String line = "v0 · A2C · seed 1 · mean 195.0 ± 3.2 (3 × 10) → café.csv";
        String shown = new String(print(StandardCharsets.US_ASCII, line),
                StandardCharsets.UTF_8);
        assertEquals("v0 - A2C - seed 1 - mean 195.0 +/- 3.2 (3 x 10) -> café.csv"
                + System.lineSeparator(), shown);
        assertFalse(Terminal.unicode(StandardCharsets.US_ASCII));
        assertFalse(Terminal.unicode(Charset.forName("ANSI_X3.4-1968")));
    }

    @Test
    void aUtf8TerminalGetsTheSymbolsAndALatin1OneItsOwnBytes() {
        String line = "v0 · A2C ± 1 → café";
        assertEquals(line + System.lineSeparator(), new String(print(StandardCharsets.UTF_8,
                line), StandardCharsets.UTF_8));
        assertTrue(Terminal.unicode(StandardCharsets.UTF_8));
        Charset latin1 = StandardCharsets.ISO_8859_1;
        assertEquals("v0 - A2C +/- 1 -> café" + System.lineSeparator(),
                new String(print(latin1, line), latin1));
        assertEquals("velocity theta-dot (rad/s)", Terminal.ascii("velocity θ̇ (rad/s)"));
    }
}
