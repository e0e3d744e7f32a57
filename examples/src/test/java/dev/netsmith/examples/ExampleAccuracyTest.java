package dev.netsmith.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netsmith.examples.breastcancer.BreastCancerExample;
import dev.netsmith.examples.digits.DigitsExample;
import dev.netsmith.examples.pipeline.Console;
import dev.netsmith.examples.pipeline.Pipeline;
import dev.netsmith.examples.pipeline.RunResult;
import dev.netsmith.examples.pipeline.RunSettings;
import dev.netsmith.examples.pipeline.Scores;
import dev.netsmith.examples.planar.PlanarExample;
import dev.netsmith.examples.regularisation.RegularisationExample;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each example reaches its accuracy with a fixed seed, in fewer epochs than its default so that the suite
 * stays fast; the floors sit below what these runs measure (in brackets), not at it.
 */
class ExampleAccuracyTest {

    private static final long SEED = 1;

    @TempDir
    Path out;

    @Test
    void digitsClassifiesAtLeast95PercentOfTheTestImages() throws IOException {
        Scores scores = onlyRun(new DigitsExample(), 60);
        assertAtLeast(0.95, scores.test().accuracy(), "digits test accuracy (measured 97.2%)");
    }

    @Test
    void breastCancerClassifiesAtLeast95PercentOfTheTestTumours() throws IOException {
        Scores scores = onlyRun(new BreastCancerExample(), 30);
        assertAtLeast(0.95, scores.test().accuracy(), "breast cancer test accuracy (measured 98.2%)");
    }

    @Test
    void planarClassifiesAtLeast85PercentOfTheFlowersHeldOutPoints() throws IOException {
        Scores scores = onlyRun(new PlanarExample(), 2_000);
        assertAtLeast(0.85, scores.dev().accuracy(), "planar dev accuracy (measured 87.5%)");
        assertAtLeast(0.85, scores.test().accuracy(), "planar test accuracy (measured 91.2%)");
    }

    @Test
    void regularisationTrainsEveryVariantToAtLeast80PercentOnDev() throws IOException {
        List<RunResult> results = run(new RegularisationExample(), 3_000);
        assertEquals(List.of("regularisation-none", "regularisation-l2", "regularisation-dropout"),
                results.stream().map(RunResult::name).toList());
        for (RunResult r : results) {
            assertTrue(r.checksPassed(), r.name() + " checks");
            // with one label in ten flipped, about 90% is the best any classifier can do
            assertAtLeast(0.80, r.scores().orElseThrow().dev().accuracy(), r.name() + " dev accuracy (measured 82.5-84.5%)");
        }
    }

    private Scores onlyRun(Example example, int epochs) throws IOException {
        List<RunResult> results = run(example, epochs);
        assertEquals(1, results.size());
        RunResult result = results.get(0);
        assertTrue(result.checksPassed(), "gradient checks of " + result.name());
        assertEquals(2, result.checks().size(), "a check at initialisation and one after training");
        return result.scores().orElseThrow();
    }

    private List<RunResult> run(Example example, int epochs) throws IOException {
        return example.run(new RunSettings(epochs, SEED, out), new Pipeline(Console.quiet()));
    }

    private static void assertAtLeast(double floor, double actual, String what) {
        assertTrue(actual >= floor, what + ": " + actual + " < " + floor);
    }
}
