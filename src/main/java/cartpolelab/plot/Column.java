package cartpolelab.plot;

import java.util.function.IntSupplier;
import java.util.function.IntToDoubleFunction;

/**
 * One column of numbers that only grows, read by index: a column of the episode history, or a
 * statistic across runs. {@link #size()} may grow between calls; values below it never change.
 */
public interface Column {

    int size();

    double value(int index);

    /** {@code values} up to a size read each time (a growing history). */
    static Column of(IntToDoubleFunction values, IntSupplier size) {
        return new Column() {
            @Override
            public int size() {
                return size.getAsInt();
            }

            @Override
            public double value(int index) {
                return values.applyAsDouble(index);
            }
        };
    }

    /** The first {@code size} values, fixed: what a file written from a live run shows. */
    static Column fixed(IntToDoubleFunction values, int size) {
        return of(values, () -> size);
    }

    static Column of(double[] values) {
        return fixed(i -> values[i], values.length);
    }
}
