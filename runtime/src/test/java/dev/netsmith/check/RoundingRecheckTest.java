package dev.netsmith.check;

import static dev.netsmith.check.GradientCheckerTest.BATCH;
import static dev.netsmith.check.GradientCheckerTest.LAYOUT;
import static dev.netsmith.check.GradientCheckerTest.NET;
import static dev.netsmith.check.GradientCheckerTest.PARAMS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netsmith.runtime.Dropout;
import dev.netsmith.runtime.ParameterLayout.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The recheck of a WARN at larger ε, on the hand-written network's W1 (30 entries, whose gradient is right):
 * whatever difference the WARN had, the estimates at larger ε are measured again and decide.
 */
class RoundingRecheckTest {

    private static final BasePass BASE = new BasePass(NET, PARAMS, BATCH, Dropout.off());
    private static final Tensor W1 = LAYOUT.weights(1);
    private static final int[] W1_ENTRIES = IntStream.range(W1.offset(), W1.end()).toArray();

    private static TensorResult result(Verdict verdict, double difference) {
        return new TensorResult(W1, W1.size(), 0, difference, verdict, 1, 1, 0, 0, null, Double.NaN, false, Double.NaN, null);
    }

    /** The W1 entries at ε, and the recheck of a W1 result with them; returns the evaluations it spent. */
    private static long recheck(CheckOptions options, List<TensorResult> tensors) {
        List<EntryResult> entries = Arrays.asList(new EntryEvaluator(BASE, options, 0).evaluate(W1_ENTRIES));
        return RoundingRecheck.recheck(BASE, options, tensors, Map.of("dW1", entries));
    }

    /** The course's difference of W1's entries estimated with ε. */
    private static double differenceAt(double epsilon) {
        double diff = 0;
        double analytic = 0;
        double numeric = 0;
        for (EntryResult e : new EntryEvaluator(BASE, CheckOptions.defaults().withEpsilon(epsilon), 10 * BASE.noise(epsilon))
                .evaluate(W1_ENTRIES)) {
            diff += (e.analytic() - e.numeric()) * (e.analytic() - e.numeric());
            analytic += e.analytic() * e.analytic();
            numeric += e.numeric() * e.numeric();
        }
        return TensorSummaries.relative(diff, analytic, numeric);
    }

    @Test
    void aWarnThatFallsBelowPassBelowAtTenTimesEpsilonIsNoise() {
        List<TensorResult> tensors = new ArrayList<>(List.of(result(Verdict.WARN, 1e-5)));
        assertEquals(60, recheck(CheckOptions.defaults(), tensors), "W1's 30 entries once more");
        double at1e6 = differenceAt(1e-6);
        assertTrue(at1e6 < 1e-7, "the gradient is right: " + at1e6);
        TensorResult rechecked = tensors.get(0);
        assertEquals(Verdict.PASS, rechecked.verdict());
        assertTrue(rechecked.withinNoise());
        assertEquals(at1e6, rechecked.widerDifference());
        assertEquals(1e-5, rechecked.difference(), "the difference at ε itself is kept");
        assertEquals(String.format(Locale.ROOT, "1.00e-05 at ε = 1e-07, %.2e at 1e-06", at1e6), rechecked.recheck());
    }

    /**
     * From ε = 1e-13 rounding noise dominates every estimate, and falls tenfold with each tenfold ε; with
     * passBelow at 1e-15 the sweep goes through all three larger ε and keeps the WARN, with the smallest.
     */
    @Test
    void theSweepGoesOnWhileTheDifferenceFallsAsRoundingNoiseDoes() {
        CheckOptions options = CheckOptions.defaults().withEpsilon(1e-13).withThresholds(1e-15, 1e-3);
        List<TensorResult> tensors = new ArrayList<>(List.of(result(Verdict.WARN, 1e-2)));
        assertEquals(3 * 60, recheck(options, tensors));
        double[] measured = {differenceAt(1e-12), differenceAt(1e-11), differenceAt(1e-10)};
        assertTrue(measured[1] < measured[0] / 2 && measured[2] < measured[1] / 2, Arrays.toString(measured));
        TensorResult rechecked = tensors.get(0);
        assertEquals(Verdict.WARN, rechecked.verdict());
        assertFalse(rechecked.withinNoise());
        assertEquals(measured[2], rechecked.widerDifference());
        assertEquals(String.format(Locale.ROOT, "1.00e-02 at ε = 1e-13, %.2e at 1e-12, %.2e at 1e-11, %.2e at 1e-10", measured[0],
                measured[1], measured[2]), rechecked.recheck());
    }

    /** ε never goes above 1e-2: from 1e-3 one step, from 1e-2 none. */
    @Test
    void epsilonStaysAtMostOneHundredth() {
        List<TensorResult> tensors = new ArrayList<>(List.of(result(Verdict.WARN, 1e-5)));
        assertEquals(60, recheck(CheckOptions.defaults().withEpsilon(1e-3), tensors));
        assertTrue(tensors.get(0).recheck().matches("1\\.00e-05 at ε = 1e-03, \\S+ at 1e-02"), tensors.get(0).recheck());

        tensors = new ArrayList<>(List.of(result(Verdict.WARN, 1e-5)));
        assertEquals(0, recheck(CheckOptions.defaults().withEpsilon(1e-2), tensors));
        TensorResult unchanged = tensors.get(0);
        assertEquals(Verdict.WARN, unchanged.verdict());
        assertEquals(1e-5, unchanged.widerDifference());
        assertEquals("1.00e-05 at ε = 1e-02", unchanged.recheck());
    }

    @Test
    void onlyWarningsWithConclusiveEntriesAreRechecked() {
        for (Verdict verdict : new Verdict[] {Verdict.PASS, Verdict.FAIL}) {
            TensorResult result = result(verdict, 1e-5);
            List<TensorResult> tensors = new ArrayList<>(List.of(result));
            assertEquals(0, recheck(CheckOptions.defaults(), tensors));
            assertSame(result, tensors.get(0));
        }
        TensorResult warn = result(Verdict.WARN, 1e-5);
        List<TensorResult> tensors = new ArrayList<>(List.of(warn));
        List<EntryResult> kinked = List.of(new EntryResult(0, "dW1[0][0]", 0, 1, 2, 0, 0, 1, "Z1[0][0] is 1.0E-9 at θ+ε and -1.0E-9 at θ−ε"));
        assertEquals(0, RoundingRecheck.recheck(BASE, CheckOptions.defaults(), tensors, Map.of("dW1", kinked)));
        assertSame(warn, tensors.get(0), "nothing conclusive to measure again");
    }
}
