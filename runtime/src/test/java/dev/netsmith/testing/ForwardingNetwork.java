package dev.netsmith.testing;

import dev.netsmith.runtime.Architecture;
import dev.netsmith.runtime.Batch;
import dev.netsmith.runtime.CompiledNetwork;
import dev.netsmith.runtime.Dropout;
import dev.netsmith.runtime.ParameterLayout;
import dev.netsmith.runtime.Parameters;
import dev.netsmith.runtime.Workspace;

/** A network that hands every call to another; tests override a method to watch or tamper with one call. */
public class ForwardingNetwork implements CompiledNetwork {

    private final CompiledNetwork net;

    public ForwardingNetwork(CompiledNetwork net) {
        this.net = net;
    }

    @Override
    public Architecture architecture() {
        return net.architecture();
    }

    @Override
    public ParameterLayout layout() {
        return net.layout();
    }

    @Override
    public Parameters initialize(long seed) {
        return net.initialize(seed);
    }

    @Override
    public double[][] forward(Parameters params, Batch batch, Workspace ws, Dropout dropout) {
        return net.forward(params, batch, ws, dropout);
    }

    @Override
    public double dataCost(Batch batch, Workspace ws) {
        return net.dataCost(batch, ws);
    }

    @Override
    public void lossPerExample(Batch batch, Workspace ws, double[] out) {
        net.lossPerExample(batch, ws, out);
    }

    @Override
    public double l2Cost(Parameters params, int m) {
        return net.l2Cost(params, m);
    }

    @Override
    public double[] backward(Parameters params, Batch batch, Workspace ws) {
        return net.backward(params, batch, ws);
    }
}
