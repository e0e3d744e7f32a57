package dev.netsmith.runtime;

/**
 * Runs every kernel of {@link VectorKernels} on small rows until the JIT's optimising compiler has taken it.
 *
 * <p>Why: until C2 compiles a method, its Vector API operations run as Java code that allocates an object per
 * vector, 10–100× slower than the scalar kernels. HotSpot compiles a method with C2 after hundreds to thousands
 * of calls; a kernel a network calls once per step (N4's log-sum-exp, 22 ms a step) stays in that state for
 * hundreds of steps, and a long loop's compiled form is used only by the call that was in the loop. Calling each
 * kernel a few thousand times on rows of 35 examples (every branch taken: tails, remainders, masks, slopes) gets
 * every one compiled at the start: about two seconds of one core, on a daemon thread, once, when the vector
 * backend is first used. The kernels are pure functions of their arguments and the warm-up has rows of its own, so it
 * cannot disturb the caller's results, only share the processors with it for that second.
 */
final class VectorWarmUp {

    /**
     * Calls per kernel: past HotSpot 17's 5,000 calls after which C2 takes a method whatever its loops. Measured
     * here (-XX:+PrintCompilation): with 2,500 calls C2 had compiled the large kernels only as the warm-up ended;
     * the first 2,500 calls take about 2 s (they run boxed), the rest about 0.2 s.
     */
    static final int CALLS = 6_000;

    /** Starts the warm-up on a daemon thread of its own, so that the caller's first steps need not wait for it. */
    static void start() {
        Thread thread = new Thread(VectorWarmUp::run, "netsmith-vector-warm-up");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
    }

    private VectorWarmUp() {
    }

    static void run() {
        int m = 35;
        // 7 units above 5 take every path of the products: rows in fours, pairs and alone, inputs in fours and alone
        int n = 7;
        int inputs = 5;
        double[] theta = filled(n * inputs + n, 0.01);
        double[][] in = rows(inputs, m);
        double[][] z = rows(n, m);
        double[][] a = rows(n, m);
        double[][] dz = rows(n, m);
        double[][] da = rows(inputs, m);
        double[][] dw = rows(n, inputs);
        double[] mask = filled(m, 1.25);
        double[] row = new double[m];
        double[] scratch = new double[m];
        double sink = 0;
        for (int call = 0; call < CALLS; call++) {
            VectorKernels.affine(theta, 0, n * inputs, inputs, in, z, m, 0, n);
            VectorKernels.backpropagate(theta, 0, n, inputs, dz, da, m, 0, inputs);
            VectorKernels.weightGradient(dz, n, in, m, dw, 0, inputs);
            sink += VectorKernels.sum(z[0], m);
            VectorKernels.tanh(z[0], row, m);
            VectorKernels.sigmoid(z[1], row, m);
            VectorKernels.leaky(z[2], row, 0.01, m);
            VectorKernels.piecewiseLinearBackward(dz[0], call % 2 == 0 ? null : mask, z[0], call % 3 == 0 ? 0.0 : 0.01, row, m);
            VectorKernels.addBinaryCrossEntropy(z[0], mask, row, scratch, m);
            VectorKernels.softmaxColumns(z, a, n, m, row, scratch, mask);
            VectorKernels.log(scratch, mask, m);
            java.util.Arrays.fill(mask, 1.25);
        }
        if (Double.isNaN(sink)) {
            throw new AssertionError("the warm-up rows are finite");
        }
    }

    private static double[] filled(int size, double value) {
        double[] v = new double[size];
        java.util.Arrays.fill(v, value);
        return v;
    }

    private static double[][] rows(int count, int m) {
        double[][] v = new double[count][m];
        for (int r = 0; r < count; r++) {
            for (int j = 0; j < m; j++) {
                v[r][j] = Math.sin(r * 31 + j) * 0.5;
            }
        }
        return v;
    }
}
