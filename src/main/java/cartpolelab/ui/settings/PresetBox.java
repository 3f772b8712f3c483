package cartpolelab.ui.settings;

import cartpolelab.agent.Hyperparameters;
import cartpolelab.agent.Preset;
import java.util.function.Consumer;
import javafx.collections.FXCollections;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Tooltip;

/**
 * The preset box above the settings: <i>Notebook</i>, <i>SB3 A2C</i>, <i>SB3 PPO</i>
 * ({@link Preset}, the command line's {@code --preset}), and <i>Custom</i> while the form
 * holds settings no preset has. Choosing a preset hands its settings to {@code fill} (the seed
 * aside, which stays the user's); {@link #follow} shows which preset the form now equals.
 */
final class PresetBox extends ComboBox<Object> {

    /** The entry shown when the form's settings are no preset's. */
    static final String CUSTOM = "Custom";

    private boolean following;

    PresetBox(Consumer<Preset> fill) {
        super(FXCollections.observableArrayList(Preset.values()));
        getItems().add(CUSTOM);
        setId("presetField");
        setMaxWidth(Double.MAX_VALUE);
        Tooltip tip = new Tooltip("Fills every setting below: Notebook (the study notebook's "
                + "defaults), SB3 A2C or SB3 PPO (rl-baselines3-zoo's tuned CartPole-v1 "
                + "settings, as --preset sb3-a2c / sb3-ppo). Editing a field afterwards shows "
                + "Custom.");
        tip.setWrapText(true);
        tip.setMaxWidth(320);
        setTooltip(tip);
        valueProperty().addListener((o, a, b) -> {
            if (!following && b instanceof Preset p) {
                fill.accept(p);
            }
        });
    }

    /** Shows the preset {@code hp} equals (the seed aside), or Custom; null (invalid) is Custom. */
    void follow(Hyperparameters hp) {
        following = true;
        try {
            setValue(hp == null ? CUSTOM : matching(hp));
        } finally {
            following = false;
        }
    }

    /** The preset whose settings {@code hp} has, the seed aside, or {@link #CUSTOM}. */
    static Object matching(Hyperparameters hp) {
        for (Preset p : Preset.values()) {
            if (p.hyperparameters().withSeed(hp.seed()).equals(hp)) {
                return p;
            }
        }
        return CUSTOM;
    }
}
