package dev.netsmith.processor.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.JavaFileObjects;
import dev.netsmith.check.CheckOptions;
import dev.netsmith.check.CheckableNetwork;
import dev.netsmith.check.GradientCheckReport;
import dev.netsmith.check.GradientChecker;
import dev.netsmith.check.TensorResult;
import dev.netsmith.check.Verdict;
import dev.netsmith.processor.testing.BugInjection;
import dev.netsmith.processor.testing.TestData;
import dev.netsmith.runtime.Batch;
import dev.netsmith.runtime.Dropout;
import dev.netsmith.runtime.DropoutMask;
import dev.netsmith.runtime.Parameters;
import java.util.List;
import java.util.Set;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The checker against bugs planted in the generated backward code itself, so that they propagate through
 * backprop as real bugs do. Each must FAIL, and the diagnosis must name the tensor or layer the bug is in.
 */
class InjectedBugsTest {

    private static final String THREE_LAYERS = """
            package bugs;

            import dev.netsmith.*;

            @Network(inputs = 5, loss = Loss.SOFTMAX_CROSS_ENTROPY, l2 = 0.3)
            @Dense(units = 6, activation = Activation.TANH)
            @Dense(units = 4, activation = Activation.TANH, keepProb = 0.7)
            @Dense(units = 3, activation = Activation.SOFTMAX)
            public interface Net {}
            """;

    private static final String FOUR_LAYERS = """
            package bugs;

            import dev.netsmith.*;

            @Network(inputs = 5, loss = Loss.BINARY_CROSS_ENTROPY)
            @Dense(units = 6, activation = Activation.TANH)
            @Dense(units = 5, activation = Activation.SIGMOID)
            @Dense(units = 4, activation = Activation.TANH)
            @Dense(units = 2, activation = Activation.SIGMOID)
            public interface Deep {}
            """;

    private static BugInjection threeLayers() {
        return new BugInjection("bugs.Net", JavaFileObjects.forSourceString("bugs.Net", THREE_LAYERS));
    }

    private static BugInjection fourLayers() {
        return new BugInjection("bugs.Deep", JavaFileObjects.forSourceString("bugs.Deep", FOUR_LAYERS));
    }

    private static GradientCheckReport check(CheckableNetwork net, CheckOptions options) {
        int m = 30;
        Batch batch = net.batch(TestData.inputs(net.architecture(), m, 31), TestData.labels(net.architecture(), m, 32));
        Parameters params = TestData.parameters(net, 33);
        return GradientChecker.check(net, params, batch, options);
    }

    private static GradientCheckReport check(CheckableNetwork net) {
        return check(net, CheckOptions.defaults());
    }

    private static void assertFailsAt(GradientCheckReport report, int layer, Set<String> tensors, String... words) {
        System.out.println(report.network() + ": " + report.verdict() + ", " + report.diagnosis().summary());
        assertEquals(Verdict.FAIL, report.verdict(), report::toString);
        assertEquals(layer, report.diagnosis().layer(), report::toString);
        assertEquals(tensors, Set.copyOf(report.diagnosis().tensors()), report::toString);
        for (String word : words) {
            assertTrue(report.diagnosis().summary().contains(word), () -> "«" + word + "» not in: " + report.diagnosis().summary());
        }
        for (String tensor : tensors) {
            assertEquals(Verdict.FAIL, report.tensor(tensor).verdict(), report::toString);
        }
    }

    @Test
    void theUneditedNetworkPasses() {
        GradientCheckReport report = check(threeLayers().compile("bugs.Net"));
        assertEquals(Verdict.PASS, report.verdict(), report::toString);
    }

    @Test
    void missingOneOverMInDbOfLayer2() {
        CheckableNetwork net = threeLayers()
                .replace("gradients2", "grad[B2 + i] = sum(dz[i], m) * invM;", "grad[B2 + i] = sum(dz[i], m);", 1)
                .compile("bugs.Net");
        assertFailsAt(check(net), 2, Set.of("db2"), "db2", "m = 30 times too large", "1/m");
    }

    @Test
    void l2TermOmitted() {
        CheckableNetwork net = threeLayers()
                .replace(null, " + decay * theta[w + k]", "", 3)
                .compile("bugs.Net");
        assertFailsAt(check(net), 0, Set.of("dW1", "dW2", "dW3"), "lack the L2 term", "(λ/m)·W");
    }

    @Test
    void l2AddedToDb() {
        CheckableNetwork net = threeLayers()
                .replace("gradients1", "grad[B1 + i] = sum(dz[i], m) * invM;", "grad[B1 + i] = sum(dz[i], m) * invM + decay * theta[B1 + i];", 1)
                .replace("gradients2", "grad[B2 + i] = sum(dz[i], m) * invM;", "grad[B2 + i] = sum(dz[i], m) * invM + decay * theta[B2 + i];", 1)
                .replace("gradients3", "grad[B3 + i] = sum(dz[i], m) * invM;", "grad[B3 + i] = sum(dz[i], m) * invM + decay * theta[B3 + i];", 1)
                .compile("bugs.Net");
        assertFailsAt(check(net), 0, Set.of("db1", "db2", "db3"), "carry an L2 term", "biases are not regularised");
    }

    @Test
    void wrongActivationDerivativeInLayer1() {
        CheckableNetwork net = threeLayers()
                .replace("propagate2", "(1.0 - ak[j] * ak[j])", "(1.0 - ak[j])", 2)
                .compile("bugs.Net");
        assertFailsAt(check(net), 1, Set.of("dW1", "db1"), "layer 1", "tanh");
    }

    @Test
    void wrongDerivativeInLayer2CorruptsLayer1Too() {
        CheckableNetwork net = threeLayers()
                .replace("propagate3", "(1.0 - ak[j] * ak[j])", "(1.0 + ak[j] * ak[j])", 2)
                .compile("bugs.Net");
        GradientCheckReport report = check(net);
        assertFailsAt(report, 2, Set.of("dW2", "db2", "dW1", "db1"), "layer 2", "flows down", "tanh");
        assertEquals(Verdict.PASS, report.tensor("dW3").verdict(), report::toString);
        assertEquals(Verdict.PASS, report.activationChecks().get(1).verdict(), "dA2 is computed above the bug: " + report);
    }

    @Test
    void dropoutMaskNotAppliedInBackward() {
        CheckableNetwork net = threeLayers()
                .replace("propagate3", "dak[j] * dk[j]", "dak[j]", 1)
                .compile("bugs.Net");
        DropoutMask mask = DropoutMask.sample(net.architecture(), Dropout.training(new Well19937c(1)), 30, new Well19937c(2));
        GradientCheckReport report = check(net, CheckOptions.defaults().withFixedMask(mask));
        assertFailsAt(report, 2, Set.of("dW2", "db2", "dW1", "db1"), "layer 2", "dropout mask D2");
        assertTrue(report.notes().get(0).contains("one recorded mask replayed"), report::toString);
        // with dropout off the same network's gradient is right: the bug only shows with the mask
        assertEquals(Verdict.PASS, check(net).verdict());
    }

    @ParameterizedTest(name = "wrong activation derivative in layer {0} of 4")
    @ValueSource(ints = {1, 2, 3})
    void wrongDerivativeInEachLayerOfAFourLayerNetwork(int layer) {
        BugInjection injection = fourLayers();
        String method = "propagate" + (layer + 1);
        if (layer == 2) {
            injection.replace(method, "ak[j] * (1.0 - ak[j])", "ak[j] * (1.0 - 2 * ak[j])", 2);
        } else {
            injection.replace(method, "(1.0 - ak[j] * ak[j])", "(1.0 - ak[j] * ak[j] * ak[j])", 2);
        }
        GradientCheckReport report = check(injection.compile("bugs.Deep"));
        List<String> expected = new java.util.ArrayList<>();
        for (int l = 1; l <= layer; l++) {
            expected.add("dW" + l);
            expected.add("db" + l);
        }
        assertFailsAt(report, layer, Set.copyOf(expected), "layer " + layer);
    }

    @ParameterizedTest(name = "missing 1/m in db of layer {0} of 4")
    @ValueSource(ints = {1, 2, 3, 4})
    void missingOneOverMInEachLayerOfAFourLayerNetwork(int layer) {
        CheckableNetwork net = fourLayers()
                .replace("gradients" + layer, "grad[B" + layer + " + i] = sum(dz[i], m) * invM;", "grad[B" + layer + " + i] = sum(dz[i], m);", 1)
                .compile("bugs.Deep");
        assertFailsAt(check(net), layer, Set.of("db" + layer), "1/m", "layer " + layer);
    }

    @ParameterizedTest(name = "dW of layer {0} of 4 transposes A")
    @ValueSource(ints = {1, 2, 3, 4})
    void wrongWeightGradientInEachLayerOfAFourLayerNetwork(int layer) {
        CheckableNetwork net = fourLayers()
                .replace("gradients" + layer, "grad[w + k] = dwi[k] * invM;", "grad[w + k] = dwi[k] * invM * (1 + 0.1 * k);", 1)
                .compile("bugs.Deep");
        assertFailsAt(check(net), layer, Set.of("dW" + layer), "dW" + layer, "layer " + layer);
    }

    @Test
    void wrongCustomActivationDerivative() {
        BugInjection injection = new BugInjection("bugs.Swishy",
                JavaFileObjects.forSourceString("bugs.Swishy", """
                        package bugs;

                        import dev.netsmith.*;

                        @Network(inputs = 4, loss = Loss.MEAN_SQUARED_ERROR)
                        @Dense(units = 6, activation = Activation.TANH)
                        @Dense(units = 5, activation = Activation.CUSTOM, custom = BadSwish.class)
                        @Dense(units = 2, activation = Activation.LINEAR)
                        public interface Swishy {}
                        """),
                JavaFileObjects.forSourceString("bugs.BadSwish", """
                        package bugs;

                        /** swish with the product rule forgotten: σ(z) instead of σ(z) + z·σ(z)·(1 − σ(z)). */
                        public class BadSwish implements dev.netsmith.ActivationFunction {
                            public double value(double z) {
                                return z / (1 + Math.exp(-z));
                            }

                            public double derivative(double z, double a) {
                                return 1 / (1 + Math.exp(-z));
                            }
                        }
                        """));
        assertFailsAt(check(injection.compile("bugs.Swishy")), 2, Set.of("dW2", "db2", "dW1", "db1"), "bugs.BadSwish", "layer 2");
    }

    @Test
    void aBuggyReluNetworkFailsEvenWithKinkHandling() {
        BugInjection injection = new BugInjection("bugs.Relu", JavaFileObjects.forSourceString("bugs.Relu", """
                package bugs;

                import dev.netsmith.*;

                @Network(inputs = 6, loss = Loss.SOFTMAX_CROSS_ENTROPY)
                @Dense(units = 8, activation = Activation.RELU)
                @Dense(units = 5, activation = Activation.RELU)
                @Dense(units = 3, activation = Activation.SOFTMAX)
                public interface Relu {}
                """));
        // the derivative of relu taken as 1 everywhere
        injection.replace("propagate3", "dak[j] * Activations.step(zk[j])", "dak[j]", 1);
        GradientCheckReport report = check(injection.compile("bugs.Relu"), CheckOptions.defaults().withKinkHandling(true));
        assertFailsAt(report, 2, Set.of("dW2", "db2", "dW1", "db1"), "layer 2", "relu");
        assertTrue(report.inconclusive() < report.checkedEntries() / 10, report::toString);
    }

    /** A real error far below the fail threshold stays a WARN however ε is varied. */
    @Test
    void aSmallRealErrorStaysAWarningWhenEpsilonIsSwept() {
        CheckableNetwork net = fourLayers()
                .replace("gradients2", "grad[B2 + i] = sum(dz[i], m) * invM;", "grad[B2 + i] = sum(dz[i], m) * invM * (1 + 1e-5);", 1)
                .compile("bugs.Deep");
        GradientCheckReport report = check(net);
        assertEquals(Verdict.WARN, report.verdict(), report::toString);
        TensorResult db2 = report.tensor("db2");
        assertEquals(Verdict.WARN, db2.verdict(), report::toString);
        assertTrue(db2.widerDifference() > 1e-6, report::toString);
        assertTrue(report.notes().stream().anyMatch(n -> n.startsWith("db2 rechecked with larger ε") && n.contains("may be real")),
                report::toString);
    }
}
