package dev.netsmith.check;

import dev.netsmith.runtime.Architecture;

/**
 * Finds ReLU kinks crossed by a perturbation: a pre-activation of a ReLU or leaky-ReLU layer whose sign
 * differs between the θ+ε and θ−ε evaluations. There the loss is not differentiable along the step, so the
 * difference quotient says nothing about the gradient. Only the changed examples can differ; the others have
 * the base pass's pre-activations on both sides.
 */
final class Kinks {

    private final boolean[] kinked;
    private final int depth;

    Kinks(Architecture architecture) {
        depth = architecture.depth();
        kinked = new boolean[depth + 1];
        for (int l = 1; l < depth; l++) {
            kinked[l] = architecture.layer(l).activation().isReluFamily();
        }
    }

    /**
     * The first sign change a perturbation caused: in row {@code row} of {@code layer} (computed for every
     * example; row &lt; 0 when the perturbation starts above it) and in every row above, where both sides hold
     * the same changed examples, compacted. Null when there is none.
     */
    String find(int layer, int row, Probe probe, int m) {
        if (row >= 0 && layer < depth && kinked[layer]) {
            double[] p = probe.plus().z(layer)[row];
            double[] q = probe.minus().z(layer)[row];
            int j = firstSignChange(p, q, m);
            if (j >= 0) {
                return describe(layer, row, j, p[j], q[j]);
            }
        }
        for (int l = row >= 0 ? layer + 1 : layer; l < depth; l++) {
            if (!kinked[l]) {
                continue;
            }
            for (int i = 0; i < probe.plus().z(l).length; i++) {
                double[] p = probe.plus().z(l)[i];
                double[] q = probe.minus().z(l)[i];
                int c = firstSignChange(p, q, probe.count());
                if (c >= 0) {
                    return describe(l, i, probe.changed()[c], p[c], q[c]);
                }
            }
        }
        return null;
    }

    /**
     * The first index below n where p and q are on different sides of 0, or −1. A screen first: the smallest
     * product p·q is positive exactly when every pair is strictly on one side (a loop C2 vectorises); only when
     * it is not (a sign change, or an exact 0) are the pairs compared one by one.
     */
    private static int firstSignChange(double[] p, double[] q, int n) {
        double smallest = Double.POSITIVE_INFINITY;
        for (int j = 0; j < n; j++) {
            smallest = Math.min(smallest, p[j] * q[j]);
        }
        if (smallest > 0) {
            return -1;
        }
        for (int j = 0; j < n; j++) {
            if ((p[j] > 0) != (q[j] > 0)) {
                return j;
            }
        }
        return -1;
    }

    private static String describe(int l, int i, int j, double plus, double minus) {
        return "Z" + l + "[" + i + "][" + j + "] is " + plus + " at θ+ε and " + minus + " at θ−ε";
    }
}
