package dev.netsmith.check;

import dev.netsmith.runtime.Batch;
import dev.netsmith.runtime.CompiledNetwork;
import dev.netsmith.runtime.Dropout;
import dev.netsmith.runtime.Parameters;
import dev.netsmith.runtime.Workspace;

/**
 * Central differences the way PyTorch's gradcheck, JAX's check_grads and DL4J's GradientCheckUtil compute
 * them: set θ_p to θ_p ± ε, re-run the whole forward pass, evaluate J. It is the baseline that
 * {@link GradientChecker}'s incremental estimates are tested and benchmarked against, not a tool to use.
 */
public final class NaiveCentralDifferences {

    private NaiveCentralDifferences() {
    }

    /** (J(θ+ε) − J(θ−ε)) / ((θ+ε) − (θ−ε)) for each index, with the whole network re-run each time. */
    public static double[] estimate(CompiledNetwork net, Parameters params, Batch batch, Dropout dropout, double epsilon,
                                    int[] indices) {
        Parameters probe = params.copy();
        double[] theta = probe.values();
        Workspace ws = net.newWorkspace(batch.m());
        double[] estimates = new double[indices.length];
        for (int e = 0; e < indices.length; e++) {
            int p = indices[e];
            double value = theta[p];
            theta[p] = value + epsilon;
            double plus = cost(net, probe, batch, ws, dropout);
            double up = theta[p];
            theta[p] = value - epsilon;
            double minus = cost(net, probe, batch, ws, dropout);
            double down = theta[p];
            theta[p] = value;
            estimates[e] = (plus - minus) / (up - down);
        }
        return estimates;
    }

    private static double cost(CompiledNetwork net, Parameters params, Batch batch, Workspace ws, Dropout dropout) {
        net.forward(params, batch, ws, dropout);
        return net.dataCost(batch, ws) + net.l2Cost(params, batch.m());
    }
}
