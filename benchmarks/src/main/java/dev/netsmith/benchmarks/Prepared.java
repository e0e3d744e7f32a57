package dev.netsmith.benchmarks;

import dev.netsmith.runtime.Batch;
import dev.netsmith.runtime.Dropout;
import dev.netsmith.runtime.Parameters;
import dev.netsmith.runtime.Workspace;

/**
 * What the kernel comparisons start from: a benchmark network's batch, its seeded parameters, and a one-thread
 * workspace holding the base forward pass (and the backward pass, when asked), so that a single kernel can be
 * timed on realistic inputs.
 */
record Prepared(Shape shape, Batch batch, Parameters params, Workspace ws) {

    /** After a forward pass with dropout off. */
    static Prepared forward(Shape shape) {
        Batch batch = shape.batch();
        Parameters params = shape.net().initialize(Shape.PARAMETER_SEED);
        Workspace ws = shape.net().newWorkspace(batch.m(), 1);
        shape.net().forward(params, batch, ws, Dropout.off());
        return new Prepared(shape, batch, params, ws);
    }

    /** After a forward and a backward pass. */
    static Prepared backward(Shape shape) {
        Prepared prepared = forward(shape);
        shape.net().backward(prepared.params, prepared.batch, prepared.ws);
        return prepared;
    }

    double[] theta() {
        return params.values();
    }

    int m() {
        return batch.m();
    }

    int[] sizes() {
        return shape.architecture().sizes();
    }

    /** W[l] copied out of θ as row arrays, for the reference kernels. */
    double[][] weights(int l) {
        int[] n = sizes();
        return ReferenceKernels.rows(theta(), shape.net().layout().weights(l).offset(), n[l], n[l - 1]);
    }

    /** b[l] copied out of θ. */
    double[] biases(int l) {
        return ReferenceKernels.vector(theta(), shape.net().layout().biases(l).offset(), sizes()[l]);
    }
}
