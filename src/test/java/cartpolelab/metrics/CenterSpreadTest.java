package cartpolelab.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The line and band carry their names: parsed once from the CLI or the window's choice. */
class CenterSpreadTest {

    @Test
    void eachNameParsesBackToItsConstant() {
        for (Center c : Center.values()) {
            assertEquals(c, Center.parse(c.cliName()));
            assertEquals(c, Center.parse(c.displayName()));
        }
        for (Spread s : Spread.values()) {
            assertEquals(s, Spread.parse(s.cliName()));
            assertEquals(s, Spread.parse(s.displayName()));
        }
        assertEquals(Spread.MIN_MAX, Spread.parse("min-max"));
        assertEquals(Spread.STD_DEV, Spread.parse(" STD "));
        assertEquals("IQM", Center.IQM.legend());
        assertEquals("mean", Center.MEAN.legend());
    }

    @Test
    void anUnknownNameSaysWhatToUse() {
        assertEquals("median is not a line: use mean or iqm",
                assertThrows(IllegalArgumentException.class, () -> Center.parse("median"))
                        .getMessage());
        assertEquals("iqr is not a band: use ci, minmax or sd",
                assertThrows(IllegalArgumentException.class, () -> Spread.parse("iqr"))
                        .getMessage());
    }
}
