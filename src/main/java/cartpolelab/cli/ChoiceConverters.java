package cartpolelab.cli;

import cartpolelab.agent.Algorithm;
import cartpolelab.agent.Hyperparameters;
import cartpolelab.agent.Preset;
import cartpolelab.agent.Schedule;
import cartpolelab.io.SafeText;
import cartpolelab.nn.Activation;
import cartpolelab.nn.Initialisation;
import cartpolelab.nn.Optimiser;
import java.util.Collections;
import java.util.function.Function;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Picocli converters of the settings that are choices or lists; each error is one line naming
 * what is allowed (picocli prefixes the flag).
 */
final class ChoiceConverters {

    private ChoiceConverters() {
    }

    /**
     * The parser's own message as the whole error ("unknown activation 'x': use relu or
     * tanh"): picocli would wrap any other exception as "cannot convert 'x' to Activation
     * (java.lang.IllegalArgumentException: …)".
     */
    static <T> T oneLine(String value, Function<String, T> parse) {
        try {
            return parse.apply(value);
        } catch (IllegalArgumentException e) {
            String message = String.valueOf(e.getMessage());
            throw new TypeConversionException(SafeText.line(
                    message.replace(value, SafeText.value(value))));
        }
    }

    /** The hidden layers {@code --hidden} asks for: {@code layers} layers of {@code width}. */
    record HiddenLayers(int width, int layers) {
        @Override
        public String toString() {
            return String.join(",", Collections.nCopies(layers,
                    Integer.toString(width)));
        }
    }

    /**
     * {@code --hidden 256} or {@code --hidden 64,64}: layer widths, all equal, 1 to
     * {@link Hyperparameters#MAX_HIDDEN_LAYERS} of them. A width out of range is left to the
     * settings' own check, which names the range.
     */
    static final class Hidden implements ITypeConverter<HiddenLayers> {
        @Override
        public HiddenLayers convert(String value) {
            String[] parts = value.trim().split(",", -1);
            String allowed = "write one width per hidden layer, all equal, e.g. 256 or 64,64 "
                    + "(1 to " + Hyperparameters.MAX_HIDDEN_LAYERS + " layers, each in [1, "
                    + Hyperparameters.MAX_HIDDEN_SIZE + "])";
            if (parts.length > Hyperparameters.MAX_HIDDEN_LAYERS) {
                throw new TypeConversionException("'" + value + "' has " + parts.length
                        + " layers: " + allowed);
            }
            int width = -1;
            for (String part : parts) {
                int w;
                try {
                    w = Integer.parseInt(part.trim());
                } catch (NumberFormatException e) {
                    throw new TypeConversionException("'" + value + "' is not a list of layer "
                            + "widths: " + allowed);
                }
                if (width != -1 && w != width) {
                    throw new TypeConversionException("'" + value + "' is not allowed: "
                            + allowed);
                }
                width = w;
            }
            return new HiddenLayers(width, parts.length);
        }
    }

    static final class ActivationConverter implements ITypeConverter<Activation> {
        @Override
        public Activation convert(String value) {
            return oneLine(value, Activation::parse);
        }
    }

    static final class InitConverter implements ITypeConverter<Initialisation> {
        @Override
        public Initialisation convert(String value) {
            return oneLine(value, Initialisation::parse);
        }
    }

    static final class OptimiserConverter implements ITypeConverter<Optimiser.Kind> {
        @Override
        public Optimiser.Kind convert(String value) {
            return oneLine(value, Optimiser.Kind::parse);
        }
    }

    static final class ScheduleConverter implements ITypeConverter<Schedule> {
        @Override
        public Schedule convert(String value) {
            return oneLine(value, Schedule::parse);
        }
    }

    static final class PresetConverter implements ITypeConverter<Preset> {
        @Override
        public Preset convert(String value) {
            return oneLine(value, Preset::parse);
        }
    }

    static final class AlgorithmConverter implements ITypeConverter<Algorithm> {
        @Override
        public Algorithm convert(String value) {
            return oneLine(value, Algorithm::parse);
        }
    }
}
