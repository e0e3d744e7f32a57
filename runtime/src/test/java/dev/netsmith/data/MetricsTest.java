package dev.netsmith.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class MetricsTest {

    /** Softmax outputs for 4 examples (columns), predicting 2, 0, 1, 0 (a tie between rows 0 and 1 goes to 0). */
    private static final double[][] SOFTMAX = {
        {0.1, 0.7, 0.2, 0.4},
        {0.2, 0.2, 0.5, 0.4},
        {0.7, 0.1, 0.3, 0.2},
    };

    @Test
    void predictsTheLargestOutput() {
        assertArrayEquals(new int[] {2, 0, 1, 0}, Metrics.predictions(SOFTMAX, 4));
    }

    @Test
    void thresholdsASingleSigmoidOutputAtOneHalf() {
        double[][] sigmoid = {{0.5, 0.4999, 0.97, 0.03}};
        assertArrayEquals(new int[] {1, 0, 1, 0}, Metrics.predictions(sigmoid, 4));
        assertEquals(0.5, Metrics.accuracy(sigmoid, new int[] {1, 1, 0, 0}));
    }

    @Test
    void accuracyCountsMatchingColumns() {
        assertEquals(0.75, Metrics.accuracy(SOFTMAX, new int[] {2, 0, 1, 1}));
        assertEquals(0.0, Metrics.accuracy(SOFTMAX, new int[] {0, 1, 2, 2}));
    }

    @Test
    void readsOnlyTheFirstMColumnsOfWorkspaceRows() {
        double[][] wide = {{0.9, 0.1, Double.NaN}, {0.1, 0.9, Double.NaN}};
        assertEquals(1.0, Metrics.accuracy(wide, new int[] {0, 1}));
    }

    @Test
    void confusionMatrixFromActivations() {
        ConfusionMatrix m = Metrics.confusionMatrix(SOFTMAX, new int[] {2, 0, 1, 1}, List.of("a", "b", "c"));
        assertEquals(1, m.count(1, 0));
        assertEquals(3, m.correct());
        ConfusionMatrix binary = Metrics.confusionMatrix(new double[][] {{0.8, 0.2, 0.6}}, new int[] {1, 1, 0}, List.of("no", "yes"));
        assertEquals(1, binary.count(1, 1));
        assertEquals(1, binary.count(1, 0));
        assertEquals(1, binary.count(0, 1));
    }

    @Test
    void refusesNonFiniteOutputsAndLabelsOutsideTheOutputs() {
        double[][] diverged = {{0.5, Double.NaN}, {0.5, 0.5}};
        assertEquals("activation [0][1] is NaN: the network's outputs are not finite (has training diverged?)",
                assertThrows(IllegalArgumentException.class, () -> Metrics.accuracy(diverged, new int[] {0, 1})).getMessage());
        assertEquals("label 3 is 3, but 3 output(s) predict classes 0..2",
                assertThrows(IllegalArgumentException.class, () -> Metrics.accuracy(SOFTMAX, new int[] {0, 0, 0, 3})).getMessage());
        assertThrows(IllegalArgumentException.class, () -> Metrics.accuracy(SOFTMAX, new int[5]));
        assertThrows(IllegalArgumentException.class, () -> Metrics.confusionMatrix(SOFTMAX, new int[4], List.of("a", "b")));
    }
}
