package dev.netsmith.processor.check;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.JavaFileObjects;
import dev.netsmith.check.CheckOptions;
import dev.netsmith.check.CheckableNetwork;
import dev.netsmith.check.GradientCheckReport;
import dev.netsmith.check.StageReport;
import dev.netsmith.check.StagedChecks;
import dev.netsmith.check.Verdict;
import dev.netsmith.processor.testing.BugInjection;
import dev.netsmith.processor.testing.GeneratedClasses;
import dev.netsmith.processor.testing.TestData;
import dev.netsmith.processor.testing.TestNetworks;
import dev.netsmith.runtime.Batch;
import dev.netsmith.runtime.Parameters;
import dev.netsmith.train.StopReason;
import dev.netsmith.train.Trainer;
import dev.netsmith.train.TrainingResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Gradient checks at stages of a training run: only at the stages, side by side, stopping on failure. */
class StagedChecksTest {

    private static Batch batch(CheckableNetwork net, int m) {
        return net.batch(TestData.inputs(net.architecture(), m, 61), TestData.labels(net.architecture(), m, 62));
    }

    @Test
    void checksRunAtInitialisationAndAfterTrainingOnlyAndAreKeptSideBySide() {
        CheckableNetwork net = (CheckableNetwork) TestNetworks.generated().network("nets.Nets_ReluSoftmaxCrossEntropyL2");
        Batch train = batch(net, 100);
        StagedChecks checks = StagedChecks.atInitialization().thenAfterIterations(30).thenAfterIterations(60).onFirstExamples(20);
        TrainingResult result = Trainer.adam(1e-2).epochs(10).batchSize(25).seed(3).checks(checks)
                .fit(net, net.initialize(1), train);

        assertEquals(40, result.iterations());
        List<StageReport> reports = checks.reports();
        assertEquals(List.of(0L, 30L), reports.stream().map(StageReport::iteration).toList(), "the stage at 60 comes after the run");
        assertEquals("at initialisation", reports.get(0).label());
        assertEquals("after 30 iterations", reports.get(1).label());
        for (StageReport stage : reports) {
            assertEquals(Verdict.PASS, stage.report().verdict(), stage.report()::toString);
            assertTrue(stage.report().notes().get(0).startsWith("dropout: off for the check"), stage.report()::toString);
        }
        assertTrue(reports.get(0).report().difference() != reports.get(1).report().difference(), "training moved the parameters");
        String table = checks.sideBySide();
        assertTrue(table.startsWith("tensor    at initialisation"), table);
        assertTrue(table.contains("after 30 iterations"), table);
        assertTrue(table.lines().anyMatch(l -> l.startsWith("dW1") && l.split("PASS", -1).length == 3), table);
    }

    @Test
    void aCheckAtTheEndRunsOnTheParametersTrainingReturnsHoweverLongItTook() {
        CheckableNetwork net = (CheckableNetwork) TestNetworks.generated().network("nets.Nets_TanhBinaryCrossEntropy");
        Batch train = batch(net, 60);
        StagedChecks checks = StagedChecks.atInitialization().thenAfterIterations(4).thenAtEnd();
        TrainingResult result = Trainer.sgd(0.1).epochs(7).batchSize(20).checks(checks).fit(net, net.initialize(6), train);
        assertEquals(21, result.iterations());
        assertEquals(List.of(0L, 4L, 21L), checks.reports().stream().map(StageReport::iteration).toList());

        StagedChecks endOnly = StagedChecks.afterIterations(21).thenAtEnd();
        Trainer.sgd(0.1).epochs(7).batchSize(20).checks(endOnly).fit(net, net.initialize(6), train);
        assertEquals(List.of(21L), endOnly.reports().stream().map(StageReport::iteration).toList(), "not twice at the same count");
    }

    @Test
    void aFailingStageStopsTrainingWithTheDiagnosis() {
        CheckableNetwork buggy = new BugInjection("demo.Net", JavaFileObjects.forSourceString("demo.Net", """
                package demo;

                import dev.netsmith.*;

                @Network(inputs = 4, loss = Loss.BINARY_CROSS_ENTROPY)
                @Dense(units = 5, activation = Activation.TANH)
                @Dense(units = 1, activation = Activation.SIGMOID)
                public interface Net {}
                """)).replace("gradients2", "grad[B2 + i] = sum(dz[i], m) * invM;", "grad[B2 + i] = sum(dz[i], m);", 1).compile("demo.Net");
        Batch train = batch(buggy, 50);
        StagedChecks stop = StagedChecks.atInitialization().thenAfterIterations(20);
        TrainingResult stopped = Trainer.sgd(0.1).epochs(5).batchSize(50).checks(stop).fit(buggy, buggy.initialize(2), train);
        assertEquals(StopReason.REQUESTED, stopped.stopReason());
        assertEquals(0, stopped.iterations());
        assertTrue(stopped.message().contains("gradient check at initialisation FAIL"), stopped.message());
        assertTrue(stopped.message().contains("db2"), stopped.message());

        StagedChecks warn = StagedChecks.atInitialization().thenAfterIterations(3).onFailure(StagedChecks.OnFailure.WARN);
        TrainingResult warned = Trainer.sgd(0.1).epochs(5).batchSize(50).checks(warn).fit(buggy, buggy.initialize(2), train);
        assertEquals(5, warned.iterations());
        assertEquals(2, warn.reports().size());
        warn.reports().forEach(r -> assertEquals(Verdict.FAIL, r.report().verdict()));
    }

    @Test
    void stagesAreAShortExplicitListUsableWithoutTheTrainer() {
        assertThrows(IllegalArgumentException.class, () -> StagedChecks.atInitialization().thenAfterIterations(0));
        assertThrows(IllegalArgumentException.class, () -> StagedChecks.afterIterations(100).thenAfterIterations(50));
        StagedChecks checks = StagedChecks.atInitialization().thenAfterIterations(1000);
        assertArrayEquals(new long[] {0, 1000}, checks.stages());
        assertEquals(1000, checks.nextAt(1));
        assertEquals(StagedChecks.NEVER, checks.nextAt(1001));

        CheckableNetwork net = (CheckableNetwork) TestNetworks.generated().network("nets.Nets_TanhMeanSquaredError");
        Parameters params = net.initialize(4);
        StageReport first = checks.check(0, net, params, batch(net, 30));
        assertEquals(Verdict.PASS, first.report().verdict());
        assertThrows(IllegalArgumentException.class, () -> checks.check(5, net, params, batch(net, 30)));
    }

    @Test
    void theDeclaredGradientCheckSettingsReachTheGeneratedConvenience() throws ReflectiveOperationException {
        GeneratedClasses generated = GeneratedClasses.process(JavaFileObjects.forSourceString("demo.Declared", """
                package demo;

                import dev.netsmith.*;

                @Network(inputs = 3, loss = Loss.MEAN_SQUARED_ERROR)
                @Dense(units = 4, activation = Activation.TANH)
                @Dense(units = 2, activation = Activation.LINEAR)
                @GradientCheck(epsilon = 2e-7, passBelow = 1e-6, failAbove = 1e-2)
                public interface Declared {}
                """));
        CheckableNetwork net = (CheckableNetwork) generated.network("demo.Declared");
        CheckOptions declared = net.declaredCheckOptions();
        assertEquals(2e-7, declared.epsilon());
        assertEquals(1e-6, declared.passBelow());
        assertEquals(1e-2, declared.failAbove());
        Parameters params = net.initialize(5);
        Batch batch = batch(net, 20);
        GradientCheckReport report = (GradientCheckReport) net.getClass()
                .getMethod("gradientCheck", Parameters.class, Batch.class).invoke(net, params, batch);
        assertEquals(2e-7, report.epsilon());
        assertEquals(1e-6, report.passBelow());
        assertEquals(Verdict.PASS, report.verdict(), report::toString);
    }
}
