package dev.netsmith.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netsmith.check.GradientCheckReport;
import dev.netsmith.check.StageReport;
import dev.netsmith.check.Verdict;
import dev.netsmith.examples.bughunt.BugHuntExample;
import dev.netsmith.examples.bughunt.Swish;
import dev.netsmith.examples.bughunt.SwishWithWrongDerivative;
import dev.netsmith.examples.pipeline.Console;
import dev.netsmith.examples.pipeline.Pipeline;
import dev.netsmith.examples.pipeline.RunResult;
import dev.netsmith.examples.pipeline.RunSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BugHuntTest {

    private RunResult wrong;
    private RunResult corrected;

    @BeforeAll
    void runTheExample(@TempDir Path out) throws IOException {
        List<RunResult> results = new BugHuntExample().run(new RunSettings(60, 1, out), new Pipeline(Console.quiet()));
        assertEquals(2, results.size());
        wrong = results.get(0);
        corrected = results.get(1);
    }

    @Test
    void theWrongDerivativeFailsAtInitialisationAndTheReportNamesTheCustomLayer() {
        assertEquals(1, wrong.checks().size(), "the failing check stops training, so no later stage runs");
        GradientCheckReport report = wrong.checks().get(0).report();
        assertEquals(Verdict.FAIL, report.verdict());
        assertEquals(Verdict.FAIL, report.tensor("dW1").verdict());
        assertEquals(Verdict.FAIL, report.tensor("db1").verdict());
        assertEquals(Verdict.PASS, report.tensor("dW2").verdict(), "the layer above the activation is right");
        assertEquals(1, report.diagnosis().layer());
        assertTrue(report.diagnosis().summary().contains(SwishWithWrongDerivative.class.getName()), report.diagnosis().summary());
        assertTrue(report.toString().contains(SwishWithWrongDerivative.class.getName()), "the printed report names the class");
    }

    @Test
    void nothingIsTrainedOrSavedWithTheWrongDerivative() {
        assertEquals(0, wrong.training().iterations());
        assertTrue(wrong.scores().isEmpty());
        assertTrue(wrong.files().isEmpty());
    }

    @Test
    void theCorrectedActivationPassesBeforeAndAfterTrainingAndLearns() {
        assertEquals(List.of(0L, 660L), corrected.checks().stream().map(StageReport::iteration).toList());
        assertTrue(corrected.checksPassed());
        double accuracy = corrected.scores().orElseThrow().test().accuracy();
        assertTrue(accuracy >= 0.95, "test accuracy " + accuracy + " (measured 98.2%)");
    }

    @Test
    void theActivationsDerivativesAgainstCentralDifferences() {
        Swish swish = new Swish();
        Swish wrongSwish = new SwishWithWrongDerivative();
        double h = 1e-6;
        for (double z : new double[] {-3, -0.5, 0.7, 2}) {
            double numeric = (swish.value(z + h) - swish.value(z - h)) / (2 * h);
            assertEquals(numeric, swish.derivative(z, swish.value(z)), 1e-8, "swish'(" + z + ")");
            assertTrue(Math.abs(numeric - wrongSwish.derivative(z, wrongSwish.value(z))) > 1e-2, "the wrong one is wrong at " + z);
        }
    }
}
