package dev.netsmith.train;

/**
 * Early stopping on the dev cost, as in most libraries: an epoch improves when its dev cost is below the best
 * so far by more than {@code minDelta}; after {@code patience} epochs in a row without improvement the run
 * stops. The best parameters are copied into one preallocated array so they can be restored.
 */
final class EarlyStopping {

    private final int patience;
    private final double minDelta;
    private final double[] best;
    private double bestCost = Double.POSITIVE_INFINITY;
    private int bestEpoch;
    private int stale;

    EarlyStopping(int patience, double minDelta, int size) {
        this.patience = patience;
        this.minDelta = minDelta;
        this.best = new double[size];
    }

    /** Records epoch {@code epoch}'s dev cost; returns whether patience has run out. */
    boolean update(int epoch, double devCost, double[] theta) {
        if (devCost < bestCost - minDelta) {
            bestCost = devCost;
            bestEpoch = epoch;
            stale = 0;
            System.arraycopy(theta, 0, best, 0, best.length);
        } else {
            stale++;
        }
        return stale >= patience;
    }

    /** Whether some epoch improved, so that there is something to restore. */
    boolean hasBest() {
        return bestEpoch > 0;
    }

    /** Overwrites {@code theta} with the best parameters seen. */
    void restoreBest(double[] theta) {
        System.arraycopy(best, 0, theta, 0, best.length);
    }

    int bestEpoch() {
        return bestEpoch;
    }

    double bestCost() {
        return bestCost;
    }

    int patience() {
        return patience;
    }

    double minDelta() {
        return minDelta;
    }
}
