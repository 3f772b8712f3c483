package cartpolelab.metrics;

import java.util.function.IntFunction;

/**
 * An append-only table of primitive columns ({@code double[]}, {@code int[]}, ...) with one
 * writer and any number of readers, without locks: what {@link EpisodeHistory} and
 * {@link GradientVarianceHistory} keep their rows in. {@code C} is the typed set of columns
 * a history reads by name.
 *
 * <p><b>Publication order</b>, the one rule that makes it safe: the writer fills row {@code n}
 * of every column ({@link #forRow}), then publishes {@code size = n + 1} with a volatile write
 * ({@link #publish}). A reader reads {@link #size()} first and then {@link #columns()}, and
 * reads only rows below the size it read. Growing copies the rows into new, larger arrays and
 * publishes them (a volatile write) before the size that needs them, and never writes into
 * the old arrays again: whatever a reader sees below the size it read never changes.
 *
 * @param <C> the typed columns; {@link Columns#arrays()} lists their arrays for growing
 */
final class ColumnStore<C extends ColumnStore.Columns> {

    /** A set of primitive column arrays of one capacity. */
    interface Columns {
        /** Every column array, in a fixed order: what growing copies. */
        Object[] arrays();
    }

    private final IntFunction<C> allocate;
    private volatile C columns;
    private volatile int size;
    /** Rows the current columns hold; writer only. */
    private int capacity;
    /** A read-only view ({@link #view()}): {@link #forRow} refuses. */
    private final boolean readOnly;

    /** An empty store; {@code allocate} makes columns of a given capacity. */
    ColumnStore(IntFunction<C> allocate, int initialCapacity) {
        this(allocate, allocate.apply(initialCapacity), initialCapacity, 0, false);
    }

    private ColumnStore(IntFunction<C> allocate, C columns, int capacity, int size,
                        boolean readOnly) {
        this.allocate = allocate;
        this.columns = columns;
        this.capacity = capacity;
        this.size = size;
        this.readOnly = readOnly;
    }

    /** Rows published; indexes 0 .. size()-1 are readable. */
    int size() {
        return size;
    }

    /** The columns, to read after {@link #size()}, below the size read. */
    C columns() {
        return columns;
    }

    /** The columns after checking that row {@code index} is published. */
    C checked(int index, String what) {
        int n = size;
        if (index < 0 || index >= n) {
            throw new IndexOutOfBoundsException(what + " index " + index + " of " + n);
        }
        return columns;
    }

    /** The columns with room for row {@link #size()}, grown if full. Writer only. */
    C forRow() {
        if (readOnly) {
            throw new IllegalStateException("a read-only view of a history cannot grow");
        }
        int n = size;
        if (n == capacity) {
            columns = grown(columns, n * 2, n);
            capacity = n * 2;
        }
        return columns;
    }

    /** Publishes the row {@link #forRow} returned room for. Writer only. */
    void publish() {
        size = size + 1; // publishes the row's writes above
    }

    /**
     * The rows that exist when the call starts, in columns of their own that only the copy's
     * owner appends to. One array copy per column.
     */
    ColumnStore<C> copy(int minCapacity) {
        int n = size;
        int cap = Math.max(minCapacity, n);
        return new ColumnStore<>(allocate, grown(columns, cap, n), cap, n, false);
    }

    /**
     * The rows that exist when the call starts, read-only, sharing these columns (whose rows
     * below the size never change): no copy.
     */
    ColumnStore<C> view() {
        int n = size; // size first, then the columns: they hold at least n rows
        C c = columns;
        return new ColumnStore<>(allocate, c, n, n, true);
    }

    private C grown(C from, int capacity, int used) {
        C to = allocate.apply(capacity);
        Object[] a = from.arrays();
        Object[] b = to.arrays();
        for (int k = 0; k < a.length; k++) {
            System.arraycopy(a[k], 0, b[k], 0, used);
        }
        return to;
    }
}
