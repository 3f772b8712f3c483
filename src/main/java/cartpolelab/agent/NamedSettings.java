package cartpolelab.agent;

import cartpolelab.nn.Activation;
import cartpolelab.nn.Initialisation;
import cartpolelab.nn.Optimiser;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The settings a checkpoint (in {@code io}) stores by name (format 2's block of key, value pairs): everything
 * added after format 1, so adding a setting adds a key and never changes the layout. A key a
 * file lacks keeps its default, the meaning the file was trained with (an older build had
 * no such setting). Numbers are Java's shortest round-tripping decimal, choices their ids.
 */
public final class NamedSettings {

    private NamedSettings() {
    }

    /** The (key, value) pairs of {@code hp}, in a fixed order. */
    public static Map<String, String> of(Hyperparameters hp) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("gaeLambda", Double.toString(hp.gaeLambda()));
        m.put("hiddenLayers", Integer.toString(hp.hiddenLayers()));
        m.put("activation", hp.activation().id());
        m.put("initialisation", hp.initialisation().id());
        m.put("optimiser", hp.optimiser().id());
        m.put("optimiserEpsilon", Double.toString(hp.optimiserEpsilon()));
        m.put("rmspropAlpha", Double.toString(hp.rmspropAlpha()));
        m.put("maxGradNorm", Double.toString(hp.maxGradNorm()));
        m.put("valueCoefficient", Double.toString(hp.valueCoefficient()));
        m.put("normaliseAdvantage", Boolean.toString(hp.normaliseAdvantage()));
        m.put("learningRateSchedule", hp.learningRateSchedule().id());
        m.put("scheduleSteps", Long.toString(hp.scheduleSteps()));
        m.put("epochs", Integer.toString(hp.epochs()));
        m.put("minibatch", Integer.toString(hp.minibatch()));
        m.put("clipRange", Double.toString(hp.clipRange()));
        m.put("clipRangeSchedule", hp.clipRangeSchedule().id());
        m.put("envs", Integer.toString(hp.envs()));
        return m;
    }

    /**
     * Sets the setting named {@code key} on {@code b}.
     *
     * @throws IllegalArgumentException for an unknown key (a newer build's file) or a value
     *                                  that does not parse
     */
    public static void apply(HyperparameterBuilder b, String key, String value) {
        switch (key) {
            case "gaeLambda" -> b.gaeLambda(Double.parseDouble(value));
            case "hiddenLayers" -> b.hiddenLayers(Integer.parseInt(value));
            case "activation" -> b.activation(Activation.parse(value));
            case "initialisation" -> b.initialisation(Initialisation.parse(value));
            case "optimiser" -> b.optimiser(Optimiser.Kind.parse(value));
            case "optimiserEpsilon" -> b.optimiserEpsilon(Double.parseDouble(value));
            case "rmspropAlpha" -> b.rmspropAlpha(Double.parseDouble(value));
            case "maxGradNorm" -> b.maxGradNorm(Double.parseDouble(value));
            case "valueCoefficient" -> b.valueCoefficient(Double.parseDouble(value));
            case "normaliseAdvantage" -> b.normaliseAdvantage(parseBoolean(value));
            case "learningRateSchedule" -> b.learningRateSchedule(Schedule.parse(value));
            case "scheduleSteps" -> b.scheduleSteps(Long.parseLong(value));
            case "epochs" -> b.epochs(Integer.parseInt(value));
            case "minibatch" -> b.minibatch(Integer.parseInt(value));
            case "clipRange" -> b.clipRange(Double.parseDouble(value));
            case "clipRangeSchedule" -> b.clipRangeSchedule(Schedule.parse(value));
            case "envs" -> b.envs(Integer.parseInt(value));
            default -> throw new IllegalArgumentException("a setting unknown to this build, '"
                    + key + "' (a newer build's checkpoint?)");
        }
    }

    private static boolean parseBoolean(String value) {
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("'" + value + "' is not true or false");
        };
    }
}
