package dev.netsmith.train;

import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

/**
 * Every random draw of a run, derived from the trainer's seed and the position in the run: the shuffle of
 * epoch e depends only on (seed, e), the dropout masks of iteration t only on (seed, t). A run resumed at any
 * iteration therefore draws exactly what the uninterrupted run drew, with no generator state to checkpoint.
 * Reseeding reuses two generators and one seed buffer, so it allocates nothing.
 */
final class RandomStreams {

    private static final long SHUFFLE = 1;
    private static final long DROPOUT = 2;

    private final long seed;
    private final Well19937c shuffling = new Well19937c(0L);
    private final Well19937c dropout = new Well19937c(0L);
    private final int[] words = new int[2];

    RandomStreams(long seed) {
        this.seed = seed;
    }

    /** The generator for shuffling epoch {@code epoch}, reseeded. */
    RandomGenerator shuffling(int epoch) {
        return reseed(shuffling, SHUFFLE, epoch);
    }

    /** The one generator every dropout mask is drawn from; {@link #startIteration} reseeds it. */
    RandomGenerator dropout() {
        return dropout;
    }

    /** Reseeds the dropout generator for iteration {@code iteration} (counting from 1). */
    void startIteration(long iteration) {
        reseed(dropout, DROPOUT, iteration);
    }

    private RandomGenerator reseed(Well19937c generator, long stream, long position) {
        long key = mix(mix(seed + stream * 0x9E3779B97F4A7C15L) + position);
        words[0] = (int) (key >>> 32);
        words[1] = (int) key;
        generator.setSeed(words);
        return generator;
    }

    /** SplitMix64's finaliser: nearby inputs give unrelated outputs, so nearby positions give unrelated streams. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
