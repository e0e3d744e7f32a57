package dev.netsmith.runtime;

/**
 * Preallocated buffers for one thread's forward and backward passes, sized for a maximum batch and reused
 * for any smaller one, so that a training step allocates nothing after the first. Every per-example buffer
 * is a row array {@code double[n_l][maxBatch]} (one row per unit, as A[l] in the course notes): loops over
 * the examples of one row are what HotSpot vectorises.
 *
 * <p>The accessors exist for generated code and the drivers; a workspace is not thread-safe, so give each
 * thread its own (the network itself may be shared, see {@link CompiledNetwork}). Layer numbers are 1-based.
 */
public final class Workspace {

    /** Examples transposed at a time when computing dW = dZ·A_prevᵀ (bounds the scratch whatever the batch). */
    public static final int TRANSPOSE_CHUNK = 32;

    private final int[] sizes;
    private final int maxBatch;
    private final double[][][] z;
    private final double[][][] a;
    private final double[][][] dz;
    private final double[][][] da;
    private final double[][][] dw;
    private final double[][][] transposed;
    private final double[][][] mask;
    private final double[][][] dropped;
    private final double[][][] layerInput;
    private final boolean[] dropoutActive;
    private final double[] columnScratch;
    private final double[] columnScratch2;
    private final double[] deltaRow;
    private final int[] changed;
    private final double[][] labels;
    private final double[] gradient;
    private Batch forwardBatch;
    private int forwardFills;
    private int m;

    /** Buffers for a network of this architecture and batches of at most {@code maxBatch} examples. */
    public Workspace(Architecture architecture, int maxBatch) {
        if (maxBatch <= 0) {
            throw new IllegalArgumentException("maxBatch must be positive, was " + maxBatch);
        }
        this.sizes = architecture.sizes();
        this.maxBatch = maxBatch;
        int depth = sizes.length - 1;
        z = new double[depth + 1][][];
        a = new double[depth + 1][][];
        dz = new double[depth + 1][][];
        da = new double[depth + 1][][];
        dw = new double[depth + 1][][];
        transposed = new double[depth + 1][][];
        mask = new double[depth + 1][][];
        dropped = new double[depth + 1][][];
        layerInput = new double[depth + 1][][];
        dropoutActive = new boolean[depth + 1];
        for (int l = 1; l <= depth; l++) {
            z[l] = new double[sizes[l]][maxBatch];
            a[l] = new double[sizes[l]][maxBatch];
            dz[l] = new double[sizes[l]][maxBatch];
            if (l < depth) {
                da[l] = new double[sizes[l]][maxBatch];
            }
            dw[l] = new double[sizes[l]][sizes[l - 1]];
            transposed[l] = new double[Math.min(TRANSPOSE_CHUNK, maxBatch)][sizes[l - 1]];
        }
        columnScratch = new double[maxBatch];
        columnScratch2 = new double[maxBatch];
        deltaRow = new double[maxBatch];
        changed = new int[maxBatch];
        labels = new double[sizes[depth]][maxBatch];
        gradient = new double[ParameterLayout.of(sizes).size()];
    }

    /** The largest batch these buffers hold. */
    public int maxBatch() {
        return maxBatch;
    }

    /** [n0, …, nL] of the network these buffers were made for (a copy). */
    public int[] sizes() {
        return sizes.clone();
    }

    /** Whether these buffers fit a network of the given sizes. */
    public boolean fits(ParameterLayout layout) {
        return layout.hasSizes(sizes);
    }

    /** Z[l], n_l × maxBatch. */
    public double[][] z(int l) {
        return z[l];
    }

    /** g(Z[l]) before dropout, n_l × maxBatch. */
    public double[][] a(int l) {
        return a[l];
    }

    /** dJ/dZ[l] without the 1/m factor, n_l × maxBatch. */
    public double[][] dz(int l) {
        return dz[l];
    }

    /** Backprop's dA[l] = W[l+1]ᵀ·dZ[l+1] (before the dropout mask), without the 1/m factor; hidden layers only. */
    public double[][] da(int l) {
        return da[l];
    }

    /** Scratch for dW[l] as rows, n_l × n_{l-1}. */
    public double[][] dw(int l) {
        return dw[l];
    }

    /** Scratch for a chunk of A[l-1] transposed, {@link #TRANSPOSE_CHUNK} × n_{l-1}. */
    public double[][] transposed(int l) {
        return transposed[l];
    }

    /** The scaled dropout mask of layer l (entries 0 or 1/keep_prob), allocated on first use. */
    public double[][] mask(int l) {
        if (mask[l] == null) {
            mask[l] = new double[sizes[l]][maxBatch];
        }
        return mask[l];
    }

    /** A[l] after dropout, allocated on first use. */
    public double[][] dropped(int l) {
        if (dropped[l] == null) {
            dropped[l] = new double[sizes[l]][maxBatch];
        }
        return dropped[l];
    }

    /** The mask the last forward pass applied to layer l, or {@code null} if it applied none. */
    public double[][] activeMask(int l) {
        return dropoutActive[l] ? mask[l] : null;
    }

    /** Whether the last forward pass applied dropout to layer l. */
    public boolean dropoutActive(int l) {
        return dropoutActive[l];
    }

    void setDropoutActive(int l, boolean active) {
        dropoutActive[l] = active;
    }

    /** The rows layer l read in the last forward pass: X for l = 1, else A[l-1] after dropout. */
    public double[][] layerInput(int l) {
        return layerInput[l];
    }

    /** Records the rows layer l reads; called by the generated forward pass. */
    public void setLayerInput(int l, double[][] rows) {
        layerInput[l] = rows;
    }

    /** The output layer's activations, n_L × maxBatch (valid for the first m columns). */
    public double[][] output() {
        return a[sizes.length - 1];
    }

    /** A scratch row of maxBatch entries (softmax column maxima and the like). */
    public double[] columnScratch() {
        return columnScratch;
    }

    /** A second scratch row of maxBatch entries (softmax column sums and the like). */
    public double[] columnScratch2() {
        return columnScratch2;
    }

    /** For the gradient check: the change a perturbation makes to one row of A (maxBatch entries). */
    public double[] deltaRow() {
        return deltaRow;
    }

    /**
     * For the gradient check: the examples a perturbation changed, in increasing order; the probe's rows
     * above the perturbed layer hold only those columns, compacted.
     */
    public int[] changed() {
        return changed;
    }

    /** For the gradient check: n_L rows of labels, gathered for the changed examples. */
    public double[][] labels() {
        return labels;
    }

    /** The flat gradient vector dW1, db1, dW2, db2, … the last backward pass wrote. */
    public double[] gradient() {
        return gradient;
    }

    /** Number of examples of the last completed forward pass, 0 when there is none. */
    public int batchSize() {
        return m;
    }

    /** Called before a forward pass: until it completes, these buffers hold no usable pass. */
    void forgetForward() {
        this.forwardBatch = null;
        this.m = 0;
    }

    /** Called after a forward pass on {@code batch} completed. */
    void forwardDone(Batch batch, int m) {
        this.forwardBatch = batch;
        this.forwardFills = batch.fills();
        this.m = m;
    }

    /** Whether the last forward pass ran on this batch as it is now (not before a buffer was refilled). */
    boolean lastForwardWas(Batch batch) {
        return forwardBatch == batch && forwardFills == batch.fills();
    }
}
