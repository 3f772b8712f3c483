package cartpolelab.ui.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cartpolelab.agent.Hyperparameters;
import org.junit.jupiter.api.Test;

class FieldCheckTest {

    @Test
    void acceptsValuesInRange() {
        assertEquals(3e-4, FieldCheck.decimal("Learning rate", " 3e-4 ",
                Hyperparameters.DEFAULTS::withLearningRate).value());
        assertEquals(128, FieldCheck.wholeNumber("Hidden size", "128",
                Hyperparameters.DEFAULTS::withHiddenSize).value());
        assertEquals(-5L, FieldCheck.seed("Seed", "-5").value());
    }

    @Test
    void aMalformedNumberSaysWhatIsAllowed() {
        FieldCheck<Double> c = FieldCheck.decimal("Learning rate", "abc",
                Hyperparameters.DEFAULTS::withLearningRate);
        assertFalse(c.ok());
        assertEquals("Learning rate: 'abc' is not a number; use a value in (0, 1]", c.error());
        assertEquals("Hidden size: '3.5' is not a whole number; use a value in [1, 4096]",
                FieldCheck.wholeNumber("Hidden size", "3.5",
                        Hyperparameters.DEFAULTS::withHiddenSize).error());
        assertTrue(FieldCheck.seed("Seed", "").error().startsWith("Seed: an empty field"));
    }

    @Test
    void anOutOfRangeValueCitesTheHyperparametersRange() {
        assertEquals("Discount: 1.5 is out of range; use a value in [0, 1]",
                FieldCheck.decimal("Discount", "1.5",
                        Hyperparameters.DEFAULTS::withDiscount).error());
        assertEquals("Episodes: 0 is out of range; use a value in [1, 10000000]",
                FieldCheck.wholeNumber("Episodes", "0",
                        Hyperparameters.DEFAULTS::withEpisodes).error());
        assertFalse(FieldCheck.decimal("Learning rate", "NaN",
                Hyperparameters.DEFAULTS::withLearningRate).ok());
        assertFalse(FieldCheck.decimal("Learning rate", "0x1p-3",
                Hyperparameters.DEFAULTS::withLearningRate).ok());
    }
}
