package cartpolelab.train;

/**
 * The frame a {@link Trainer} publishes for the window, and whether the window took it since.
 * The trainer's thread asks {@link #taken()} before building a frame when it steps unpaced, so
 * it builds one per screen refresh instead of one per step (the window reads at most one a
 * refresh). Both fields are volatile: the window reads from its own thread.
 */
final class FrameSlot {

    private volatile Frame frame;
    /** {@link #take()} ran since the last {@link #publish}. */
    private volatile boolean taken = true;

    /** The frame last published (null before the first); marks it taken. Any thread. */
    Frame take() {
        taken = true;
        return frame;
    }

    /** True once the frame last published was read: the next is wanted. */
    boolean taken() {
        return taken;
    }

    /** Publishes {@code f}; null keeps the frame shown (Watch between episodes). */
    void publish(Frame f) {
        if (f != null) {
            taken = false; // first: a read of the new frame marks it taken
            frame = f;
        }
    }
}
