package dev.netsmith.processor.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netsmith.check.CheckableNetwork;
import dev.netsmith.check.GradientCheckReport;
import dev.netsmith.check.GradientChecker;
import dev.netsmith.check.TensorResult;
import dev.netsmith.check.Verdict;
import dev.netsmith.processor.testing.TestData;
import dev.netsmith.processor.testing.TestNetworks;
import dev.netsmith.runtime.Batch;
import dev.netsmith.runtime.Dropout;
import dev.netsmith.runtime.Parameters;
import dev.netsmith.runtime.Workspace;
import java.util.Locale;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Correct generated networks pass (< 1e-7) for every activation and loss, at initialisation and again after
 * 1,000 iterations of training with dropout on, which moves W and b away from their initial values. The
 * measured differences are printed.
 */
class CorrectNetworksPassTest {

    static Iterable<TestNetworks.Declared> declarations() {
        return TestNetworks.declarations();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("declarations")
    void passesAtInitialisationAndAfterTraining(TestNetworks.Declared declared) {
        CheckableNetwork net = (CheckableNetwork) TestNetworks.generated().network(declared.qualifiedPrefix());
        int m = 40;
        Batch batch = net.batch(TestData.inputs(net.architecture(), m, 21), TestData.labels(net.architecture(), m, 22));
        Parameters params = net.initialize(23);

        GradientCheckReport atInit = GradientChecker.check(net, params, batch);
        train(net, params, batch, 1000);
        GradientCheckReport afterTraining = GradientChecker.check(net, params, batch);

        System.out.printf(Locale.ROOT, "%-32s at init %.2e (%d kinks), after 1,000 iterations %.2e (%d kinks)%n",
                declared.name(), atInit.difference(), atInit.inconclusive(), afterTraining.difference(), afterTraining.inconclusive());
        for (GradientCheckReport report : new GradientCheckReport[] {atInit, afterTraining}) {
            assertEquals(Verdict.PASS, report.verdict(), report::toString);
            boolean noiseOnly = true;
            for (TensorResult t : report.tensors()) {
                // where g is tiny (a bias vector, or everything near a minimum: the logistic regression
                // converges within 1,000 steps) the relative difference is rounding noise, and the checker
                // compares ‖g − ĝ‖ with that noise instead
                assertTrue(t.difference() < 1e-7 || t.withinNoise(), report::toString);
                noiseOnly &= t.difference() < 1e-7 || t.analyticNorm() < 1e-4;
            }
            assertTrue(report.difference() < 1e-7 || noiseOnly, report::toString);
            assertEquals(net.layout().size(), report.checkedEntries());
            assertEquals(2L * net.layout().size(), report.costEvaluations());
            assertTrue(report.complete());
        }
    }

    /** Plain gradient descent with training dropout, enough to move every parameter. */
    static void train(CheckableNetwork net, Parameters params, Batch batch, int iterations) {
        Workspace ws = net.newWorkspace(batch.m());
        Dropout dropout = Dropout.training(new Well19937c(5));
        for (int t = 0; t < iterations; t++) {
            net.forward(params, batch, ws, dropout);
            double[] gradient = net.backward(params, batch, ws);
            for (int p = 0; p < gradient.length; p++) {
                params.values()[p] -= 0.05 * gradient[p];
            }
        }
    }
}
