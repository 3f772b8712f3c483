package cartpolelab.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cartpolelab.agent.Algorithm;
import cartpolelab.metrics.EpisodeHistory;
import cartpolelab.metrics.GradientVarianceHistory;
import org.junit.jupiter.api.Test;

/**
 * A sweep of presets (compare --sweep preset=notebook,sb3-a2c,sb3-ppo) reads as what a student
 * compares: groups named by their presets, a title that counts presets, values that parse back
 * from the tidy CSV.
 */
class PresetGroupsTest {

    private static RunResult run(Algorithm a, String preset) {
        return RunResult.of(a.name().toLowerCase() + "-" + preset + "-s1", a, 1,
                SweptValue.parse(SweptValue.PRESETS, preset), null, new EpisodeHistory(),
                new GradientVarianceHistory());
    }

    @Test
    void groupsAreNamedByTheirPresetsAndOrderedAsThePresetsAre() {
        assertEquals("Notebook A2C", run(Algorithm.A2C, "notebook").label());
        assertEquals("SB3 A2C", run(Algorithm.A2C, "sb3-a2c").label());
        assertEquals("SB3 PPO", run(Algorithm.PPO, "SB3-PPO").label());
        assertEquals("sb3-ppo", SweptValue.parse(SweptValue.PRESETS, " SB3-PPO ").text());
        assertTrue(SweptValue.parse(SweptValue.PRESETS, "notebook").value()
                < SweptValue.parse(SweptValue.PRESETS, "sb3-ppo").value());
        String m = assertThrows(IllegalArgumentException.class,
                () -> SweptValue.parse(SweptValue.PRESETS, "sb4")).getMessage();
        assertTrue(m.startsWith("the swept value 'sb4' of preset is not a preset"), m);
        // any other sweep keeps its algorithm and value
        assertEquals("A2C \u00b7 lr=1e-4", RunResult.of("a", Algorithm.A2C, 1,
                SweptValue.parse("lr", "1e-4"), null, new EpisodeHistory(),
                new GradientVarianceHistory()).label());
    }

    @Test
    void theTitleCountsPresetsNotAlgorithms() {
        assertEquals("CartPole-v1 \u00b7 3 presets \u00d7 10 seeds",
                ExperimentResults.title("CartPole-v1", 2, 10, SweptValue.PRESETS, 3));
        assertEquals("CartPole-v0 \u00b7 3 algorithms \u00d7 10 seeds \u00d7 lr",
                ExperimentResults.title("CartPole-v0", 3, 10, "lr", 2));
        assertEquals("CartPole-v0 \u00b7 1 algorithm \u00d7 5 seeds",
                ExperimentResults.title("CartPole-v0", 1, 5, null, 0));
    }
}
