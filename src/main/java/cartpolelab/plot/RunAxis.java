package cartpolelab.plot;

import cartpolelab.metrics.EpisodeHistory;
import java.util.function.IntSupplier;
import java.util.function.IntToDoubleFunction;

/**
 * The x axis of one run's figures: per-episode values as columns over episodes (x = episode
 * number) or over environment steps ({@link StepColumns}), and where an episode sits on it.
 */
final class RunAxis {

    private final XAxis kind;
    private final IntSupplier size;
    private final StepColumns steps;

    private RunAxis(XAxis kind, IntSupplier size, StepColumns steps) {
        this.kind = kind;
        this.size = size;
        this.steps = steps;
    }

    /** The axis over the first {@code size} episodes of {@code h}. */
    static RunAxis of(EpisodeHistory h, IntSupplier size, XAxis kind) {
        return new RunAxis(kind, size, kind == XAxis.STEPS
                ? new StepColumns(h::totalSteps, size) : null);
    }

    /** A per-episode value (by episode index) as a column of this axis. */
    Column column(IntToDoubleFunction perEpisode) {
        return kind == XAxis.STEPS ? steps.of(perEpisode) : Column.of(perEpisode, size);
    }

    /** The x of the end of episode {@code episode} (1-based). */
    double xOf(int episode) {
        return kind == XAxis.STEPS ? steps.pointOf(episode - 1) : episode;
    }

    /** A figure with this axis's label, counting steps when it is over steps. */
    Figure figure(String title, String subtitle) {
        Figure f = new Figure(title, subtitle, kind.label());
        return kind == XAxis.STEPS ? f.overSteps(steps) : f;
    }
}
