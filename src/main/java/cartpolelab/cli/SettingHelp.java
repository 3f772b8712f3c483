package cartpolelab.cli;

import cartpolelab.agent.Hyperparameters;
import cartpolelab.agent.Setting;
import cartpolelab.env.CartPoleVersion;
import java.util.Arrays;
import java.util.ListResourceBundle;

/**
 * The help text of each hyperparameter flag, made from {@link Setting} (its meaning and range)
 * so the command line, the settings form and the record's validation say the same thing.
 * Picocli finds an option's text under its {@code descriptionKey}: the flag without dashes.
 */
final class SettingHelp extends ListResourceBundle {

    @Override
    protected Object[][] getContents() {
        // --hidden sets two settings (width and layers): its text is HIDDEN_SIZE's and
        // HIDDEN_LAYERS's together, under the one key
        Setting[] settings = Arrays.stream(Setting.values())
                .filter(s -> s != Setting.HIDDEN_LAYERS).toArray(Setting[]::new);
        Object[][] contents = new Object[settings.length][];
        for (int i = 0; i < settings.length; i++) {
            Setting s = settings[i];
            if (s == Setting.HIDDEN_SIZE) {
                contents[i] = new Object[] {"hidden", s.meaning() + " "
                        + Setting.HIDDEN_LAYERS.meaning() + " Range: widths in "
                        + s.rangeText() + ", all equal, " + Setting.HIDDEN_LAYERS.rangeText()
                        + " layers. Default: " + Hyperparameters.DEFAULTS.hiddenSize() + "."};
                continue;
            }
            String fallback = s == Setting.MAX_STEPS
                    ? Hyperparameters.defaultMaxSteps(CartPoleVersion.V0) + ", or the "
                            + "version's limit when longer (" + Hyperparameters.defaultMaxSteps(
                            CartPoleVersion.V1) + " for v1)"
                    : "${DEFAULT-VALUE}";
            contents[i] = new Object[] {s.flag().substring(2),
                s.meaning() + (s.numeric() ? " Range: " : " Values: ") + s.rangeText()
                        + ". Default: " + fallback + "."};
        }
        return contents;
    }
}
