package dev.netsmith.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netsmith.Activation;
import dev.netsmith.Init;
import dev.netsmith.Loss;
import dev.netsmith.runtime.Architecture;
import dev.netsmith.runtime.ParameterLayout;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The diagnosis sentence for each pattern of errors: the L2 term, a constant factor, one tensor, a layer whose
 * backward step is wrong (told apart by the numerical dA), the output derivative, and no pattern at all. The
 * gradients are made up entry by entry, so each pattern is exact.
 */
class DiagnosticianTest {

    private static final int M = 10;
    private static final double LAMBDA = 0.3;

    /** 4 → 5 tanh (keep 0.5) → 3 tanh → 2 softmax, λ = 0.3: W1 5×4, b1, W2 3×5, b2, W3 2×3, b3. */
    private static final Architecture NET = new Architecture("demo.Net", 4, List.of(
            new Architecture.Layer(5, Activation.TANH, 0.5, null), Architecture.Layer.of(3, Activation.TANH),
            Architecture.Layer.of(2, Activation.SOFTMAX)), Loss.SOFTMAX_CROSS_ENTROPY, LAMBDA, Init.AUTO);

    /** Backprop's value for an entry, from the numerical one, θ and the flat index. */
    interface Bug {
        double analytic(double numeric, double theta, int p);
    }

    /** Errors with no pattern: a different additive error on every entry. */
    static final Bug RANDOM = (numeric, theta, p) -> numeric + 0.05 * Math.cos(7.1 * p + 1);

    private final Map<String, Bug> bugs = new HashMap<>();
    private final List<ActivationCheck> activations = new ArrayList<>();
    private Architecture architecture = NET;
    private boolean fixedMask;

    private DiagnosticianTest bug(Bug bug, String... tensors) {
        for (String t : tensors) {
            bugs.put(t, bug);
        }
        return this;
    }

    private DiagnosticianTest activation(int layer, int checked, double difference) {
        activations.add(new ActivationCheck(layer, checked, difference, CheckOptions.defaults().verdictOf(difference)));
        return this;
    }

    private Diagnosis diagnose() {
        ParameterLayout layout = ParameterLayout.of(architecture.sizes());
        SplittableRandom random = new SplittableRandom(5);
        double[] theta = new double[layout.size()];
        List<EntryResult> entries = new ArrayList<>();
        for (int p = 0; p < theta.length; p++) {
            theta[p] = random.nextDouble(-1, 1);
            double numeric = random.nextDouble(-0.01, 0.01);
            Bug bug = bugs.get("d" + layout.tensorAt(p).name());
            double analytic = bug == null ? numeric : bug.analytic(numeric, theta[p], p);
            entries.add(new EntryResult(p, "d" + layout.nameOf(p), theta[p], analytic, numeric, 1, 1,
                    EntryResult.symmetricError(analytic, numeric, 0), null));
        }
        Map<String, List<EntryResult>> byTensor = TensorSummaries.byTensor(layout, entries);
        List<TensorResult> tensors = TensorSummaries.summarise(layout, byTensor, Map.of(), CheckOptions.defaults(),
                architecture.l2(), M, 0);
        return new Diagnostician(architecture, theta, M, fixedMask).diagnose(tensors, byTensor, activations);
    }

    private static void assertDiagnosis(Diagnosis d, int layer, List<String> tensors, String summary) {
        assertEquals(summary, d.summary());
        assertEquals(layer, d.layer(), d.summary());
        assertEquals(tensors, d.tensors(), d.summary());
    }

    @Test
    void aPassingCheckHasNothingToDiagnose() {
        assertDiagnosis(diagnose(), 0, List.of(), "analytic and numerical gradients agree in every tensor checked");
    }

    @Test
    void aTensorThatDisagreesOnlyAlongItsDirectionIsNamedNotCalledCorrect() {
        ParameterLayout layout = ParameterLayout.of(NET.sizes());
        ParameterLayout.Tensor w2 = layout.tensor("W2");
        // a directional FAIL whose drill-down never ran: no entry checked
        TensorResult failed = new TensorResult(w2, 0, 0, 0.4, Verdict.FAIL, 1, 1, 0, 0, null, 0.4, false, Double.NaN, null);
        Diagnosis d = new Diagnostician(NET, new double[layout.size()], M, false).diagnose(List.of(failed), Map.of(), List.of());
        assertDiagnosis(d, 2, List.of("dW2"), "dW2 disagree along a random direction, but no entry of them was estimated "
                + "conclusively (the budget ran out first, or every entry checked sat at a ReLU kink): check them entry by "
                + "entry, with a larger budget, to see where");
    }

    @Test
    void weightsWithoutTheirL2Term() {
        bug((numeric, theta, p) -> numeric - LAMBDA / M * theta, "dW1", "dW2", "dW3");
        assertDiagnosis(diagnose(), 0, List.of("dW1", "dW2", "dW3"), "dW1, dW2, dW3 lack the L2 term: their errors are exactly "
                + "−(λ/m)·W, so the data loss's gradient is right; add (λ/m)·W[l] to dW[l]");
    }

    @Test
    void oneWeightTensorWithoutItsL2TermNamesItsLayer() {
        bug((numeric, theta, p) -> numeric - LAMBDA / M * theta, "dW2");
        Diagnosis d = diagnose();
        assertEquals(2, d.layer());
        assertTrue(d.summary().startsWith("dW2 lack the L2 term"), d.summary());
    }

    @Test
    void biasesWithAnL2Term() {
        bug((numeric, theta, p) -> numeric + LAMBDA / M * theta, "db1", "db2", "db3");
        assertDiagnosis(diagnose(), 0, List.of("db1", "db2", "db3"), "db1, db2, db3 carry an L2 term: their errors are exactly "
                + "+(λ/m)·b, but biases are not regularised; remove (λ/m)·b[l] from db[l]");
    }

    @Test
    void anL2TermOfTheWrongSize() {
        bug((numeric, theta, p) -> numeric + 2 * LAMBDA / M * theta, "dW1", "dW3");
        assertDiagnosis(diagnose(), 0, List.of("dW1", "dW3"), "the errors in dW1, dW3 are 2.00·(λ/m)·θ: the L2 gradient term is "
                + "wrong (the data loss's gradient is right); check the data loss and the L2 term separately");
        bugs.clear();
        // −(λ/m)·θ on biases, +(λ/m)·θ on weights: the factor is named, not a missing or extra term
        bug((numeric, theta, p) -> numeric - LAMBDA / M * theta, "db2");
        assertTrue(diagnose().summary().startsWith("the errors in db2 are -1.00·(λ/m)·θ"), diagnose().summary());
        bugs.clear();
        bug((numeric, theta, p) -> numeric + LAMBDA / M * theta, "dW2");
        assertTrue(diagnose().summary().startsWith("the errors in dW2 are 1.00·(λ/m)·θ"), diagnose().summary());
    }

    @Test
    void l2FactorsThatDisagreeBetweenTensorsAreNoL2Pattern() {
        bug((numeric, theta, p) -> numeric - LAMBDA / M * theta, "dW1");
        bug((numeric, theta, p) -> numeric - 1.2 * LAMBDA / M * theta, "dW2");
        assertFalse(diagnose().summary().contains("L2"), diagnose().summary());
        // within 5% of each other they are one pattern
        bugs.clear();
        bug((numeric, theta, p) -> numeric - LAMBDA / M * theta, "dW1");
        bug((numeric, theta, p) -> numeric - 1.04 * LAMBDA / M * theta, "dW2");
        assertTrue(diagnose().summary().startsWith("dW1, dW2 lack the L2 term"), diagnose().summary());
        // 5% of the factor, not 5% absolute: 3 and 3.12 are one pattern
        bugs.clear();
        bug((numeric, theta, p) -> numeric + 3 * LAMBDA / M * theta, "dW1");
        bug((numeric, theta, p) -> numeric + 3.12 * LAMBDA / M * theta, "dW2");
        assertTrue(diagnose().summary().startsWith("the errors in dW1, dW2 are 3.12·(λ/m)·θ"), diagnose().summary());
    }

    /** 1% of the factor: 10 and 10.05 are one constant factor, 10 and 10.2 are not. */
    @Test
    void factorsOfSeveralTensorsAgreeWithinOnePercent() {
        bug((numeric, theta, p) -> M * numeric, "dW2");
        bug((numeric, theta, p) -> 1.005 * M * numeric, "db2");
        assertTrue(diagnose().summary().startsWith("dW2, db2 is m = 10 times too large"), diagnose().summary());
        bugs.clear();
        bug((numeric, theta, p) -> M * numeric, "dW2");
        bug((numeric, theta, p) -> 1.02 * M * numeric, "db2");
        assertFalse(diagnose().summary().contains("times"), diagnose().summary());
    }

    @Test
    void aResidualFarSmallerThanTheL2TermIsNotTheL2Term() {
        bug((numeric, theta, p) -> numeric + 0.4 * LAMBDA / M * theta, "dW1");
        Diagnosis d = diagnose();
        assertFalse(d.summary().contains("(λ/m)·θ"), d.summary());
        assertTrue(d.summary().startsWith("all large errors are in dW1"), d.summary());
    }

    @Test
    void withoutL2TheL2PatternIsNeverNamed() {
        architecture = new Architecture("demo.Net", 4, NET.layers(), Loss.SOFTMAX_CROSS_ENTROPY, 0, Init.AUTO);
        bug((numeric, theta, p) -> numeric - LAMBDA / M * theta, "dW1", "dW2", "dW3");
        assertFalse(diagnose().summary().contains("L2"), diagnose().summary());
    }

    @Test
    void aMissingOneOverM() {
        bug((numeric, theta, p) -> M * numeric, "db2");
        assertDiagnosis(diagnose(), 2, List.of("db2"),
                "db2 is m = 10 times too large: the 1/m is missing from how it is computed for layer 2");
        bugs.clear();
        bug((numeric, theta, p) -> M * numeric, "dW1", "db3");
        assertDiagnosis(diagnose(), 0, List.of("dW1", "db3"), "dW1, db3 is m = 10 times too large: the 1/m is missing from how it is computed");
    }

    @Test
    void oneOverMAppliedTwice() {
        bug((numeric, theta, p) -> numeric / M, "dW3", "db3");
        assertDiagnosis(diagnose(), 3, List.of("dW3", "db3"), "dW3, db3 is m = 10 times too small: 1/m is applied twice for layer 3");
    }

    @Test
    void anotherConstantFactor() {
        bug((numeric, theta, p) -> 1.7 * numeric, "dW1", "db1");
        assertDiagnosis(diagnose(), 1, List.of("dW1", "db1"),
                "dW1, db1 is 1.700 times the numerical gradient: a constant factor is wrong for layer 1");
        bugs.clear();
        bug((numeric, theta, p) -> 1.7 * numeric, "dW1");
        bug((numeric, theta, p) -> 1.8 * numeric, "db1");
        assertFalse(diagnose().summary().contains("times the numerical gradient"), "two factors are no constant factor");
    }

    @Test
    void factorsCloseToMOrToOneOverMStillNameIt() {
        bug((numeric, theta, p) -> 1.005 * M * numeric, "db1");
        assertTrue(diagnose().summary().startsWith("db1 is m = 10 times too large"), diagnose().summary());
        bugs.clear();
        bug((numeric, theta, p) -> 1.02 * M * numeric, "db1");
        assertTrue(diagnose().summary().startsWith("db1 is 10.20 times the numerical gradient"), diagnose().summary());
        bugs.clear();
        bug((numeric, theta, p) -> 0.995 * numeric / M, "db1");
        assertTrue(diagnose().summary().startsWith("db1 is m = 10 times too small"), diagnose().summary());
        bugs.clear();
        bug((numeric, theta, p) -> 1.02 * numeric / M, "db1");
        assertTrue(diagnose().summary().startsWith("db1 is 0.1020 times"), diagnose().summary());
    }

    @Test
    void errorsInOneBiasTensor() {
        bug(RANDOM, "db1");
        assertDiagnosis(diagnose(), 1, List.of("db1"),
                "all large errors are in db1: check how dJ/db is computed for layer 1 (db = (1/m)·Σ_j dZ1)");
    }

    @Test
    void errorsInOneWeightTensor() {
        bug(RANDOM, "dW3");
        assertDiagnosis(diagnose(), 3, List.of("dW3"),
                "all large errors are in dW3: check how dJ/dW is computed for layer 3 (dW = (1/m)·dZ3·A2ᵀ + (λ/m)·W3)");
    }

    @Test
    void aLayerWhoseDerivativeIsWrongWhileItsDaIsRight() {
        bug(RANDOM, "dW1", "db1", "dW2", "db2").activation(1, 8, 0.3).activation(2, 8, 4.6e-10);
        assertDiagnosis(diagnose(), 2, List.of("dW1", "db1", "dW2", "db2"), "layer 2's backward is wrong and the error flows down "
                + "into every layer below it: backprop's dA2 agrees with the numerical dJ/dA2 (4.6e-10), so dZ2 = dA2 ⊙ g'(Z2) is "
                + "computed wrongly: check the derivative of tanh in layer 2");
    }

    @Test
    void withAFixedMaskTheMaskIsSuspectToo() {
        fixedMask = true;
        bug(RANDOM, "dW1", "db1").activation(1, 8, 1e-9);
        assertDiagnosis(diagnose(), 1, List.of("dW1", "db1"), "layer 1's backward is wrong and the error flows down into every "
                + "layer below it: backprop's dA1 agrees with the numerical dJ/dA1 (1.0e-09), so dZ1 = dA1 ⊙ D1 ⊙ g'(Z1) is computed "
                + "wrongly: check the derivative of tanh and the dropout mask D1 in layer 1");
        // layer 2 keeps every unit: no mask to suspect there
        bugs.clear();
        activations.clear();
        bug(RANDOM, "dW1", "db1", "dW2", "db2").activation(2, 8, 1e-9);
        assertTrue(diagnose().summary().contains("so dZ2 = dA2 ⊙ g'(Z2) is computed wrongly: check the derivative of tanh in layer 2"),
                diagnose().summary());
    }

    @Test
    void aDaThatDisagreesPointsAtTheLayerAbove() {
        bug(RANDOM, "dW1", "db1", "dW2", "db2").activation(1, 8, 0.2).activation(2, 7, 0.25);
        assertDiagnosis(diagnose(), 2, List.of("dW1", "db1", "dW2", "db2"), "backprop's dA2 disagrees with the numerical dJ/dA2 "
                + "(2.5e-01) while dW3 and db3 are right: check how layer 3 passes the gradient down, dA2 = W3ᵀ·dZ3");
    }

    @Test
    void withoutANumericalDaTheDiagnosisSaysHowToConfirm() {
        bug(RANDOM, "dW1", "db1", "dW2", "db2");
        String expected = "layer 2's backward is wrong and the error flows down into every layer below it: confirm by checking "
                + "dJ/dA2 numerically against backprop's dA2";
        assertDiagnosis(diagnose(), 2, List.of("dW1", "db1", "dW2", "db2"), expected);
        activation(2, 0, 0);
        assertEquals(expected, diagnose().summary(), "every dA2 sample was at a kink: nothing was compared");
    }

    @Test
    void theOutputDerivative() {
        bug(RANDOM, "dW1", "db1", "dW2", "db2", "dW3", "db3");
        assertDiagnosis(diagnose(), 3, List.of("dW1", "db1", "dW2", "db2", "dW3", "db3"), "the output layer's dZ3 = A3 − Y is wrong and "
                + "the error flows down into every layer below: check the output derivative of layer 3");
    }

    @Test
    void errorsWithNoPattern() {
        bug(RANDOM, "dW1", "db3");
        assertDiagnosis(diagnose(), 3, List.of("dW1", "db3"),
                "large errors in dW1, db3 with no single pattern: start with layer 3, the highest one affected, since errors flow down from it");
        bugs.clear();
        bug(RANDOM, "dW2", "db3");
        assertEquals(3, diagnose().layer(), "layers 2 and 3 without 1 do not flow down");
        assertTrue(diagnose().summary().startsWith("large errors in dW2, db3 with no single pattern"), diagnose().summary());
    }

    @Test
    void theFirstLayerAloneWithBothTensorsWrong() {
        bug(RANDOM, "dW1", "db1").activation(1, 8, 0.4);
        assertDiagnosis(diagnose(), 1, List.of("dW1", "db1"), "backprop's dA1 disagrees with the numerical dJ/dA1 (4.0e-01) while dW2 "
                + "and db2 are right: check how layer 2 passes the gradient down, dA1 = W2ᵀ·dZ2");
    }

    @Test
    void warningsAreDiagnosedOnlyWhenNothingFails() {
        bug((numeric, theta, p) -> numeric * (1 + 1e-5 * Math.cos(p)), "db1");
        Diagnosis warnOnly = diagnose();
        assertEquals(List.of("db1"), warnOnly.tensors());
        assertTrue(warnOnly.summary().startsWith("all large errors are in db1"), warnOnly.summary());
        bug(RANDOM, "dW3");
        assertEquals(List.of("dW3"), diagnose().tensors(), "the failing tensor, not the warning one");
    }

    @Test
    void aCustomActivationIsNamedByItsClass() {
        architecture = new Architecture("demo.Swishy", 4, List.of(Architecture.Layer.of(5, Activation.TANH),
                new Architecture.Layer(3, Activation.CUSTOM, 1, "demo.Swish"), Architecture.Layer.of(2, Activation.SOFTMAX)),
                Loss.SOFTMAX_CROSS_ENTROPY, 0, Init.AUTO);
        bug(RANDOM, "dW1", "db1", "dW2", "db2").activation(2, 8, 1e-10);
        assertTrue(diagnose().summary().endsWith("check the derivative of demo.Swish in layer 2"), diagnose().summary());
    }

    @Test
    void fitFindsTheConstantThatExplainsNinetyNinePercent() {
        assertEquals(2.5, Diagnostician.fit(new double[] {2.5, -5, 7.5}, new double[] {1, -2, 3}));
        assertTrue(Double.isNaN(Diagnostician.fit(new double[] {1, 2}, new double[] {0, 0})), "b is 0");
        assertTrue(Double.isNaN(Diagnostician.fit(new double[] {0, 0}, new double[] {1, 2})), "a is 0");
        assertTrue(Double.isNaN(Diagnostician.fit(new double[] {1, -1}, new double[] {1, 1})), "orthogonal");
        // a = (1, 0.1): c·(1, 0) leaves 0.01 of ‖a‖² = 1.01, just under 1%: a fit
        assertEquals(1, Diagnostician.fit(new double[] {1, 0.1}, new double[] {1, 0}));
        // a = (1, 0.11): leaves 0.0121 of 1.0121, over 1%: none
        assertTrue(Double.isNaN(Diagnostician.fit(new double[] {1, 0.11}, new double[] {1, 0})));
        assertEquals(-3, Diagnostician.fit(new double[] {-3}, new double[] {1}));
    }
}
