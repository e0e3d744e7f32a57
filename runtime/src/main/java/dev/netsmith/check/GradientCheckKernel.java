package dev.netsmith.check;

import dev.netsmith.runtime.Workspace;

/**
 * The network-specific half of a gradient check, generated as {@code T_GradientCheck}: evaluates the
 * per-example losses at a perturbed point, reusing what the base forward pass cached in {@code base} and
 * recomputing only what the perturbation changes. Perturbing W[l][i][k] moves only row i of Z[l] (by
 * δ·A[l-1][k]); the layers below l are not touched, layer l+1 takes a rank-one update, and only the examples
 * whose input to layer l+1 actually changed (a ReLU that stays off changes nothing) go through the layers
 * above.
 *
 * <p>The perturbing methods write the indices of the examples whose loss may have changed, in increasing
 * order, to {@code probe.changed()} and return their count c; {@code out[0..c)} are those examples' loss
 * changes ℓ_j(perturbed) − ℓ_j(base), computed from the change of the logits rather than as a difference of
 * two losses (every other example's loss is unchanged, exactly). They use {@code probe} as scratch and only
 * read {@code base}, so threads may share it, each with its own probe. Dropout masks are the base pass's.
 */
public interface GradientCheckKernel {

    /** Loss changes with parameter p moved by {@code delta}. */
    int perturbParameter(double[] theta, int p, double delta, Workspace base, Workspace probe, double[][] y, int m,
                         double[] out);

    /**
     * Loss changes with the input of layer l+1 at unit r of example j (A[l] after dropout) moved by {@code delta},
     * for 1 ≤ l &lt; L: the numerical counterpart of backprop's dA[l].
     */
    int perturbActivation(double[] theta, int layer, int r, int j, double delta, Workspace base, Workspace probe,
                          double[][] y, int m, double[] out);

    /**
     * Loss changes of every example (c = m, in order) for a forward pass with parameters {@code theta} from layer
     * {@code from} up, reusing base's input to it.
     */
    int lossesFrom(double[] theta, int from, Workspace base, Workspace probe, double[][] y, int m, double[] out);
}
