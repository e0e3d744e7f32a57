package dev.netsmith.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConfusionMatrixTest {

    private static final List<String> IRIS = List.of("setosa", "versicolor", "virginica");

    /**
     * actual 0 0 0 1 1 1 1 2 2 2 against predicted 0 0 1 1 1 1 2 2 2 0: rows (actual) [2 1 0], [0 3 1], [1 0 2].
     */
    private static ConfusionMatrix example() {
        return ConfusionMatrix.of(new int[] {0, 0, 0, 1, 1, 1, 1, 2, 2, 2}, new int[] {0, 0, 1, 1, 1, 1, 2, 2, 2, 0}, IRIS);
    }

    @Test
    void countsActualAgainstPredicted() {
        ConfusionMatrix m = example();
        int[][] expected = {{2, 1, 0}, {0, 3, 1}, {1, 0, 2}};
        for (int a = 0; a < 3; a++) {
            for (int p = 0; p < 3; p++) {
                assertEquals(expected[a][p], m.count(a, p), "count(" + a + ", " + p + ")");
            }
        }
        assertEquals(10, m.total());
        assertEquals(7, m.correct());
        assertEquals(0.7, m.accuracy(), 1e-15);
    }

    @Test
    void precisionAndRecallPerClass() {
        ConfusionMatrix m = example();
        assertEquals(2.0 / 3, m.precision(0), 1e-15);
        assertEquals(3.0 / 4, m.precision(1), 1e-15);
        assertEquals(2.0 / 3, m.precision(2), 1e-15);
        assertEquals(2.0 / 3, m.recall(0), 1e-15);
        assertEquals(3.0 / 4, m.recall(1), 1e-15);
        assertEquals(2.0 / 3, m.recall(2), 1e-15);
    }

    @Test
    void printsAReadableTable() {
        assertEquals("""
                actual \\ predicted  setosa  versicolor  virginica  recall
                setosa                   2           1          0   0.667
                versicolor               0           3          1   0.750
                virginica                1           0          2   0.667
                precision            0.667       0.750      0.667
                accuracy 0.7000 (7 of 10)""", example().toString());
    }

    @Test
    void precisionOfAClassNeverPredictedIsUndefined() {
        ConfusionMatrix m = ConfusionMatrix.of(new int[] {0, 1, 1}, new int[] {0, 0, 0}, List.of("no", "yes"));
        assertTrue(Double.isNaN(m.precision(1)));
        assertEquals(0.0, m.recall(1));
        assertEquals(1.0 / 3, m.accuracy(), 1e-15);
        assertEquals("""
                actual \\ predicted     no    yes  recall
                no                      1      0   1.000
                yes                     2      0   0.000
                precision           0.333      -
                accuracy 0.3333 (1 of 3)""", m.toString());
    }

    @Test
    void refusesClassesOutsideTheNames() {
        assertEquals("prediction 1 is 3, but the classes are 0..2 [setosa, versicolor, virginica]",
                assertThrows(IllegalArgumentException.class, () -> ConfusionMatrix.of(new int[] {0, 1}, new int[] {0, 3}, IRIS))
                        .getMessage());
        assertThrows(IllegalArgumentException.class, () -> ConfusionMatrix.of(new int[] {-1}, new int[] {0}, IRIS));
        assertThrows(IllegalArgumentException.class, () -> ConfusionMatrix.of(new int[] {0, 1}, new int[] {0}, IRIS));
    }
}
