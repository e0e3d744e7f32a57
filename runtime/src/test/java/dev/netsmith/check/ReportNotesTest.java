package dev.netsmith.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.netsmith.Activation;
import dev.netsmith.Init;
import dev.netsmith.Loss;
import dev.netsmith.runtime.Architecture;
import dev.netsmith.runtime.Dropout;
import dev.netsmith.runtime.DropoutMask;
import dev.netsmith.runtime.ParameterLayout;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;

/** The plain-language notes under a report: dropout, kinks, coverage, noise and rechecks. */
class ReportNotesTest {

    private static final Architecture DROPOUT = new Architecture("demo.Net", 3, List.of(
            new Architecture.Layer(4, Activation.RELU, 0.75, null), new Architecture.Layer(3, Activation.RELU, 0.6, null),
            Architecture.Layer.of(2, Activation.SIGMOID)), Loss.BINARY_CROSS_ENTROPY, 0, Init.AUTO);
    private static final Architecture PLAIN = new Architecture("demo.Plain", 3, List.of(Architecture.Layer.of(4, Activation.TANH),
            Architecture.Layer.of(2, Activation.SIGMOID)), Loss.BINARY_CROSS_ENTROPY, 0, Init.AUTO);
    private static final ParameterLayout LAYOUT = ParameterLayout.of(3, 4, 2);
    private static final String NOISE = "rounding noise of one estimate ≈ u·Σ|ℓ|/(ε·m) = 2.5e-09";

    private static TensorResult tensor(ParameterLayout.Tensor t, int checked, Verdict verdict, boolean withinNoise, double wider,
                                       String recheck) {
        return new TensorResult(t, checked, 0, 1e-6, verdict, 1, 1, 0, 0, null, Double.NaN, withinNoise, wider, recheck);
    }

    /** Every tensor complete and passing. */
    private static List<TensorResult> passing() {
        return LAYOUT.tensors().stream().map(t -> tensor(t, t.size(), Verdict.PASS, false, Double.NaN, null)).toList();
    }

    private static List<String> notes(Architecture arch, CheckOptions options, List<TensorResult> tensors, int inconclusive,
                                      boolean complete) {
        return GradientChecker.Notes.of(arch, options, tensors, inconclusive, complete, 2.5e-9);
    }

    @Test
    void declaredDropoutIsTurnedOffAndListed() {
        assertEquals(List.of("dropout: off for the check (keep_prob = 1 on every layer; declared: layer 1 keeps 0.75, layer 2 keeps 0.6)",
                NOISE), notes(DROPOUT, CheckOptions.defaults(), passing(), 0, true));
    }

    @Test
    void noDropoutDeclared() {
        assertEquals(List.of("dropout: none declared, none applied", NOISE), notes(PLAIN, CheckOptions.defaults(), passing(), 0, true));
    }

    @Test
    void aFixedMaskIsReplayed() {
        DropoutMask mask = DropoutMask.sample(DROPOUT, Dropout.training(new Well19937c(1)), 4, new Well19937c(2));
        assertEquals("dropout: one recorded mask replayed in every cost evaluation and in backprop",
                notes(DROPOUT, CheckOptions.defaults().withFixedMask(mask), passing(), 0, true).get(0));
    }

    @Test
    void kinksAreCountedInWords() {
        assertEquals("ReLU kinks: 1 entry inconclusive (the perturbation flipped the sign of a ReLU pre-activation, where the loss has "
                + "no derivative) and left out of the differences", notes(PLAIN, CheckOptions.defaults(), passing(), 1, true).get(1));
        assertEquals("ReLU kinks: 1,234 entries inconclusive (the perturbation flipped the sign of a ReLU pre-activation, where the "
                + "loss has no derivative) and left out of the differences", notes(PLAIN, CheckOptions.defaults(), passing(), 1234, true)
                .get(1));
    }

    @Test
    void aBudgetThatStoppedEarlyNamesWhatItLeftOut() {
        List<TensorResult> tensors = List.of(tensor(LAYOUT.weights(1), 1, Verdict.PASS, false, Double.NaN, null),
                tensor(LAYOUT.biases(1), 1, Verdict.PASS, false, Double.NaN, null),
                tensor(LAYOUT.weights(2), 0, null, false, Double.NaN, null),
                tensor(LAYOUT.biases(2), 0, null, false, Double.NaN, null));
        assertEquals(List.of("dropout: none declared, none applied",
                "partial check (budget of 4 cost evaluations): not covered dW2, db2", NOISE),
                notes(PLAIN, CheckOptions.defaults().withBudget(4), tensors, 0, false));
    }

    @Test
    void aSampleThatCoveredEveryTensorSaysItIsPartial() {
        List<TensorResult> tensors = new ArrayList<>(passing());
        tensors.set(0, tensor(LAYOUT.weights(1), 3, Verdict.PASS, false, Double.NaN, null));
        assertEquals("partial check: the checked/size column says how much of each tensor was compared entry by entry",
                notes(PLAIN, CheckOptions.defaults().sampled(3), tensors, 0, true).get(1));
        // a tensor checked only by direction (0 entries) is not "partial"
        tensors.set(0, tensor(LAYOUT.weights(1), 0, Verdict.PASS, false, Double.NaN, null));
        assertEquals(List.of("dropout: none declared, none applied", NOISE),
                notes(PLAIN, CheckOptions.defaults().directional(), tensors, 0, true));
    }

    @Test
    void tensorsWithinTheNoiseAreNamed() {
        List<TensorResult> tensors = new ArrayList<>(passing());
        tensors.set(1, tensor(LAYOUT.biases(1), 4, Verdict.PASS, true, Double.NaN, null));
        tensors.set(3, tensor(LAYOUT.biases(2), 2, Verdict.PASS, true, Double.NaN, null));
        assertEquals("db1, db2 pass although the relative difference is above 1.0E-7: ‖g‖ is so small (as near a minimum) that "
                        + "‖g − ĝ‖ is within 10× the estimates' rounding noise, where the relative difference measures only that noise",
                notes(PLAIN, CheckOptions.defaults(), tensors, 0, true).get(1));
    }

    @Test
    void rechecksSayWhatTheyMeasured() {
        List<TensorResult> tensors = new ArrayList<>(passing());
        tensors.set(0, tensor(LAYOUT.weights(1), 12, Verdict.PASS, true, 9.64e-8, "8.29e-06 at ε = 1e-07, 9.64e-08 at 1e-06"));
        tensors.set(3, tensor(LAYOUT.biases(2), 2, Verdict.WARN, false, 2.5e-6, "3.00e-06 at ε = 1e-07, 2.50e-06 at 1e-06"));
        assertEquals(List.of("dropout: none declared, none applied",
                "dW1 rechecked with larger ε: 8.29e-06 at ε = 1e-07, 9.64e-08 at 1e-06; it fell as rounding noise falls (as 1/ε) to below "
                        + "passBelow, so it passes",
                "db2 rechecked with larger ε: 3.00e-06 at ε = 1e-07, 2.50e-06 at 1e-06; it stopped falling at 2.5e-06, above passBelow, so "
                        + "a disagreement that large may be real (or, at the largest ε, truncation error)",
                NOISE), notes(PLAIN, CheckOptions.defaults(), tensors, 0, true));
    }
}
