package dev.netsmith.check;

import static dev.netsmith.check.GradientCheckerTest.BATCH;
import static dev.netsmith.check.GradientCheckerTest.M;
import static dev.netsmith.check.GradientCheckerTest.PARAMS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netsmith.check.GradientAssertions.GradientCheckFailure;
import dev.netsmith.runtime.Batch;
import dev.netsmith.runtime.Dropout;
import dev.netsmith.runtime.DropoutMask;
import dev.netsmith.runtime.Parameters;
import dev.netsmith.runtime.Workspace;
import dev.netsmith.testing.CheckableTanhSigmoid;
import dev.netsmith.train.StopReason;
import dev.netsmith.train.Trainer;
import dev.netsmith.train.TrainingResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;

/**
 * Bugs planted in the hand-written network's backprop (W1 0..29, b1 30..35, W2 36..47, b2 48..49, m = 9,
 * λ = 0.3): each is found, dA1 is checked numerically once something fails, and the diagnosis names the bug.
 */
class PlantedBugsTest {

    /** Changes backprop's gradient, or the dA it leaves in the workspace, after the correct backward pass. */
    interface Bug {
        void plant(double[] gradient, Workspace ws, double[] theta);
    }

    private static CheckableNetwork withBug(Bug bug) {
        return new CheckableTanhSigmoid(5, 6, 2, 0.8, 0.3) {
            @Override
            public double[] backward(Parameters params, Batch batch, Workspace ws) {
                double[] gradient = super.backward(params, batch, ws);
                bug.plant(gradient, ws, params.values());
                return gradient;
            }
        };
    }

    /** A different error on every entry of W1 and b1: no pattern but the layer. */
    private static void scrambleLayerOne(double[] gradient) {
        for (int p = 0; p < 36; p++) {
            gradient[p] += 0.01 * Math.cos(7.1 * p + 1);
        }
    }

    private static GradientCheckReport check(CheckableNetwork net, CheckOptions options) {
        return GradientChecker.check(net, PARAMS, BATCH, options);
    }

    @Test
    void aMissingOneOverMInDb2() {
        GradientCheckReport report = check(withBug((g, ws, theta) -> {
            g[48] *= M;
            g[49] *= M;
        }), CheckOptions.defaults());
        assertEquals(Verdict.FAIL, report.verdict());
        assertEquals(new Diagnosis("db2 is m = 9 times too large: the 1/m is missing from how it is computed for layer 2", 2,
                List.of("db2")), report.diagnosis());
        // g = 9ĝ: ‖g − ĝ‖ / (‖g‖ + ‖ĝ‖) = 8/10
        assertEquals(0.8, report.tensor("db2").difference(), 1e-6);
        assertEquals(Verdict.PASS, report.tensor("dW2").verdict());
        assertTrue(report.worst().get(0).name().startsWith("db2["), report::toString);
        // dA1 is right: the bug is in db2 alone
        ActivationCheck da1 = report.activationChecks().get(0);
        assertEquals(1, report.activationChecks().size());
        assertEquals(1, da1.layer());
        assertEquals(8, da1.checked());
        assertEquals(Verdict.PASS, da1.verdict(), report::toString);
        assertEquals(100 + 16, report.costEvaluations(), "two evaluations per entry and per sample of dA1");
        assertThrows(GradientCheckFailure.class, () -> GradientAssertions.assertPassed(report));
    }

    /** dA1 twice what it is: backprop's dA1 against the numerical one differs by |2 − 1| / (2 + 1). */
    @Test
    void aWrongDaPointsAtTheLayerAbove() {
        GradientCheckReport report = check(withBug((g, ws, theta) -> {
            scrambleLayerOne(g);
            for (double[] row : ws.da(1)) {
                for (int j = 0; j < M; j++) {
                    row[j] *= 2;
                }
            }
        }), CheckOptions.defaults());
        ActivationCheck da1 = report.activationChecks().get(0);
        assertEquals(1.0 / 3, da1.difference(), 1e-6);
        assertEquals(Verdict.FAIL, da1.verdict());
        assertEquals(8, da1.checked());
        assertEquals(new Diagnosis("backprop's dA1 disagrees with the numerical dJ/dA1 (3.3e-01) while dW2 and db2 are right: check how "
                + "layer 2 passes the gradient down, dA1 = W2ᵀ·dZ2", 1, List.of("dW1", "db1")), report.diagnosis());
    }

    @Test
    void aRightDaPointsAtTheLayersOwnDerivative() {
        CheckableNetwork net = withBug((g, ws, theta) -> scrambleLayerOne(g));
        GradientCheckReport report = check(net, CheckOptions.defaults());
        ActivationCheck da1 = report.activationChecks().get(0);
        assertTrue(da1.difference() < 1e-7, report::toString);
        String summary = report.diagnosis().summary();
        assertTrue(summary.startsWith("layer 1's backward is wrong and the error flows down into every layer below it: backprop's dA1 "
                + "agrees with the numerical dJ/dA1 ("), summary);
        assertTrue(summary.endsWith("), so dZ1 = dA1 ⊙ g'(Z1) is computed wrongly: check the derivative of tanh in layer 1"), summary);

        // with a recorded mask replayed, the mask is a suspect too
        DropoutMask mask = DropoutMask.sample(net.architecture(), Dropout.training(new Well19937c(3)), M, new Well19937c(4));
        String masked = check(net, CheckOptions.defaults().withFixedMask(mask)).diagnosis().summary();
        assertTrue(masked.endsWith("so dZ1 = dA1 ⊙ D1 ⊙ g'(Z1) is computed wrongly: check the derivative of tanh and the dropout mask "
                + "D1 in layer 1"), masked);

        // without numerical dA the diagnosis says how to tell
        GradientCheckReport unchecked = check(net, CheckOptions.defaults().withActivationSamples(0));
        assertEquals(List.of(), unchecked.activationChecks());
        assertEquals(100, unchecked.costEvaluations());
        assertEquals("layer 1's backward is wrong and the error flows down into every layer below it: confirm by checking dJ/dA1 "
                + "numerically against backprop's dA1", unchecked.diagnosis().summary());
    }

    @Test
    void dW2WithoutItsL2Term() {
        GradientCheckReport report = check(withBug((g, ws, theta) -> {
            for (int p = 36; p < 48; p++) {
                g[p] -= 0.3 / M * theta[p];
            }
        }), CheckOptions.defaults());
        assertEquals(Verdict.FAIL, report.verdict());
        assertEquals(new Diagnosis("dW2 lack the L2 term: their errors are exactly −(λ/m)·W, so the data loss's gradient is right; "
                + "add (λ/m)·W[l] to dW[l]", 2, List.of("dW2")), report.diagnosis());
        assertEquals(0.3 / M * Math.sqrt(sumOfSquares(36, 48)), report.tensor("dW2").l2Norm(), 1e-12);
    }

    @Test
    void errorsInEveryLayerPointAtTheOutputDerivative() {
        GradientCheckReport report = check(withBug((g, ws, theta) -> {
            for (int p = 0; p < g.length; p++) {
                g[p] += 0.02 * Math.sin(3.3 * p + 2);
            }
        }), CheckOptions.defaults());
        assertEquals(new Diagnosis("the output layer's dZ2 = A2 − Y is wrong and the error flows down into every layer below: check "
                + "the output derivative of layer 2", 2, List.of("dW1", "db1", "dW2", "db2")), report.diagnosis());
    }

    /**
     * db2 off by a factor 1 + 2·10⁻⁵: a WARN, and a real one. Rechecked with ε ten times larger the difference
     * does not fall, so the sweep stops there and the tensor keeps its WARN.
     */
    @Test
    void aSmallRealErrorWarnsAndSurvivesTheRecheck() {
        GradientCheckReport report = check(withBug((g, ws, theta) -> {
            g[48] *= 1 + 2e-5;
            g[49] *= 1 + 2e-5;
        }), CheckOptions.defaults().withActivationSamples(3));
        assertEquals(Verdict.WARN, report.verdict(), report::toString);
        TensorResult db2 = report.tensor("db2");
        assertEquals(Verdict.WARN, db2.verdict());
        assertEquals(1e-5, db2.difference(), 1e-7);
        assertEquals(1e-5, db2.widerDifference(), 1e-7);
        assertTrue(db2.recheck().matches("1\\.0\\de-05 at ε = 1e-07, 1\\.0\\de-05 at 1e-06"), db2.recheck());
        assertTrue(report.notes().contains("db2 rechecked with larger ε: " + db2.recheck() + String.format(Locale.ROOT,
                "; it stopped falling at %.1e, above passBelow, so a disagreement that large may be real (or, at the largest ε, "
                + "truncation error)", db2.widerDifference())), report::toString);
        assertEquals(100 + 4 + 6, report.costEvaluations(), "the entries, db2's two again at 1e-6, three samples of dA1");
        assertEquals("all large errors are in db2: check how dJ/db is computed for layer 2 (db = (1/m)·Σ_j dZ2)",
                report.diagnosis().summary());
    }

    /** A directional check drills entry by entry only into the tensor whose direction disagrees. */
    @Test
    void aDirectionalCheckDrillsIntoTheWrongTensor() {
        CheckableNetwork net = withBug((g, ws, theta) -> {
            g[30] += 0.05;
            g[33] -= 0.05;
        });
        GradientCheckReport report = check(net, CheckOptions.defaults().directional().withActivationSamples(0));
        assertEquals(Verdict.FAIL, report.verdict());
        assertEquals(List.of(0, 6, 0, 0), report.tensors().stream().map(TensorResult::checked).toList());
        assertEquals(8 + 12, report.costEvaluations());
        assertEquals(List.of("db1"), report.diagnosis().tensors());
        assertTrue(report.tensor("db1").directional() > 1e-3, report::toString);
        for (String passing : List.of("dW1", "dW2", "db2")) {
            assertEquals(report.tensor(passing).directional(), report.tensor(passing).difference());
        }

        // a budget of 5: the directions of two tensors, and no evaluation left to drill into db1
        GradientCheckReport short5 = check(net, CheckOptions.defaults().directional().withBudget(5).withActivationSamples(0));
        assertEquals(4, short5.costEvaluations());
        assertEquals(0, short5.checkedEntries());
        assertEquals(List.of(true, true, false, false), short5.tensors().stream().map(TensorResult::covered).toList());
        assertEquals(Verdict.FAIL, short5.tensor("db1").verdict(), "judged by its direction");
        // a budget of 6: the directions of three tensors
        assertEquals(List.of(true, true, true, false), check(net, CheckOptions.defaults().directional().withBudget(6)
                .withActivationSamples(0)).tensors().stream().map(TensorResult::covered).toList());
        // a budget of 12: four directions, two entries of db1
        GradientCheckReport short12 = check(net, CheckOptions.defaults().directional().withBudget(12).withActivationSamples(0));
        assertEquals(12, short12.costEvaluations());
        assertEquals(2, short12.tensor("db1").checked());
    }

    /**
     * The overall difference counts the drilled tensor by its entries and every other by its direction, each
     * direction as one comparison of g·v with its estimate.
     */
    @Test
    void theOverallDifferenceOfADirectionalCheckCountsEachDirectionOnce() {
        CheckableNetwork net = withBug((g, ws, theta) -> g[31] += 0.05);
        CheckOptions options = CheckOptions.defaults().directional().withActivationSamples(0).withWorstEntries(6);
        GradientCheckReport report = check(net, options);
        double diff = 0;
        double analytic = 0;
        double numeric = 0;
        for (EntryResult e : report.worst()) {
            assertTrue(e.name().startsWith("db1["), e.name());
            diff += (e.analytic() - e.numeric()) * (e.analytic() - e.numeric());
            analytic += e.analytic() * e.analytic();
            numeric += e.numeric() * e.numeric();
        }
        DirectionalCheck directions = new DirectionalCheck(new BasePass(net, PARAMS, BATCH, Dropout.off()), options);
        Probe probe = Probe.of(net, M);
        for (int t : new int[] {0, 2, 3}) {
            DirectionalCheck.Outcome o = directions.check(net.layout().tensors().get(t), t, probe);
            diff += (o.analytic() - o.numeric()) * (o.analytic() - o.numeric());
            analytic += o.analytic() * o.analytic();
            numeric += o.numeric() * o.numeric();
        }
        assertEquals(TensorSummaries.relative(diff, analytic, numeric), report.difference(), 1e-12);
    }

    @Test
    void aFailingStageStopsTrainingAndAWarningStageDoesNot() {
        CheckableNetwork net = withBug((g, ws, theta) -> {
            g[48] *= M;
            g[49] *= M;
        });
        StagedChecks stop = StagedChecks.atInitialization().thenAfterIterations(2);
        TrainingResult stopped = Trainer.sgd(0.1).epochs(3).batchSize(M).checks(stop)
                .fit(net, PARAMS.copy(), BATCH);
        assertEquals(StopReason.REQUESTED, stopped.stopReason());
        assertEquals(0, stopped.iterations());
        assertEquals("stopped at iteration 0 on request: gradient check at initialisation FAIL: db2 is m = 9 times too large: the 1/m "
                + "is missing from how it is computed for layer 2", stopped.message());
        assertEquals(1, stop.reports().size());

        List<String> warnings = new ArrayList<>();
        Logger log = Logger.getLogger(StagedChecks.class.getName());
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel() == Level.WARNING) {
                    warnings.add(record.getMessage());
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        log.addHandler(handler);
        StagedChecks warn = StagedChecks.atInitialization().thenAfterIterations(2).onFailure(StagedChecks.OnFailure.WARN);
        TrainingResult kept;
        try {
            kept = Trainer.sgd(0.1).epochs(3).batchSize(M).checks(warn).fit(net, PARAMS.copy(), BATCH);
        } finally {
            log.removeHandler(handler);
        }
        assertEquals(3, kept.iterations());
        assertEquals(List.of(0L, 2L), warn.reports().stream().map(StageReport::iteration).toList());
        assertSame(Verdict.FAIL, warn.reports().get(1).report().verdict());
        assertEquals(List.of("gradient check at initialisation FAIL: " + warn.reports().get(0).report().diagnosis().summary(),
                "gradient check after 2 iterations FAIL: " + warn.reports().get(1).report().diagnosis().summary()), warnings);
    }

    private static double sumOfSquares(int from, int to) {
        double sum = 0;
        for (int p = from; p < to; p++) {
            sum += PARAMS.values()[p] * PARAMS.values()[p];
        }
        return sum;
    }
}
