package dev.netsmith.benchmarks;

/**
 * The row-array kernels of DESIGN.md ("Kernels: what was measured on this hardware"), written by hand with
 * run-time sizes: activations are row arrays {@code double[n][m]}, Z = W·A + b in i-k-j order with k unrolled
 * by 4, the four weights hoisted into final locals, one loop over the examples per group of four rows of A,
 * and a remainder loop for k. The vectorisation guard holds the generated kernels to these.
 */
public final class ReferenceKernels {

    private ReferenceKernels() {
    }

    /**
     * z = w·in + b over the first m columns (w: n × p rows, in: p rows), then a = max(0, z) when relu: the
     * blocked kernel below with one block, the whole of A.
     */
    public static void dense(double[][] w, double[] b, double[][] in, double[][] z, double[][] a, int n, int p, int m,
                             boolean relu) {
        denseBlocked(w, b, in, z, a, n, p, m, relu, p);
    }

    /**
     * Z = W·A + b with the k loop cut into blocks of {@code kBlock} rows of A, each block applied to every output
     * row before the next: a block of A (kBlock × m doubles) stays in the L2 cache while all n rows of Z use it,
     * instead of the whole of A streaming from memory once per output row. Same arithmetic in the same order
     * per entry (bias, then k ascending in groups of 4), so the same results to the last bit.
     */
    public static void denseBlocked(double[][] w, double[] b, double[][] in, double[][] z, double[][] a, int n, int p, int m,
                                    boolean relu, int kBlock) {
        for (int k0 = 0; k0 < p; k0 += kBlock) {
            final int k1 = Math.min(p, k0 + kBlock);
            for (int i = 0; i < n; i++) {
                final double[] zi = z[i];
                final double[] wi = w[i];
                int k = k0;
                if (k0 == 0) {
                    final double bias = b[i];
                    if (k1 >= 4) {
                        final double c0 = wi[0], c1 = wi[1], c2 = wi[2], c3 = wi[3];
                        final double[] r0 = in[0], r1 = in[1], r2 = in[2], r3 = in[3];
                        for (int j = 0; j < m; j++) {
                            zi[j] = bias + c0 * r0[j] + c1 * r1[j] + c2 * r2[j] + c3 * r3[j];
                        }
                        k = 4;
                    } else {
                        for (int j = 0; j < m; j++) {
                            zi[j] = bias;
                        }
                    }
                }
                for (; k + 4 <= k1; k += 4) {
                    final double c0 = wi[k], c1 = wi[k + 1], c2 = wi[k + 2], c3 = wi[k + 3];
                    final double[] r0 = in[k], r1 = in[k + 1], r2 = in[k + 2], r3 = in[k + 3];
                    for (int j = 0; j < m; j++) {
                        zi[j] += c0 * r0[j] + c1 * r1[j] + c2 * r2[j] + c3 * r3[j];
                    }
                }
                for (; k < k1; k++) {
                    final double c = wi[k];
                    final double[] r = in[k];
                    for (int j = 0; j < m; j++) {
                        zi[j] += c * r[j];
                    }
                }
            }
        }
        if (relu) {
            for (int i = 0; i < n; i++) {
                final double[] zi = z[i];
                final double[] ai = a[i];
                for (int j = 0; j < m; j++) {
                    ai[j] = Math.max(0.0, zi[j]);
                }
            }
        }
    }

    /**
     * dW += dZ·A_prevᵀ the way the generated backward computes it (examples in chunks of {@code chunk}: transpose the
     * chunk, then row-axpy of four transposed rows at a time into each row of dW), with the k axis (columns of dW,
     * rows of A_prev) cut into blocks of {@code kBlock}: each block of the transposed chunk (chunk × kBlock) is built
     * and used by all n rows of dW while it is in the L2 cache. Each entry of dW receives the same terms in the same
     * order as without blocks. dw must be zero on entry; t is chunk × kBlock scratch.
     */
    public static void weightGradientBlocked(double[][] dz, double[][] in, double[][] t, double[][] dw, int n, int p, int m,
                                             int chunk, int kBlock) {
        for (int j0 = 0; j0 < m; j0 += chunk) {
            final int len = Math.min(chunk, m - j0);
            for (int k0 = 0; k0 < p; k0 += kBlock) {
                final int width = Math.min(kBlock, p - k0);
                for (int kk = 0; kk < width; kk++) {
                    final double[] ink = in[k0 + kk];
                    for (int jj = 0; jj < len; jj++) {
                        t[jj][kk] = ink[j0 + jj];
                    }
                }
                for (int i = 0; i < n; i++) {
                    final double[] dzi = dz[i];
                    final double[] dwi = dw[i];
                    int jj = 0;
                    for (; jj + 3 < len; jj += 4) {
                        final double s0 = dzi[j0 + jj], s1 = dzi[j0 + jj + 1], s2 = dzi[j0 + jj + 2], s3 = dzi[j0 + jj + 3];
                        final double[] t0 = t[jj], t1 = t[jj + 1], t2 = t[jj + 2], t3 = t[jj + 3];
                        for (int kk = 0; kk < width; kk++) {
                            dwi[k0 + kk] += s0 * t0[kk] + s1 * t1[kk] + s2 * t2[kk] + s3 * t3[kk];
                        }
                    }
                    for (; jj < len; jj++) {
                        final double s = dzi[j0 + jj];
                        final double[] tj = t[jj];
                        for (int kk = 0; kk < width; kk++) {
                            dwi[k0 + kk] += s * tj[kk];
                        }
                    }
                }
            }
        }
    }

    /**
     * dW = (1/m)·dZ·A_prevᵀ + (λ/m)·W and db = (1/m)·Σ_j dZ[:, j] into {@code grad}, for narrow layers: each entry of
     * dW a dot product over the m examples with four independent partial sums (so that the adds do not wait for
     * each other), no transposed copy. The sums run in another order than the generated kernel's, so results
     * agree to rounding, not to the bit.
     */
    public static void weightGradientDot(double[][] dz, double[][] in, double[] theta, double[] grad, int wOffset, int bOffset,
                                         int n, int p, int m, double invM, double lambda) {
        final double decay = lambda * invM;
        for (int i = 0; i < n; i++) {
            final double[] dzi = dz[i];
            for (int k = 0; k < p; k++) {
                final double[] ak = in[k];
                double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
                int j = 0;
                for (; j + 4 <= m; j += 4) {
                    s0 += dzi[j] * ak[j];
                    s1 += dzi[j + 1] * ak[j + 1];
                    s2 += dzi[j + 2] * ak[j + 2];
                    s3 += dzi[j + 3] * ak[j + 3];
                }
                for (; j < m; j++) {
                    s0 += dzi[j] * ak[j];
                }
                final int w = wOffset + i * p + k;
                grad[w] = ((s0 + s1) + (s2 + s3)) * invM + decay * theta[w];
            }
            double sum = 0.0;
            for (int j = 0; j < m; j++) {
                sum += dzi[j];
            }
            grad[bOffset + i] = sum * invM;
        }
    }

    /**
     * {@link #dense} with two output rows per pass over A (i unrolled by 2 as well as k by 4): each group of four
     * rows of A is loaded once for two rows of Z, so the inner loop does 16 flops per 4 loads of A and 2 loads and
     * 2 stores of Z instead of 8 flops per 4 + 1 + 1. Eight hoisted weights. Same arithmetic order per entry as
     * {@link #dense}, so the same results to the last bit. An odd last row goes through {@link #dense}'s loop.
     */
    public static void denseTwoRows(double[][] w, double[] b, double[][] in, double[][] z, double[][] a, int n, int p, int m,
                                    boolean relu) {
        int i = 0;
        for (; i + 2 <= n; i += 2) {
            final double[] z0 = z[i], z1 = z[i + 1];
            final double[] w0 = w[i], w1 = w[i + 1];
            final double bias0 = b[i], bias1 = b[i + 1];
            int k = 0;
            if (p >= 4) {
                final double c00 = w0[0], c01 = w0[1], c02 = w0[2], c03 = w0[3];
                final double c10 = w1[0], c11 = w1[1], c12 = w1[2], c13 = w1[3];
                final double[] r0 = in[0], r1 = in[1], r2 = in[2], r3 = in[3];
                for (int j = 0; j < m; j++) {
                    final double x0 = r0[j], x1 = r1[j], x2 = r2[j], x3 = r3[j];
                    z0[j] = bias0 + c00 * x0 + c01 * x1 + c02 * x2 + c03 * x3;
                    z1[j] = bias1 + c10 * x0 + c11 * x1 + c12 * x2 + c13 * x3;
                }
                k = 4;
            } else {
                for (int j = 0; j < m; j++) {
                    z0[j] = bias0;
                    z1[j] = bias1;
                }
            }
            for (; k + 4 <= p; k += 4) {
                final double c00 = w0[k], c01 = w0[k + 1], c02 = w0[k + 2], c03 = w0[k + 3];
                final double c10 = w1[k], c11 = w1[k + 1], c12 = w1[k + 2], c13 = w1[k + 3];
                final double[] r0 = in[k], r1 = in[k + 1], r2 = in[k + 2], r3 = in[k + 3];
                for (int j = 0; j < m; j++) {
                    final double x0 = r0[j], x1 = r1[j], x2 = r2[j], x3 = r3[j];
                    z0[j] += c00 * x0 + c01 * x1 + c02 * x2 + c03 * x3;
                    z1[j] += c10 * x0 + c11 * x1 + c12 * x2 + c13 * x3;
                }
            }
            for (; k < p; k++) {
                final double c0 = w0[k], c1 = w1[k];
                final double[] r = in[k];
                for (int j = 0; j < m; j++) {
                    z0[j] += c0 * r[j];
                    z1[j] += c1 * r[j];
                }
            }
        }
        if (i < n) {
            dense(new double[][] {w[i]}, new double[] {b[i]}, in, new double[][] {z[i]}, new double[][] {a[i]}, 1, p, m, false);
        }
        if (relu) {
            for (int r = 0; r < n; r++) {
                final double[] zr = z[r];
                final double[] ar = a[r];
                for (int j = 0; j < m; j++) {
                    ar[j] = Math.max(0.0, zr[j]);
                }
            }
        }
    }

    /** Rows of A per block for {@link #denseBlocked}: a block of at most 256 KB (half the L2 of this machine), a multiple of 4. */
    public static int kBlock(int m) {
        return Math.max(4, (256 * 1024 / 8 / m) & ~3);
    }

    /** a = softmax(z) column by column over the first m columns; max and sum are scratch of m entries. */
    public static void softmax(double[][] z, double[][] a, int n, int m, double[] max, double[] sum) {
        System.arraycopy(z[0], 0, max, 0, m);
        for (int i = 1; i < n; i++) {
            final double[] zi = z[i];
            for (int j = 0; j < m; j++) {
                max[j] = Math.max(max[j], zi[j]);
            }
        }
        java.util.Arrays.fill(sum, 0, m, 0.0);
        for (int i = 0; i < n; i++) {
            final double[] zi = z[i];
            final double[] ai = a[i];
            for (int j = 0; j < m; j++) {
                final double e = Math.exp(zi[j] - max[j]);
                ai[j] = e;
                sum[j] += e;
            }
        }
        for (int j = 0; j < m; j++) {
            sum[j] = 1.0 / sum[j];
        }
        for (int i = 0; i < n; i++) {
            final double[] ai = a[i];
            for (int j = 0; j < m; j++) {
                ai[j] *= sum[j];
            }
        }
    }

    /** W[l] of a flat parameter vector as n × p rows (a copy). */
    public static double[][] rows(double[] theta, int offset, int n, int p) {
        double[][] w = new double[n][p];
        for (int i = 0; i < n; i++) {
            System.arraycopy(theta, offset + i * p, w[i], 0, p);
        }
        return w;
    }

    /** b[l] of a flat parameter vector (a copy). */
    public static double[] vector(double[] theta, int offset, int n) {
        return java.util.Arrays.copyOfRange(theta, offset, offset + n);
    }
}
