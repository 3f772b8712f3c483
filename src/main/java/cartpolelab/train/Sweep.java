package cartpolelab.train;

import cartpolelab.agent.Hyperparameters;
import cartpolelab.agent.Preset;
import cartpolelab.agent.Setting;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One swept setting of an experiment and its values, e.g. {@code lr=1e-4,3e-4,1e-3}. Only the
 * settings a study sweeps can be swept: learning rate ({@code lr}), hidden size
 * ({@code hidden}), discount ({@code gamma}), entropy coefficient ({@code entropy-coef}) and
 * n-steps ({@code n-steps}) and GAE's λ ({@code gae-lambda}): each named as its {@code train}
 * flag without the dashes.
 *
 * <p><b>Presets</b> ({@code preset=notebook,sb3-a2c,sb3-ppo}): each value is a whole
 * {@link Preset}, algorithm included; the environment ({@code --env}, {@code --max-steps}), the
 * budget and the seeds stay the experiment's, so the presets learn the same task side by side.
 * The setting is then null and the values are the presets' ordinals.
 *
 * @param setting the swept setting, or null for a sweep of presets
 * @param values  its values, no two equal; kept in ascending order
 */
public record Sweep(Setting setting, List<Double> values) {

    /** The settings that can be swept, in the order help lists them. */
    public static final List<Setting> SWEEPABLE = List.of(Setting.LEARNING_RATE,
            Setting.HIDDEN_SIZE, Setting.DISCOUNT, Setting.ENTROPY_COEFFICIENT, Setting.N_STEPS,
            Setting.GAE_LAMBDA);

    /** The sweep name of a sweep of presets. */
    public static final String PRESETS = "preset";

    public Sweep {
        if (setting == null) {
            values = values.stream().sorted().distinct().toList();
            for (double v : values) {
                if (v != Math.rint(v) || v < 0 || v >= Preset.values().length) {
                    throw new IllegalArgumentException("no preset number " + v);
                }
            }
        } else if (!SWEEPABLE.contains(setting)) {
            throw new IllegalArgumentException("cannot sweep " + setting.component()
                    + ": sweep one of " + names());
        }
        values = values.stream().sorted().toList();
        if (values.isEmpty() && setting != null) {
            throw new IllegalArgumentException("the sweep of " + name(setting)
                    + " has no values: give at least one, e.g. lr=1e-4,3e-4");
        }
        for (int i = 0; setting != null && i < values.size(); i++) {
            double v = values.get(i);
            if (!setting.accepts(v) || setting.wholeNumber() && v != Math.rint(v)) {
                throw new IllegalArgumentException("sweep value " + text(setting, v) + " of "
                        + name(setting) + " is out of range: it must be "
                        + (setting.wholeNumber() ? "a whole number in " : "in ")
                        + setting.rangeText());
            }
            if (i > 0 && values.get(i - 1) == v) {
                throw new IllegalArgumentException("sweep value " + text(setting, v) + " of "
                        + name(setting) + " is given twice: list each value once");
            }
        }
    }

    /**
     * Parses {@code NAME=V1,V2,...}, e.g. {@code lr=1e-4,3e-4,1e-3} or {@code hidden=64,256}.
     *
     * @throws IllegalArgumentException naming the problem and the form to use
     */
    public static Sweep parse(String text) {
        int eq = text.indexOf('=');
        if (eq <= 0) {
            throw new IllegalArgumentException("--sweep '" + text + "' is not NAME=VALUES: "
                    + "write e.g. --sweep lr=1e-4,3e-4,1e-3 (names: " + names() + ")");
        }
        String name = text.substring(0, eq).trim().toLowerCase(Locale.ROOT);
        if (name.equals(PRESETS) || name.equals("presets")) {
            return presets(text.substring(eq + 1));
        }
        Setting setting = setting(name);
        List<Double> values = new ArrayList<>();
        for (String part : text.substring(eq + 1).split(",", -1)) {
            try {
                values.add(Double.parseDouble(part.trim()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--sweep " + name(setting) + ": '" + part
                        + "' is not a number; give numbers separated by commas, e.g. "
                        + name(setting) + "=" + example(setting));
            }
        }
        return new Sweep(setting, values);
    }

    /** {@code notebook,sb3-a2c,sb3-ppo}: a sweep of presets, each named once. */
    private static Sweep presets(String list) {
        List<Double> values = new ArrayList<>();
        for (String part : list.split(",", -1)) {
            double v = Preset.parse(part).ordinal();
            if (values.contains(v)) {
                throw new IllegalArgumentException("--sweep preset: '" + part.trim()
                        + "' is given twice: list each preset once");
            }
            values.add(v);
        }
        return new Sweep(null, values);
    }

    /** True for a sweep of presets. */
    public boolean presets() {
        return setting == null;
    }

    /** The setting a sweep name stands for: a flag name or one of a few plain aliases. */
    static Setting setting(String name) {
        String n = name.toLowerCase(Locale.ROOT).replace('_', '-');
        for (Setting s : SWEEPABLE) {
            if (n.equals(name(s)) || n.equals(s.component().toLowerCase(Locale.ROOT))) {
                return s;
            }
        }
        return switch (n) {
            case "learning-rate" -> Setting.LEARNING_RATE;
            case "hidden-size" -> Setting.HIDDEN_SIZE;
            case "discount" -> Setting.DISCOUNT;
            case "entropy", "entropy-coefficient" -> Setting.ENTROPY_COEFFICIENT;
            case "nsteps" -> Setting.N_STEPS;
            case "lambda", "gae" -> Setting.GAE_LAMBDA;
            default -> throw new IllegalArgumentException("--sweep cannot sweep '" + name
                    + "': sweep one of " + names());
        };
    }

    /** The sweep name of a setting: its flag without the dashes ({@code lr}, {@code hidden}). */
    public static String name(Setting s) {
        return s.flag().substring(2);
    }

    /** {@code lr}, {@code hidden}, ...: the name of this sweep. */
    public String name() {
        return setting == null ? PRESETS : name(setting);
    }

    /** The value as run ids, CSV cells and legends show it: {@code 1e-4}, {@code 256}. */
    public String text(double value) {
        return setting == null ? Preset.values()[(int) value].id() : text(setting, value);
    }

    static String text(Setting s, double v) {
        if (s.wholeNumber() && v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        String t = Double.toString(v);
        int e = t.indexOf('E');
        if (e < 0) {
            return t.endsWith(".0") ? t.substring(0, t.length() - 2) : t;
        }
        String mantissa = t.substring(0, e);
        if (mantissa.endsWith(".0")) {
            mantissa = mantissa.substring(0, mantissa.length() - 2);
        }
        return mantissa + "e" + t.substring(e + 1);
    }

    /** {@code hp} with the swept setting at {@code value}. */
    public Hyperparameters apply(Hyperparameters hp, double value) {
        if (setting == null) {
            // the preset's settings on the experiment's task, budget and seed
            return Preset.values()[(int) value].hyperparameters().toBuilder()
                    .version(hp.version()).maxSteps(hp.maxSteps()).episodes(hp.episodes())
                    .seed(hp.seed()).build();
        }
        return switch (setting) {
            case LEARNING_RATE -> hp.withLearningRate(value);
            case HIDDEN_SIZE -> hp.withHiddenSize((int) value);
            case DISCOUNT -> hp.withDiscount(value);
            case ENTROPY_COEFFICIENT -> hp.withEntropyCoefficient(value);
            case N_STEPS -> hp.withNSteps((int) value);
            case GAE_LAMBDA -> hp.withGaeLambda(value);
            default -> throw new IllegalStateException("not sweepable: " + setting);
        };
    }

    /** {@code lr, hidden, gamma, entropy-coef, n-steps, gae-lambda, preset}. */
    public static String names() {
        return String.join(", ", SWEEPABLE.stream().map(Sweep::name).toList()) + ", "
                + PRESETS;
    }

    private static String example(Setting s) {
        return switch (s) {
            case HIDDEN_SIZE -> "64,128,256";
            case N_STEPS -> "0,5,20";
            case GAE_LAMBDA -> "0,0.5,1";
            case DISCOUNT -> "0.9,0.99";
            case ENTROPY_COEFFICIENT -> "0,0.001,0.01";
            default -> "1e-4,3e-4,1e-3";
        };
    }
}
