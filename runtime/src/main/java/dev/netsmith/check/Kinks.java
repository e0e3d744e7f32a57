package dev.netsmith.check;

import dev.netsmith.runtime.Architecture;
import dev.netsmith.runtime.Workspace;

/**
 * Finds ReLU kinks crossed by a perturbation: a pre-activation of a ReLU or leaky-ReLU layer whose sign
 * differs between the θ+ε and θ−ε evaluations. There the loss is not differentiable along the step, so the
 * difference quotient says nothing about the gradient.
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

    /** Whether the network has any layer with a kink. */
    boolean any() {
        for (boolean k : kinked) {
            if (k) {
                return true;
            }
        }
        return false;
    }

    /**
     * The first sign change in the layers a perturbation at {@code layer} touched: only {@code row} of that
     * layer (all rows when row &lt; 0), all rows above. Null when there is none.
     */
    String find(int layer, int row, Workspace plus, Workspace minus, int m) {
        for (int l = layer; l < depth; l++) {
            if (!kinked[l]) {
                continue;
            }
            double[][] zPlus = plus.z(l);
            double[][] zMinus = minus.z(l);
            int first = l == layer && row >= 0 ? row : 0;
            int last = l == layer && row >= 0 ? row : zPlus.length - 1;
            for (int i = first; i <= last; i++) {
                double[] p = zPlus[i];
                double[] q = zMinus[i];
                for (int j = 0; j < m; j++) {
                    if ((p[j] > 0) != (q[j] > 0)) {
                        return "Z" + l + "[" + i + "][" + j + "] is " + p[j] + " at θ+ε and " + q[j] + " at θ−ε";
                    }
                }
            }
        }
        return null;
    }
}
