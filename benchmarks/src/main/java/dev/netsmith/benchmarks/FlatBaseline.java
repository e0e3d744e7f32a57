package dev.netsmith.benchmarks;

import dev.netsmith.Activation;
import dev.netsmith.Loss;
import dev.netsmith.runtime.Architecture;
import dev.netsmith.runtime.ParameterLayout;

/**
 * Baseline (a): a straightforward but careful hand-written implementation, as a small Java library would have
 * it. Dimensions are run-time values; every matrix is one flat row-major {@code double[]}; products use the
 * cache-friendly i-k-j order (the innermost loop runs along contiguous rows); every buffer is allocated once,
 * so a training step allocates nothing. It computes exactly what the generated code computes (same layout of
 * the parameter vector, same cost with the L2 term, same gradient); a test checks that.
 */
public final class FlatBaseline implements Implementation {

    private static final int BLOCK = 32;

    private final int[] n;
    private final Activation[] g;
    private final Loss loss;
    private final double lambda;
    private final int m;
    private final int depth;
    private final int[] wOff;
    private final int[] bOff;
    private final double[] theta;
    private final double[] grad;
    private final double[] x;
    private final double[] y;
    /** z[l], a[l], dz[l]: n_l × m; a[0] is X. */
    private final double[][] z;
    private final double[][] a;
    private final double[][] dz;
    private final double[] da;
    /** A[l−1]ᵀ, m × n_{l−1}, for dW = dZ·A[l−1]ᵀ in i-k-j order. */
    private final double[] transposed;

    public FlatBaseline(Architecture architecture, double[][] inputs, double[][] labels, int m) {
        this.n = architecture.sizes();
        this.depth = architecture.depth();
        this.g = new Activation[depth + 1];
        for (int l = 1; l <= depth; l++) {
            g[l] = architecture.layer(l).activation();
        }
        this.loss = architecture.loss();
        this.lambda = architecture.l2();
        this.m = m;
        ParameterLayout layout = ParameterLayout.of(n);
        this.wOff = new int[depth + 1];
        this.bOff = new int[depth + 1];
        for (int l = 1; l <= depth; l++) {
            wOff[l] = layout.weights(l).offset();
            bOff[l] = layout.biases(l).offset();
        }
        this.theta = new double[layout.size()];
        this.grad = new double[layout.size()];
        this.x = flatten(inputs, m);
        this.y = flatten(labels, m);
        this.z = new double[depth + 1][];
        this.a = new double[depth + 1][];
        this.dz = new double[depth + 1][];
        a[0] = x;
        int widest = 0;
        int widestInput = 0;
        for (int l = 1; l <= depth; l++) {
            z[l] = new double[n[l] * m];
            a[l] = new double[n[l] * m];
            dz[l] = new double[n[l] * m];
            widest = Math.max(widest, n[l]);
            widestInput = Math.max(widestInput, n[l - 1]);
        }
        this.da = new double[widest * m];
        this.transposed = new double[widestInput * m];
    }

    private static double[] flatten(double[][] rows, int m) {
        double[] flat = new double[rows.length * m];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, flat, i * m, m);
        }
        return flat;
    }

    @Override
    public void setParameters(double[] values) {
        System.arraycopy(values, 0, theta, 0, theta.length);
    }

    @Override
    public double[] parameters() {
        return theta.clone();
    }

    @Override
    public Object forward() {
        runForward();
        return a[depth];
    }

    private void runForward() {
        for (int l = 1; l <= depth; l++) {
            int rows = n[l];
            int inner = n[l - 1];
            double[] in = a[l - 1];
            double[] zl = z[l];
            // Z = W·A + b, i-k-j: row i of Z accumulates W[i][k]·(row k of A)
            for (int i = 0; i < rows; i++) {
                int zi = i * m;
                double bias = theta[bOff[l] + i];
                for (int j = 0; j < m; j++) {
                    zl[zi + j] = bias;
                }
                int wi = wOff[l] + i * inner;
                for (int k = 0; k < inner; k++) {
                    double w = theta[wi + k];
                    int ak = k * m;
                    for (int j = 0; j < m; j++) {
                        zl[zi + j] += w * in[ak + j];
                    }
                }
            }
            activate(g[l], zl, a[l], rows);
        }
    }

    private void activate(Activation activation, double[] zl, double[] al, int rows) {
        int size = rows * m;
        switch (activation) {
            case RELU -> {
                for (int p = 0; p < size; p++) {
                    al[p] = Math.max(0.0, zl[p]);
                }
            }
            case TANH -> {
                for (int p = 0; p < size; p++) {
                    al[p] = Math.tanh(zl[p]);
                }
            }
            case SIGMOID -> {
                for (int p = 0; p < size; p++) {
                    al[p] = 1.0 / (1.0 + Math.exp(-zl[p]));
                }
            }
            case SOFTMAX -> {
                for (int j = 0; j < m; j++) {
                    double max = zl[j];
                    for (int i = 1; i < rows; i++) {
                        max = Math.max(max, zl[i * m + j]);
                    }
                    double sum = 0;
                    for (int i = 0; i < rows; i++) {
                        double e = Math.exp(zl[i * m + j] - max);
                        al[i * m + j] = e;
                        sum += e;
                    }
                    for (int i = 0; i < rows; i++) {
                        al[i * m + j] /= sum;
                    }
                }
            }
            default -> throw new IllegalArgumentException("the baseline does not implement " + activation);
        }
    }

    @Override
    public double costAndGradient() {
        runForward();
        double cost = cost();
        backward();
        return cost;
    }

    private double cost() {
        double[] out = a[depth];
        int size = n[depth] * m;
        double sum = 0;
        if (loss == Loss.SOFTMAX_CROSS_ENTROPY) {
            for (int p = 0; p < size; p++) {
                if (y[p] != 0) {
                    sum -= y[p] * Math.log(out[p]);
                }
            }
        } else {
            for (int p = 0; p < size; p++) {
                sum -= y[p] * Math.log(out[p]) + (1 - y[p]) * Math.log(1 - out[p]);
            }
        }
        double squares = 0;
        for (int l = 1; l <= depth; l++) {
            for (int p = wOff[l]; p < bOff[l]; p++) {
                squares += theta[p] * theta[p];
            }
        }
        return sum / m + lambda / (2.0 * m) * squares;
    }

    private void backward() {
        double invM = 1.0 / m;
        // dZ[L] = A[L] − Y for sigmoid + binary cross-entropy and for softmax + cross-entropy
        double[] dzL = dz[depth];
        double[] out = a[depth];
        for (int p = 0; p < n[depth] * m; p++) {
            dzL[p] = out[p] - y[p];
        }
        for (int l = depth; l >= 1; l--) {
            int rows = n[l];
            int inner = n[l - 1];
            double[] dzl = dz[l];
            // dW = (1/m)·dZ·A[l−1]ᵀ + (λ/m)·W, i-k-j over the transposed A[l−1]
            transpose(a[l - 1], inner, transposed);
            for (int i = 0; i < rows; i++) {
                int gi = wOff[l] + i * inner;
                for (int c = 0; c < inner; c++) {
                    grad[gi + c] = 0;
                }
                int zi = i * m;
                for (int k = 0; k < m; k++) {
                    double s = dzl[zi + k];
                    int tk = k * inner;
                    for (int c = 0; c < inner; c++) {
                        grad[gi + c] += s * transposed[tk + c];
                    }
                }
                for (int c = 0; c < inner; c++) {
                    grad[gi + c] = grad[gi + c] * invM + lambda * invM * theta[gi + c];
                }
                double sum = 0;
                for (int j = 0; j < m; j++) {
                    sum += dzl[zi + j];
                }
                grad[bOff[l] + i] = sum * invM;
            }
            if (l == 1) {
                break;
            }
            // dA[l−1] = Wᵀ·dZ, i-k-j: row i of dA accumulates W[k][i]·(row k of dZ)
            for (int i = 0; i < inner; i++) {
                int di = i * m;
                for (int j = 0; j < m; j++) {
                    da[di + j] = 0;
                }
                for (int k = 0; k < rows; k++) {
                    double w = theta[wOff[l] + k * inner + i];
                    int zk = k * m;
                    for (int j = 0; j < m; j++) {
                        da[di + j] += w * dzl[zk + j];
                    }
                }
            }
            // dZ[l−1] = dA[l−1] ⊙ g'(Z[l−1])
            double[] prevZ = z[l - 1];
            double[] prevA = a[l - 1];
            double[] prevDz = dz[l - 1];
            int size = inner * m;
            switch (g[l - 1]) {
                case RELU -> {
                    for (int p = 0; p < size; p++) {
                        prevDz[p] = prevZ[p] > 0 ? da[p] : 0.0;
                    }
                }
                case TANH -> {
                    for (int p = 0; p < size; p++) {
                        prevDz[p] = da[p] * (1 - prevA[p] * prevA[p]);
                    }
                }
                case SIGMOID -> {
                    for (int p = 0; p < size; p++) {
                        prevDz[p] = da[p] * prevA[p] * (1 - prevA[p]);
                    }
                }
                default -> throw new IllegalArgumentException("the baseline does not implement " + g[l - 1]);
            }
        }
    }

    /** rows × m (row-major) into m × rows, in square blocks so that neither side is walked with a long stride. */
    private void transpose(double[] src, int rows, double[] dst) {
        for (int r0 = 0; r0 < rows; r0 += BLOCK) {
            int r1 = Math.min(rows, r0 + BLOCK);
            for (int j0 = 0; j0 < m; j0 += BLOCK) {
                int j1 = Math.min(m, j0 + BLOCK);
                for (int r = r0; r < r1; r++) {
                    for (int j = j0; j < j1; j++) {
                        dst[j * rows + r] = src[r * m + j];
                    }
                }
            }
        }
    }

    @Override
    public double[] gradient() {
        return grad.clone();
    }

    @Override
    public double[][] output() {
        double[][] out = new double[n[depth]][m];
        for (int i = 0; i < n[depth]; i++) {
            System.arraycopy(a[depth], i * m, out[i], 0, m);
        }
        return out;
    }

    @Override
    public void update(double rate) {
        for (int p = 0; p < theta.length; p++) {
            theta[p] -= rate * grad[p];
        }
    }
}
