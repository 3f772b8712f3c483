package cartpolelab.results;

import cartpolelab.agent.Preset;

/**
 * One value of an experiment's swept setting: the number it trained with and its canonical
 * text ({@code 1e-4}), which names the run and its group and is what the CSVs write.
 *
 * @param setting the swept setting's name ({@code lr})
 * @param value   the value, finite
 * @param text    the value as the grid wrote it
 */
public record SweptValue(String setting, double value, String text) {

    /** The sweep name of a sweep of whole presets ({@code Sweep.PRESETS}). */
    public static final String PRESETS = "preset";

    public SweptValue {
        if (setting == null || text == null || !Double.isFinite(value)) {
            throw new IllegalArgumentException("a swept value needs its setting, a finite "
                    + "value and its text: " + setting + "=" + text);
        }
    }

    /**
     * The value written as {@code text} (a CSV cell, a library column), trimmed.
     *
     * @throws IllegalArgumentException when the text is not a finite number (or, for a sweep
     *                                  of presets, not a preset's name)
     */
    public static SweptValue parse(String setting, String text) {
        String t = text.trim();
        if (PRESETS.equals(setting)) {
            // a sweep of presets (preset=notebook,sb3-a2c): its value is the preset's place
            try {
                Preset p = Preset.parse(t);
                return new SweptValue(setting, p.ordinal(), p.id());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("the swept value '" + t + "' of " + setting
                        + " is not a preset: " + e.getMessage());
            }
        }
        double v;
        try {
            v = Double.parseDouble(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the swept value '" + t + "' of " + setting
                    + " is not a number");
        }
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException("the swept value '" + t + "' of " + setting
                    + " is not a finite number");
        }
        return new SweptValue(setting, v, t);
    }

    @Override
    public String toString() {
        return setting + "=" + text;
    }
}
