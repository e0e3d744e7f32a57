package dev.netsmith.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netsmith.io.Json;
import dev.netsmith.runtime.ParameterLayout;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A report as a table and as JSON, field by field, from a report made by hand. */
class ReportFormatTest {

    /** [3, 2, 2]: W1 2×3, b1 2×1, W2 2×2, b2 2×1. */
    private static final ParameterLayout LAYOUT = ParameterLayout.of(3, 2, 2);

    static final EntryResult WORST = new EntryResult(2, "dW1[0][2]", -0.065278, -5.7443e-3, 8.0876e-3, 1.13512486622, 1.13512486461,
            1.0, null);
    static final EntryResult SECOND = new EntryResult(0, "dW1[0][0]", 0.5, 0.25, 0.125, 2.0, 1.5, 1.0 / 3, null);

    static GradientCheckReport report(int threads, List<ActivationCheck> activations) {
        List<TensorResult> tensors = List.of(
                new TensorResult(LAYOUT.weights(1), 6, 2, 0.283, Verdict.FAIL, 0.48307, 0.2897, 0.01, 0.93836, WORST, Double.NaN,
                        false, Double.NaN, null),
                new TensorResult(LAYOUT.biases(1), 0, 0, 3e-9, Verdict.PASS, 0, 0, 0, 0, null, 3e-9, false, Double.NaN, null),
                new TensorResult(LAYOUT.weights(2), 0, 0, 0, null, 0, 0, 0, 0, null, Double.NaN, false, Double.NaN, null),
                new TensorResult(LAYOUT.biases(2), 1, 0, 2e-6, Verdict.PASS, 1e-9, 1.5e-9, 0, 2e-6, SECOND, Double.NaN, true, 4e-8,
                        "2.00e-06 at ε = 1e-07, 4.00e-08 at 1e-06"));
        return new GradientCheckReport("demo.Net: 3 → 2 tanh → 2 softmax, softmax_cross_entropy", CheckMode.SAMPLED, 1e-7, 1e-7, 1e-3,
                Verdict.FAIL, 0.2771, tensors, List.of(WORST, SECOND), activations,
                new Diagnosis("all large errors are in dW1: check it", 1, List.of("dW1")), List.of("first note", "second note"),
                7, 16, 2, 1234, false, 3.5e-9, threads, Duration.ofMillis(107));
    }

    @Test
    void theTable() {
        String text = report(1, List.of(new ActivationCheck(1, 8, 0.33, Verdict.FAIL))).toString();
        String expected = """
                Gradient check of demo.Net: 3 → 2 tanh → 2 softmax, softmax_cross_entropy
                FAIL  difference 2.77e-01  (pass < 1e-07, fail > 1e-03, ε = 1e-07)
                sampled check: 7 of 16 parameters entry by entry, 1,234 cost evaluations, 0.107 s, 1 thread

                tensor  shape      checked         difference  verdict       ‖g‖        ‖ĝ‖        max error  worst entry
                dW1     2×3        6/6 (2k)        2.83e-01    FAIL          4.8307e-01 2.8970e-01 9.3836e-01 dW1[0][2]
                db1     2×1        direction       3.00e-09    PASS                                          \s
                dW2     2×2        0/4             —           not run                                       \s
                db2     2×1        1/2             2.00e-06    PASS (noise)  1.0000e-09 1.5000e-09 2.0000e-06 dW1[0][0]

                Worst entries:
                  entry          analytic       numeric        J(θ+ε)             J(θ−ε)             θ             error
                  dW1[0][2]      -5.7443e-03    8.0876e-03     1.13512486622      1.13512486461      -6.5278e-02   1.00e+00
                  dW1[0][0]      2.5000e-01     1.2500e-01     2.00000000000      1.50000000000      5.0000e-01    3.33e-01

                dJ/dA numerically vs backprop's dA:  dA1 3.3e-01 FAIL (8 entries)

                Diagnosis: all large errors are in dW1: check it
                Note: first note
                Note: second note
                """;
        assertEquals(expected, text);
    }

    @Test
    void threadsInThePluralAndNoActivationLineWhenNoneRan() {
        String text = report(2, List.of()).toString();
        assertTrue(text.contains(", 0.107 s, 2 threads\n"), text);
        assertFalse(text.contains("dJ/dA"), text);
        assertTrue(text.contains("3.33e-01\n\nDiagnosis: "), text);
    }

    @Test
    void noWorstEntriesNoWorstEntriesTable() {
        GradientCheckReport full = report(1, List.of());
        GradientCheckReport none = new GradientCheckReport(full.network(), CheckMode.DIRECTIONAL, 1e-7, 1e-7, 1e-3, Verdict.PASS, 1e-9,
                full.tensors(), List.of(), List.of(), full.diagnosis(), List.of(), 0, 16, 0, 8, true, 1e-9, 1, Duration.ZERO);
        String text = none.toString();
        assertFalse(text.contains("Worst entries"), text);
        assertTrue(text.startsWith("Gradient check of demo.Net: 3 → 2 tanh → 2 softmax, softmax_cross_entropy\nPASS  difference 1.00e-09"),
                text);
        assertTrue(text.contains("directional check: 0 of 16 parameters"), text);
        assertFalse(text.contains("Note:"), text);
    }

    @Test
    void theJson() {
        GradientCheckReport report = report(2, List.of(new ActivationCheck(1, 8, 0.33, Verdict.FAIL)));
        @SuppressWarnings("unchecked")
        Map<String, Object> json = (Map<String, Object>) Json.parse(report.toJson());
        assertEquals(List.of("network", "verdict", "difference", "mode", "epsilon", "passBelow", "failAbove", "checkedEntries",
                "totalEntries", "inconclusive", "costEvaluations", "complete", "noise", "threads", "seconds", "tensors", "worst",
                "activationChecks", "diagnosis", "notes"), new ArrayList<>(json.keySet()));
        assertEquals("demo.Net: 3 → 2 tanh → 2 softmax, softmax_cross_entropy", json.get("network"));
        assertEquals("FAIL", json.get("verdict"));
        assertEquals(0.2771, json.get("difference"));
        assertEquals("SAMPLED", json.get("mode"));
        assertEquals(1e-7, json.get("epsilon"));
        assertEquals(1e-7, json.get("passBelow"));
        assertEquals(1e-3, json.get("failAbove"));
        assertEquals(7L, json.get("checkedEntries"));
        assertEquals(16L, json.get("totalEntries"));
        assertEquals(2L, json.get("inconclusive"));
        assertEquals(1234L, json.get("costEvaluations"));
        assertEquals(false, json.get("complete"));
        assertEquals(3.5e-9, json.get("noise"));
        assertEquals(2L, json.get("threads"));
        assertEquals(0.107, json.get("seconds"));

        List<?> tensors = (List<?>) json.get("tensors");
        assertEquals(4, tensors.size());
        Map<?, ?> w1 = (Map<?, ?>) tensors.get(0);
        assertEquals(List.of("name", "rows", "cols", "checked", "inconclusive", "difference", "verdict", "withinNoise", "widerDifference",
                "analyticNorm", "numericNorm", "l2Norm", "maxError", "directional", "worst"), new ArrayList<>(w1.keySet()));
        assertEquals("dW1", w1.get("name"));
        assertEquals(2L, w1.get("rows"));
        assertEquals(3L, w1.get("cols"));
        assertEquals(6L, w1.get("checked"));
        assertEquals(2L, w1.get("inconclusive"));
        assertEquals(0.283, w1.get("difference"));
        assertEquals("FAIL", w1.get("verdict"));
        assertEquals(false, w1.get("withinNoise"));
        assertNull(w1.get("widerDifference"));
        assertEquals(0.48307, w1.get("analyticNorm"));
        assertEquals(0.2897, w1.get("numericNorm"));
        assertEquals(0.01, w1.get("l2Norm"));
        assertEquals(0.93836, w1.get("maxError"));
        assertNull(w1.get("directional"));
        assertEquals("dW1[0][2]", w1.get("worst"));
        Map<?, ?> b1 = (Map<?, ?>) tensors.get(1);
        assertEquals(3e-9, b1.get("directional"));
        assertNull(b1.get("worst"));
        Map<?, ?> w2 = (Map<?, ?>) tensors.get(2);
        assertTrue(w2.containsKey("difference"));
        assertNull(w2.get("difference"), "not covered: no difference");
        assertNull(w2.get("verdict"));
        Map<?, ?> b2 = (Map<?, ?>) tensors.get(3);
        assertEquals(true, b2.get("withinNoise"));
        assertEquals(4e-8, b2.get("widerDifference"));
        assertEquals("PASS", b2.get("verdict"));

        List<?> worst = (List<?>) json.get("worst");
        assertEquals(2, worst.size());
        Map<?, ?> first = (Map<?, ?>) worst.get(0);
        assertEquals(List.of("name", "index", "value", "analytic", "numeric", "costPlus", "costMinus", "error", "kink"),
                new ArrayList<>(first.keySet()));
        assertEquals("dW1[0][2]", first.get("name"));
        assertEquals(2L, first.get("index"));
        assertEquals(-0.065278, first.get("value"));
        assertEquals(-5.7443e-3, first.get("analytic"));
        assertEquals(8.0876e-3, first.get("numeric"));
        assertEquals(1.13512486622, first.get("costPlus"));
        assertEquals(1.13512486461, first.get("costMinus"));
        assertEquals(1.0, first.get("error"));
        assertNull(first.get("kink"));

        Map<?, ?> da1 = (Map<?, ?>) ((List<?>) json.get("activationChecks")).get(0);
        assertEquals(Map.of("name", "dA1", "checked", 8L, "difference", 0.33, "verdict", "FAIL"), da1);
        assertEquals(Map.of("summary", "all large errors are in dW1: check it", "layer", 1L, "tensors", List.of("dW1")),
                json.get("diagnosis"));
        assertEquals(List.of("first note", "second note"), json.get("notes"));
    }

    @Test
    void aKinkIsInTheJson() {
        EntryResult kinked = new EntryResult(4, "db1[0]", 0.1, 1, 2, 1, 1, 0.3, "Z1[0][3] is 1.0E-9 at θ+ε and -1.0E-9 at θ−ε");
        GradientCheckReport base = report(1, List.of());
        GradientCheckReport report = new GradientCheckReport(base.network(), base.mode(), 1e-7, 1e-7, 1e-3, Verdict.PASS, 0,
                base.tensors(), List.of(kinked), List.of(), base.diagnosis(), List.of(), 1, 16, 1, 2, true, 0, 1, Duration.ZERO);
        @SuppressWarnings("unchecked")
        Map<String, Object> json = (Map<String, Object>) Json.parse(report.toJson());
        assertEquals("Z1[0][3] is 1.0E-9 at θ+ε and -1.0E-9 at θ−ε", ((Map<?, ?>) ((List<?>) json.get("worst")).get(0)).get("kink"));
        assertTrue(kinked.inconclusive());
        assertFalse(WORST.inconclusive());
    }

    @Test
    void theReportsAccessors() {
        List<TensorResult> tensors = new ArrayList<>(report(1, List.of()).tensors());
        List<String> notes = new ArrayList<>(List.of("a note"));
        GradientCheckReport report = new GradientCheckReport("n", CheckMode.FULL, 1e-7, 1e-7, 1e-3, Verdict.PASS, 0, tensors,
                new ArrayList<>(List.of(WORST)), new ArrayList<>(), new Diagnosis("fine", 0, new ArrayList<>()), notes, 0, 16, 0, 0,
                true, 0, 1, Duration.ZERO);
        tensors.clear();
        notes.clear();
        assertEquals(4, report.tensors().size(), "the report keeps its own copies");
        assertEquals(List.of("a note"), report.notes());
        assertThrows(UnsupportedOperationException.class, () -> report.worst().clear());
        assertThrows(UnsupportedOperationException.class, () -> report.activationChecks().clear());
        assertThrows(UnsupportedOperationException.class, () -> report.diagnosis().tensors().clear());
        assertTrue(report.passed());
        assertFalse(report(1, List.of()).passed());
        assertSame(report.tensors().get(3), report.tensor("db2"));
        assertEquals("dW2", report.tensor("dW2").name());
        assertEquals("no tensor dW3", assertThrows(IllegalArgumentException.class, () -> report.tensor("dW3")).getMessage());
        assertEquals("dA2", new ActivationCheck(2, 1, 0, Verdict.PASS).name());
    }

    @Test
    void warnIsNotAPass() {
        GradientCheckReport base = report(1, List.of());
        GradientCheckReport warn = new GradientCheckReport(base.network(), base.mode(), 1e-7, 1e-7, 1e-3, Verdict.WARN, 1e-5,
                base.tensors(), List.of(), List.of(), base.diagnosis(), List.of(), 0, 16, 0, 0, true, 0, 1, Duration.ZERO);
        assertFalse(warn.passed());
        AssertionError error = assertThrows(AssertionError.class, () -> GradientAssertions.assertPassed(warn));
        assertTrue(error.getMessage().startsWith("gradient check WARN\nGradient check of demo.Net"), error.getMessage());
        assertSame(warn, ((GradientAssertions.GradientCheckFailure) error).report());
        GradientCheckReport pass = new GradientCheckReport(base.network(), base.mode(), 1e-7, 1e-7, 1e-3, Verdict.PASS, 1e-9,
                base.tensors(), List.of(), List.of(), base.diagnosis(), List.of(), 0, 16, 0, 0, true, 0, 1, Duration.ZERO);
        assertSame(pass, GradientAssertions.assertPassed(pass));
    }
}
