package dev.netsmith.data;

import dev.netsmith.runtime.Architecture;
import dev.netsmith.runtime.Batch;
import java.util.ConcurrentModificationException;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

/**
 * Shuffled mini-batches over a training batch. Each epoch shuffles the examples afresh and visits every one
 * exactly once, in batches of {@link #batchSize()} examples and, when that does not divide m, a last smaller
 * one, as in the course. An epoch's order depends only on the generator it is shuffled with: {@link #nextEpoch}
 * draws from one {@link Well19937c} seeded once, while {@link #startEpoch} takes a generator the caller
 * seeds (a trainer seeds one per epoch, so that a run resumed mid-epoch sees the same order).
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
        this.order = Shuffle.identity(new int[source.m()]);
        this.rng = rng;
    }

    /** Mini-batches of {@code batchSize} examples of {@code source}, a labelled batch for this architecture. */
    public static MiniBatches of(Architecture architecture, Batch source, int batchSize, long seed) {
        return of(architecture, source, batchSize, new Well19937c(seed));
    }

    private static MiniBatches of(Architecture architecture, Batch source, int batchSize, RandomGenerator rng) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("a mini-batch needs at least 1 example, was " + batchSize);
        }
        Batch buffer = Batch.buffer(architecture, Math.min(batchSize, source.m()));
        MiniBatches batches = new MiniBatches(source, buffer, batchSize, rng);
        // Batch.gather checks that source suits the architecture: fail here rather than in the first epoch
        buffer.gather(source, batches.order, 0, 1);
        return batches;
    }

    /** The examples per mini-batch (the last of an epoch may have fewer). */
    public int batchSize() {
        return batchSize;
    }

    /** Mini-batches whose epochs the caller starts with {@link #startEpoch} and a generator of its own. */
    public static MiniBatches of(Architecture architecture, Batch source, int batchSize) {
        return of(architecture, source, batchSize, (RandomGenerator) null);
    }

    /** The most examples a mini-batch holds: the batch size, or m when that is smaller. */
    public int capacity() {
        return buffer.capacity();
    }

    /** ⌈m / batchSize⌉. */
    public int batchesPerEpoch() {
        return (order.length + batchSize - 1) / batchSize;
    }

    /** Starts an epoch: the examples in an order that depends only on {@code rng}. */
    public void startEpoch(RandomGenerator rng) {
        Shuffle.identity(order);
        Shuffle.inPlace(order, rng);
        epoch++;
    }

    /** Mini-batch k of the current epoch, gathered into the shared buffer (valid until the next one). */
    public Batch batch(int k) {
        if (k < 0 || k >= batchesPerEpoch()) {
            throw new IndexOutOfBoundsException("mini-batch " + k + " of " + batchesPerEpoch());
        }
        int from = k * batchSize;
        buffer.gather(source, order, from, Math.min(order.length, from + batchSize));
        return buffer;
    }

    /**
     * Reshuffles and returns the next epoch's mini-batches, for use in a for-each loop. Its iterator hands out the
     * same {@link Batch} object refilled each time, and fails once a later epoch has reshuffled the order.
     */
    public Iterable<Batch> nextEpoch() {
        if (rng == null) {
            throw new IllegalStateException("these mini-batches are shuffled by startEpoch(rng)");
        }
        startEpoch(rng);
        int current = epoch;
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
                Batch batch = batch(from / batchSize);
                from += batch.m();
                return batch;
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
