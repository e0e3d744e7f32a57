package dev.netsmith.testing;

import dev.netsmith.runtime.Architecture;
import dev.netsmith.runtime.Batch;
import org.apache.commons.math3.random.Well19937c;

/**
 * Two Gaussian blobs, labelled 1 around (+1, +1, …) and 0 around (−1, −1, …), for a network with one sigmoid
 * output: linearly separable, so training must drive the cost down.
 */
public final class SeparableData {

    private SeparableData() {
    }

    /** m examples for {@code architecture}, alternating labels, each feature = ±1 + N(0, spread²). */
    public static Batch blobs(Architecture architecture, int m, double spread, long seed) {
        return blobs(architecture, m, spread, seed, 0);
    }

    /**
     * The same blobs with the labels of the first {@code flipped} examples flipped: a dev set whose cost rises
     * once training has learnt the blobs well enough for those examples' losses to dominate.
     */
    public static Batch blobs(Architecture architecture, int m, double spread, long seed, int flipped) {
        Well19937c rng = new Well19937c(seed);
        int n0 = architecture.inputs();
        double[][] x = new double[n0][m];
        double[][] y = new double[1][m];
        for (int j = 0; j < m; j++) {
            int label = j % 2;
            for (int i = 0; i < n0; i++) {
                x[i][j] = (label == 1 ? 1 : -1) + spread * rng.nextGaussian();
            }
            y[0][j] = j < flipped ? 1 - label : label;
        }
        return Batch.of(architecture, x, y);
    }
}
