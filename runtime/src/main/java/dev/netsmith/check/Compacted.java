package dev.netsmith.check;

import dev.netsmith.runtime.Workspace;

/**
 * What generated check kernels share when they work on the compacted columns of the examples a perturbation
 * changed: finding those examples, and gathering the base pass's values for them.
 */
public final class Compacted {

    private Compacted() {
    }

    /**
     * The examples where either side's change d is not zero, into {@code probe.changed()}; each d is compacted
     * in place to those examples. Returns their count.
     */
    public static int changed(double[] dPlus, double[] dMinus, int m, Probe probe) {
        int[] changed = probe.changed();
        int count = 0;
        for (int j = 0; j < m; j++) {
            // without a branch: whether a ReLU is on is as good as random, and mispredictions cost more
            changed[count] = j;
            count += dPlus[j] != 0.0 | dMinus[j] != 0.0 ? 1 : 0;
        }
        return compact(dPlus, dMinus, changed, count);
    }

    /**
     * The examples a step moved (either side's d not zero) beyond their reach on either side, into
     * {@code probe.changed()}, with d compacted in place as in {@link #changed}; returns their count. A NaN
     * reach counts as none.
     */
    public static int beyond(double[] dPlus, double[] dMinus, double[] reach, int m, Probe probe) {
        int[] changed = probe.changed();
        int count = 0;
        for (int j = 0; j < m; j++) {
            boolean within = Math.abs(dPlus[j]) < reach[j] & Math.abs(dMinus[j]) < reach[j];
            changed[count] = j;
            count += !within & (dPlus[j] != 0.0 | dMinus[j] != 0.0) ? 1 : 0;
        }
        return compact(dPlus, dMinus, changed, count);
    }

    /** d of the listed examples moved to the front, in place (the c-th listed example is never before c). */
    private static int compact(double[] dPlus, double[] dMinus, int[] changed, int count) {
        for (int c = 0; c < count; c++) {
            dPlus[c] = dPlus[changed[c]];
            dMinus[c] = dMinus[changed[c]];
        }
        return count;
    }

    /** Marks every example changed (for perturbations that reach all of them); returns m. */
    public static int all(int m, Probe probe) {
        int[] changed = probe.changed();
        for (int j = 0; j < m; j++) {
            changed[j] = j;
        }
        return m;
    }

    /** {@code rows}' columns of the first {@code count} changed examples, into {@code into}; returns it. */
    public static double[][] gather(double[][] rows, int count, Probe probe, double[][] into) {
        int[] changed = probe.changed();
        for (int i = 0; i < rows.length; i++) {
            double[] from = rows[i];
            double[] to = into[i];
            for (int c = 0; c < count; c++) {
                to[c] = from[changed[c]];
            }
        }
        return into;
    }

    /**
     * The input of layer l+1 on one side for the changed examples: the side's A[l], times the base pass's
     * dropout mask of layer l gathered for those examples when it had one.
     */
    public static double[][] masked(int layer, int count, Workspace base, Workspace side, Probe probe) {
        double[][] a = side.a(layer);
        double[][] mask = base.activeMask(layer);
        if (mask == null) {
            return a;
        }
        int[] changed = probe.changed();
        double[][] out = side.dropped(layer);
        for (int i = 0; i < a.length; i++) {
            double[] ai = a[i];
            double[] mi = mask[i];
            double[] oi = out[i];
            for (int c = 0; c < count; c++) {
                oi[c] = ai[c] * mi[changed[c]];
            }
        }
        return out;
    }
}
