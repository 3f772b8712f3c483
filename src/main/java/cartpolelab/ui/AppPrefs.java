package cartpolelab.ui;

import cartpolelab.agent.Algorithm;
import cartpolelab.agent.HyperparameterBuilder;
import cartpolelab.agent.Hyperparameters;
import cartpolelab.agent.NamedSettings;
import cartpolelab.env.CartPoleVersion;
import cartpolelab.train.Speed;
import java.nio.file.Path;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/**
 * What the window remembers between launches, in a {@link Preferences} node (the app:
 * {@link #user()}; tests: a node of their own, never the user's): the window's size,
 * position and maximised state, the zoom, theme, chart colours, speed, and the last settings
 * of the form. A value that is missing, malformed or out of range is ignored and the
 * default used (the file is the user's: anything may be in it). Nothing here ever throws:
 * a store that cannot be written only means the next launch starts from the defaults.
 */
public final class AppPrefs {

    /**
     * The prefix of a setting stored by its checkpoint name ({@link NamedSettings}):
     * {@code settings.gaeLambda}, {@code settings.envs}, … as earlier builds stored those two.
     */
    private static final String NAMED = "settings.";

    /** The default speed of a first launch: see the README ("A first minute you can watch"). */
    public static final Speed FIRST_SPEED = Speed.X4;

    private final Preferences node;

    public AppPrefs(Preferences node) {
        this.node = node;
    }

    /** The current user's store for this app. */
    public static AppPrefs user() {
        return new AppPrefs(Preferences.userRoot().node("cartpolelab"));
    }

    public Preferences node() {
        return node;
    }

    /** The remembered window bounds {x, y, width, height}, or null. */
    public double[] bounds() {
        double[] b = {node.getDouble("window.x", Double.NaN), node.getDouble("window.y",
                Double.NaN), node.getDouble("window.width", Double.NaN),
                node.getDouble("window.height", Double.NaN)};
        for (double v : b) {
            if (!Double.isFinite(v)) {
                return null;
            }
        }
        return b[2] >= 100 && b[3] >= 100 && b[2] <= 20_000 && b[3] <= 20_000 ? b : null;
    }

    public boolean maximized() {
        return node.getBoolean("window.maximized", false);
    }

    public double zoom() {
        return ZoomPane.clamp(node.getDouble("zoom", 1.0));
    }

    public Appearance.Theme theme() {
        return parse(Appearance.Theme.class, node.get("theme", null), Appearance.Theme.LIGHT);
    }

    public boolean highContrast() {
        return node.getBoolean("chart.highContrast", false);
    }

    public Speed speed() {
        return parse(Speed.class, node.get("speed", null), FIRST_SPEED);
    }

    /**
     * The settings last in the form, or {@code defaults} where none is stored; a stored value
     * that does not parse, or a combination that is refused, gives the defaults whole. Every
     * setting is read at once and checked once, so a stored SB3 PPO form (8 environments, n 32,
     * minibatch 256) comes back as it was.
     */
    public Hyperparameters settings(Hyperparameters defaults) {
        try {
            HyperparameterBuilder b = defaults.toBuilder();
            String a = node.get("settings.algorithm", null);
            if (a != null) {
                b.algorithm(Algorithm.parse(a));
            }
            String v = node.get("settings.version", null);
            if (v != null) {
                b.version(CartPoleVersion.parse(v));
            }
            b.hiddenSize(node.getInt("settings.hiddenSize", defaults.hiddenSize()))
                    .learningRate(node.getDouble("settings.learningRate",
                            defaults.learningRate()))
                    .discount(node.getDouble("settings.discount", defaults.discount()))
                    .entropyCoefficient(node.getDouble("settings.entropyCoefficient",
                            defaults.entropyCoefficient()))
                    .maxSteps(node.getInt("settings.maxSteps", defaults.maxSteps()))
                    .episodes(node.getInt("settings.episodes", defaults.episodes()))
                    .nSteps(node.getInt("settings.nSteps", defaults.nSteps()))
                    .seed(node.getLong("settings.seed", defaults.seed()));
            // every later setting (λ, envs, layers, optimiser, PPO's) by its checkpoint name
            for (String key : NamedSettings.of(defaults).keySet()) {
                String value = node.get(NAMED + key, null);
                if (value != null) {
                    NamedSettings.apply(b, key, value);
                }
            }
            return b.build();
        } catch (IllegalArgumentException e) {
            return defaults; // a value out of range: the whole form starts from the defaults
        }
    }

    public void saveBounds(double x, double y, double width, double height, boolean maximized) {
        node.putBoolean("window.maximized", maximized);
        if (!maximized) { // keep the size to return to when un-maximised
            node.putDouble("window.x", x);
            node.putDouble("window.y", y);
            node.putDouble("window.width", width);
            node.putDouble("window.height", height);
        }
    }

    public void saveAppearance(double zoom, Appearance.Theme theme, boolean highContrast) {
        node.putDouble("zoom", zoom);
        node.put("theme", theme.name());
        node.putBoolean("chart.highContrast", highContrast);
    }

    /** The run library the window opened last, or null for the default one. */
    public Path library() {
        String p = node.get("library", "");
        return p.isBlank() ? null : Path.of(p);
    }

    public void saveLibrary(Path file) {
        node.put("library", file.toAbsolutePath().toString());
    }

    public void saveSpeed(Speed speed) {
        if (speed != null) {
            node.put("speed", speed.name());
        }
    }

    public void saveSettings(Hyperparameters hp) {
        if (hp == null) {
            return;
        }
        node.put("settings.algorithm", hp.algorithm().name());
        node.put("settings.version", hp.version().name());
        node.putInt("settings.hiddenSize", hp.hiddenSize());
        node.putDouble("settings.learningRate", hp.learningRate());
        node.putDouble("settings.discount", hp.discount());
        node.putDouble("settings.entropyCoefficient", hp.entropyCoefficient());
        node.putInt("settings.maxSteps", hp.maxSteps());
        node.putInt("settings.episodes", hp.episodes());
        node.putInt("settings.nSteps", hp.nSteps());
        node.putLong("settings.seed", hp.seed());
        NamedSettings.of(hp).forEach((key, value) -> node.put(NAMED + key, value));
    }

    /** Writes to the backing store; false (and nothing else) if it cannot. */
    public boolean flush() {
        try {
            node.flush();
            return true;
        } catch (BackingStoreException | IllegalStateException e) {
            return false;
        }
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String name, E fallback) {
        if (name == null) {
            return fallback;
        }
        try {
            return Enum.valueOf(type, name);
        } catch (IllegalArgumentException e) {
            return fallback;
        }
    }
}
