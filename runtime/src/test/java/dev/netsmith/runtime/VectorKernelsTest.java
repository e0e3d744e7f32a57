package dev.netsmith.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The vector backend's kernels against plain loops, and the bits of a product split by rows or by columns. */
class VectorKernelsTest {

    private final SplittableRandom random = new SplittableRandom(17);

    @ParameterizedTest(name = "{0} rows from {1} inputs, m = {2}")
    @CsvSource({"1, 1, 1", "3, 2, 5", "4, 4, 8", "5, 7, 13", "10, 64, 203", "9, 300, 37", "32, 64, 1797"})
    void affineIsTheBiasPlusTheWeightsTimesTheInput(int n, int inputs, int m) {
        double[] theta = gaussian(7 + n * inputs + n + 3);
        int w = 7;
        int b = w + n * inputs;
        double[][] in = matrix(inputs, m);
        double[][] z = matrix(n, m + 2);
        double[] beyond = {z[0][m], z[0][m + 1]};
        VectorKernels.affine(theta, w, b, inputs, in, z, m, 0, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                double sum = theta[b + i];
                double scale = Math.abs(sum);
                for (int k = 0; k < inputs; k++) {
                    sum += theta[w + i * inputs + k] * in[k][j];
                    scale += Math.abs(theta[w + i * inputs + k] * in[k][j]);
                }
                assertEquals(sum, z[i][j], 1e-15 * scale * (inputs + 1), "z[" + i + "][" + j + "]");
            }
        }
        assertArrayEquals(beyond, new double[] {z[0][m], z[0][m + 1]}, "columns at or after m stay untouched");
    }

    @ParameterizedTest(name = "{0} units above {1}, m = {2}")
    @CsvSource({"1, 1, 3", "3, 5, 9", "7, 6, 13", "10, 64, 211", "64, 128, 100"})
    void backpropagationIsTheTransposedWeightsTimesTheDeltas(int n, int inputs, int m) {
        double[] theta = gaussian(3 + n * inputs);
        double[][] dz = matrix(n, m);
        double[][] da = matrix(inputs, m);
        VectorKernels.backpropagate(theta, 3, n, inputs, dz, da, m, 0, inputs);
        for (int k = 0; k < inputs; k++) {
            for (int j = 0; j < m; j++) {
                double sum = 0;
                double scale = 0;
                for (int i = 0; i < n; i++) {
                    sum += theta[3 + i * inputs + k] * dz[i][j];
                    scale += Math.abs(theta[3 + i * inputs + k] * dz[i][j]);
                }
                assertEquals(sum, da[k][j], 1e-15 * scale * n, "da[" + k + "][" + j + "]");
            }
        }
    }

    @ParameterizedTest(name = "{0} units above {1}, m = {2}")
    @CsvSource({"1, 1, 1", "4, 2, 400", "1, 4, 3", "20, 2, 211", "3, 20, 211", "10, 64, 101", "7, 13, 37"})
    void weightGradientIsTheDeltasTimesTheTransposedInput(int n, int inputs, int m) {
        double[][] dz = matrix(n, m + 3);
        double[][] a = matrix(inputs, m + 1);
        double[][] dw = matrix(n, inputs);
        VectorKernels.weightGradient(dz, n, a, m, dw, 0, inputs);
        WeightGradients.assertProduct(dz, a, dw, n, inputs, m);
    }

    @Test
    void aProductSplitByRowsOrByColumnsHasTheBitsOfOneCall() {
        int n = 11;
        int inputs = 23;
        int m = 37;
        double[] c = gaussian(n * inputs);
        double[][] rows = matrix(inputs, m);
        double[][] whole = new double[n][m];
        VectorKernels.accumulate(c, 0, inputs, 1, rows, 0, inputs, whole, 0, n, 0, m);
        double[][] byRows = new double[n][m];
        for (int[] part : new int[][] {{0, 3}, {3, 4}, {4, 9}, {9, 11}}) {
            VectorKernels.accumulate(c, 0, inputs, 1, rows, 0, inputs, byRows, part[0], part[1], 0, m);
        }
        double[][] byColumns = new double[n][m];
        for (int[] part : new int[][] {{0, 5}, {5, 6}, {6, 21}, {21, 37}}) {
            VectorKernels.accumulate(c, 0, inputs, 1, rows, 0, inputs, byColumns, 0, n, part[0], part[1]);
        }
        for (int i = 0; i < n; i++) {
            assertArrayEquals(whole[i], byRows[i], 0.0, "row " + i + " split by rows");
            assertArrayEquals(whole[i], byColumns[i], 0.0, "row " + i + " split by columns");
        }
    }

    @Test
    void aWeightGradientSplitByColumnsHasTheBitsOfOneCall() {
        int n = 6;
        int inputs = 23;
        int m = 41;
        double[][] dz = matrix(n, m);
        double[][] a = matrix(inputs, m);
        double[][] whole = new double[n][inputs];
        VectorKernels.weightGradient(dz, n, a, m, whole, 0, inputs);
        double[][] parts = new double[n][inputs];
        for (int[] part : new int[][] {{0, 1}, {1, 4}, {4, 5}, {5, 16}, {16, 23}}) {
            VectorKernels.weightGradient(dz, n, a, m, parts, part[0], part[1]);
        }
        for (int i = 0; i < n; i++) {
            assertArrayEquals(whole[i], parts[i], 0.0, "row " + i);
        }
    }

    @Test
    void sumAddsTheFirstMElements() {
        for (int m : new int[] {0, 1, 3, 4, 5, 211, 400}) {
            double[] row = gaussian(m + 2);
            double expected = 0;
            double scale = 0;
            for (int j = 0; j < m; j++) {
                expected += row[j];
                scale += Math.abs(row[j]);
            }
            assertEquals(expected, VectorKernels.sum(row, m), 1e-15 * scale * (m + 1), "m = " + m);
        }
    }

    @Test
    void tanhAndSigmoidAreWithinAFewUlpsOfStrictMath() {
        int m = 10_003;
        double[] z = new double[m];
        for (int j = 0; j < m; j++) {
            z[j] = random.nextGaussian() * (j % 3 == 0 ? 20 : 1);
        }
        double[] a = new double[m];
        VectorKernels.tanh(z, a, m);
        for (int j = 0; j < m; j++) {
            assertEquals(StrictMath.tanh(z[j]), a[j], 3e-16, "tanh(" + z[j] + ")");
        }
        VectorKernels.sigmoid(z, a, m);
        for (int j = 0; j < m; j++) {
            double expected = 1 / (1 + StrictMath.exp(-z[j]));
            assertEquals(expected, a[j], 4 * Math.ulp(expected), "sigmoid(" + z[j] + ")");
        }
    }

    @Test
    void elementwiseFunctionsKeepTheirLimitsAndSigns() {
        double[] z = {800, -800, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0, 0.0, Double.NaN, 1e-300};
        double[] a = new double[z.length];
        VectorKernels.tanh(z, a, z.length);
        // as Activations.tanh: absolutely accurate near 0, where e^−2|z| rounds to 1
        assertArrayEquals(new double[] {1, -1, 1, -1, -0.0, 0.0, Double.NaN, 0.0}, a, 0.0);
        VectorKernels.sigmoid(z, a, z.length);
        assertArrayEquals(new double[] {1, 0, 1, 0, 0.5, 0.5, Double.NaN, 0.5}, a, 0.0);
        double[] out = new double[z.length];
        VectorKernels.addBinaryCrossEntropy(new double[] {800, -800, 800, -800}, new double[] {1, 0, 0, 1}, out, new double[4], 4);
        assertArrayEquals(new double[] {0, 0, 800, 800, 0, 0, 0, 0}, out, 0.0);
    }

    @Test
    void piecewiseLinearFunctionsAndTheirBackpropagationMatchTheScalarForms() {
        int m = 103;
        double[] z = gaussian(m);
        z[0] = 0.0;
        z[1] = -0.0;
        z[2] = Double.NaN;
        z[m - 1] = Double.NaN;
        double[] upstream = gaussian(m);
        upstream[3] = Double.POSITIVE_INFINITY;
        double[] mask = new double[m];
        for (int j = 0; j < m; j++) {
            mask[j] = j % 3 == 0 ? 0.0 : 1.25;
        }
        double[] a = new double[m];
        VectorKernels.leaky(z, a, 0.01, m);
        for (int j = 0; j < m; j++) {
            assertEquals(z[j] > 0.0 ? z[j] : 0.01 * z[j], a[j], 0.0, "leaky(" + z[j] + ")");
        }
        for (double slope : new double[] {0.0, 0.01}) {
            for (double[] d : new double[][] {null, mask}) {
                double[] dz = new double[m];
                VectorKernels.piecewiseLinearBackward(upstream, d, z, slope, dz, m);
                for (int j = 0; j < m; j++) {
                    double u = d == null ? upstream[j] : upstream[j] * d[j];
                    double expected = slope == 0.0 ? (z[j] > 0.0 ? u : 0.0) : (z[j] > 0.0 ? u : slope * u);
                    assertEquals(expected, dz[j], 0.0, "slope " + slope + ", mask " + (d != null) + ", example " + j);
                }
            }
        }
    }

    @Test
    void binaryCrossEntropyIsAddedFromTheLogits() {
        int m = 1_001;
        double[] z = gaussian(m);
        double[] y = new double[m];
        double[] out = new double[m];
        for (int j = 0; j < m; j++) {
            z[j] *= 10;
            y[j] = j % 2;
            out[j] = j;
        }
        VectorKernels.addBinaryCrossEntropy(z, y, out, new double[m], m);
        for (int j = 0; j < m; j++) {
            // −y·log σ(z) − (1 − y)·log(1 − σ(z)), as log(1 + e^z) − y·z in its stable form
            double loss = Math.max(z[j], 0) - y[j] * z[j] + StrictMath.log1p(StrictMath.exp(-Math.abs(z[j])));
            // log(1 + e) is accurate to an ulp of 1, absolutely, as in the scalar kernel
            assertEquals(j + loss, out[j], 1e-15 * (j + loss) + 5e-16, "example " + j);
        }
    }

    @Test
    void softmaxOfColumnsMatchesItsDefinitionAndLeavesWhatLogSumExpNeeds() {
        int n = 10;
        int m = 203;
        double[][] z = matrix(n, m);
        z[3][5] = 750;
        z[4][5] = 749;
        double[][] a = new double[n][m];
        double[] max = new double[m];
        double[] sum = new double[m];
        VectorKernels.softmaxColumns(z, a, n, m, max, sum, new double[m]);
        double[] lse = new double[m];
        VectorKernels.log(sum, lse, m);
        for (int j = 0; j < m; j++) {
            double top = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                top = Math.max(top, z[i][j]);
            }
            double total = 0;
            for (int i = 0; i < n; i++) {
                total += StrictMath.exp(z[i][j] - top);
            }
            assertEquals(top, max[j], "max, column " + j);
            assertEquals(total, sum[j], 1e-15 * total, "sum, column " + j);
            assertEquals(StrictMath.log(total), lse[j], 1e-15 * Math.max(1, Math.abs(lse[j])) * 2, "log of the sum, column " + j);
            double columnSum = 0;
            for (int i = 0; i < n; i++) {
                double expected = StrictMath.exp(z[i][j] - top) / total;
                assertEquals(expected, a[i][j], 1e-15, "a[" + i + "][" + j + "]");
                columnSum += a[i][j];
            }
            assertEquals(1.0, columnSum, 1e-14);
        }
        assertFalse(Double.isNaN(a[3][5]));
        assertTrue(a[3][5] > a[4][5]);
    }

    private double[] gaussian(int size) {
        double[] v = new double[size];
        for (int p = 0; p < size; p++) {
            v[p] = random.nextGaussian();
        }
        return v;
    }

    private double[][] matrix(int rows, int columns) {
        double[][] v = new double[rows][];
        for (int r = 0; r < rows; r++) {
            v[r] = gaussian(columns);
        }
        return v;
    }

    private static double[][] copy(double[][] v) {
        double[][] out = new double[v.length][];
        for (int r = 0; r < v.length; r++) {
            out[r] = v[r].clone();
        }
        return out;
    }
}
