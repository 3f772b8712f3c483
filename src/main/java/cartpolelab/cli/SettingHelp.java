package cartpolelab.cli;

import cartpolelab.agent.Hyperparameters;
import cartpolelab.agent.Setting;
import cartpolelab.env.CartPoleVersion;
import java.util.ListResourceBundle;

/**
 * The help text of each hyperparameter flag, made from {@link Setting} (its meaning and range)
 * so the command line, the settings form and the record's validation say the same thing.
 * Picocli finds an option's text under its {@code descriptionKey}: the flag without dashes.
 */
final class SettingHelp extends ListResourceBundle {

    @Override
    protected Object[][] getContents() {
        Setting[] settings = Setting.values();
        Object[][] contents = new Object[settings.length][];
        for (int i = 0; i < settings.length; i++) {
            Setting s = settings[i];
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
