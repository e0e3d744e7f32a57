package dev.netsmith.runtime;

/**
 * dW = dZ·Aᵀ for layers of few inputs, as dot products over the examples, called by generated backpropagation on
 * the default backend.
 *
 * <p>Why: the generated product copies A transposed so that C2 can vectorise an inner loop over the inputs; with
 * eight inputs or fewer that loop is too short to pay for the copy, and dot products along the rows of dZ and A,
 * two rows of each at a time (four sums in registers, each in two chains of fused multiply-adds, even and odd
 * examples), run 1.2–3× faster on such layers (20 × 2, 4 × 2, 5 × 7, 1 × 3 … at m = 209–400).
 */
public final class DotProducts {

    private DotProducts() {
    }

    /**
     * dw[i][k] = Σ_j dz[i][j]·in[k][j] over j &lt; m, for rows i &lt; n and columns from ≤ k &lt; to. Each entry is the
     * same two chains whichever rows and columns it is computed with (the last row or column of an odd count is
     * paired with itself, computed twice, on layers too small for it to matter), so a product split by columns gives
     * the bits of one call.
     */
    public static void weightGradient(double[][] dz, int n, double[][] in, int m, double[][] dw, int from, int to) {
        for (int i = 0; i < n; i += 2) {
            final int i1 = Math.min(i + 1, n - 1);
            final double[] d0 = dz[i], d1 = dz[i1];
            for (int k = from; k < to; k += 2) {
                final int k1 = Math.min(k + 1, to - 1);
                final double[] a0 = in[k], a1 = in[k1];
                double s00 = 0.0, s01 = 0.0, s10 = 0.0, s11 = 0.0;
                double u00 = 0.0, u01 = 0.0, u10 = 0.0, u11 = 0.0;
                int j = 0;
                for (; j + 2 <= m; j += 2) {
                    double x0 = a0[j], x1 = a1[j], y0 = d0[j], y1 = d1[j];
                    s00 = Math.fma(y0, x0, s00);
                    s01 = Math.fma(y0, x1, s01);
                    s10 = Math.fma(y1, x0, s10);
                    s11 = Math.fma(y1, x1, s11);
                    x0 = a0[j + 1];
                    x1 = a1[j + 1];
                    y0 = d0[j + 1];
                    y1 = d1[j + 1];
                    u00 = Math.fma(y0, x0, u00);
                    u01 = Math.fma(y0, x1, u01);
                    u10 = Math.fma(y1, x0, u10);
                    u11 = Math.fma(y1, x1, u11);
                }
                if (j < m) {
                    s00 = Math.fma(d0[j], a0[j], s00);
                    s01 = Math.fma(d0[j], a1[j], s01);
                    s10 = Math.fma(d1[j], a0[j], s10);
                    s11 = Math.fma(d1[j], a1[j], s11);
                }
                dw[i][k] = s00 + u00;
                dw[i][k1] = s01 + u01;
                dw[i1][k] = s10 + u10;
                dw[i1][k1] = s11 + u11;
            }
        }
    }
}
