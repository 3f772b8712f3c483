package cartpolelab.library;

import cartpolelab.agent.Algorithm;
import cartpolelab.env.CartPoleVersion;
import java.util.Locale;

/** How settings are spelled in the library: the command line's names. */
final class Names {

    private Names() {
    }

    /** {@code a2c}, {@code reinforce-baseline}: as {@code --algorithm} takes them. */
    static String algorithm(Algorithm a) {
        return a.id();
    }

    static Algorithm algorithm(String name) {
        return Algorithm.valueOf(name.toUpperCase(Locale.ROOT).replace('-', '_'));
    }

    static CartPoleVersion version(String id) {
        return CartPoleVersion.parse(id);
    }
}
