package dev.netsmith.check;

import dev.netsmith.runtime.Workspace;

/**
 * What generated check kernels share when they work on the compacted columns of the examples a perturbation
 * changed ({@code probe.changed()}): the base pass's dropout masks, gathered for those columns.
 */
public final class Compacted {

    private Compacted() {
    }

    /**
     * The input of layer l+1 for the first {@code count} changed examples: the probe's A[l], times the base
     * pass's dropout mask of layer l gathered for those examples when it had one.
     */
    public static double[][] masked(int layer, int count, Workspace base, Workspace probe) {
        double[][] a = probe.a(layer);
        double[][] mask = base.activeMask(layer);
        if (mask == null) {
            return a;
        }
        int[] changed = probe.changed();
        double[][] out = probe.dropped(layer);
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

    /** Marks every example changed (for perturbations that reach all of them); returns m. */
    public static int all(int m, Workspace probe) {
        int[] changed = probe.changed();
        for (int j = 0; j < m; j++) {
            changed[j] = j;
        }
        return m;
    }
}
