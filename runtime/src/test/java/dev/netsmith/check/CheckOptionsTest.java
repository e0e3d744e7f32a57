package dev.netsmith.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netsmith.Activation;
import dev.netsmith.Init;
import dev.netsmith.Loss;
import dev.netsmith.runtime.Architecture;
import dev.netsmith.runtime.Dropout;
import dev.netsmith.runtime.DropoutMask;
import java.util.List;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The options of a check: the course's defaults, copies on every change, and the reasons bad values are refused. */
class CheckOptionsTest {

    private static final CheckOptions DEFAULTS = CheckOptions.defaults();

    @Test
    void theDefaultsAreTheCourses() {
        assertEquals(1e-7, DEFAULTS.epsilon());
        assertEquals(1e-7, DEFAULTS.passBelow());
        assertEquals(1e-3, DEFAULTS.failAbove());
        assertEquals(CheckMode.FULL, DEFAULTS.mode());
        assertEquals(10, DEFAULTS.samplesPerTensor());
        assertEquals(42L, DEFAULTS.seed());
        assertEquals(Long.MAX_VALUE, DEFAULTS.budget());
        assertEquals(Runtime.getRuntime().availableProcessors(), DEFAULTS.threads());
        assertEquals(5, DEFAULTS.worstEntries());
        assertTrue(DEFAULTS.kinkHandling());
        assertEquals(Dropout.Mode.OFF, DEFAULTS.dropout().mode());
        assertEquals(8, DEFAULTS.activationSamples());
        assertSame(DEFAULTS, CheckOptions.defaults());
    }

    /** Each setter changes its own value only, in a copy; the options it was called on stay as they were. */
    @Test
    void everyChangeIsACopyThatKeepsTheOtherValues() {
        DropoutMask mask = mask();
        CheckOptions changed = DEFAULTS.withEpsilon(1e-6).withThresholds(1e-8, 1e-2).sampled(3).withSeed(7).withBudget(100)
                .withThreads(3).withWorstEntries(9).withKinkHandling(false).withFixedMask(mask).withActivationSamples(4);
        assertEquals(1e-6, changed.epsilon());
        assertEquals(1e-8, changed.passBelow());
        assertEquals(1e-2, changed.failAbove());
        assertEquals(CheckMode.SAMPLED, changed.mode());
        assertEquals(3, changed.samplesPerTensor());
        assertEquals(7L, changed.seed());
        assertEquals(100L, changed.budget());
        assertEquals(3, changed.threads());
        assertEquals(9, changed.worstEntries());
        assertFalse(changed.kinkHandling());
        assertEquals(Dropout.Mode.FIXED, changed.dropout().mode());
        assertSame(mask, changed.dropout().mask());
        assertEquals(4, changed.activationSamples());

        // and in the opposite order every value survives every later change
        CheckOptions reversed = DEFAULTS.withActivationSamples(4).withFixedMask(mask).withKinkHandling(false).withWorstEntries(9)
                .withThreads(3).withBudget(100).withSeed(7).sampled(3).withThresholds(1e-8, 1e-2).withEpsilon(1e-6);
        assertEquals(describe(changed), describe(reversed));

        assertEquals(describe(CheckOptions.defaults()), describe(DEFAULTS), "the defaults are unchanged");
    }

    @Test
    void modesKeepTheSampleSizeForLater() {
        CheckOptions sampled = DEFAULTS.sampled(4);
        assertEquals(CheckMode.SAMPLED, sampled.mode());
        CheckOptions full = sampled.full();
        assertEquals(CheckMode.FULL, full.mode());
        assertEquals(4, full.samplesPerTensor());
        CheckOptions directional = sampled.directional();
        assertEquals(CheckMode.DIRECTIONAL, directional.mode());
        assertEquals(4, directional.samplesPerTensor());
        assertEquals(1, DEFAULTS.sampled(1).samplesPerTensor());
        assertNotSame(DEFAULTS, DEFAULTS.full());
    }

    @Test
    void epsilonMustBeInZeroToOneHundredth() {
        assertEquals(1e-2, DEFAULTS.withEpsilon(1e-2).epsilon());
        assertEquals(Double.MIN_VALUE, DEFAULTS.withEpsilon(Double.MIN_VALUE).epsilon());
        for (double bad : new double[] {0, -1e-7, Math.nextUp(1e-2), Double.NaN, Double.POSITIVE_INFINITY}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DEFAULTS.withEpsilon(bad));
            assertEquals("epsilon must be in (0, 1e-2], was " + bad, e.getMessage());
        }
    }

    @Test
    void thresholdsMustBePositiveFiniteAndInOrder() {
        CheckOptions close = DEFAULTS.withThresholds(1e-9, Math.nextUp(1e-9));
        assertEquals(1e-9, close.passBelow());
        assertEquals(Math.nextUp(1e-9), close.failAbove());
        double[][] bad = {{0, 1e-3}, {1e-7, 0}, {-1e-7, 1e-3}, {1e-7, -1}, {Double.NaN, 1e-3}, {1e-7, Double.NaN},
                {Double.POSITIVE_INFINITY, 1e-3}, {1e-7, Double.POSITIVE_INFINITY}};
        for (double[] pair : bad) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DEFAULTS.withThresholds(pair[0], pair[1]));
            assertEquals("thresholds must be positive and finite, were " + pair[0] + " and " + pair[1], e.getMessage());
        }
        IllegalArgumentException equal = assertThrows(IllegalArgumentException.class, () -> DEFAULTS.withThresholds(1e-5, 1e-5));
        assertEquals("passBelow (1.0E-5) must be below failAbove (1.0E-5)", equal.getMessage());
        assertThrows(IllegalArgumentException.class, () -> DEFAULTS.withThresholds(1e-3, 1e-7));
    }

    @Test
    void countsHaveTheirMinimums() {
        assertEquals("sample at least one entry per tensor, was 0",
                assertThrows(IllegalArgumentException.class, () -> DEFAULTS.sampled(0)).getMessage());
        assertEquals("a budget must allow at least one central difference (2 evaluations), was 1",
                assertThrows(IllegalArgumentException.class, () -> DEFAULTS.withBudget(1)).getMessage());
        assertEquals(2L, DEFAULTS.withBudget(2).budget());
        assertEquals("threads must be at least 1, was 0",
                assertThrows(IllegalArgumentException.class, () -> DEFAULTS.withThreads(0)).getMessage());
        assertEquals(1, DEFAULTS.withThreads(1).threads());
        assertEquals("list at least one worst entry, was 0",
                assertThrows(IllegalArgumentException.class, () -> DEFAULTS.withWorstEntries(0)).getMessage());
        assertEquals(1, DEFAULTS.withWorstEntries(1).worstEntries());
        assertEquals("activation samples must be >= 0, was -1",
                assertThrows(IllegalArgumentException.class, () -> DEFAULTS.withActivationSamples(-1)).getMessage());
        assertEquals(0, DEFAULTS.withActivationSamples(0).activationSamples());
    }

    @Test
    void dropoutIsOffOrAFixedMaskNeverLive() {
        assertEquals("dropout is null; use Dropout.off()",
                assertThrows(IllegalArgumentException.class, () -> DEFAULTS.withDropout(null)).getMessage());
        String reason = assertThrows(IllegalArgumentException.class,
                () -> DEFAULTS.withDropout(Dropout.training(new Well19937c(1)))).getMessage();
        assertTrue(reason.startsWith("a gradient check cannot run with live random dropout"), reason);
        CheckOptions fixed = DEFAULTS.withFixedMask(mask());
        assertEquals(Dropout.Mode.OFF, fixed.withDropout(Dropout.off()).dropout().mode());
        assertEquals(Dropout.Mode.FIXED, fixed.dropout().mode());
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, 1e-8, 9.999e-8})
    void differencesBelowPassBelowPass(double difference) {
        assertEquals(Verdict.PASS, DEFAULTS.verdictOf(difference));
    }

    @ParameterizedTest
    @ValueSource(doubles = {1e-7, 1e-5, 1e-3})
    void differencesFromPassBelowToFailAboveWarn(double difference) {
        assertEquals(Verdict.WARN, DEFAULTS.verdictOf(difference));
    }

    @ParameterizedTest
    @ValueSource(doubles = {1.0001e-3, 1, Double.POSITIVE_INFINITY, Double.NaN})
    void differencesAboveFailAboveAndNaNFail(double difference) {
        assertEquals(Verdict.FAIL, DEFAULTS.verdictOf(difference));
    }

    @Test
    void verdictsUseTheOptionsThresholds() {
        CheckOptions loose = DEFAULTS.withThresholds(1e-4, 1e-1);
        assertEquals(Verdict.PASS, loose.verdictOf(5e-5));
        assertEquals(Verdict.WARN, loose.verdictOf(5e-2));
        assertEquals(Verdict.FAIL, loose.verdictOf(0.2));
    }

    @Test
    void theWorseOfTwoVerdicts() {
        for (Verdict a : Verdict.values()) {
            for (Verdict b : Verdict.values()) {
                Verdict expected = a.ordinal() >= b.ordinal() ? a : b;
                assertEquals(expected, a.worst(b), a + " and " + b);
            }
        }
        assertEquals(List.of(Verdict.PASS, Verdict.WARN, Verdict.FAIL), List.of(Verdict.values()));
    }

    private static DropoutMask mask() {
        Architecture arch = new Architecture("m", 3, List.of(new Architecture.Layer(4, Activation.TANH, 0.5, null),
                Architecture.Layer.of(1, Activation.SIGMOID)), Loss.BINARY_CROSS_ENTROPY, 0, Init.AUTO);
        return DropoutMask.sample(arch, Dropout.training(new Well19937c(2)), 5, new Well19937c(3));
    }

    private static String describe(CheckOptions o) {
        return o.epsilon() + " " + o.passBelow() + " " + o.failAbove() + " " + o.mode() + " " + o.samplesPerTensor() + " " + o.seed()
                + " " + o.budget() + " " + o.threads() + " " + o.worstEntries() + " " + o.kinkHandling() + " " + o.dropout().mode()
                + " " + o.activationSamples();
    }
}
