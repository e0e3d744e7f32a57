package dev.netsmith.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netsmith.runtime.ParameterLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Per-tensor differences, verdicts, norms and worst entries from the entries a check compared. */
class TensorSummariesTest {

    /** [2, 2, 1]: W1 2×2 (0..3), b1 (4, 5), W2 1×2 (6, 7), b2 (8). */
    private static final ParameterLayout LAYOUT = ParameterLayout.of(2, 2, 1);
    private static final CheckOptions OPTIONS = CheckOptions.defaults();

    static EntryResult entry(int index, double value, double analytic, double numeric) {
        return new EntryResult(index, "d" + LAYOUT.nameOf(index), value, analytic, numeric, 1, 1,
                EntryResult.symmetricError(analytic, numeric, 0), null);
    }

    static EntryResult kinked(int index) {
        return new EntryResult(index, "d" + LAYOUT.nameOf(index), 0.5, 100, -100, 1, 1, 1, "Z1[0][0] is 1.0E-9 at θ+ε and -1.0E-9 at θ−ε");
    }

    private static List<TensorResult> summarise(List<EntryResult> entries, Map<String, DirectionalCheck.Outcome> directions,
                                                double lambda, int m, double noise) {
        return TensorSummaries.summarise(LAYOUT, TensorSummaries.byTensor(LAYOUT, entries), directions, OPTIONS, lambda, m, noise);
    }

    @Test
    void theRelativeDifferenceIsTheCourses() {
        // ‖g − ĝ‖ = 5, ‖g‖ = 3, ‖ĝ‖ = 4
        assertEquals(5.0 / 7, TensorSummaries.relative(25, 9, 16));
        assertEquals(0, TensorSummaries.relative(0, 0, 0), "both gradients exactly 0 agree");
        assertEquals(1, TensorSummaries.relative(4, 4, 0));
    }

    @Test
    void theElementwiseErrorIsSymmetricWithAFloor() {
        assertEquals(0, EntryResult.symmetricError(0, 0, 1e-3));
        assertEquals(1, EntryResult.symmetricError(2, -2, 0));
        assertEquals(1.0 / 3, EntryResult.symmetricError(1, 2, 0), 1e-16);
        assertEquals(1.0 / 3, EntryResult.symmetricError(2, 1, 1e-9), 1e-16);
        // below the floor the error is measured against the floor: tiny gradients are not all "100% wrong"
        assertEquals(1e-9 / 1e-6, EntryResult.symmetricError(1e-9, 0, 1e-6), 1e-18);
        assertEquals(1, EntryResult.symmetricError(1e-9, 0, 1e-9));
    }

    @Test
    void entriesAreGroupedByTensorInLayoutOrder() {
        Map<String, List<EntryResult>> map = TensorSummaries.byTensor(LAYOUT,
                List.of(entry(8, 0, 1, 1), entry(0, 0, 1, 1), entry(3, 0, 1, 1)));
        assertEquals(List.of("dW1", "db1", "dW2", "db2"), new ArrayList<>(map.keySet()));
        assertEquals(List.of(0, 3), map.get("dW1").stream().map(EntryResult::index).toList());
        assertTrue(map.get("db1").isEmpty());
        assertEquals(List.of(8), map.get("db2").stream().map(EntryResult::index).toList());
    }

    @Test
    void eachTensorIsJudgedByItsOwnDifference() {
        List<EntryResult> entries = List.of(
                entry(0, 0.5, 0.3, 0.3), entry(1, -0.5, 0.4, 0.4),          // dW1 agrees
                entry(4, 0.1, 1.0, 1.0001),                                  // db1: 1e-4/2.0001 → WARN
                entry(6, 0.2, 1.0, 2.0), entry(7, -0.2, 0.5, 0.5),           // dW2 fails
                entry(8, 0, 0, 0));                                          // db2 exactly 0 on both sides
        List<TensorResult> tensors = summarise(entries, Map.of(), 0.6, 3, 0);
        assertEquals(List.of("dW1", "db1", "dW2", "db2"), tensors.stream().map(TensorResult::name).toList());

        TensorResult w1 = tensors.get(0);
        assertEquals(2, w1.checked());
        assertEquals(0, w1.difference());
        assertEquals(Verdict.PASS, w1.verdict());
        assertEquals(0.5, w1.analyticNorm(), 1e-15);
        assertEquals(0.5, w1.numericNorm(), 1e-15);
        assertEquals(0.6 / 3 * Math.sqrt(0.5), w1.l2Norm(), 1e-15, "‖(λ/m)·W‖ over the entries compared");
        assertFalse(w1.complete());

        TensorResult b1 = tensors.get(1);
        assertEquals(1e-4 / 2.0001, b1.difference(), 1e-15);
        assertEquals(Verdict.WARN, b1.verdict());
        assertEquals(0, b1.l2Norm(), "biases carry no L2 term");

        TensorResult w2 = tensors.get(2);
        double expected = 1 / (Math.sqrt(1.25) + Math.sqrt(4.25));
        assertEquals(expected, w2.difference(), 1e-15);
        assertEquals(Verdict.FAIL, w2.verdict());
        assertEquals(6, w2.worst().index());
        assertEquals(1.0 / 3, w2.maxError(), 1e-15);
        assertTrue(w2.complete());
        assertTrue(w2.covered());

        TensorResult b2 = tensors.get(3);
        assertEquals(0, b2.difference());
        assertEquals(Verdict.PASS, b2.verdict());
        assertEquals(0, b2.maxError());
        assertEquals(8, b2.worst().index(), "an entry with error 0 is still the worst of its tensor");
        for (TensorResult t : tensors) {
            assertFalse(t.withinNoise());
            assertTrue(Double.isNaN(t.widerDifference()));
            assertTrue(Double.isNaN(t.directional()));
            assertNull(t.recheck());
        }
    }

    @Test
    void theWorstEntryIsTheFirstWithTheLargestError() {
        List<EntryResult> entries = List.of(entry(0, 0, 1, 1.1), entry(1, 0, 1, 3), entry(2, 0, 1, 3), entry(3, 0, 1, 2));
        TensorResult w1 = summarise(entries, Map.of(), 0, 1, 0).get(0);
        assertEquals(1, w1.worst().index());
        assertEquals(0.5, w1.maxError());
    }

    @Test
    void kinksAreLeftOutAndCounted() {
        List<EntryResult> entries = List.of(kinked(4), entry(5, 0.1, 0.2, 0.2), kinked(0), kinked(1));
        List<TensorResult> tensors = summarise(entries, Map.of(), 0.6, 3, 0);
        TensorResult b1 = tensors.get(1);
        assertEquals(2, b1.checked());
        assertEquals(1, b1.inconclusive());
        assertEquals(0, b1.difference(), "the kinked entry's 100 vs −100 is not compared");
        assertEquals(Verdict.PASS, b1.verdict());
        assertEquals(5, b1.worst().index());
        TensorResult w1 = tensors.get(0);
        assertEquals(2, w1.checked());
        assertEquals(2, w1.inconclusive());
        assertNull(w1.verdict(), "nothing conclusive: no verdict");
        assertFalse(w1.covered());
        assertEquals(0, w1.difference());
        assertNull(w1.worst());
        assertEquals(0, w1.l2Norm());
    }

    @Test
    void aTensorCheckedOnlyAlongADirectionTakesTheDirectionsDifference() {
        Map<String, DirectionalCheck.Outcome> directions = Map.of(
                "dW1", new DirectionalCheck.Outcome(1, 1, 2e-9, null),
                "db1", new DirectionalCheck.Outcome(1, 2, 1.0 / 3, null));
        List<EntryResult> entries = List.of(entry(4, 0, 1, 2), entry(5, 0, 1, 2));
        List<TensorResult> tensors = summarise(entries, directions, 0, 1, 0);
        TensorResult w1 = tensors.get(0);
        assertEquals(0, w1.checked());
        assertEquals(2e-9, w1.difference());
        assertEquals(2e-9, w1.directional());
        assertEquals(Verdict.PASS, w1.verdict());
        TensorResult b1 = tensors.get(1);
        assertEquals(1.0 / 3, b1.directional());
        assertEquals(1.0 / 3, b1.difference(), 1e-15, "drilled entry by entry: the entries' difference");
        assertEquals(Verdict.FAIL, b1.verdict());
        assertNull(tensors.get(2).verdict(), "neither direction nor entries: not covered");
    }

    /**
     * A WARN or FAIL whose ‖g − ĝ‖ is within 10·noise·√n is rounding noise: it passes and says so. At 10·noise·√n
     * exactly it still passes; just above, it keeps its verdict.
     */
    @Test
    void aDisagreementWithinTheRoundingNoisePasses() {
        // dW1: four entries, each off by 2⁻²⁰ on a gradient of 1/4: ‖g − ĝ‖ = 2⁻¹⁹, difference ≈ 9.5e-7 (WARN)
        List<EntryResult> entries = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            entries.add(entry(i, 0, 0.25, 0.25 + 0x1p-20));
        }
        entries.add(kinked(4));
        double disagreement = 0x1p-19;
        double atNoise = disagreement / 20;
        while (10 * atNoise * 2 < disagreement) {
            atNoise = Math.nextUp(atNoise);
        }
        while (10 * atNoise * 2 > disagreement) {
            atNoise = Math.nextDown(atNoise);
        }
        assertEquals(disagreement, 10 * atNoise * Math.sqrt(4), "a noise at which 10·noise·√n is ‖g − ĝ‖ exactly");
        TensorResult within = summarise(entries, Map.of(), 0, 1, atNoise).get(0);
        assertEquals(Verdict.PASS, within.verdict());
        assertTrue(within.withinNoise());
        assertTrue(within.difference() > 1e-7, "the course's difference itself is kept");
        assertTrue(Double.isNaN(within.widerDifference()));

        TensorResult above = summarise(entries, Map.of(), 0, 1, Math.nextDown(atNoise)).get(0);
        assertEquals(Verdict.WARN, above.verdict());
        assertFalse(above.withinNoise());

        // a tensor that passes anyway is not marked as noise, and one with nothing conclusive never is
        TensorResult b1 = summarise(entries, Map.of(), 0, 1, 1).get(1);
        assertFalse(b1.withinNoise());
        assertNull(b1.verdict());
        List<EntryResult> agree = List.of(entry(6, 0, 1, 1));
        assertFalse(summarise(agree, Map.of(), 0, 1, 1).get(2).withinNoise());
    }

    @Test
    void aNoisyDirectionIsNotPassedAsNoise() {
        Map<String, DirectionalCheck.Outcome> directions = Map.of("dW1", new DirectionalCheck.Outcome(1, 1.001, 1e-3 / 2.001, null));
        TensorResult w1 = summarise(List.of(), directions, 0, 1, 1).get(0);
        assertEquals(Verdict.WARN, w1.verdict());
        assertFalse(w1.withinNoise(), "no entry was compared, so there is no ‖g − ĝ‖ to compare with the noise");
    }

    @Test
    void rechecksReplaceOnlyWhatTheyMeasured() {
        TensorResult w2 = summarise(List.of(entry(6, 0.2, 1.0, 1.001)), Map.of(), 0, 1, 0).get(2);
        TensorResult passed = w2.passedAsNoise(3e-8, "5e-4 at ε = 1e-07, 3e-8 at 1e-06");
        assertEquals(Verdict.PASS, passed.verdict());
        assertTrue(passed.withinNoise());
        assertEquals(3e-8, passed.widerDifference());
        assertEquals("5e-4 at ε = 1e-07, 3e-8 at 1e-06", passed.recheck());
        assertEquals(w2.difference(), passed.difference());
        assertSame(w2.worst(), passed.worst());
        assertEquals(w2.tensor(), passed.tensor());
        assertEquals(w2.checked(), passed.checked());
        assertEquals(w2.analyticNorm(), passed.analyticNorm());
        assertEquals(w2.numericNorm(), passed.numericNorm());
        assertEquals(w2.maxError(), passed.maxError());

        TensorResult kept = w2.rechecked(4e-4, "x");
        assertEquals(Verdict.WARN, kept.verdict());
        assertFalse(kept.withinNoise());
        assertEquals(4e-4, kept.widerDifference());
        assertEquals("x", kept.recheck());
        assertEquals(w2.difference(), kept.difference());
    }

    @Test
    void anEntryOfAnUnknownTensorIsABug() {
        EntryResult outside = new EntryResult(9, "d?", 0, 0, 0, 0, 0, 0, null);
        assertThrows(RuntimeException.class, () -> TensorSummaries.byTensor(LAYOUT, List.of(outside)));
    }
}
