package dev.netsmith.runtime;

import java.util.Arrays;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * How a forward pass treats dropout: {@link #off()} (evaluation, prediction, a standard gradient check),
 * {@link #training} (inverted dropout with fresh random masks, using the declared keep probabilities or
 * run-time overrides) or {@link #fixed} (replays a recorded mask, for a gradient check with dropout).
 * Inverted dropout keeps a unit with probability p and scales it by 1/p, so A = A ⊙ D / p forward and
 * dA = dA ⊙ D / p backward.
 *
 * <p>Thread safety: {@link #off()} and {@link #fixed} dropouts are immutable and may be shared by threads. A
 * {@link #training} dropout draws its masks from the generator it was given, which is not thread-safe and whose
 * sequence is what makes a run reproducible: give each thread its own (with its own generator).
 */
public final class Dropout {

    /** The three ways of treating dropout. */
    public enum Mode { OFF, TRAINING, FIXED }

    private static final Dropout OFF = new Dropout(Mode.OFF, null, new double[0], null);

    private final Mode mode;
    private final RandomGenerator rng;
    private final double[] keepOverrides;
    private final DropoutMask mask;

    private Dropout(Mode mode, RandomGenerator rng, double[] keepOverrides, DropoutMask mask) {
        this.mode = mode;
        this.rng = rng;
        this.keepOverrides = keepOverrides;
        this.mask = mask;
    }

    /** No dropout: every unit kept, nothing scaled. */
    public static Dropout off() {
        return OFF;
    }

    /** Training-time dropout with the declared keep probabilities, masks drawn from {@code rng}. */
    public static Dropout training(RandomGenerator rng) {
        if (rng == null) {
            throw new IllegalArgumentException("training dropout needs a random generator");
        }
        return new Dropout(Mode.TRAINING, rng, new double[0], null);
    }

    /** Replays a recorded mask in every forward pass (and so in backprop). */
    public static Dropout fixed(DropoutMask mask) {
        if (mask == null) {
            throw new IllegalArgumentException("a fixed-mask dropout needs a mask");
        }
        return new Dropout(Mode.FIXED, null, new double[0], mask);
    }

    /**
     * The same training dropout with layer l's keep probability overridden (1 turns it off for that layer).
     * The output layer never drops units.
     */
    public Dropout withKeepProb(int layer, double keepProb) {
        if (mode != Mode.TRAINING) {
            throw new IllegalStateException("keep probabilities apply to training dropout, not " + mode);
        }
        if (!(keepProb > 0 && keepProb <= 1)) {
            throw new IllegalArgumentException("keep probability must be in (0, 1], was " + keepProb);
        }
        if (layer < 1) {
            throw new IllegalArgumentException("hidden layers are numbered from 1, was " + layer);
        }
        double[] overrides = Arrays.copyOf(keepOverrides, Math.max(keepOverrides.length, layer + 1));
        for (int l = keepOverrides.length; l < overrides.length; l++) {
            overrides[l] = Double.NaN;
        }
        overrides[layer] = keepProb;
        return new Dropout(mode, rng, overrides, null);
    }

    public Mode mode() {
        return mode;
    }

    /** The mask a FIXED dropout replays, or {@code null}. */
    public DropoutMask mask() {
        return mask;
    }

    /** The keep probability this dropout uses on layer l whose declared one is {@code declared}. */
    public double keepProb(int layer, double declared) {
        if (mode != Mode.TRAINING) {
            return 1.0;
        }
        return layer < keepOverrides.length && !Double.isNaN(keepOverrides[layer]) ? keepOverrides[layer] : declared;
    }

    /** Checks, before any work, that this dropout can run on a network of these sizes and a batch of m. */
    void checkApplicable(int[] sizes, int m) {
        int depth = sizes.length - 1;
        if (keepOverrides.length > depth) {
            throw new IllegalArgumentException("keep probability overridden for layer " + (keepOverrides.length - 1)
                    + ", but layers with dropout are 1.." + (depth - 1) + " (the output layer keeps every unit)");
        }
        if (mode == Mode.FIXED) {
            mask.checkFits(sizes, m);
        }
    }

    /**
     * Applies dropout to hidden layer l after its activation; called by generated forward code. Returns the
     * rows the next layer reads: A[l] itself when no unit is dropped, else A[l] ⊙ D / p in a separate buffer
     * (A[l] keeps g(Z[l]) for the activation's derivative).
     */
    public double[][] apply(int layer, double declaredKeep, Workspace ws, int m) {
        double[][] a = ws.a(layer);
        double[][] source = switch (mode) {
            case OFF -> null;
            case TRAINING -> drawMask(layer, keepProb(layer, declaredKeep), ws, m);
            case FIXED -> copyMask(layer, ws, m);
        };
        if (source == null) {
            ws.setDropoutActive(layer, false);
            return a;
        }
        double[][] out = ws.dropped(layer);
        for (int i = 0; i < a.length; i++) {
            double[] ai = a[i];
            double[] di = source[i];
            double[] oi = out[i];
            for (int j = 0; j < m; j++) {
                oi[j] = ai[j] * di[j];
            }
        }
        ws.setDropoutActive(layer, true);
        return out;
    }

    private double[][] drawMask(int layer, double keep, Workspace ws, int m) {
        if (keep >= 1.0) {
            return null;
        }
        double[][] d = ws.mask(layer);
        double scale = 1.0 / keep;
        for (double[] row : d) {
            for (int j = 0; j < m; j++) {
                row[j] = rng.nextDouble() < keep ? scale : 0.0;
            }
        }
        return d;
    }

    private double[][] copyMask(int layer, Workspace ws, int m) {
        double[][] recorded = mask.layer(layer);
        if (recorded == null) {
            return null;
        }
        double[][] d = ws.mask(layer);
        for (int i = 0; i < d.length; i++) {
            System.arraycopy(recorded[i], 0, d[i], 0, m);
        }
        return d;
    }

    @Override
    public String toString() {
        return switch (mode) {
            case OFF -> "dropout off";
            case TRAINING -> "training dropout";
            case FIXED -> "fixed dropout mask";
        };
    }
}
