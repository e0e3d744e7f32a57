package dev.netsmith.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The check both backends' dW kernels must pass: dW = dZ·Aᵀ, entry by entry, against a plain loop. */
final class WeightGradients {

    private WeightGradients() {
    }

    /** Asserts dw[i][k] = Σ_{j &lt; m} dz[i][j]·a[k][j] for i &lt; n and k &lt; inputs, to rounding over m terms. */
    static void assertProduct(double[][] dz, double[][] a, double[][] dw, int n, int inputs, int m) {
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < inputs; k++) {
                double sum = 0;
                double scale = 0;
                for (int j = 0; j < m; j++) {
                    sum += dz[i][j] * a[k][j];
                    scale += Math.abs(dz[i][j] * a[k][j]);
                }
                assertEquals(sum, dw[i][k], 1e-15 * scale * m, "dw[" + i + "][" + k + "]");
            }
        }
    }
}
