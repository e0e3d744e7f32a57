package dev.netsmith.runtime;

import java.util.Arrays;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * A recorded dropout pattern: for each hidden layer with dropout, an n_l × m matrix of 0 and 1/keep_prob.
 * A gradient check with dropout replays one such mask in every cost evaluation and in backprop, so that the
 * function being differentiated stays the same.
 *
 * <p>A mask is not changed after it is made, so threads may replay the same one; do not write into the arrays
 * {@link #layer} returns.
 */
public final class DropoutMask {

    private final double[][][] layers;
    private final int m;

    private DropoutMask(double[][][] layers, int m) {
        this.layers = layers;
        this.m = m;
    }

    /**
     * Draws one mask for m examples with the keep probabilities the given training dropout would use on this
     * architecture (the declared ones unless overridden).
     */
    public static DropoutMask sample(Architecture architecture, Dropout training, int m, RandomGenerator rng) {
        if (training.mode() != Dropout.Mode.TRAINING) {
            throw new IllegalArgumentException("a mask is sampled from training dropout, not " + training.mode());
        }
        if (m <= 0) {
            throw new IllegalArgumentException("a mask needs at least one example, m = " + m);
        }
        training.checkApplicable(architecture.sizes(), m);
        int depth = architecture.depth();
        double[][][] layers = new double[depth + 1][][];
        for (int l = 1; l < depth; l++) {
            double keep = training.keepProb(l, architecture.layer(l).keepProb());
            if (keep < 1.0) {
                layers[l] = new double[architecture.units(l)][m];
                for (double[] row : layers[l]) {
                    for (int j = 0; j < m; j++) {
                        row[j] = rng.nextDouble() < keep ? 1.0 / keep : 0.0;
                    }
                }
            }
        }
        return new DropoutMask(layers, m);
    }

    /** The mask the last forward pass on {@code ws} applied (a copy), to replay it later. */
    public static DropoutMask recordedFrom(Workspace ws) {
        int depth = ws.sizes().length - 1;
        int m = ws.batchSize();
        if (m == 0) {
            throw new IllegalStateException("no forward pass has run on this workspace: there is no mask to record");
        }
        double[][][] layers = new double[depth + 1][][];
        for (int l = 1; l < depth; l++) {
            double[][] active = ws.activeMask(l);
            if (active != null) {
                layers[l] = new double[active.length][];
                for (int i = 0; i < active.length; i++) {
                    layers[l][i] = Arrays.copyOf(active[i], m);
                }
            }
        }
        return new DropoutMask(layers, m);
    }

    /** Number of examples the mask covers. */
    public int batchSize() {
        return m;
    }

    /** Layer l's scaled mask (n_l × m), or {@code null} when layer l drops nothing. */
    public double[][] layer(int l) {
        return l < layers.length ? layers[l] : null;
    }

    /** Whether any layer drops units. */
    public boolean dropsAnything() {
        for (double[][] layer : layers) {
            if (layer != null) {
                return true;
            }
        }
        return false;
    }

    void checkFits(int[] sizes, int batch) {
        int depth = sizes.length - 1;
        if (layers.length != depth + 1) {
            throw new IllegalArgumentException("the mask was recorded for a " + (layers.length - 1)
                    + "-layer network, this one has " + depth + " layers");
        }
        for (int l = 1; l < depth; l++) {
            if (layers[l] != null && layers[l].length != sizes[l]) {
                throw new IllegalArgumentException("the mask of layer " + l + " has " + layers[l].length
                        + " rows, the layer has " + sizes[l] + " units");
            }
        }
        if (batch != m) {
            throw new IllegalArgumentException("the mask was recorded for m = " + m + " examples, the batch has " + batch);
        }
    }
}
