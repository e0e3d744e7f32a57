package dev.netsmith.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The default backend's dot-product dW against plain loops, and the bits of a product split by columns. */
class DotProductsTest {

    private final SplittableRandom random = new SplittableRandom(5);

    @ParameterizedTest(name = "{0} units above {1}, m = {2}")
    @CsvSource({"1, 1, 1", "1, 3, 211", "4, 2, 400", "20, 2, 211", "5, 7, 209", "3, 8, 2", "2, 1, 0"})
    void weightGradientIsTheDeltasTimesTheTransposedInput(int n, int inputs, int m) {
        double[][] dz = matrix(n, m + 1);
        double[][] a = matrix(inputs, m + 1);
        double[][] dw = matrix(n, inputs);
        DotProducts.weightGradient(dz, n, a, m, dw, 0, inputs);
        WeightGradients.assertProduct(dz, a, dw, n, inputs, m);
    }

    @Test
    void aProductSplitByColumnsHasTheBitsOfOneCall() {
        int n = 5;
        int inputs = 7;
        int m = 41;
        double[][] dz = matrix(n, m);
        double[][] a = matrix(inputs, m);
        double[][] whole = new double[n][inputs];
        DotProducts.weightGradient(dz, n, a, m, whole, 0, inputs);
        double[][] parts = new double[n][inputs];
        for (int[] part : new int[][] {{0, 1}, {1, 4}, {4, 5}, {5, 7}}) {
            DotProducts.weightGradient(dz, n, a, m, parts, part[0], part[1]);
        }
        for (int i = 0; i < n; i++) {
            assertArrayEquals(whole[i], parts[i], 0.0, "row " + i);
        }
    }

    @Test
    void columnsOutsideThePartStayUntouched() {
        double[][] dw = {{9, 9, 9, 9}};
        DotProducts.weightGradient(new double[][] {{1, 2}}, 1, new double[][] {{1, 1}, {2, 2}, {3, 4}, {4, 4}}, 2, dw, 1, 3);
        assertArrayEquals(new double[] {9, 6, 11, 9}, dw[0], 0.0);
    }

    private double[][] matrix(int rows, int columns) {
        double[][] v = new double[rows][columns];
        for (double[] row : v) {
            for (int j = 0; j < columns; j++) {
                row[j] = random.nextDouble(-1, 1);
            }
        }
        return v;
    }
}
