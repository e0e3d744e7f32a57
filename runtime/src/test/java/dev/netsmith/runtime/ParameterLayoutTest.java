package dev.netsmith.runtime;

import static dev.netsmith.runtime.Expect.thrown;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netsmith.runtime.ParameterLayout.Kind;
import dev.netsmith.runtime.ParameterLayout.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

class ParameterLayoutTest {

    /** [4, 5, 6, 2]: W1 5×4 @0, b1 5×1 @20, W2 6×5 @25, b2 6×1 @55, W3 2×6 @61, b3 2×1 @73, 75 in all. */
    private final ParameterLayout layout = ParameterLayout.of(4, 5, 6, 2);

    @Test
    void tensorsAreW1b1W2b2InOrderWithCourseShapesAndContiguousOffsets() {
        List<Tensor> expected = List.of(
                new Tensor("W1", 1, Kind.WEIGHTS, 5, 4, 0),
                new Tensor("b1", 1, Kind.BIASES, 5, 1, 20),
                new Tensor("W2", 2, Kind.WEIGHTS, 6, 5, 25),
                new Tensor("b2", 2, Kind.BIASES, 6, 1, 55),
                new Tensor("W3", 3, Kind.WEIGHTS, 2, 6, 61),
                new Tensor("b3", 3, Kind.BIASES, 2, 1, 73));
        assertEquals(expected, layout.tensors());
        assertEquals(75, layout.size());
        assertEquals(3, layout.depth());
        assertArrayEquals(new int[] {4, 5, 6, 2}, layout.sizes());
        assertEquals(6, layout.units(2));
        assertSame(layout.tensors().get(2), layout.weights(2));
        assertSame(layout.tensors().get(5), layout.biases(3));
        assertSame(layout.tensors().get(3), layout.tensor("b2"));
        assertEquals("dW2", layout.weights(2).gradientName());
        assertEquals("db3", layout.biases(3).gradientName());
    }

    @Test
    void sizesReturnsACopy() {
        layout.sizes()[1] = 99;
        assertEquals(5, layout.units(1));
    }

    @Test
    void namesEntriesZeroBasedRowMajor() {
        assertEquals("W1[0][0]", layout.nameOf(0));
        assertEquals("W1[0][3]", layout.nameOf(3));
        assertEquals("W1[1][0]", layout.nameOf(4));
        assertEquals("W1[4][3]", layout.nameOf(19));
        assertEquals("b1[0]", layout.nameOf(20));
        assertEquals("b1[4]", layout.nameOf(24));
        assertEquals("W2[0][0]", layout.nameOf(25));
        assertEquals("W2[3][4]", layout.nameOf(25 + 3 * 5 + 4));
        assertEquals("b2[3]", layout.nameOf(55 + 3));
        assertEquals("W3[1][5]", layout.nameOf(72));
        assertEquals("b3[1]", layout.nameOf(74));
    }

    @Test
    void findsTheTensorAtEveryTensorBoundary() {
        for (Tensor t : layout.tensors()) {
            assertSame(t, layout.tensorAt(t.offset()), "first entry of " + t.name());
            assertSame(t, layout.tensorAt(t.end() - 1), "last entry of " + t.name());
        }
        assertSame(layout.weights(1), layout.tensorAt(0));
        assertSame(layout.biases(3), layout.tensorAt(layout.size() - 1));
    }

    @Test
    void binarySearchAgreesWithALinearScanOnADeepUnevenLayout() {
        ParameterLayout deep = ParameterLayout.of(3, 1, 7, 2, 1, 9, 4, 1, 1, 5);
        for (int index = 0; index < deep.size(); index++) {
            Tensor linear = null;
            for (Tensor t : deep.tensors()) {
                if (t.contains(index)) {
                    linear = t;
                }
            }
            assertSame(linear, deep.tensorAt(index), "index " + index);
        }
    }

    @Test
    void nameAndIndexRoundTripForEveryEntry() {
        for (int index = 0; index < layout.size(); index++) {
            String name = layout.nameOf(index);
            assertEquals(index, layout.indexOf(name), name);
        }
    }

    @Test
    void indexOfByTensorRowAndColumn() {
        ParameterLayout big = ParameterLayout.of(6, 5, 7);
        int w2 = big.weights(2).offset();
        assertEquals(w2 + 3 * 5 + 4, big.indexOf("W2", 3, 4));
        assertEquals(w2 + 3 * 5 + 4, big.indexOf("W2[3][4]"));
        assertEquals(30, big.indexOf("b1", 0));
        assertEquals(30, big.indexOf("b1[0]"));
        assertEquals(big.size() - 1, big.indexOf("b2", 6));
        assertEquals(0, big.indexOf("W1", 0, 0));
    }

    @Test
    void refusesIndicesOutsideTheVector() {
        thrown(IndexOutOfBoundsException.class, () -> layout.nameOf(-1), "-1", "[0, 75)");
        thrown(IndexOutOfBoundsException.class, () -> layout.nameOf(75), "75", "[0, 75)");
        thrown(IndexOutOfBoundsException.class, () -> layout.tensorAt(Integer.MAX_VALUE), "[0, 75)");
    }

    @Test
    void refusesEntriesOutsideTheirTensor() {
        thrown(IndexOutOfBoundsException.class, () -> layout.indexOf("W2", 6, 0), "W2[6][0]", "6 × 5");
        thrown(IndexOutOfBoundsException.class, () -> layout.indexOf("W2", 0, 5), "W2[0][5]", "6 × 5");
        thrown(IndexOutOfBoundsException.class, () -> layout.indexOf("W2", -1, 0), "W2[-1][0]");
        thrown(IndexOutOfBoundsException.class, () -> layout.indexOf("b1", 5), "b1[5]", "5 × 1");
        thrown(IndexOutOfBoundsException.class, () -> layout.indexOf("W3[2][0]"), "W3[2][0]", "2 × 6");
    }

    @Test
    void refusesUnknownTensorsListingTheKnownOnes() {
        thrown(IllegalArgumentException.class, () -> layout.tensor("W4"), "no tensor W4", "[W1, W2, W3, b1, b2, b3]");
        thrown(IllegalArgumentException.class, () -> layout.weights(0), "no tensor W0");
        thrown(IllegalArgumentException.class, () -> layout.indexOf("w1", 0, 0), "no tensor w1");
        thrown(IllegalArgumentException.class, () -> layout.indexOf("dW1[0][0]"), "no tensor dW1");
    }

    @Test
    void refusesAWeightEntryWithoutAColumn() {
        thrown(IllegalArgumentException.class, () -> layout.indexOf("W2", 3), "W2 is a matrix");
        thrown(IllegalArgumentException.class, () -> layout.indexOf("W2[3]"), "W2 is a matrix");
    }

    @Test
    void refusesMalformedEntryNames() {
        for (String bad : new String[] {"W2", "W2[3][4", "W2[]", "W2[a][4]", "W2[3]x[4]", "W2[3][4][5]", "b1[0][0][0]", "W2[3][]"}) {
            thrown(IllegalArgumentException.class, () -> layout.indexOf(bad), bad);
        }
    }

    @Test
    void constructorAcceptsTheContiguousOffsets() {
        ParameterLayout declared = new ParameterLayout(new int[] {4, 5, 6, 2}, new int[] {0, 20, 25, 55, 61, 73});
        assertEquals(layout.tensors(), declared.tensors());
        assertTrue(declared.sameShapeAs(layout));
    }

    @Test
    void constructorRefusesOffsetsThatAreNotTheContiguousOnes() {
        int[] sizes = {4, 5, 6, 2};
        thrown(IllegalArgumentException.class, () -> new ParameterLayout(sizes, new int[] {0, 20, 26, 56, 62, 74}),
                "W2 must start at 25, declared at 26");
        thrown(IllegalArgumentException.class, () -> new ParameterLayout(sizes, new int[] {1, 21, 26, 56, 62, 74}),
                "W1 must start at 0, declared at 1");
        thrown(IllegalArgumentException.class, () -> new ParameterLayout(sizes, new int[] {5, 0, 25, 55, 61, 73}),
                "W1 must start at 0");
        thrown(IllegalArgumentException.class, () -> new ParameterLayout(sizes, new int[] {0, 20, 25, 55, 61, 72}),
                "b3 must start at 73, declared at 72");
        thrown(IllegalArgumentException.class, () -> new ParameterLayout(sizes, new int[] {0, 20, 25, 55}),
                "need one offset per tensor (6), got 4");
    }

    @Test
    void refusesMoreParametersThanAJavaArrayHolds() {
        thrown(IllegalArgumentException.class, () -> ParameterLayout.of(50_000, 50_000, 1),
                "more parameters than a Java array holds", "W1");
        // every tensor fits on its own; together they do not
        thrown(IllegalArgumentException.class, () -> ParameterLayout.of(40_000, 40_000, 40_000),
                "more parameters than a Java array holds", "W2");
        thrown(IllegalArgumentException.class, () -> new ParameterLayout(new int[] {40_000, 40_000, 40_000},
                        new int[] {0, 1_600_000_000, 1_600_040_000, Integer.MAX_VALUE}),
                "more parameters than a Java array holds");
    }

    @Test
    void refusesDegenerateSizes() {
        thrown(IllegalArgumentException.class, () -> ParameterLayout.of(4), "need at least the input size and one layer");
        thrown(IllegalArgumentException.class, () -> ParameterLayout.of(), "need at least the input size and one layer");
        thrown(IllegalArgumentException.class, () -> ParameterLayout.of(4, 0, 2), "positive", "[4, 0, 2]");
        thrown(IllegalArgumentException.class, () -> ParameterLayout.of(-4, 3), "positive");
    }

    @Test
    void comparesShapesBySizes() {
        assertTrue(layout.sameShapeAs(ParameterLayout.of(4, 5, 6, 2)));
        assertFalse(layout.sameShapeAs(ParameterLayout.of(4, 5, 6, 3)));
        assertFalse(layout.sameShapeAs(ParameterLayout.of(4, 5, 6)));
        assertTrue(layout.hasSizes(new int[] {4, 5, 6, 2}));
        assertFalse(layout.hasSizes(new int[] {4, 6, 5, 2}));
    }

    @Test
    void toStringListsEveryTensor() {
        assertEquals("ParameterLayout[W1 3×2 @0, b1 3×1 @6, W2 1×3 @9, b2 1×1 @12]", ParameterLayout.of(2, 3, 1).toString());
    }
}
