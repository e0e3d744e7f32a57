package dev.netsmith.check;

import dev.netsmith.runtime.Architecture;
import dev.netsmith.runtime.Workspace;

/**
 * What a change t of one row of a layer's output does to each example's loss when every hidden layer above it
 * is piecewise linear (ReLU, leaky ReLU, identity): row i of A[l] moving by t_j moves example j's logits by
 * v_j·t_j exactly, as long as no ReLU above crosses 0, so the loss change is a function of t_j alone. The
 * generated kernel computes, once per row and for every example, the Taylor coefficients of that function
 * (ℓ_j(t) − ℓ_j(0) = c1·t + c2·t² + c3·t³, exact to rounding within reach) and the reach: the largest |t| for
 * which no pre-activation above can change sign and the series holds. Each of the row's parameters (n_{l−1}
 * weights and a bias) then costs O(m) instead of O(m·(n_{l+1} + n_{l+1}·n_{l+2} + …)); the examples a step
 * takes beyond reach go through the layers above in full.
 *
 * <p>Only forward values enter the coefficients (the base pass's pre-activations, outputs and labels, the
 * weights, and each activation's value): the check stays independent of backpropagation. The values depend
 * on θ and the base pass, so they are kept for one (layer, row, θ, base) at a time.
 */
public final class AlongRow {

    private final double[][][] rows;
    private final double[] c1;
    private final double[] c2;
    private final double[] c3;
    private final double[] reach;
    private final double[] scratch;
    private final double[] scratch2;
    private int layer;
    private int row;
    private double[] theta;
    private Workspace base;

    AlongRow(Architecture architecture, int m) {
        int depth = architecture.depth();
        rows = new double[depth + 1][][];
        // P[l+1] onwards for hidden rows, and P[L] = e_i for the logits' own rows (L may be 1)
        for (int l = Math.min(2, depth); l <= depth; l++) {
            rows[l] = new double[architecture.units(l)][m];
        }
        c1 = new double[m];
        c2 = new double[m];
        c3 = new double[m];
        reach = new double[m];
        scratch = new double[m];
        scratch2 = new double[m];
    }

    /** Whether the coefficients are those of this row of this layer, for these parameters and this base pass. */
    public boolean holds(int layer, int row, double[] theta, Workspace base) {
        return this.layer == layer && this.row == row && this.theta == theta && this.base == base;
    }

    /** Records whose coefficients were just computed. */
    public void hold(int layer, int row, double[] theta, Workspace base) {
        this.layer = layer;
        this.row = row;
        this.theta = theta;
        this.base = base;
    }

    /**
     * Per-example rows for layer l ≥ 2 (and the output layer): the change of its pre-activations per unit of t,
     * then (in place) the change of its input to the next layer; for the output layer, v.
     */
    public double[][] rows(int l) {
        return rows[l];
    }

    /** The coefficient of t. */
    public double[] c1() {
        return c1;
    }

    /** The coefficient of t². */
    public double[] c2() {
        return c2;
    }

    /** The coefficient of t³. */
    public double[] c3() {
        return c3;
    }

    /** The largest |t| for which c1·t + c2·t² + c3·t³ is the loss change, exact to rounding. */
    public double[] reach() {
        return reach;
    }

    /** A per-example row for the loss's own sums. */
    public double[] scratch() {
        return scratch;
    }

    /** A second per-example row for the loss's own sums. */
    public double[] scratch2() {
        return scratch2;
    }
}
