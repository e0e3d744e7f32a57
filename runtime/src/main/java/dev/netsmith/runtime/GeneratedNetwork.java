package dev.netsmith.runtime;

import java.util.Arrays;

/**
 * The base of every generated {@code T_Model}: checks the arguments of each public call once, before any
 * work, then hands plain arrays to the generated kernels. It holds only the immutable architecture and layout,
 * so one instance may be used from several threads at once, each with its own {@link Workspace} (see
 * {@link CompiledNetwork} for what else may be shared).
 */
public abstract class GeneratedNetwork implements CompiledNetwork {

    private final Architecture architecture;
    private final ParameterLayout layout;
    private final int[] sizes;

    protected GeneratedNetwork(Architecture architecture, ParameterLayout layout) {
        if (!Arrays.equals(architecture.sizes(), layout.sizes())) {
            throw new IllegalArgumentException("layout " + layout + " does not match " + architecture);
        }
        this.architecture = architecture;
        this.layout = layout;
        this.sizes = layout.sizes();
    }

    @Override
    public final Architecture architecture() {
        return architecture;
    }

    @Override
    public final ParameterLayout layout() {
        return layout;
    }

    @Override
    public final Parameters initialize(long seed) {
        return Initializer.initialize(architecture, layout, seed);
    }

    @Override
    public final double[][] forward(Parameters params, Batch batch, Workspace ws, Dropout dropout) {
        checkParameters(params);
        checkBatch(batch, false);
        checkWorkspace(ws, batch.m());
        if (dropout == null) {
            throw new IllegalArgumentException("dropout is null; pass Dropout.off() for none");
        }
        dropout.checkApplicable(sizes, batch.m());
        ws.forgetForward();
        runForward(params.values(), batch.x(), batch.m(), ws, dropout);
        ws.forwardDone(batch, batch.m());
        return ws.output();
    }

    @Override
    public final double dataCost(Batch batch, Workspace ws) {
        checkAfterForward(batch, ws);
        return runDataCost(batch.y(), batch.m(), ws);
    }

    @Override
    public final void lossPerExample(Batch batch, Workspace ws, double[] out) {
        checkAfterForward(batch, ws);
        if (out == null || out.length < batch.m()) {
            throw new IllegalArgumentException("need room for " + batch.m() + " losses, got "
                    + (out == null ? "null" : out.length));
        }
        runLossPerExample(batch.y(), batch.m(), ws, out);
    }

    @Override
    public final double l2Cost(Parameters params, int m) {
        checkParameters(params);
        if (m <= 0) {
            throw new IllegalArgumentException("the L2 term is scaled by 1/m; m must be positive, was " + m);
        }
        return runL2Cost(params.values(), m);
    }

    @Override
    public final double[] backward(Parameters params, Batch batch, Workspace ws) {
        checkParameters(params);
        checkAfterForward(batch, ws);
        runBackward(params.values(), batch.y(), batch.m(), ws);
        return ws.gradient();
    }

    /** Forward propagation over X's first m columns, caching Z, A and masks in ws. */
    protected abstract void runForward(double[] theta, double[][] x, int m, Workspace ws, Dropout dropout);

    /** (1/m)·Σ loss over the cached output. */
    protected abstract double runDataCost(double[][] y, int m, Workspace ws);

    /** Per-example losses over the cached output. */
    protected abstract void runLossPerExample(double[][] y, int m, Workspace ws, double[] out);

    /** (λ / 2m)·Σ‖W‖². */
    protected abstract double runL2Cost(double[] theta, int m);

    /** Backpropagation into ws.gradient(). */
    protected abstract void runBackward(double[] theta, double[][] y, int m, Workspace ws);

    private void checkParameters(Parameters params) {
        if (params == null) {
            throw new IllegalArgumentException("parameters are null");
        }
        if (!params.layout().sameShapeAs(layout)) {
            throw new IllegalArgumentException("parameters of shape " + Arrays.toString(params.layout().sizes())
                    + " do not fit " + architecture);
        }
    }

    private void checkBatch(Batch batch, boolean needsLabels) {
        if (batch == null) {
            throw new IllegalArgumentException("batch is null");
        }
        if (batch.m() == 0) {
            throw new IllegalArgumentException("the batch is empty (m = 0): fill it before use");
        }
        if (batch.x().length != sizes[0] || batch.loss() != architecture.loss()
                || (batch.hasLabels() && batch.y().length != architecture.outputs())) {
            throw new IllegalArgumentException("the batch was made for another network; make it with "
                    + "Batch.of(architecture(), x, y) for " + architecture);
        }
        if (needsLabels && !batch.hasLabels()) {
            throw new IllegalArgumentException("costs and gradients need labels: make the batch with Batch.of(architecture, x, y)");
        }
    }

    private void checkWorkspace(Workspace ws, int m) {
        if (ws == null) {
            throw new IllegalArgumentException("workspace is null; make one with newWorkspace(maxBatch)");
        }
        if (!ws.fits(layout)) {
            throw new IllegalArgumentException("the workspace was made for sizes " + Arrays.toString(ws.sizes())
                    + ", this network has " + Arrays.toString(sizes));
        }
        if (m > ws.maxBatch()) {
            throw new IllegalArgumentException("the batch has m = " + m + " examples, the workspace holds at most " + ws.maxBatch());
        }
    }

    private void checkAfterForward(Batch batch, Workspace ws) {
        checkBatch(batch, true);
        checkWorkspace(ws, batch.m());
        if (!ws.lastForwardWas(batch) || ws.batchSize() != batch.m()) {
            throw new IllegalStateException("run forward(params, batch, ws, dropout) on this batch and workspace first"
                    + " (again after gather refills a buffer)");
        }
    }
}
