package cartpolelab.agent;

/**
 * Sums of the losses of the updates since the last {@link #take()}: what an episode's record
 * shows as its losses (their means). No allocation but the record {@link #take()} returns.
 */
final class UpdateTally {

    private double actorLoss;
    private double criticLoss;
    private double entropy;
    private int updates;
    private double approxKl;
    private double clipFraction;
    /** Updates that reported PPO's measures (PPO's; the others report none). */
    private int ppoUpdates;

    /** One update's actor (policy) loss, critic (value) loss and mean entropy. */
    void add(double actor, double critic, double meanEntropy) {
        actorLoss += actor;
        criticLoss += critic;
        entropy += meanEntropy;
        updates++;
    }

    /** One PPO update: its losses as {@link #add(double, double, double)}, its KL and clip fraction. */
    void addPpo(double actor, double critic, double meanEntropy, double kl, double clipped) {
        add(actor, critic, meanEntropy);
        approxKl += kl;
        clipFraction += clipped;
        ppoUpdates++;
    }

    /** Means over the updates since the last call ({@link UpdateStats#NONE} if none); resets. */
    UpdateStats take() {
        if (updates == 0) {
            return UpdateStats.NONE;
        }
        UpdateStats stats = new UpdateStats(actorLoss / updates, criticLoss / updates,
                entropy / updates, updates,
                ppoUpdates == 0 ? Double.NaN : approxKl / ppoUpdates,
                ppoUpdates == 0 ? Double.NaN : clipFraction / ppoUpdates);
        actorLoss = 0;
        criticLoss = 0;
        entropy = 0;
        updates = 0;
        approxKl = 0;
        clipFraction = 0;
        ppoUpdates = 0;
        return stats;
    }
}
