package dev.netsmith.data;

import dev.netsmith.runtime.Architecture;
import dev.netsmith.runtime.Batch;
import java.util.ConcurrentModificationException;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

/**
 * Shuffled mini-batches over a training batch. Each epoch reshuffles the order (from a {@link Well19937c} seeded
 * once, so a run can be repeated) and visits every example exactly once, in batches of {@link #batchSize()}
 * examples and, when that does not divide m, a last smaller one, as in the course.
 *
 * <p>Every mini-batch is gathered into one buffer ({@link Batch#buffer}) that is reused for the whole run, so
 * iterating allocates nothing per batch; in exchange, a batch handed out is only valid until the next one is
 * asked for. Not thread-safe.
 */
public final class MiniBatches {

    private final Batch source;
    private final Batch buffer;
    private final int batchSize;
    private final int[] order;
    private final RandomGenerator rng;
    private int epoch;

    private MiniBatches(Batch source, Batch buffer, int batchSize, RandomGenerator rng) {
        this.source = source;
        this.buffer = buffer;
        this.batchSize = batchSize;
        this.order = Shuffle.identity(source.m());
        this.rng = rng;
    }

    /** Mini-batches of {@code batchSize} examples of {@code source}, a labelled batch for this architecture. */
    public static MiniBatches of(Architecture architecture, Batch source, int batchSize, long seed) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("a mini-batch needs at least 1 example, was " + batchSize);
        }
        Batch buffer = Batch.buffer(architecture, Math.min(batchSize, source.m()));
        MiniBatches batches = new MiniBatches(source, buffer, batchSize, new Well19937c(seed));
        // Batch.gather checks that source suits the architecture: fail here rather than in the first epoch
        buffer.gather(source, batches.order, 0, 1);
        return batches;
    }

    /** The examples per mini-batch (the last of an epoch may have fewer). */
    public int batchSize() {
        return batchSize;
    }

    /** ⌈m / batchSize⌉. */
    public int batchesPerEpoch() {
        return (order.length + batchSize - 1) / batchSize;
    }

    /**
     * Reshuffles and returns the next epoch's mini-batches, for use in a for-each loop. Its iterator hands out the
     * same {@link Batch} object refilled each time, and fails once a later epoch has reshuffled the order.
     */
    public Iterable<Batch> nextEpoch() {
        Shuffle.inPlace(order, rng);
        int current = ++epoch;
        return () -> new Iterator<>() {
            private int from;

            @Override
            public boolean hasNext() {
                checkCurrent();
                return from < order.length;
            }

            @Override
            public Batch next() {
                if (!hasNext()) {
                    throw new NoSuchElementException("epoch " + current + " has " + batchesPerEpoch() + " mini-batches");
                }
                int to = Math.min(from + batchSize, order.length);
                buffer.gather(source, order, from, to);
                from = to;
                return buffer;
            }

            private void checkCurrent() {
                if (epoch != current) {
                    throw new ConcurrentModificationException("epoch " + current + " is over: epoch " + epoch
                            + " has reshuffled the examples");
                }
            }
        };
    }
}
