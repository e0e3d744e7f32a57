package dev.netsmith.runtime;

import static dev.netsmith.runtime.Expect.thrown;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netsmith.Activation;
import dev.netsmith.Init;
import dev.netsmith.Loss;
import dev.netsmith.runtime.Architecture.Layer;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchTest {

    /** 3 inputs → 4 tanh → 2 sigmoid, binary cross-entropy. */
    private static final Architecture BCE = architecture(2, Activation.SIGMOID, Loss.BINARY_CROSS_ENTROPY);
    private static final Architecture SOFTMAX = architecture(3, Activation.SOFTMAX, Loss.SOFTMAX_CROSS_ENTROPY);
    private static final Architecture MSE = architecture(2, Activation.LINEAR, Loss.MEAN_SQUARED_ERROR);

    private static Architecture architecture(int outputs, Activation output, Loss loss) {
        return new Architecture("test.Net", 3, List.of(Layer.of(4, Activation.TANH), Layer.of(outputs, output)), loss, 0, Init.AUTO);
    }

    /** 3 × 4 inputs, entry (i, j) = 10·i + j. */
    private static double[][] x() {
        return new double[][] {{0, 1, 2, 3}, {10, 11, 12, 13}, {20, 21, 22, 23}};
    }

    private static double[][] binaryY() {
        return new double[][] {{0, 1, 1, 0}, {1, 1, 0, 0}};
    }

    @Test
    void keepsTheArraysItWasGiven() {
        double[][] x = x();
        double[][] y = binaryY();
        Batch batch = Batch.of(BCE, x, y);
        assertSame(x, batch.x());
        assertSame(y, batch.y());
        assertEquals(4, batch.m());
        assertEquals(4, batch.capacity());
        assertTrue(batch.hasLabels());
    }

    @Test
    void inputsOnlyBatchHasNoLabels() {
        Batch batch = Batch.inputs(BCE, x());
        assertFalse(batch.hasLabels());
        assertNull(batch.y());
        assertEquals(4, batch.m());
        assertFalse(batch.fits(BCE), "an inputs-only batch cannot serve costs and gradients");
    }

    @Test
    void refusesNullInputs() {
        thrown(IllegalArgumentException.class, () -> Batch.of(BCE, null, binaryY()), "X is null", "3 × m");
        thrown(IllegalArgumentException.class, () -> Batch.inputs(BCE, null), "X is null", "3 × m");
    }

    @Test
    void refusesInputsWithTheWrongNumberOfRows() {
        thrown(IllegalArgumentException.class, () -> Batch.of(BCE, new double[][] {{1, 2}, {3, 4}}, binaryY()),
                "X must be 3 × m", "it has 2 rows");
        thrown(IllegalArgumentException.class, () -> Batch.inputs(BCE, new double[0][]), "X must be 3 × m", "it has 0 rows");
    }

    @Test
    void hintsAtTransposingInputsStoredOneRowPerExample() {
        double[][] rowPerExample = {{0, 10, 20}, {1, 11, 21}, {2, 12, 22}, {3, 13, 23}};
        thrown(IllegalArgumentException.class, () -> Batch.inputs(BCE, rowPerExample),
                "X must be 3 × m", "it has 4 rows", "transpose it");
        IllegalArgumentException plain = thrown(IllegalArgumentException.class,
                () -> Batch.inputs(BCE, new double[][] {{1, 2}, {3, 4}}), "it has 2 rows");
        assertFalse(plain.getMessage().contains("transpose"), plain.getMessage());
    }

    @Test
    void refusesRaggedOrMissingInputRows() {
        thrown(IllegalArgumentException.class, () -> Batch.inputs(BCE, new double[][] {{1, 2, 3}, {1, 2}, {1, 2, 3}}),
                "X must be 3 × m", "row 1 has 2 entries", "row 0 has 3");
        thrown(IllegalArgumentException.class, () -> Batch.inputs(BCE, new double[][] {{1, 2}, {1, 2}, {1, 2, 3}}),
                "X must be 3 × m", "row 2 has 3 entries");
        thrown(IllegalArgumentException.class, () -> Batch.inputs(BCE, new double[][] {null, {1}, {1}}), "X must be 3 × m", "row 0 is null");
        thrown(IllegalArgumentException.class, () -> Batch.inputs(BCE, new double[][] {{1}, null, {1}}), "X must be 3 × m", "row 1");
    }

    @Test
    void refusesABatchWithoutExamples() {
        thrown(IllegalArgumentException.class, () -> Batch.inputs(BCE, new double[3][0]), "m = 0", "3 × m");
        thrown(IllegalArgumentException.class, () -> Batch.of(BCE, new double[3][0], new double[2][0]), "m = 0", "3 × m");
    }

    @Test
    void refusesNonFiniteInputsNamingTheEntry() {
        for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
            double[][] x = x();
            x[2][1] = bad;
            thrown(IllegalArgumentException.class, () -> Batch.of(BCE, x, binaryY()), "X[2][1] is " + bad, "finite");
        }
    }

    @Test
    void refusesLabelsOfTheWrongShape() {
        thrown(IllegalArgumentException.class, () -> Batch.of(BCE, x(), null), "Y is null", "2 × 4");
        thrown(IllegalArgumentException.class, () -> Batch.of(BCE, x(), new double[][] {{0, 1, 1, 0}}), "Y must be 2 × 4", "it has 1 rows");
        thrown(IllegalArgumentException.class, () -> Batch.of(BCE, x(), new double[][] {{0, 1, 1}, {0, 1, 1}}),
                "Y must be 2 × 4", "3 columns");
        thrown(IllegalArgumentException.class, () -> Batch.of(BCE, x(), new double[][] {{0, 1, 1, 0}, {0, 1, 1}}),
                "Y must be 2 × 4", "row 1 has 3 entries");
        thrown(IllegalArgumentException.class, () -> Batch.of(BCE, x(), new double[][] {{0, 1, 1, 0}, null}), "Y must be 2 × 4", "row 1");
        thrown(IllegalArgumentException.class, () -> Batch.of(BCE, x(), new double[][] {{}, {}}), "Y must be 2 × 4");
        thrown(IllegalArgumentException.class, () -> Batch.of(BCE, x(), new double[][] {{0, 1, 1, 0, 1}, {0, 1, 1, 0, 0}}),
                "Y must be 2 × 4", "5 columns");
    }

    @Test
    void refusesBinaryLabelsOtherThanZeroAndOne() {
        for (double bad : new double[] {0.5, -1, 2, Double.NaN, Double.POSITIVE_INFINITY}) {
            double[][] y = binaryY();
            y[1][3] = bad;
            thrown(IllegalArgumentException.class, () -> Batch.of(BCE, x(), y), "Y[1][3] is " + bad, "0 or 1");
        }
        assertEquals(4, Batch.of(BCE, x(), new double[][] {{0, 1, 1, -0.0}, {1, 1, 0, 0}}).m(), "-0.0 is a 0 label");
    }

    @Test
    void refusesSoftmaxLabelColumnsThatAreNotOneHot() {
        double[][] good = {{1, 0, 0, 0}, {0, 1, 0, 1}, {0, 0, 1, 0}};
        assertEquals(4, Batch.of(SOFTMAX, x(), good).m());
        thrown(IllegalArgumentException.class, () -> Batch.of(SOFTMAX, x(), new double[][] {{1, 0, 0, 0}, {0, 1, 0, 0}, {0, 0, 1, 0}}),
                "Y column 3 is not one-hot [0.0, 0.0, 0.0]", "exactly one 1");
        thrown(IllegalArgumentException.class, () -> Batch.of(SOFTMAX, x(), new double[][] {{1, 0, 0, 0}, {1, 1, 0, 1}, {0, 0, 1, 0}}),
                "Y column 0 is not one-hot [1.0, 1.0, 0.0]");
        thrown(IllegalArgumentException.class, () -> Batch.of(SOFTMAX, x(), new double[][] {{1, 0, 0.5, 0}, {0, 1, 0.5, 1}, {0, 0, 0, 0}}),
                "Y column 2 is not one-hot");
        thrown(IllegalArgumentException.class, () -> Batch.of(SOFTMAX, x(), new double[][] {{1, 0, 0, 0}, {0, 1, 0, 1}, {0, 0, 1, Double.NaN}}),
                "Y column 3 is not one-hot");
        thrown(IllegalArgumentException.class, () -> Batch.of(SOFTMAX, x(), new double[][] {{1, 0, 0, 2}, {0, 1, 0, -1}, {0, 0, 1, 0}}),
                "Y column 3 is not one-hot");
    }

    @Test
    void refusesNonFiniteRegressionTargets() {
        double[][] y = {{0.5, -3, 1e300, 0}, {7, 8, 9, 10}};
        assertEquals(4, Batch.of(MSE, x(), y).m(), "any finite target is valid");
        for (double bad : new double[] {Double.NaN, Double.NEGATIVE_INFINITY}) {
            double[][] badY = {{0.5, -3, 1, 0}, {7, 8, 9, 10}};
            badY[0][2] = bad;
            thrown(IllegalArgumentException.class, () -> Batch.of(MSE, x(), badY), "Y[0][2] is " + bad, "finite");
        }
    }

    @Test
    void checksTheInputsBeforeTheLabels() {
        double[][] x = x();
        x[0][0] = Double.NaN;
        thrown(IllegalArgumentException.class, () -> Batch.of(BCE, x, new double[][] {{0.5}}), "X[0][0]");
    }

    @Test
    void fitsTheArchitectureItWasCheckedFor() {
        Batch batch = Batch.of(BCE, x(), binaryY());
        assertTrue(batch.fits(BCE));
        assertTrue(batch.fits(new Architecture("other.Net", 3, List.of(Layer.of(9, Activation.RELU), Layer.of(2, Activation.SIGMOID)),
                Loss.BINARY_CROSS_ENTROPY, 0.5, Init.HE)), "hidden sizes, λ and init do not matter to a batch");
        assertFalse(batch.fits(MSE), "same sizes, another loss");
        assertFalse(batch.fits(architecture(1, Activation.SIGMOID, Loss.BINARY_CROSS_ENTROPY)));
        assertFalse(batch.fits(new Architecture("test.Net", 4, List.of(Layer.of(2, Activation.SIGMOID)), Loss.BINARY_CROSS_ENTROPY, 0, Init.AUTO)));
    }

    @Test
    void bufferIsEmptyWithRoomForItsCapacity() {
        Batch buffer = Batch.buffer(BCE, 5);
        assertEquals(0, buffer.m());
        assertEquals(5, buffer.capacity());
        assertEquals(3, buffer.x().length);
        assertEquals(2, buffer.y().length);
        assertTrue(buffer.fits(BCE));
        thrown(IllegalArgumentException.class, () -> Batch.buffer(BCE, 0), "at least one example, was 0");
        thrown(IllegalArgumentException.class, () -> Batch.buffer(BCE, -2), "was -2");
    }

    @Test
    void gatherCopiesTheChosenColumnsInOrder() {
        Batch source = Batch.of(BCE, x(), binaryY());
        Batch buffer = Batch.buffer(BCE, 3);
        int[] order = {9, 3, 0, 2, 9};
        buffer.gather(source, order, 1, 4);
        assertEquals(3, buffer.m());
        assertArrayEquals(new double[] {3, 0, 2}, buffer.x()[0]);
        assertArrayEquals(new double[] {13, 10, 12}, buffer.x()[1]);
        assertArrayEquals(new double[] {23, 20, 22}, buffer.x()[2]);
        assertArrayEquals(new double[] {0, 0, 1}, buffer.y()[0]);
        assertArrayEquals(new double[] {0, 1, 0}, buffer.y()[1]);
        buffer.gather(source, new int[] {1}, 0, 1);
        assertEquals(1, buffer.m());
        assertEquals(11, buffer.x()[1][0]);
        assertEquals(1, buffer.y()[0][0]);
    }

    @Test
    void gatherRefusesColumnsOutsideTheSourceAndChangesNothing() {
        Batch source = Batch.of(BCE, x(), binaryY());
        Batch buffer = Batch.buffer(BCE, 3);
        buffer.gather(source, new int[] {0, 1, 2}, 0, 3);
        thrown(IndexOutOfBoundsException.class, () -> buffer.gather(source, new int[] {3, 4, 1}, 0, 3), "example 4 of a batch of 4");
        thrown(IndexOutOfBoundsException.class, () -> buffer.gather(source, new int[] {-1}, 0, 1), "example -1");
        assertEquals(3, buffer.m());
        assertArrayEquals(new double[] {0, 1, 2}, buffer.x()[0]);
    }

    @Test
    void gatherRefusesARangeOutsideTheColumnArray() {
        Batch source = Batch.of(BCE, x(), binaryY());
        Batch buffer = Batch.buffer(BCE, 3);
        thrown(IllegalArgumentException.class, () -> buffer.gather(source, new int[] {0, 1}, 1, 3), "1..3", "2 columns");
        thrown(IllegalArgumentException.class, () -> buffer.gather(source, new int[] {0, 1}, -1, 1), "-1..1");
    }

    @Test
    void gatherRefusesMoreExamplesThanTheCapacityOrNone() {
        Batch source = Batch.of(BCE, x(), binaryY());
        Batch buffer = Batch.buffer(BCE, 3);
        thrown(IllegalArgumentException.class, () -> buffer.gather(source, new int[] {0, 1, 2, 3}, 0, 4), "1..3", "asked for 4");
        thrown(IllegalArgumentException.class, () -> buffer.gather(source, new int[] {0, 1}, 1, 1), "asked for 0");
    }

    @Test
    void gatherRefusesASourceForAnotherNetworkOrWithoutLabels() {
        Batch buffer = Batch.buffer(BCE, 3);
        thrown(IllegalArgumentException.class, () -> buffer.gather(Batch.inputs(BCE, x()), new int[] {0}, 0, 1), "no labels");
        thrown(IllegalArgumentException.class, () -> buffer.gather(Batch.of(MSE, x(), binaryY()), new int[] {0}, 0, 1), "another network");
        thrown(IllegalArgumentException.class, () -> buffer.gather(Batch.of(SOFTMAX, x(), new double[][] {{1, 0, 0, 0}, {0, 1, 0, 1}, {0, 0, 1, 0}}),
                new int[] {0}, 0, 1), "another network");
        Architecture moreInputs = new Architecture("test.Net", 2, List.of(Layer.of(2, Activation.SIGMOID)), Loss.BINARY_CROSS_ENTROPY, 0, Init.AUTO);
        thrown(IllegalArgumentException.class, () -> buffer.gather(Batch.of(moreInputs, new double[][] {{1}, {2}}, new double[][] {{0}, {1}}),
                new int[] {0}, 0, 1), "another network");
        assertEquals(0, buffer.m());
    }

    @Test
    void gatherFillsOnlyBuffers() {
        double[][] x = x();
        double[][] y = binaryY();
        Batch checked = Batch.of(BCE, x, y);
        Batch source = Batch.of(BCE, x(), binaryY());
        thrown(IllegalArgumentException.class, () -> checked.gather(source, new int[] {3, 2}, 0, 2), "Batch.buffer");
        assertArrayEquals(x(), x, "the caller's inputs were overwritten");
        assertEquals(4, checked.m());
        thrown(IllegalArgumentException.class, () -> Batch.inputs(BCE, x()).gather(source, new int[] {0}, 0, 1), "Batch.buffer");
    }

    @Test
    void gatherRefusesItselfAsTheSource() {
        Batch buffer = Batch.buffer(BCE, 4);
        buffer.gather(Batch.of(BCE, x(), binaryY()), new int[] {0, 1, 2, 3}, 0, 4);
        thrown(IllegalArgumentException.class, () -> buffer.gather(buffer, new int[] {3, 2, 1, 0}, 0, 4), "itself");
        assertArrayEquals(new double[] {0, 1, 2, 3}, buffer.x()[0]);
    }
}
