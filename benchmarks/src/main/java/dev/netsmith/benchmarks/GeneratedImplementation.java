package dev.netsmith.benchmarks;

import dev.netsmith.runtime.Batch;
import dev.netsmith.runtime.CompiledNetwork;
import dev.netsmith.runtime.Dropout;
import dev.netsmith.runtime.Parameters;
import dev.netsmith.runtime.Workspace;
import java.util.Arrays;

/**
 * The generated network through its public API, with one workspace and one batch reused for every step. The
 * comparisons with the single-threaded baselines use one thread; {@link ThreadsSideBySide} also uses two.
 */
public final class GeneratedImplementation implements Implementation {

    private final CompiledNetwork net;
    private final Batch batch;
    private final Workspace ws;
    private final Parameters params;
    private double[] gradient;

    public GeneratedImplementation(Shape shape, Batch batch) {
        this(shape, batch, 1);
    }

    /** With a workspace that splits large layers across at most {@code threads} threads. */
    public GeneratedImplementation(Shape shape, Batch batch, int threads) {
        this.net = shape.net();
        this.batch = batch;
        this.ws = net.newWorkspace(batch.m(), threads);
        this.params = net.initialize(Shape.PARAMETER_SEED);
    }

    /** The workspace (for its thread count and split threshold). */
    public Workspace workspace() {
        return ws;
    }

    @Override
    public void setParameters(double[] theta) {
        System.arraycopy(theta, 0, params.values(), 0, theta.length);
    }

    @Override
    public double[] parameters() {
        return params.values().clone();
    }

    @Override
    public Object forward() {
        return net.forward(params, batch, ws, Dropout.off());
    }

    @Override
    public double costAndGradient() {
        net.forward(params, batch, ws, Dropout.off());
        double cost = net.dataCost(batch, ws) + net.l2Cost(params, batch.m());
        gradient = net.backward(params, batch, ws);
        return cost;
    }

    @Override
    public double[] gradient() {
        return gradient.clone();
    }

    @Override
    public double[][] output() {
        double[][] out = ws.output();
        double[][] copy = new double[out.length][];
        for (int i = 0; i < out.length; i++) {
            copy[i] = Arrays.copyOf(out[i], batch.m());
        }
        return copy;
    }

    @Override
    public void update(double rate) {
        double[] theta = params.values();
        double[] g = gradient;
        for (int p = 0; p < theta.length; p++) {
            theta[p] -= rate * g[p];
        }
    }
}
