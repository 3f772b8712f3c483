package cartpolelab.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Text from outside, made safe to show and to write (issue 23). */
class SafeTextTest {

    @Test
    void controlCharactersBecomeVisibleEscapes() {
        assertEquals("a2c\\n\\e[31mred\\x07\\u202e\\x9b", SafeText.escape(
                "a2c\n\u001b[31mred\u0007\u202e\u009b"));
        assertEquals("ordinary text · θ̇ ± é", SafeText.escape("ordinary text · θ̇ ± é"));
        assertTrue(SafeText.line("x\r\ny").chars().noneMatch(c -> c < 0x20), "no raw control");
    }

    @Test
    void longValuesAreCutAndLongLinesKeepTheirEnd() {
        String value = SafeText.value("A".repeat(60_000));
        assertTrue(value.length() < SafeText.MAX_VALUE + 40, value);
        assertTrue(value.endsWith("…(59880 more characters)"), value);
        String line = SafeText.line("cannot load '" + "B".repeat(60_000)
                + "': use another checkpoint");
        assertTrue(line.length() < SafeText.MAX_LINE + 40, line);
        assertTrue(line.startsWith("cannot load 'BBB") && line.endsWith(
                "': use another checkpoint"), line);
        // a surrogate pair is never split
        String emoji = SafeText.value("\uD83D\uDE00".repeat(100));
        assertFalse(Character.isHighSurrogate(emoji.charAt(emoji.indexOf('…') - 1)), emoji);
    }

    @Test
    void csvCellsLoseTheirFormulaMeaningAndReadBack() {
        for (String formula : new String[] {"=cmd|'/c calc'!A1", "+1+1", "-2+3", "@SUM(A1)"}) {
            String cell = SafeText.csvCell(formula);
            assertEquals("'" + formula, cell);
            assertEquals(formula, SafeText.fromCsvCell(cell));
        }
        assertEquals("\\t1", SafeText.csvCell("\t1"), "a tab is escaped, so it cannot lead");
        assertEquals("a2c-s1", SafeText.csvCell("a2c-s1"));
        assertEquals("a2c-s1", SafeText.fromCsvCell("a2c-s1"));
    }
}
