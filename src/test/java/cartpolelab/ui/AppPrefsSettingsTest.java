package cartpolelab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cartpolelab.agent.Hyperparameters;
import cartpolelab.agent.Preset;
import org.junit.jupiter.api.Test;

/** The form's settings survive a restart whole: every setting, not only the first eleven. */
class AppPrefsSettingsTest {

    @Test
    void everyPresetsSettingsComeBackAsTheyWereSaved() {
        for (Preset p : Preset.values()) {
            Hyperparameters saved = p.hyperparameters().withSeed(7);
            MemoryPreferences store = new MemoryPreferences();
            new AppPrefs(store).saveSettings(saved);
            assertEquals(saved, new AppPrefs(store).settings(Hyperparameters.DEFAULTS),
                    p.name());
        }
    }

    @Test
    void aStoredValueThatDoesNotParseGivesTheDefaultsWhole() {
        MemoryPreferences store = new MemoryPreferences();
        new AppPrefs(store).saveSettings(Preset.SB3_PPO.hyperparameters());
        store.put("settings.activation", "sigmoid");
        assertEquals(Hyperparameters.DEFAULTS,
                new AppPrefs(store).settings(Hyperparameters.DEFAULTS));
    }

    @Test
    void theTwoSettingsEarlierBuildsStoredByNameAreReadBack() {
        MemoryPreferences store = new MemoryPreferences();
        store.putDouble("settings.gaeLambda", 0.95);
        store.putInt("settings.envs", 1);
        assertEquals(0.95, new AppPrefs(store).settings(Hyperparameters.DEFAULTS).gaeLambda());
    }
}
