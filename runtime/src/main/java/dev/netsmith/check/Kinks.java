package dev.netsmith.check;

import dev.netsmith.runtime.Architecture;
import dev.netsmith.runtime.Workspace;
import java.util.Arrays;

/**
 * Finds ReLU kinks crossed by a perturbation: a pre-activation of a ReLU or leaky-ReLU layer whose sign
 * differs between the θ+ε and θ−ε evaluations. There the loss is not differentiable along the step, so the
 * difference quotient says nothing about the gradient. Only examples a side changed can differ; the others
 * have the base pass's pre-activations on both sides.
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
     * example; row &lt; 0 when the perturbation starts above it) and in every row above, where each side holds
     * only the examples it changed. Null when there is none.
     */
    String find(int layer, int row, Probe probe, Workspace base, int m) {
        if (row >= 0 && layer < depth && kinked[layer]) {
            int j = firstSignChange(probe.plus.z(layer)[row], probe.minus.z(layer)[row], m);
            if (j >= 0) {
                return describe(layer, row, j, probe.plus.z(layer)[row][j], probe.minus.z(layer)[row][j]);
            }
        }
        for (int l = row >= 0 ? layer + 1 : layer; l < depth; l++) {
            if (kinked[l]) {
                String kink = findCompacted(l, probe, base);
                if (kink != null) {
                    return kink;
                }
            }
        }
        return null;
    }

    /**
     * Compares the two sides' changed examples. Usually both sides changed the same examples (they differ only
     * where the perturbed row itself crossed a kink), and then their compacted rows line up column for column;
     * otherwise the two lists are walked in order, an example one side did not change having the base value.
     */
    private static String findCompacted(int l, Probe probe, Workspace base) {
        int[] changedPlus = probe.plus.changed();
        int[] changedMinus = probe.minus.changed();
        double[][] zPlus = probe.plus.z(l);
        double[][] zMinus = probe.minus.z(l);
        double[][] zBase = base.z(l);
        int count = probe.countPlus;
        if (count == probe.countMinus && Arrays.equals(changedPlus, 0, count, changedMinus, 0, count)) {
            for (int i = 0; i < zBase.length; i++) {
                int c = firstSignChange(zPlus[i], zMinus[i], count);
                if (c >= 0) {
                    return describe(l, i, changedPlus[c], zPlus[i][c], zMinus[i][c]);
                }
            }
            return null;
        }
        for (int i = 0; i < zBase.length; i++) {
            int a = 0;
            int b = 0;
            while (a < probe.countPlus || b < probe.countMinus) {
                int jPlus = a < probe.countPlus ? changedPlus[a] : Integer.MAX_VALUE;
                int jMinus = b < probe.countMinus ? changedMinus[b] : Integer.MAX_VALUE;
                int j = Math.min(jPlus, jMinus);
                double p = jPlus == j ? zPlus[i][a++] : zBase[i][j];
                double q = jMinus == j ? zMinus[i][b++] : zBase[i][j];
                if ((p > 0) != (q > 0)) {
                    return describe(l, i, j, p, q);
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
