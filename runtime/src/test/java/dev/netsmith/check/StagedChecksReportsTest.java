package dev.netsmith.check;

import static dev.netsmith.check.GradientCheckerTest.BATCH;
import static dev.netsmith.check.GradientCheckerTest.NET;
import static dev.netsmith.check.GradientCheckerTest.PARAMS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netsmith.runtime.Batch;
import dev.netsmith.runtime.Parameters;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Stages checked by hand on the hand-written network: which batch each checks, the reports kept, and the table. */
class StagedChecksReportsTest {

    /** The first n examples of the test batch, as a batch of their own. */
    private static Batch first(int n) {
        return NET.batch(Arrays.stream(BATCH.x()).map(r -> Arrays.copyOf(r, n)).toArray(double[][]::new),
                Arrays.stream(BATCH.y()).map(r -> Arrays.copyOf(r, n)).toArray(double[][]::new));
    }

    /** The batch a report was made on, told by its rounding noise (which sums that batch's losses). */
    private static void assertCheckedOn(Batch expected, GradientCheckReport report) {
        assertEquals(GradientChecker.check(NET, PARAMS, expected).noise(), report.noise());
    }

    @Test
    void everyStageChecksTheFirstExamplesOfTheDataItFirstSaw() {
        StagedChecks checks = StagedChecks.atInitialization().thenAfterIterations(5).onFirstExamples(4);
        StageReport atStart = checks.check(0, NET, PARAMS, BATCH);
        assertCheckedOn(first(4), atStart.report());
        assertEquals(0, atStart.iteration());
        // later data: the same four examples all the same
        StageReport later = checks.check(5, NET, PARAMS, first(6));
        assertCheckedOn(first(4), later.report());
        assertEquals(List.of(atStart, later), checks.reports());
        assertEquals(1, later.report().threads(), "the network's declared settings");

        // more examples asked for than there are: all of them
        StagedChecks all = StagedChecks.atInitialization().onFirstExamples(100);
        assertCheckedOn(BATCH, all.check(0, NET, PARAMS, BATCH).report());
    }

    @Test
    void aGivenBatchAndGivenOptionsAreUsedAtEveryStage() {
        Batch given = first(3);
        StagedChecks checks = StagedChecks.atInitialization().thenAtEnd().onBatch(given).withOptions(CheckOptions.defaults().sampled(2));
        GradientCheckReport report = checks.check(17, NET, PARAMS, BATCH).report();
        assertCheckedOn(given, report);
        assertEquals(8, report.checkedEntries());
        assertEquals(17, checks.reports().get(0).iteration());
    }

    @Test
    void theReportsSideBySide() {
        StagedChecks checks = StagedChecks.atInitialization().thenAfterIterations(1000).withOptions(CheckOptions.defaults().withBudget(6));
        Parameters trained = PARAMS.copy();
        trained.values()[0] += 0.5;
        GradientCheckReport start = checks.check(0, NET, PARAMS, BATCH).report();
        GradientCheckReport end = checks.check(1000, NET, trained, BATCH).report();
        String header = "tensor    at initialisation           after 1,000 iterations    ";
        StringBuilder expected = new StringBuilder(header).append('\n');
        for (int t = 0; t < 4; t++) {
            TensorResult a = start.tensors().get(t);
            TensorResult b = end.tensors().get(t);
            expected.append(String.format(Locale.ROOT, "%-8s  %-26s  %-26s%n", a.name(), cell(a), cell(b)));
        }
        expected.append(String.format(Locale.ROOT, "overall   %-26s  %-26s%n", String.format(Locale.ROOT, "%.2e PASS", start.difference()),
                String.format(Locale.ROOT, "%.2e PASS", end.difference())));
        assertEquals(expected.toString(), checks.sideBySide());
        assertTrue(checks.sideBySide().contains("db2       not run                     not run"), checks.sideBySide());
        assertEquals(List.of(0L, 1000L), checks.reports().stream().map(StageReport::iteration).toList());
        assertThrows(UnsupportedOperationException.class, () -> checks.reports().clear());
    }

    /** At ε = 1e-10 the estimates are rounding noise: tensors pass as noise, marked and explained under the table. */
    @Test
    void noiseIsMarkedAndExplained() {
        StagedChecks checks = StagedChecks.atInitialization().withOptions(CheckOptions.defaults().withEpsilon(1e-10));
        GradientCheckReport report = checks.check(0, NET, PARAMS, BATCH).report();
        assertEquals(Verdict.PASS, report.verdict(), report::toString);
        TensorResult noisy = report.tensors().stream().filter(TensorResult::withinNoise).findFirst().orElseThrow(() -> new AssertionError(report));
        String table = checks.sideBySide();
        assertTrue(table.contains(String.format(Locale.ROOT, "%-8s  %-26s", noisy.name(),
                String.format(Locale.ROOT, "%.2e PASS (noise)", noisy.difference()))), table);
        assertTrue(table.endsWith("\n(noise): above passBelow only by rounding error, which the report's notes show\n"), table);
    }

    private static String cell(TensorResult t) {
        return t.covered() ? String.format(Locale.ROOT, "%.2e %s", t.difference(), t.verdict()) : "not run";
    }
}
