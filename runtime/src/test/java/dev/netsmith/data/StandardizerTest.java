package dev.netsmith.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class StandardizerTest {

    private static Dataset data(double[]... rows) {
        return Dataset.classification(rows, new int[rows[0].length], List.of("only"));
    }

    @Test
    void fitsPopulationMeanAndStandardDeviation() {
        Standardizer s = Standardizer.fit(data(new double[] {1, 2, 3, 4}, new double[] {-10, 10, -10, 10}));
        assertArrayEquals(new double[] {2.5, 0}, s.means());
        assertArrayEquals(new double[] {Math.sqrt(1.25), 10}, s.scales(), 1e-15);
        double[][] x = s.apply(data(new double[] {1, 2, 3, 4}, new double[] {-10, 10, -10, 10})).x();
        assertArrayEquals(new double[] {-1.5 / Math.sqrt(1.25), -0.5 / Math.sqrt(1.25), 0.5 / Math.sqrt(1.25), 1.5 / Math.sqrt(1.25)},
                x[0], 1e-15);
        assertArrayEquals(new double[] {-1, 1, -1, 1}, x[1]);
    }

    @Test
    void usesOnlyTheTrainingStatistics() {
        Dataset train = data(new double[] {0, 2});
        Dataset dev = data(new double[] {10, 20, 30});
        Standardizer s = Standardizer.fit(train);
        assertArrayEquals(new double[] {9, 19, 29}, s.apply(dev).x()[0]);
        assertArrayEquals(new double[] {-1, 1}, s.apply(train).x()[0]);
        assertArrayEquals(new double[] {0, 2}, train.x()[0], "the data set itself is unchanged");
    }

    @Test
    void constantFeaturesGetScaleOneAndBecomeZero() {
        Standardizer s = Standardizer.fit(data(new double[] {0, 0, 0}, new double[] {0.1, 0.1, 0.1}, new double[] {1, 2, 3}));
        assertArrayEquals(new double[] {0, 0.1, 2}, s.means());
        assertEquals(1.0, s.scales()[0]);
        assertEquals(1.0, s.scales()[1]);
        double[][] x = s.apply(data(new double[] {0, 0, 0}, new double[] {0.1, 0.1, 0.1}, new double[] {1, 2, 3})).x();
        assertArrayEquals(new double[] {0, 0, 0}, x[0]);
        assertArrayEquals(new double[] {0, 0, 0}, x[1]);
        assertArrayEquals(new double[] {4, 0.1}, Standardizer.fit(data(new double[] {4}, new double[] {0.1})).means());
        assertArrayEquals(new double[] {3, -4}, s.apply(new double[][] {{3, -4}, {0.1, 0.1}, {2, 2}})[0],
                "a feature constant on the training split may vary elsewhere");
    }

    @Test
    void standardisesTheShippedDigitsWithoutNaN() throws IOException {
        Dataset digits = CsvReader.read(CsvReaderTest.resource("digits_excerpt.csv.gz"), CsvFormat.csv());
        Standardizer s = Standardizer.fit(digits);
        double[][] x = s.apply(digits).x();
        assertEquals(0.0, x[0][0], "pixel 0 is 0 in every example");
        for (double[] row : x) {
            assertTrue(Arrays.stream(row).allMatch(Double::isFinite));
            assertEquals(0.0, Arrays.stream(row).sum(), 1e-12);
            double variance = Arrays.stream(row).map(v -> v * v).sum() / row.length;
            assertTrue(Math.abs(variance - 1) < 1e-12 || variance == 0, "variance " + variance);
        }
    }

    @Test
    void rebuildsFromStoredMeansAndScales() {
        Dataset train = data(new double[] {1, 5, 9}, new double[] {7, 7, 7});
        Dataset dev = data(new double[] {2, 3}, new double[] {6, 8});
        Standardizer fitted = Standardizer.fit(train);
        Standardizer restored = Standardizer.of(fitted.means(), fitted.scales());
        assertArrayEquals(fitted.apply(dev).x()[0], restored.apply(dev).x()[0]);
        assertArrayEquals(fitted.apply(dev).x()[1], restored.apply(dev).x()[1]);
        fitted.means()[0] = 100;
        assertEquals(5, fitted.means()[0], "accessors return copies");
    }

    @Test
    void refusesBadStatisticsAndOtherFeatureCounts() {
        assertThrows(IllegalArgumentException.class, () -> Standardizer.of(new double[] {0}, new double[] {0}));
        assertThrows(IllegalArgumentException.class, () -> Standardizer.of(new double[] {0}, new double[] {-1}));
        assertThrows(IllegalArgumentException.class, () -> Standardizer.of(new double[] {Double.NaN}, new double[] {1}));
        assertThrows(IllegalArgumentException.class, () -> Standardizer.of(new double[] {0, 1}, new double[] {1}));
        Standardizer s = Standardizer.of(new double[] {0, 1}, new double[] {1, 2});
        assertEquals("this standardiser was fitted on 2 features, X has 1 rows",
                assertThrows(IllegalArgumentException.class, () -> s.apply(data(new double[] {1, 2}))).getMessage());
    }
}
