package dev.netsmith.data;

import org.apache.commons.math3.random.RandomGenerator;

/**
 * Fisher–Yates shuffling of index arrays. Commons Math's {@code MathArrays.shuffle} allocates a distribution
 * object per element; this draws {@code nextInt} directly, so reshuffling every epoch allocates nothing.
 */
public final class Shuffle {

    private Shuffle() {
    }

    /** Fills {@code indices} with 0, 1, …, n − 1 and returns it. */
    public static int[] identity(int[] indices) {
        for (int i = 0; i < indices.length; i++) {
            indices[i] = i;
        }
        return indices;
    }

    /** A uniformly random permutation of {@code indices}, in place. */
    public static void inPlace(int[] indices, RandomGenerator rng) {
        for (int i = indices.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int swap = indices[i];
            indices[i] = indices[j];
            indices[j] = swap;
        }
    }
}
