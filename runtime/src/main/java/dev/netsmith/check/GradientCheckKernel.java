package dev.netsmith.check;

import dev.netsmith.runtime.Dropout;
import dev.netsmith.runtime.Workspace;

/**
 * The network-specific half of a gradient check, generated as {@code T_GradientCheck}: evaluates the
 * per-example losses at a perturbed point, reusing what the base forward pass cached in {@code base} and
 * recomputing only what the perturbation changes. Perturbing W[l][i][k] moves only row i of Z[l] (by
 * δ·A[l-1][k]); the layers below l are not touched and layer l+1 takes a rank-one update.
 *
 * <p>Every method writes ℓ_j for j &lt; m into {@code out} and uses {@code probe} as scratch; {@code base} is
 * only read, so threads may share it, each with its own probe. {@code dropout} must be the (off or fixed)
 * dropout of the base pass.
 */
public interface GradientCheckKernel {

    /** Losses with parameter p moved by {@code delta}. */
    void perturbParameter(double[] theta, int p, double delta, Workspace base, Workspace probe, Dropout dropout,
                          double[][] y, int m, double[] out);

    /**
     * Losses with the input of layer l+1 at unit r of example j (A[l] after dropout) moved by {@code delta},
     * for 1 ≤ l &lt; L: the numerical counterpart of backprop's dA[l].
     */
    void perturbActivation(double[] theta, int layer, int r, int j, double delta, Workspace base, Workspace probe,
                           Dropout dropout, double[][] y, int m, double[] out);

    /** Losses of a forward pass with parameters {@code theta} from layer {@code from} up, reusing base's input to it. */
    void lossesFrom(double[] theta, int from, Workspace base, Workspace probe, Dropout dropout, double[][] y, int m,
                    double[] out);
}
