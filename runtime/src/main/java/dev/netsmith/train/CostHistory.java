package dev.netsmith.train;

import java.util.Arrays;
import java.util.Objects;

/**
 * The costs a run recorded: iteration → training cost (the mini-batch cost of that step, data term plus L2
 * term, with dropout as trained; every {@code recordCostEvery}-th iteration) and epoch → dev cost (dropout off,
 * at the end of each epoch). Iterations and epochs are counts of what was completed, so record 0 of a fresh
 * run is iteration 1 and epoch 1. Room for the whole run is allocated up front, so recording allocates nothing.
 */
public final class CostHistory {

    private final int every;
    private final long firstIteration;
    private final double[] training;
    private int trainingCount;
    private final int firstEpoch;
    private final double[] dev;
    private int devCount;

    /**
     * Room for a run from iteration {@code start} to at most {@code end}.
     *
     * @param every          record the training cost of every {@code every}-th iteration
     * @param batchesPerEpoch iterations per epoch
     * @param withDev        whether dev costs will be recorded
     */
    CostHistory(long start, long end, int every, int batchesPerEpoch, boolean withDev) {
        this.every = every;
        this.firstIteration = (start / every + 1) * every;
        this.training = new double[capacity(end / every - start / every)];
        this.firstEpoch = (int) (start / batchesPerEpoch) + 1;
        this.dev = new double[withDev ? capacity(end / batchesPerEpoch - start / batchesPerEpoch) : 0];
    }

    private static int capacity(long records) {
        if (records > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("the run would record " + records
                    + " costs, more than an array holds: record fewer with recordCostEvery(n)");
        }
        return (int) records;
    }

    void recordTraining(long iteration, double cost) {
        if (iteration % every == 0) {
            training[trainingCount++] = cost;
        }
    }

    void recordDev(double cost) {
        dev[devCount++] = cost;
    }

    /** Number of training costs recorded. */
    public int trainingCount() {
        return trainingCount;
    }

    /** The iteration (steps completed) training record {@code i} belongs to. */
    public long trainingIteration(int i) {
        Objects.checkIndex(i, trainingCount);
        return firstIteration + (long) i * every;
    }

    /** Training record {@code i}. */
    public double trainingCost(int i) {
        return training[Objects.checkIndex(i, trainingCount)];
    }

    /** The training costs in order. */
    public double[] trainingCosts() {
        return Arrays.copyOf(training, trainingCount);
    }

    /** Number of dev costs recorded. */
    public int devCount() {
        return devCount;
    }

    /** The epoch (epochs completed) dev record {@code i} belongs to. */
    public int devEpoch(int i) {
        return firstEpoch + Objects.checkIndex(i, devCount);
    }

    /** Dev record {@code i}. */
    public double devCost(int i) {
        return dev[Objects.checkIndex(i, devCount)];
    }

    /** The dev costs in order. */
    public double[] devCosts() {
        return Arrays.copyOf(dev, devCount);
    }

    @Override
    public String toString() {
        return "CostHistory[" + trainingCount + " training costs from iteration " + firstIteration + " every " + every
                + ", " + devCount + " dev costs from epoch " + firstEpoch + "]";
    }
}
