package dev.netsmith.check;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netsmith.Activation;
import dev.netsmith.Init;
import dev.netsmith.Loss;
import dev.netsmith.runtime.Architecture;
import dev.netsmith.runtime.Batch;
import dev.netsmith.testing.HandWrittenTanhSigmoid;
import dev.netsmith.train.TrainingStage;
import java.util.List;
import org.junit.jupiter.api.Test;

/** When staged checks run, and what they refuse before training starts. */
class StagedChecksScheduleTest {

    @Test
    void stagesAreIterationCountsInIncreasingOrder() {
        StagedChecks checks = StagedChecks.atInitialization().thenAfterIterations(1).thenAfterIterations(1000);
        assertArrayEquals(new long[] {0, 1, 1000}, checks.stages());
        assertEquals(0, checks.nextAt(0));
        assertEquals(1, checks.nextAt(1));
        assertEquals(1000, checks.nextAt(2));
        assertEquals(1000, checks.nextAt(1000));
        assertEquals(TrainingStage.NEVER, checks.nextAt(1001));
        assertFalse(checks.atEnd());
        assertTrue(checks.thenAtEnd().atEnd());
        assertFalse(checks.atEnd(), "thenAtEnd returns a copy");

        StagedChecks later = StagedChecks.afterIterations(500);
        assertArrayEquals(new long[] {500}, later.stages());
        assertEquals(500, later.nextAt(0));
        assertEquals("stages must come in order: 500 is not after 500",
                assertThrows(IllegalArgumentException.class, () -> later.thenAfterIterations(500)).getMessage());
        assertArrayEquals(new long[] {500, 501}, later.thenAfterIterations(501).stages());
        assertArrayEquals(new long[] {500}, later.stages(), "the stages it was made from are unchanged");

        long[] copy = checks.stages();
        copy[0] = 99;
        assertArrayEquals(new long[] {0, 1, 1000}, checks.stages(), "stages() is a copy");
    }

    @Test
    void everyCopyKeepsTheStages() {
        StagedChecks checks = StagedChecks.atInitialization().thenAfterIterations(10).thenAtEnd();
        for (StagedChecks copy : List.of(checks.onFailure(StagedChecks.OnFailure.WARN), checks.withOptions(CheckOptions.defaults()),
                checks.onFirstExamples(5), checks.onBatch(batch()))) {
            assertArrayEquals(new long[] {0, 10}, copy.stages());
            assertTrue(copy.atEnd());
        }
        assertFalse(StagedChecks.atInitialization().onFailure(StagedChecks.OnFailure.WARN).atEnd());
    }

    @Test
    void badSettingsAreRefused() {
        assertEquals("must be at least 1, was 0", assertThrows(IllegalArgumentException.class, () -> StagedChecks.afterIterations(0))
                .getMessage());
        assertEquals(1, StagedChecks.afterIterations(1).stages()[0]);
        StagedChecks checks = StagedChecks.atInitialization();
        assertEquals("stages must come in order: 0 is not after 0",
                assertThrows(IllegalArgumentException.class, () -> checks.thenAfterIterations(0)).getMessage());
        assertEquals("onFailure needs STOP or WARN", assertThrows(IllegalArgumentException.class, () -> checks.onFailure(null)).getMessage());
        assertEquals("options are null", assertThrows(IllegalArgumentException.class, () -> checks.withOptions(null)).getMessage());
        assertEquals("the check batch needs inputs and labels",
                assertThrows(IllegalArgumentException.class, () -> checks.onBatch(null)).getMessage());
        Batch unlabelled = Batch.inputs(new HandWrittenTanhSigmoid(2, 3, 1, 1, 0).architecture(), new double[2][4]);
        assertEquals("the check batch needs inputs and labels",
                assertThrows(IllegalArgumentException.class, () -> checks.onBatch(unlabelled)).getMessage());
        assertEquals("must be at least 1, was 0", assertThrows(IllegalArgumentException.class, () -> checks.onFirstExamples(0)).getMessage());
        assertEquals(64, StagedChecks.DEFAULT_CHECK_EXAMPLES);
    }

    /** A hand-written network has no generated check kernel: a stage says so rather than failing later. */
    @Test
    void onlyGeneratedNetworksCanBeChecked() {
        HandWrittenTanhSigmoid net = new HandWrittenTanhSigmoid(2, 3, 1, 1, 0);
        StagedChecks checks = StagedChecks.atInitialization().thenAfterIterations(5);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> checks.check(0, net, net.initialize(1), batch()));
        assertEquals("staged gradient checks need a generated network (a CheckableNetwork), not " + HandWrittenTanhSigmoid.class.getName(),
                e.getMessage());
        assertEquals("no stage at iteration 3; the stages are [0, 5]",
                assertThrows(IllegalArgumentException.class, () -> checks.check(3, net, net.initialize(1), batch())).getMessage());
        // with a check at the end any count is a stage, so the next complaint is the network's
        assertTrue(assertThrows(IllegalArgumentException.class, () -> checks.thenAtEnd().check(3, net, net.initialize(1), batch()))
                .getMessage().startsWith("staged gradient checks need a generated network"));
        assertTrue(checks.reports().isEmpty());
        assertEquals("no gradient check has run yet", checks.sideBySide());
    }

    @Test
    void stageLabels() {
        assertEquals("at initialisation", new StageReport(0, null).label());
        assertEquals("after 1 iterations", new StageReport(1, null).label());
        assertEquals("after 12,345 iterations", new StageReport(12345, null).label());
    }

    private static Batch batch() {
        Architecture arch = new Architecture("b", 2, List.of(Architecture.Layer.of(3, Activation.TANH),
                Architecture.Layer.of(1, Activation.SIGMOID)), Loss.BINARY_CROSS_ENTROPY, 0, Init.AUTO);
        return Batch.of(arch, new double[2][4], new double[1][4]);
    }
}
