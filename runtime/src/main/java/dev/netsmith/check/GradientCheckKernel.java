package dev.netsmith.check;

import dev.netsmith.runtime.Workspace;

/**
 * The network-specific half of a gradient check, generated as {@code T_GradientCheck}: evaluates both sides
 * of a central difference at once, reusing what the base forward pass cached in {@code base} and recomputing
 * only what the perturbation changes. Perturbing W[l][i][k] moves only row i of Z[l] (by δ·A[l-1][k]); the
 * layers below l are not touched, layer l+1 takes a rank-one update, and only the examples whose input to
 * layer l+1 changed on either side (a ReLU that stays off changes nothing) go through the layers above, their
 * base values gathered once for both sides.
 *
 * <p>Each method writes the changed examples, in increasing order, to {@code probe.changed()} and returns their
 * count c; {@code probe.outPlus()[0..c)} and {@code probe.outMinus()[0..c)} are their loss changes
 * ℓ_j(perturbed) − ℓ_j(base), computed from the change of the logits rather than as a difference of two losses
 * (every other example's loss is unchanged, exactly), and {@link Probe#setWithinReach} carries the sums of the
 * examples evaluated along a row ({@link AlongRow}) without being listed (0 when none were). {@code base} is only
 * read, so threads may share it, each with its own probe. Dropout masks are the base pass's.
 */
public interface GradientCheckKernel {

    /** Parameter p moved by {@code up} on the plus side and by {@code down} on the minus side. */
    int perturbParameter(double[] theta, int p, double up, double down, Workspace base, Probe probe, double[][] y, int m);

    /**
     * The input of layer l+1 at unit r of example j (A[l] after dropout) moved by ±{@code delta}, for
     * 1 ≤ l &lt; L: the numerical counterpart of backprop's dA[l].
     */
    int perturbActivation(double[] theta, int layer, int r, int j, double delta, Workspace base, Probe probe,
                          double[][] y, int m);

    /**
     * A forward pass from layer {@code from} up for each side's parameters, reusing base's input to it; every
     * example counts as changed (c = m, in order).
     */
    int lossesFrom(double[] thetaPlus, double[] thetaMinus, int from, Workspace base, Probe probe, double[][] y, int m);
}
