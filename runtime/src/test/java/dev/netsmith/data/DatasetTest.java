package dev.netsmith.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netsmith.runtime.Batch;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DatasetTest {

    private static final List<String> ABC = List.of("a", "b", "c");

    /** 2 features × 4 examples. */
    private static double[][] x() {
        return new double[][] {{1, 2, 3, 4}, {10, 20, 30, 40}};
    }

    @Test
    void keepsItsOwnCopies() {
        double[][] x = x();
        int[] labels = {0, 2, 1, 2};
        Dataset data = Dataset.classification(x, labels, ABC);
        x[0][0] = 99;
        labels[0] = 1;
        data.x()[1][1] = 99;
        data.labels()[1] = 0;
        assertArrayEquals(x()[0], data.x()[0]);
        assertArrayEquals(x()[1], data.x()[1]);
        assertArrayEquals(new int[] {0, 2, 1, 2}, data.labels());
        assertEquals(2, data.features());
        assertEquals(4, data.size());
        assertEquals(3, data.classes());
        assertEquals("4 examples × 2 features, 3 classes [a, b, c]", data.toString());
    }

    @Test
    void namesAtMostTenClassesInToString() {
        List<String> names = IntStream.range(0, 12).mapToObj(c -> "c" + c).toList();
        assertEquals("4 examples × 2 features, 12 classes [c0, c1, c2, c3, c4, c5, c6, c7, c8, c9, …]",
                Dataset.classification(x(), new int[] {11, 0, 1, 2}, names).toString());
    }

    @Test
    void rejectsLabelsOutsideTheClassesAndNonFiniteFeatures() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Dataset.classification(x(), new int[] {0, 1, 3, 0}, ABC));
        assertEquals("label 2 is 3, but the classes are 0..2 [a, b, c]", e.getMessage());
        double[][] x = x();
        x[1][2] = Double.NaN;
        e = assertThrows(IllegalArgumentException.class, () -> Dataset.regression(x, new double[4]));
        assertEquals("X[1][2] is NaN: features must be finite", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Dataset.regression(x(), new double[] {0, 0, Double.POSITIVE_INFINITY, 0}));
        assertThrows(IllegalArgumentException.class, () -> Dataset.classification(x(), new int[4], List.of("a", "a")));
    }

    @Test
    void suggestsTransposingExampleMajorData() {
        double[][] rowsPerExample = {{1, 10}, {2, 20}, {3, 30}, {4, 40}};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Dataset.classification(rowsPerExample, new int[4], ABC));
        assertTrue(e.getMessage().contains("one row per feature"), e.getMessage());
    }

    @Test
    void oneHotLabelsForSoftmax() {
        Batch batch = Dataset.classification(x(), new int[] {0, 2, 1, 2}, ABC).toBatch(Nets.softmax(2, 3));
        assertEquals(4, batch.m());
        assertArrayEquals(x()[1], batch.x()[1]);
        assertArrayEquals(new double[] {1, 0, 0, 0}, batch.y()[0]);
        assertArrayEquals(new double[] {0, 0, 1, 0}, batch.y()[1]);
        assertArrayEquals(new double[] {0, 1, 0, 1}, batch.y()[2]);
    }

    @Test
    void zeroOneRowForBinaryCrossEntropy() {
        Batch batch = Dataset.classification(x(), new int[] {1, 0, 0, 1}, List.of("no", "yes")).toBatch(Nets.sigmoid(2));
        assertEquals(1, batch.y().length);
        assertArrayEquals(new double[] {1, 0, 0, 1}, batch.y()[0]);
    }

    @Test
    void rawTargetsForMeanSquaredError() {
        Dataset data = Dataset.regression(x(), new double[] {0.5, -1.25, 3, 7});
        assertFalse(data.isClassification());
        assertEquals("4 examples × 2 features, real targets", data.toString());
        assertArrayEquals(new double[] {0.5, -1.25, 3, 7}, data.toBatch(Nets.linear(2, 1)).y()[0]);
        assertThrows(IllegalStateException.class, data::labels);
    }

    @Test
    void batchesDoNotShareTheDataSetsArrays() {
        Dataset data = Dataset.classification(x(), new int[] {1, 0, 0, 1}, List.of("no", "yes"));
        data.toBatch(Nets.sigmoid(2)).x()[0][0] = 99;
        assertEquals(1, data.x()[0][0]);
    }

    @Test
    void namesTheMismatchWithTheNetwork() {
        Dataset iris = Dataset.classification(x(), new int[] {0, 2, 1, 2}, ABC);
        assertEquals("the network takes 3 inputs, the data set has 2 features",
                assertThrows(IllegalArgumentException.class, () -> iris.toBatch(Nets.softmax(3, 3))).getMessage());
        assertEquals("softmax cross-entropy over 10 outputs needs 10 classes; the data set has 3 [a, b, c]",
                assertThrows(IllegalArgumentException.class, () -> iris.toBatch(Nets.softmax(2, 10))).getMessage());
        assertEquals("binary cross-entropy needs 2 classes; the data set has 3 [a, b, c]",
                assertThrows(IllegalArgumentException.class, () -> iris.toBatch(Nets.sigmoid(2))).getMessage());
        assertEquals("mean squared error (one target per example) needs a network with 1 output, this one has 3",
                assertThrows(IllegalArgumentException.class, () -> iris.toBatch(Nets.linear(2, 3))).getMessage());
        Dataset targets = Dataset.regression(x(), new double[4]);
        assertEquals("softmax cross-entropy over 3 outputs needs class labels; this data set has real targets",
                assertThrows(IllegalArgumentException.class, () -> targets.toBatch(Nets.softmax(2, 3))).getMessage());
    }
}
