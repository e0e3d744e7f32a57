package dev.netsmith.check;

import dev.netsmith.runtime.Batch;
import dev.netsmith.runtime.Dropout;
import dev.netsmith.runtime.Parameters;
import dev.netsmith.runtime.Workspace;

/**
 * The unperturbed forward and backward pass every perturbation is measured against: the cached Z, A and
 * masks (read by every thread, written by none), the analytic gradient, and each example's loss.
 */
final class BasePass {

    final CheckableNetwork net;
    final double[] theta;
    final Batch batch;
    final Workspace workspace;
    final double[] analytic;
    final double[] losses;
    final double dataCost;
    final double l2Cost;
    final int m;

    BasePass(CheckableNetwork net, Parameters params, Batch batch, Dropout dropout) {
        String nonFinite = params.firstNonFinite();
        if (nonFinite != null) {
            throw new IllegalArgumentException("cannot check gradients at non-finite parameters: " + nonFinite);
        }
        if (!batch.hasLabels()) {
            throw new IllegalArgumentException("a gradient check needs labels: make the batch with Batch.of(architecture, x, y)");
        }
        this.net = net;
        this.theta = params.values();
        this.batch = batch;
        this.m = batch.m();
        this.workspace = net.newWorkspace(m);
        net.forward(params, batch, workspace, dropout);
        this.losses = new double[m];
        net.lossPerExample(batch, workspace, losses);
        this.dataCost = net.dataCost(batch, workspace);
        this.l2Cost = net.l2Cost(params, m);
        this.analytic = net.backward(params, batch, workspace).clone();
    }

    /** The regularised cost J(θ). */
    double cost() {
        return dataCost + l2Cost;
    }

    /**
     * The rounding error to expect of a central-difference estimate: each ℓ_j is computed to about u·|ℓ_j|, so
     * (1/m)·Σ(ℓ⁺ − ℓ⁻) / 2ε carries about u·Σ|ℓ_j| / (ε·m), plus the L2 term's share.
     */
    double noise(double epsilon) {
        double sum = 0;
        for (double loss : losses) {
            sum += Math.abs(loss);
        }
        return Math.ulp(1.0) / 2 * (sum / m + l2Cost) / epsilon;
    }
}
