package dev.netsmith.runtime;

/**
 * Preallocated buffers for one thread's forward and backward passes, sized for a maximum batch and reused
 * for any smaller one, so that a training step allocates nothing after the first. Every per-example buffer
 * is a row array {@code double[n_l][maxBatch]} (one row per unit, as A[l] in the course notes): loops over
 * the examples of one row are what HotSpot vectorises.
 *
 * <p>The accessors exist for generated code and the drivers; a workspace is not thread-safe, so give each
 * thread its own (the network itself may be shared, see {@link CompiledNetwork}). Layer numbers are 1-based.
 *
 * <p>Threads: a workspace may split the kernels of large layers across the threads of one persistent pool of
 * daemon threads shared by the whole JVM ({@link #threads()}, by default the processors available, or the system
 * property {@value #THREADS_PROPERTY}). The calling thread runs one part itself and returns only when every part
 * is done, so from the caller's side nothing changes: a workspace still belongs to one thread at a time, and the
 * results are the same to the last bit whatever the number of threads (each part computes its entries with the
 * same operations in the same order). A kernel is split only when its work m·n_l·n_{l−1} reaches
 * {@link #splitThreshold()} multiply-adds; with one thread, or when another thread's workspace is using the pool at
 * that moment, it runs on the calling thread as before. Custom activations may therefore be called from pool
 * threads, concurrently for different units: they must be pure, as {@code ActivationFunction} asks.
 */
public final class Workspace {

    /** Examples transposed at a time when computing dW = dZ·A_prevᵀ (bounds the scratch whatever the batch). */
    public static final int TRANSPOSE_CHUNK = 32;

    /** The system property that sets the default thread count of new workspaces (1: every kernel on the caller). */
    public static final String THREADS_PROPERTY = "netsmith.threads";

    /**
     * The default {@link #splitThreshold()}: a kernel of at least this many multiply-adds (m·n_l·n_{l−1}) is split,
     * each thread taking at least half of it. Measured on two cores (SplitThreshold, docs/PERFORMANCE.md,
     * "Threads"): below about 10 million multiply-adds, two threads were slower than one for the median kernel;
     * above, as fast or faster. Handing a kernel to the pool costs from under a microsecond (its threads still
     * spinning after the last split) to tens of microseconds (parked), and a machine busy with other work delays
     * the pool's threads further, which a small kernel cannot absorb.
     */
    public static final long DEFAULT_SPLIT_THRESHOLD = 10_000_000;

    /**
     * Parts per thread of a split kernel. Threads claim parts one at a time, so a thread the operating system
     * delays (the machine is busy) holds up at most one small part while the others take the rest.
     */
    public static final int PARTS_PER_THREAD = 4;

    /**
     * The least length of a part when the range has room for it: 64 indices. A part of a weight-gradient product
     * runs its innermost loop over its own columns of dW, so short parts pay the loop's fixed costs (hoisted rows,
     * the vector loop's entry and tail) many times over; rows of Z or dA, which the other kernels split, are at
     * most a few hundred per layer and get one part per thread.
     */
    public static final int MIN_PART_LENGTH = 64;

    /**
     * The narrowest layer input (n_{l−1}) whose weight-gradient product dW = dZ·Aᵀ generated code splits, by
     * columns of dW: a part's innermost loop runs over its columns, and neighbouring parts write the same rows of
     * dW (and of the transposed chunk) at their boundaries. Split, the product of N5's 12,288-wide first layer ran
     * 1.0–1.4× faster on two threads, that of N4's 784-wide one 0.7–0.8× (SplitThreshold, docs/PERFORMANCE.md,
     * "Threads"); narrower products run on the calling thread. The processor reads this when it writes the kernels.
     */
    public static final int MIN_SPLIT_INPUTS = 2048;

    /** More threads than this are refused as a mistake. */
    static final int MAX_THREADS = 256;

    private final int threads;
    private long splitThreshold = DEFAULT_SPLIT_THRESHOLD;
    private long splits;

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
    private final double[] lossScratch;
    private final double[] deltaRow;
    private final int[] changed;
    private final double[][] labels;
    private final double[] gradient;
    private Batch forwardBatch;
    private int forwardFills;
    private int m;

    /**
     * Buffers for a network of this architecture and batches of at most {@code maxBatch} examples, splitting
     * large layers across {@link #defaultThreads()} threads.
     */
    public Workspace(Architecture architecture, int maxBatch) {
        this(architecture, maxBatch, defaultThreads());
    }

    /**
     * Buffers for batches of at most {@code maxBatch} examples whose large layers are split across at most
     * {@code threads} threads, the calling thread included; 1 runs every kernel on the calling thread.
     */
    public Workspace(Architecture architecture, int maxBatch, int threads) {
        if (maxBatch <= 0) {
            throw new IllegalArgumentException("maxBatch must be positive, was " + maxBatch);
        }
        this.threads = checkThreads(threads, "threads");
        Backend.requireConsistent();
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
        lossScratch = new double[maxBatch];
        deltaRow = new double[maxBatch];
        changed = new int[maxBatch];
        labels = new double[sizes[depth]][maxBatch];
        gradient = new double[ParameterLayout.of(sizes).size()];
    }

    /**
     * The thread count of workspaces made without one: the system property {@value #THREADS_PROPERTY} if set,
     * else the processors available to the JVM.
     */
    public static int defaultThreads() {
        String property = System.getProperty(THREADS_PROPERTY);
        if (property == null) {
            return Runtime.getRuntime().availableProcessors();
        }
        try {
            return checkThreads(Integer.parseInt(property.trim()), "system property " + THREADS_PROPERTY);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("system property " + THREADS_PROPERTY + " must be a whole number of threads, was \""
                    + property + "\"", e);
        }
    }

    private static int checkThreads(int threads, String what) {
        if (threads < 1 || threads > MAX_THREADS) {
            throw new IllegalArgumentException(what + " must be in 1.." + MAX_THREADS + " (1: no splitting), was " + threads);
        }
        return threads;
    }

    /** The most threads a kernel of this workspace is split across, the calling thread included. */
    public int threads() {
        return threads;
    }

    /** The least work, in multiply-adds m·n_l·n_{l−1}, of a kernel that is split; see {@link #setSplitThreshold}. */
    public long splitThreshold() {
        return splitThreshold;
    }

    /**
     * Splits kernels of at least this many multiply-adds (default {@value #DEFAULT_SPLIT_THRESHOLD}, measured on two
     * cores) across as many threads as get at least half of it each, up to {@link #threads()}; 0 splits every
     * kernel whose range has two indices or more (tests use it). Returns this workspace.
     */
    public Workspace setSplitThreshold(long multiplyAdds) {
        if (multiplyAdds < 0) {
            throw new IllegalArgumentException("the split threshold is a number of multiply-adds, at least 0, was " + multiplyAdds);
        }
        this.splitThreshold = multiplyAdds;
        return this;
    }

    /**
     * How many threads a kernel of {@code work} multiply-adds over a range of {@code length} is split across, the
     * calling thread included: 1 (not split) below the threshold, else as many threads as have at least half the
     * threshold's work each, up to {@link #threads()}.
     */
    public int threadsFor(long work, int length) {
        if (threads == 1 || work < splitThreshold || length < 2) {
            return 1;
        }
        long byWork = splitThreshold == 0 ? threads : 2 * work / splitThreshold;
        return (int) Math.min(Math.min(threads, byWork), length);
    }

    /**
     * For generated code: runs kernel {@code id} over {@code [0, length)} split across {@link #threadsFor} threads,
     * this one included, and returns {@code true} when every part is done; returns {@code false} without running
     * anything when the kernel is not to be split (the caller then runs its single-threaded kernel), which is also
     * the case while another thread's workspace is using the kernel pool. The range is cut into
     * {@value #PARTS_PER_THREAD} parts per thread (of at least {@value #MIN_PART_LENGTH} indices when there is room),
     * which the threads claim one at a time. If a part throws, the others still run, and then the first failure is
     * rethrown here as itself (the type it would have on one thread), with a suppressed note that names the kernel,
     * the part's indices and the thread that ran it.
     *
     * @param work the kernel's multiply-adds, m·n_l·n_{l−1}
     */
    public boolean split(SplitKernel kernel, int id, double[] theta, int m, int length, long work) {
        int helpers = threadsFor(work, length);
        if (helpers < 2) {
            return false;
        }
        int parts = Math.min(length, Math.max(helpers, Math.min(helpers * PARTS_PER_THREAD, length / MIN_PART_LENGTH)));
        if (!KernelPool.shared().run(kernel, id, theta, this, m, length, helpers, parts)) {
            return false;
        }
        splits++;
        return true;
    }

    /** How many kernels this workspace has split across threads so far (a diagnostic; tests read it). */
    public long splits() {
        return splits;
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

    /**
     * A row of maxBatch entries: a softmax output leaves each column's maximum here for the cost of the same forward
     * pass; otherwise scratch (the vector backend's binary cross-entropy, the gradient check's loss changes).
     */
    public double[] columnScratch() {
        return columnScratch;
    }

    /** A second row of maxBatch entries: a softmax output leaves each column's Σ e^(z − max) here for the cost. */
    public double[] columnScratch2() {
        return columnScratch2;
    }

    /** A scratch row of maxBatch entries: the softmax's reciprocal sums, then the cost's loss of each example. */
    public double[] lossScratch() {
        return lossScratch;
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
