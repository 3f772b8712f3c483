package cartpolelab.train;

/**
 * CONTRACT SKELETON: every finished episode in primitive arrays (a few MB for 100,000
 * episodes). One writer (the trainer), any number of readers: a reader first reads
 * {@link #size()}, then may read any index below it.
 */
public final class EpisodeHistory {

    public int size() {
        throw new UnsupportedOperationException();
    }

    public EpisodeStats get(int index) {
        throw new UnsupportedOperationException();
    }

    public double reward(int index) {
        throw new UnsupportedOperationException();
    }

    public double movingAverage(int index) {
        throw new UnsupportedOperationException();
    }

    public double actorLoss(int index) {
        throw new UnsupportedOperationException();
    }

    public double criticLoss(int index) {
        throw new UnsupportedOperationException();
    }

    public double entropy(int index) {
        throw new UnsupportedOperationException();
    }
}
