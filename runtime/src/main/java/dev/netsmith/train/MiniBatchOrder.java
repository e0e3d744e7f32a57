package dev.netsmith.train;

import dev.netsmith.runtime.Batch;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * The order in which one epoch visits the examples: a fresh Fisher–Yates shuffle of 0..n−1 per epoch, cut
 * into mini-batches of the batch size, the last one smaller when the size does not divide n (it is used, not
 * dropped). Kept small and private to the trainer so that a shared mini-batch helper can replace it.
 */
final class MiniBatchOrder {

    private final int[] order;
    private final int batchSize;

    MiniBatchOrder(int examples, int batchSize) {
        this.order = new int[examples];
        this.batchSize = Math.min(batchSize, examples);
    }

    /** ⌈n / batch size⌉. */
    int batchesPerEpoch() {
        return (order.length + batchSize - 1) / batchSize;
    }

    /** The most examples a mini-batch holds. */
    int batchSize() {
        return batchSize;
    }

    /** Starts an epoch: the identity permutation shuffled by {@code rng}, so the order depends on rng alone. */
    void shuffle(RandomGenerator rng) {
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        for (int i = order.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
    }

    /** Gathers mini-batch {@code k} of the current epoch from {@code source} into {@code buffer}. */
    void fill(Batch buffer, Batch source, int k) {
        int from = k * batchSize;
        buffer.gather(source, order, from, Math.min(order.length, from + batchSize));
    }

    /** The example at position {@code i} of the current epoch. */
    int example(int i) {
        return order[i];
    }
}
