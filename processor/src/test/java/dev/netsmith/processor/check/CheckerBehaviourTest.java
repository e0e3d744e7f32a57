package dev.netsmith.processor.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netsmith.check.CheckMode;
import dev.netsmith.check.CheckOptions;
import dev.netsmith.check.CheckableNetwork;
import dev.netsmith.check.EntryResult;
import dev.netsmith.check.GradientAssertions;
import dev.netsmith.check.GradientCheckReport;
import dev.netsmith.check.GradientChecker;
import dev.netsmith.check.NaiveCentralDifferences;
import dev.netsmith.check.TensorResult;
import dev.netsmith.check.Verdict;
import dev.netsmith.io.Json;
import dev.netsmith.processor.testing.TestData;
import dev.netsmith.processor.testing.TestNetworks;
import dev.netsmith.runtime.Batch;
import dev.netsmith.runtime.Dropout;
import dev.netsmith.runtime.DropoutMask;
import dev.netsmith.runtime.Parameters;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Agreement with full forward passes, threads, modes, budgets, dropout, kinks and output of the checker. */
class CheckerBehaviourTest {

    private static final int M = 40;

    private static CheckableNetwork net(String name) {
        return (CheckableNetwork) TestNetworks.generated().network("nets.Nets_" + name);
    }

    private static Batch batch(CheckableNetwork net) {
        return net.batch(TestData.inputs(net.architecture(), M, 41), TestData.labels(net.architecture(), M, 42));
    }

    /** Every entry of a full check, sorted by index. */
    private static List<EntryResult> everyEntry(CheckableNetwork net, Parameters params, Batch batch, CheckOptions options) {
        GradientCheckReport report = GradientChecker.check(net, params, batch, options.withWorstEntries(net.layout().size()));
        assertEquals(net.layout().size(), report.worst().size() + report.inconclusive());
        return report.worst().stream().sorted(Comparator.comparingInt(EntryResult::index)).toList();
    }

    /**
     * Both estimates are central differences of the same cost. Each J(θ±ε) is a mean of m losses computed to
     * about u·|ℓ_j| each, so an estimate carries about u·Σ|ℓ_j| / (ε·m) of rounding error (the report's
     * noise), and two estimates of it computed in different orders may differ by a small multiple of that.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ReluSoftmaxCrossEntropyL2", "TanhBinaryCrossEntropy", "CustomMeanSquaredErrorL2", "Wide",
            "LeakyReluBinaryCrossEntropyL2", "SigmoidSoftmaxCrossEntropy", "LinearMeanSquaredErrorL2", "ReluBinaryCrossEntropy",
            "Logistic", "Planar"})
    void incrementalEstimatesAgreeWithFullForwardPassesWithinRoundingError(String name) {
        CheckableNetwork net = net(name);
        Batch batch = batch(net);
        Parameters params = TestData.parameters(net, 43);
        CheckOptions options = CheckOptions.defaults().withKinkHandling(false);
        double bound = GradientChecker.check(net, params, batch, options).noise();
        int[] all = IntStream.range(0, net.layout().size()).toArray();
        double[] naive = NaiveCentralDifferences.estimate(net, params, batch, Dropout.off(), 1e-7, all);

        double worst = 0;
        for (EntryResult e : everyEntry(net, params, batch, options)) {
            worst = Math.max(worst, Math.abs(e.numeric() - naive[e.index()]) / bound);
        }
        System.out.printf("%s: max |incremental − naive| = %.2f × u·Σ|ℓ|/(ε·m) (= %.1e)%n", name, worst, bound);
        // measured: at most 3.5 times on these networks
        assertTrue(worst <= 6, "max |incremental − naive| is " + worst + " times the rounding bound " + bound);
        assertTrue(worst > 0, "the two estimates are computed differently; identical results would mean one is not tested");
    }

    /**
     * Above a ReLU layer the check evaluates each row's parameters along the row (the loss as a cubic in the
     * row's change); the examples whose step could cross a kink above, or leave the series' range, go through
     * the layers above in full. A large ε sends most examples that way; a fixed mask enters the slopes. Either
     * way the estimates are central differences of full forward passes, to rounding.
     */
    @ParameterizedTest(name = "ε = {0}")
    @ValueSource(doubles = {1e-7, 1e-5, 1e-4})
    void evaluationAlongRowsAgreesWithFullForwardPassesUnderAFixedMaskAndLargeSteps(double epsilon) {
        CheckableNetwork net = net("ReluSoftmaxCrossEntropyL2");
        Batch batch = batch(net);
        Parameters params = TestData.parameters(net, 50);
        DropoutMask mask = DropoutMask.sample(net.architecture(), Dropout.training(new Well19937c(5)), M, new Well19937c(6));
        CheckOptions options = CheckOptions.defaults().withFixedMask(mask).withEpsilon(epsilon).withKinkHandling(false);
        double bound = GradientChecker.check(net, params, batch, options).noise();
        int[] all = IntStream.range(0, net.layout().size()).toArray();
        double[] naive = NaiveCentralDifferences.estimate(net, params, batch, Dropout.fixed(mask), epsilon, all);

        double worst = 0;
        for (EntryResult e : everyEntry(net, params, batch, options)) {
            worst = Math.max(worst, Math.abs(e.numeric() - naive[e.index()]) / bound);
        }
        System.out.printf("fixed mask, ε = %.0e: max |incremental − naive| = %.2f × u·Σ|ℓ|/(ε·m)%n", epsilon, worst);
        assertTrue(worst <= 6, "max |incremental − naive| is " + worst + " times the rounding bound " + bound);
    }

    @Test
    void theReportIsTheSameWhateverTheThreadCount() {
        CheckableNetwork net = net("Wide");
        Batch batch = batch(net);
        Parameters params = TestData.parameters(net, 44);
        List<EntryResult> one = everyEntry(net, params, batch, CheckOptions.defaults().withThreads(1));
        assertEquals(one, everyEntry(net, params, batch, CheckOptions.defaults().withThreads(2)));
        assertEquals(one, everyEntry(net, params, batch, CheckOptions.defaults().withThreads(3)));
    }

    @Test
    void sampledChecksCoverEveryTensor() {
        CheckableNetwork net = net("ReluSoftmaxCrossEntropyL2");
        GradientCheckReport report = GradientChecker.check(net, TestData.parameters(net, 45), batch(net),
                CheckOptions.defaults().sampled(4));
        assertEquals(CheckMode.SAMPLED, report.mode());
        int expected = 0;
        for (TensorResult t : report.tensors()) {
            assertEquals(Math.min(4, t.tensor().size()), t.checked(), t.name());
            expected += t.checked();
        }
        assertEquals(expected, report.checkedEntries());
        assertEquals(2L * expected, report.costEvaluations());
        assertTrue(report.complete());
        assertEquals(Verdict.PASS, report.verdict(), report::toString);
    }

    @Test
    void directionalChecksCostTwoEvaluationsPerTensorForACorrectNetwork() {
        CheckableNetwork net = net("TanhSoftmaxCrossEntropyL2");
        GradientCheckReport report = GradientChecker.check(net, TestData.parameters(net, 46), batch(net),
                CheckOptions.defaults().directional());
        assertEquals(Verdict.PASS, report.verdict(), report::toString);
        assertEquals(2L * net.layout().tensors().size(), report.costEvaluations());
        assertEquals(0, report.checkedEntries());
        for (TensorResult t : report.tensors()) {
            assertTrue(t.directional() < 1e-7, t.name() + " " + t.directional());
            assertEquals(t.directional(), t.difference());
        }
    }

    @Test
    void aBudgetStopsEarlyWithAPartialReportThatSaysWhatItCovered() {
        CheckableNetwork net = net("ReluSoftmaxCrossEntropyL2");
        GradientCheckReport report = GradientChecker.check(net, TestData.parameters(net, 47), batch(net),
                CheckOptions.defaults().withBudget(10));
        assertEquals(10, report.costEvaluations());
        assertEquals(5, report.checkedEntries());
        assertFalse(report.complete());
        assertEquals(5, report.tensors().stream().filter(TensorResult::covered).count(), "one entry in each of 5 tensors");
        assertNull(report.tensor("db3").verdict());
        assertTrue(report.notes().stream().anyMatch(n -> n.contains("partial check") && n.contains("not covered db3")),
                report::toString);
    }

    @Test
    void aStandardCheckTurnsDeclaredDropoutOffAndSaysSo() {
        CheckableNetwork net = net("ReluBinaryCrossEntropy");
        GradientCheckReport report = GradientChecker.check(net, TestData.parameters(net, 48), batch(net));
        assertTrue(report.notes().get(0).startsWith("dropout: off for the check (keep_prob = 1 on every layer; "
                + "declared: layer 1 keeps 0.75, layer 2 keeps 0.6)"), report::toString);
    }

    @Test
    void aFixedMaskIsReplayedInEveryEvaluationAndInBackprop() {
        CheckableNetwork net = net("TanhSoftmaxCrossEntropy");
        Batch batch = batch(net);
        Parameters params = TestData.parameters(net, 49);
        DropoutMask mask = DropoutMask.sample(net.architecture(), Dropout.training(new Well19937c(3)), M, new Well19937c(4));
        CheckOptions withMask = CheckOptions.defaults().withFixedMask(mask);
        List<EntryResult> masked = everyEntry(net, params, batch, withMask);
        GradientCheckReport report = GradientChecker.check(net, params, batch, withMask);
        assertEquals(Verdict.PASS, report.verdict(), report::toString);
        assertTrue(report.notes().get(0).contains("one recorded mask replayed"), report::toString);
        // the masked network is another function: its gradient differs from the dropout-off one
        List<EntryResult> unmasked = everyEntry(net, params, batch, CheckOptions.defaults());
        assertNotEquals(masked.get(0).analytic(), unmasked.get(0).analytic());
        double[] naive = NaiveCentralDifferences.estimate(net, params, batch, Dropout.fixed(mask), 1e-7, new int[] {0, 70});
        assertEquals(naive[0], masked.get(0).numeric(), 1e-7 * Math.abs(naive[0]) + 10 * report.noise());
        assertEquals(naive[1], masked.get(70).numeric(), 1e-7 * Math.abs(naive[1]) + 10 * report.noise());
    }

    @Test
    void liveRandomDropoutIsRefusedWithTheReason() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CheckOptions.defaults().withDropout(Dropout.training(new Well19937c(1))));
        assertTrue(e.getMessage().contains("two different random masks"), e.getMessage());
        assertTrue(e.getMessage().contains("withFixedMask"), e.getMessage());
    }

    /**
     * A bias whose pre-activation sits 1e-9 from the ReLU's kink: the central difference straddles it, so the
     * entry is inconclusive, left out and counted. Without kink handling the same entry is a large error.
     */
    @Test
    void perturbationsAcrossAReluKinkAreInconclusiveNotFailures() {
        CheckableNetwork net = net("ReluBinaryCrossEntropy");
        Batch batch = batch(net);
        Parameters params = TestData.parameters(net, 50);
        double[] theta = params.values();
        int w = net.layout().weights(1).offset();
        int b = net.layout().biases(1).offset();
        double z = theta[b];
        for (int k = 0; k < 7; k++) {
            z += theta[w + k] * batch.x()[k][0];
        }
        theta[b] -= z - 1e-9;

        GradientCheckReport handled = GradientChecker.check(net, params, batch, CheckOptions.defaults());
        assertEquals(Verdict.PASS, handled.verdict(), handled::toString);
        assertTrue(handled.inconclusive() >= 1, handled::toString);
        assertTrue(handled.tensor("db1").inconclusive() >= 1, handled::toString);
        assertTrue(handled.notes().stream().anyMatch(n -> n.startsWith("ReLU kinks:")), handled::toString);

        GradientCheckReport ignored = GradientChecker.check(net, params, batch,
                CheckOptions.defaults().withKinkHandling(false).withWorstEntries(1));
        assertEquals(0, ignored.inconclusive());
        // every entry that moves Z1[0][0] (row 0 of W1 and b1) straddles the kink
        assertTrue(ignored.worst().get(0).name().matches("d(W1\\[0\\]\\[\\d\\]|b1\\[0\\])"), ignored::toString);
        assertTrue(ignored.worst().get(0).error() > 1e-3, ignored::toString);
    }

    @Test
    void theReportReadsAsATableAndAsJson() {
        CheckableNetwork net = net("Wide");
        GradientCheckReport report = GradientChecker.check(net, TestData.parameters(net, 51), batch(net));
        String text = report.toString();
        for (String expected : List.of("Gradient check of nets.Nets.Wide: 13 → 12 relu (keep 0.9) → 8 leaky_relu → 4 softmax",
                "PASS  difference", "dW1     12×13", "db3     4×1", "Worst entries:", "J(θ+ε)", "Diagnosis: analytic and numerical",
                "cost evaluations")) {
            assertTrue(text.contains(expected), "«" + expected + "» missing from\n" + text);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> json = (Map<String, Object>) Json.parse(report.toJson());
        assertEquals("PASS", json.get("verdict"));
        assertEquals((long) net.layout().size(), json.get("totalEntries"));
        assertEquals(report.difference(), (Double) json.get("difference"));
        assertEquals(6, ((List<?>) json.get("tensors")).size());
        assertEquals(5, ((List<?>) json.get("worst")).size());
    }

    @Test
    void theGeneratedConvenienceAndTheAssertionsUseTheDeclaredSettings() {
        CheckableNetwork net = net("TanhMeanSquaredError");
        Batch batch = batch(net);
        Parameters params = TestData.parameters(net, 52);
        assertEquals(1e-7, net.declaredCheckOptions().epsilon());
        GradientCheckReport report = GradientAssertions.assertGradientsCorrect(net, params, batch);
        assertEquals(Verdict.PASS, report.verdict());
        // ε = 1e-2 makes the truncation error of the central difference visible
        GradientCheckReport failing = GradientChecker.check(net, params, batch, CheckOptions.defaults().withEpsilon(1e-2));
        assertNotEquals(Verdict.PASS, failing.verdict(), failing::toString);
        AssertionError error = assertThrows(AssertionError.class, () -> GradientAssertions.assertPassed(failing));
        assertTrue(error.getMessage().contains(failing.toString()), error.getMessage());
    }

    /**
     * With ε = 1e-10 the rounding error of each estimate is a thousand times what it is at 1e-7, so the
     * difference is rounding noise well above passBelow. The checker tells: ‖g − ĝ‖ is within the expected
     * noise, or, rechecked with larger ε, the difference falls as rounding noise does. Every tensor passes,
     * marked as noise.
     */
    @Test
    void roundingNoiseAtATooSmallEpsilonIsToldFromARealError() {
        CheckableNetwork net = net("TanhSoftmaxCrossEntropy");
        GradientCheckReport report = GradientChecker.check(net, TestData.parameters(net, 53), batch(net),
                CheckOptions.defaults().withEpsilon(1e-10));
        assertEquals(Verdict.PASS, report.verdict(), report::toString);
        assertTrue(report.difference() > 1e-7, "the course's difference at ε = 1e-10 is above passBelow: " + report.difference());
        for (TensorResult t : report.tensors()) {
            assertTrue(t.difference() < 1e-7 || t.withinNoise(), report::toString);
        }
        assertTrue(report.tensors().stream().anyMatch(TensorResult::withinNoise), report::toString);
    }
}
