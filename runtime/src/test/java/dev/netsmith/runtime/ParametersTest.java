package dev.netsmith.runtime;

import static dev.netsmith.runtime.Expect.thrown;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class ParametersTest {

    /** [3, 2, 1]: W1 2×3 @0, b1 2×1 @6, W2 1×2 @8, b2 1×1 @10; entry i holds i. */
    private final ParameterLayout layout = ParameterLayout.of(3, 2, 1);
    private final Parameters params = new Parameters(layout, new double[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10});

    @Test
    void tensorViewsHaveTheCourseShapes() {
        assertArrayEquals(new double[][] {{0, 1, 2}, {3, 4, 5}}, params.tensor("W1"));
        assertArrayEquals(new double[][] {{6}, {7}}, params.tensor("b1"));
        assertArrayEquals(new double[][] {{8, 9}}, params.tensor("W2"));
        assertArrayEquals(new double[][] {{10}}, params.tensor("b2"));
    }

    @Test
    void tensorViewsAreCopies() {
        params.tensor("W1")[1][2] = -1;
        assertEquals(5, params.get(5));
    }

    @Test
    void readsEntriesByIndexAndName() {
        assertEquals(5, params.get("W1[1][2]"));
        assertEquals(7, params.get("b1[1]"));
        assertEquals(9, params.get(9));
    }

    @Test
    void valuesIsTheLiveVector() {
        double[] values = new double[layout.size()];
        Parameters p = new Parameters(layout, values);
        assertSame(values, p.values());
        values[8] = 2.5;
        assertEquals(2.5, p.get("W2[0][0]"));
    }

    @Test
    void refusesAVectorOfTheWrongLength() {
        thrown(IllegalArgumentException.class, () -> new Parameters(layout, new double[10]), "the layout has 11 parameters, the vector 10");
    }

    @Test
    void zerosHasTheLayoutsSize() {
        Parameters z = Parameters.zeros(layout);
        assertArrayEquals(new double[11], z.values());
        assertSame(layout, z.layout());
    }

    @Test
    void setTensorOverwritesOneTensorOnly() {
        params.setTensor("W1", new double[][] {{-1, -2, -3}, {-4, -5, -6}});
        params.setTensor("b2", new double[][] {{42}});
        assertArrayEquals(new double[] {-1, -2, -3, -4, -5, -6, 6, 7, 8, 9, 42}, params.values());
    }

    @Test
    void setTensorRefusesTheWrongShape() {
        thrown(IllegalArgumentException.class, () -> params.setTensor("W1", new double[][] {{1, 2, 3}}), "W1 has 2 rows, got 1");
        thrown(IllegalArgumentException.class, () -> params.setTensor("W1", new double[][] {{1, 2, 3}, {4, 5}}),
                "W1 is 2 × 3", "row 1 has 2 entries");
        thrown(IllegalArgumentException.class, () -> params.setTensor("b1", new double[][] {{1, 2}}), "b1 has 2 rows, got 1");
        thrown(IllegalArgumentException.class, () -> params.setTensor("b1", new double[][] {{1}, {2, 3}}), "b1 is 2 × 1", "row 1");
        thrown(IllegalArgumentException.class, () -> params.setTensor("b1", new double[][] {{1}, null}), "b1 is 2 × 1", "row 1");
        thrown(IllegalArgumentException.class, () -> params.setTensor("W3", new double[][] {{1}}), "no tensor W3");
        thrown(IllegalArgumentException.class, () -> params.setTensor("W1", null), "W1");
    }

    @Test
    void setTensorWithTheWrongShapeChangesNothing() {
        double[] before = params.values().clone();
        thrown(IllegalArgumentException.class, () -> params.setTensor("W1", new double[][] {{-1, -2, -3}, {-4, -5}}), "row 1");
        assertArrayEquals(before, params.values());
    }

    @Test
    void copyIsIndependent() {
        Parameters copy = params.copy();
        assertNotSame(params.values(), copy.values());
        assertArrayEquals(params.values(), copy.values());
        copy.values()[0] = 100;
        assertEquals(0, params.get(0));
    }

    @Test
    void copyFromOverwritesEveryEntry() {
        Parameters target = Parameters.zeros(ParameterLayout.of(3, 2, 1));
        target.copyFrom(params);
        assertArrayEquals(params.values(), target.values());
        params.values()[3] = -7;
        assertEquals(3, target.get(3));
    }

    @Test
    void copyFromRefusesAnotherShape() {
        Parameters other = Parameters.zeros(ParameterLayout.of(3, 3, 1));
        thrown(IllegalArgumentException.class, () -> params.copyFrom(other), "layouts differ", "W1 2×3", "W1 3×3");
        assertEquals(1, params.get(1));
    }

    @Test
    void firstNonFiniteNamesTheFirstBadEntryInFlatOrder() {
        assertNull(params.firstNonFinite());
        params.values()[9] = Double.POSITIVE_INFINITY;
        assertEquals("W2[0][1] = Infinity", params.firstNonFinite());
        params.values()[7] = Double.NaN;
        assertEquals("b1[1] = NaN", params.firstNonFinite());
        params.values()[0] = Double.NEGATIVE_INFINITY;
        assertEquals("W1[0][0] = -Infinity", params.firstNonFinite());
    }

    @Test
    void firstNonFiniteSeesTheLastEntry() {
        params.values()[10] = Double.NaN;
        assertEquals("b2[0] = NaN", params.firstNonFinite());
    }
}
