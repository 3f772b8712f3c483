package cartpolelab.train;

/** How fast the trainer runs. Never changes what is learned, only how it is shown. */
public enum Speed {
    /** 50 environment steps per second, Gymnasium's render rate: the true motion. */
    REAL_TIME("Real time"),
    /** As fast as it trains, every frame still published. */
    FAST("Fast"),
    /** No frames published, finished episodes only. */
    MAXIMUM("Maximum");

    private final String displayName;

    Speed(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }

    @Override
    public String toString() {
        return displayName;
    }
}
