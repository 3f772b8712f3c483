package cartpolelab.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.RecordComponent;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SettingTest {

    @Test
    void oneSettingPerRecordComponentInTheRecordsOrder() {
        RecordComponent[] components = Hyperparameters.class.getRecordComponents();
        assertEquals(components.length, Setting.values().length);
        for (int i = 0; i < components.length; i++) {
            Setting s = Setting.values()[i];
            assertEquals(components[i].getName(), s.component());
            assertEquals(s, Setting.ofComponent(s.component()));
        }
        assertThrows(IllegalArgumentException.class, () -> Setting.ofComponent("gamma"));
    }

    @Test
    void flagsAreTheCommandLines() {
        List<String> flags = List.of("--algorithm", "--env", "--hidden", "--lr", "--gamma",
                "--entropy-coef", "--max-steps", "--episodes", "--n-steps", "--gae-lambda",
                "--hidden", "--activation", "--init", "--optimiser", "--optimiser-eps",
                "--rmsprop-alpha", "--max-grad-norm", "--vf-coef", "--normalise-advantage",
                "--lr-schedule", "--schedule-steps", "--epochs", "--minibatch", "--clip-range",
                "--clip-schedule", "--envs", "--seed");
        Set<String> labels = new HashSet<>();
        for (Setting s : Setting.values()) {
            assertEquals(flags.get(s.ordinal()), s.flag());
            assertFalse(s.label().isBlank() || s.meaning().isBlank() || s.rangeText().isBlank());
            assertTrue(labels.add(s.label()), "labels are distinct");
        }
    }

    @Test
    void theDefaultsAreInRangeAndTheBoundsAreTheValidationsBounds() {
        Hyperparameters d = Hyperparameters.DEFAULTS;
        assertFalse(Setting.ALGORITHM.numeric() || Setting.VERSION.numeric());
        assertTrue(Setting.HIDDEN_SIZE.accepts(d.hiddenSize()));
        assertTrue(Setting.LEARNING_RATE.accepts(d.learningRate()));
        assertTrue(Setting.DISCOUNT.accepts(d.discount()));
        assertTrue(Setting.ENTROPY_COEFFICIENT.accepts(d.entropyCoefficient()));
        assertTrue(Setting.MAX_STEPS.accepts(d.maxSteps()));
        assertTrue(Setting.EPISODES.accepts(d.episodes()));
        assertTrue(Setting.N_STEPS.accepts(d.nSteps()));
        assertTrue(Setting.SEED.accepts(d.seed()) && Setting.SEED.wholeNumber());

        int hMax = (int) Setting.HIDDEN_SIZE.max();
        assertEquals(hMax, d.withHiddenSize(hMax).hiddenSize());
        assertThrows(IllegalArgumentException.class, () -> d.withHiddenSize(hMax + 1));
        assertEquals(1, d.withHiddenSize((int) Setting.HIDDEN_SIZE.min()).hiddenSize());
        assertEquals(1.0, d.withLearningRate(Setting.LEARNING_RATE.max()).learningRate());
        assertTrue(Setting.LEARNING_RATE.minExclusive());
        assertThrows(IllegalArgumentException.class,
                () -> d.withLearningRate(Setting.LEARNING_RATE.min()));
        assertEquals(0.0, d.withDiscount(Setting.DISCOUNT.min()).discount());
        int stepsMax = (int) Setting.MAX_STEPS.max();
        assertThrows(IllegalArgumentException.class, () -> d.withMaxSteps(stepsMax + 1));
        assertEquals(0, d.withNSteps((int) Setting.N_STEPS.min()).nSteps());
        assertThrows(IllegalArgumentException.class,
                () -> d.withEpisodes((int) Setting.EPISODES.max() + 1));
        assertEquals(Long.MIN_VALUE, d.withSeed(Long.MIN_VALUE).seed(), "any seed is valid");
    }

    @Test
    void theValidationMessageQuotesTheRangeText() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Hyperparameters.DEFAULTS.withDiscount(-1));
        assertEquals("discount must be in " + Setting.DISCOUNT.rangeText() + ", was -1.0",
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Hyperparameters.DEFAULTS.withHiddenSize(0));
        assertEquals("hiddenSize must be in [1, 4096], was 0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Hyperparameters.DEFAULTS.withAlgorithm(null));
        assertEquals("algorithm must be one of reinforce, reinforce-baseline, a2c, ppo, was null",
                e.getMessage());
    }
}
