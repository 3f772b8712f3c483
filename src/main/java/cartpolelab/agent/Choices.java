package cartpolelab.agent;

import cartpolelab.nn.Activation;
import cartpolelab.nn.Initialisation;
import cartpolelab.nn.Optimiser;
import java.util.List;

/**
 * The settings whose values are the network package's own choices (activation,
 * initialisation, optimiser), as plain objects: what the settings form offers, reads from and
 * puts into {@link Hyperparameters} without depending on {@code nn} itself.
 */
public final class Choices {

    private Choices() {
    }

    /** The values {@code s} takes, in order. */
    public static List<Object> values(Setting s) {
        return switch (s) {
            case ACTIVATION -> List.of((Object[]) Activation.values());
            case INITIALISATION -> List.of((Object[]) Initialisation.values());
            case OPTIMISER -> List.of((Object[]) Optimiser.Kind.values());
            default -> throw new IllegalArgumentException(s + " is not a network choice");
        };
    }

    /** The value of {@code s} in {@code hp}. */
    public static Object get(Setting s, Hyperparameters hp) {
        return switch (s) {
            case ACTIVATION -> hp.activation();
            case INITIALISATION -> hp.initialisation();
            case OPTIMISER -> hp.optimiser();
            default -> throw new IllegalArgumentException(s + " is not a network choice");
        };
    }

    /** {@code hp} with {@code s} set to {@code value}, one of {@link #values}. */
    public static Hyperparameters with(Setting s, Hyperparameters hp, Object value) {
        return switch (s) {
            case ACTIVATION -> hp.withActivation((Activation) value);
            case INITIALISATION -> hp.withInitialisation((Initialisation) value);
            case OPTIMISER -> hp.withOptimiser((Optimiser.Kind) value);
            default -> throw new IllegalArgumentException(s + " is not a network choice");
        };
    }

    /** Whether {@code optimiser} (a value of {@link Setting#OPTIMISER}) is RMSprop. */
    public static boolean isRmsprop(Object optimiser) {
        return optimiser == Optimiser.Kind.RMSPROP;
    }
}
