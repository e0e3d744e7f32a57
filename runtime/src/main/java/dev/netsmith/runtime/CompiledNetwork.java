package dev.netsmith.runtime;

/**
 * A network generated from a {@code @Network} declaration ({@code T_Model.INSTANCE}). It is stateless: the
 * parameters, the buffers ({@link Workspace}) and the data ({@link Batch}) are passed in, so one instance
 * serves any number of threads as long as each thread has its own workspace.
 *
 * <p>Thread safety: the network, its {@link Architecture} and {@link ParameterLayout} are immutable and may be
 * shared freely. A {@link Workspace} is not thread-safe: one per thread. A call may split the kernels of a large
 * layer across the JVM's kernel pool (see {@link Workspace}); it returns only when every part is done, so this
 * changes nothing for the caller, and threads with workspaces of their own may call at the same time (a kernel
 * that finds the pool busy runs on its caller's thread). {@link Parameters} and a checked
 * {@link Batch} may be read by several threads at once as long as no thread writes them meanwhile (an optimizer
 * step writes parameters; {@link Batch#gather} refills a buffer, which therefore belongs to one thread). A
 * training {@link Dropout} draws from its random generator, so it belongs to one thread; {@link Dropout#off()}
 * and a fixed-mask dropout may be shared. {@link #predict} makes its own workspace and may be called from any
 * thread.
 *
 * <p>The usual sequence is {@link #forward} then {@link #backward} on the same batch and workspace; every
 * array returned is a live buffer of the workspace, valid until its next use.
 */
public interface CompiledNetwork {

    /** What the declaration fixed: sizes, activations, keep probabilities, loss, λ. */
    Architecture architecture();

    /** Names, shapes and offsets of every tensor of the flat parameter vector. */
    ParameterLayout layout();

    /** Weights drawn from a seeded generator (He or Xavier per the declaration), biases 0. */
    Parameters initialize(long seed);

    /**
     * Buffers for batches of at most {@code maxBatch} examples; large layers are split across
     * {@link Workspace#defaultThreads()} threads.
     */
    default Workspace newWorkspace(int maxBatch) {
        return new Workspace(architecture(), maxBatch);
    }

    /**
     * Buffers for batches of at most {@code maxBatch} examples whose large layers are split across at most
     * {@code threads} threads, the calling thread included (1: every kernel on the calling thread).
     */
    default Workspace newWorkspace(int maxBatch, int threads) {
        return new Workspace(architecture(), maxBatch, threads);
    }

    /** Checks a batch of inputs and labels against this network; see {@link Batch#of}. */
    default Batch batch(double[][] x, double[][] y) {
        return Batch.of(architecture(), x, y);
    }

    /**
     * Forward propagation. Returns A[L], n_L rows of which the first m entries are valid, and keeps in
     * {@code ws} what backpropagation needs.
     */
    double[][] forward(Parameters params, Batch batch, Workspace ws, Dropout dropout);

    /** The data term (1/m)·Σ loss of the last forward pass on {@code batch}. */
    double dataCost(Batch batch, Workspace ws);

    /** Each example's loss from the last forward pass on {@code batch}, into {@code out[0..m)}. */
    void lossPerExample(Batch batch, Workspace ws, double[] out);

    /** The L2 term (λ / 2m)·Σ_l ‖W[l]‖²_F for a batch of m examples. */
    double l2Cost(Parameters params, int m);

    /** The regularised cost J = data term + L2 term, with dropout off. */
    default double cost(Parameters params, Batch batch, Workspace ws) {
        forward(params, batch, ws, Dropout.off());
        return dataCost(batch, ws) + l2Cost(params, batch.m());
    }

    /**
     * Backpropagation after {@link #forward} on the same batch and workspace, with the same dropout mask.
     * Returns the gradient of the regularised cost as a flat vector dW1, db1, dW2, db2, … (a workspace buffer).
     */
    double[] backward(Parameters params, Batch batch, Workspace ws);

    /** The output activations for inputs X (n0 × m), dropout off, as a new n_L × m array. */
    default double[][] predict(Parameters params, double[][] x) {
        Batch batch = Batch.inputs(architecture(), x);
        double[][] out = forward(params, batch, newWorkspace(batch.m()), Dropout.off());
        double[][] copy = new double[out.length][];
        for (int i = 0; i < out.length; i++) {
            copy[i] = java.util.Arrays.copyOf(out[i], batch.m());
        }
        return copy;
    }
}
