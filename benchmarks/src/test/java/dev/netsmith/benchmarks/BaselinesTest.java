package dev.netsmith.benchmarks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The baselines compute what the generated code computes: the same outputs, cost, gradient and updated
 * parameters from the same start on the same batch. (Correctness only; nothing here is timed.)
 */
class BaselinesTest {

    @ParameterizedTest
    @EnumSource(Shape.class)
    void flatBaselineMatchesGeneratedCode(Shape shape) {
        compare(shape, "flat");
    }

    @ParameterizedTest
    @EnumSource(Shape.class)
    void commonsMathBaselineMatchesGeneratedCode(Shape shape) {
        compare(shape, "commons");
    }

    private static void compare(Shape shape, String baseline) {
        Implementation generated = TrainingStepBenchmark.create(shape, "generated");
        Implementation other = TrainingStepBenchmark.create(shape, baseline);
        assertArrayEquals(generated.parameters(), other.parameters(), 0.0, "same start");

        double expectedCost = generated.costAndGradient();
        double cost = other.costAndGradient();
        assertEquals(expectedCost, cost, 1e-12 * Math.abs(expectedCost), "cost");
        double[][] expectedOut = generated.output();
        double[][] out = other.output();
        for (int i = 0; i < expectedOut.length; i++) {
            assertArrayEquals(expectedOut[i], out[i], 1e-12, "output row " + i);
        }
        assertClose(generated.gradient(), other.gradient(), "gradient");

        generated.update(TrainingStepBenchmark.RATE);
        other.update(TrainingStepBenchmark.RATE);
        assertClose(generated.parameters(), other.parameters(), "parameters after one SGD step");

        // the forward pass alone gives the outputs of the updated parameters on both sides
        generated.forward();
        other.forward();
        double[][] expectedNext = generated.output();
        double[][] next = other.output();
        for (int i = 0; i < expectedNext.length; i++) {
            assertArrayEquals(expectedNext[i], next[i], 1e-12, "output row " + i + " after the step");
        }
    }

    /** ‖u − v‖ / ‖u‖ below 1e-10: the same sums in a different order. */
    private static void assertClose(double[] expected, double[] actual, String what) {
        assertEquals(expected.length, actual.length, what + " length");
        double diff = 0;
        double norm = 0;
        for (int p = 0; p < expected.length; p++) {
            diff += (expected[p] - actual[p]) * (expected[p] - actual[p]);
            norm += expected[p] * expected[p];
        }
        assertTrue(norm > 0, what + " is zero");
        double relative = Math.sqrt(diff / norm);
        assertTrue(relative < 1e-10, what + ": relative difference " + relative);
    }
}
