package dev.netsmith.check;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netsmith.runtime.ParameterLayout;
import dev.netsmith.runtime.ParameterLayout.Tensor;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The order parameters are perturbed in: every tensor's entries shuffled by the seed, then interleaved one per
 * tensor per round, so that a budget that stops early has still covered every tensor.
 */
class SelectionTest {

    /** [5, 4, 3, 2]: W1 4×5, b1 4, W2 3×4, b2 3, W3 2×3, b3 2. */
    private static final ParameterLayout LAYOUT = ParameterLayout.of(5, 4, 3, 2);

    @Test
    void aFullSelectionHoldsEveryParameterOnce() {
        int[] order = Selection.all(LAYOUT, 1);
        assertEquals(LAYOUT.size(), order.length);
        assertArrayEquals(IntStream.range(0, LAYOUT.size()).toArray(), Arrays.stream(order).sorted().toArray());
        assertArrayEquals(order, Selection.of(LAYOUT.tensors(), Integer.MAX_VALUE, 1));
        assertArrayEquals(order, Selection.of(LAYOUT.tensors(), LAYOUT.size(), 1), "k at least the size: every entry");
    }

    /** Round r holds the r-th chosen entry of every tensor that still has one, in layout order. */
    @Test
    void entriesAreInterleavedAcrossTensorsRoundByRound() {
        List<Tensor> tensors = LAYOUT.tensors();
        int[] order = Selection.all(LAYOUT, 3);
        int position = 0;
        for (int round = 0; position < order.length; round++) {
            for (Tensor t : tensors) {
                if (round < t.size()) {
                    assertTrue(t.contains(order[position]), "round " + round + " position " + position + " should be in " + t.name());
                    position++;
                }
            }
        }
        // the first six perturbations touch all six tensors: a budget of 12 evaluations covers every one
        Set<String> first = new HashSet<>();
        for (int i = 0; i < tensors.size(); i++) {
            first.add(LAYOUT.tensorAt(order[i]).name());
        }
        assertEquals(6, first.size());
    }

    @Test
    void aSampleTakesKOfEveryTensorAndAllOfASmallerOne() {
        int[] order = Selection.of(LAYOUT.tensors(), 3, 5);
        assertEquals(3 + 3 + 3 + 3 + 3 + 2, order.length);
        for (Tensor t : LAYOUT.tensors()) {
            long inTensor = Arrays.stream(order).filter(t::contains).count();
            assertEquals(Math.min(3, t.size()), inTensor, t.name());
        }
        assertEquals(order.length, Arrays.stream(order).distinct().count(), "no entry twice");
        assertEquals(6, Selection.of(LAYOUT.tensors(), 1, 5).length);
    }

    @Test
    void theOrderIsTheSeedsAndShuffledWithinEachTensor() {
        assertArrayEquals(Selection.all(LAYOUT, 11), Selection.all(LAYOUT, 11));
        assertFalse(Arrays.equals(Selection.all(LAYOUT, 11), Selection.all(LAYOUT, 12)));
        List<Tensor> w1 = List.of(LAYOUT.weights(1));
        int[] shuffled = Selection.of(w1, Integer.MAX_VALUE, 11);
        assertFalse(Arrays.equals(IntStream.range(0, 20).toArray(), shuffled), "20 entries left in order");
        assertArrayEquals(IntStream.range(0, 20).toArray(), Arrays.stream(shuffled).sorted().toArray());
        // a sample of a tensor is the start of its shuffled order, so larger samples extend smaller ones
        int[] four = Selection.of(w1, 4, 11);
        assertArrayEquals(Arrays.copyOf(shuffled, 4), four);
    }

    /** Every position of a tensor can come first: the shuffle is uniform, not a rotation or a fixed swap. */
    @Test
    void everyEntryCanComeFirst() {
        List<Tensor> b1 = List.of(LAYOUT.biases(1));
        Set<Integer> firsts = new HashSet<>();
        Set<Integer> lasts = new HashSet<>();
        for (long seed = 0; seed < 200; seed++) {
            int[] order = Selection.of(b1, Integer.MAX_VALUE, seed);
            firsts.add(order[0]);
            lasts.add(order[order.length - 1]);
        }
        Tensor b = LAYOUT.biases(1);
        Set<Integer> all = new HashSet<>();
        IntStream.range(b.offset(), b.end()).forEach(all::add);
        assertEquals(all, firsts);
        assertEquals(all, lasts);
    }

    @Test
    void aSingleEntryTensorAndNoTensors() {
        ParameterLayout tiny = ParameterLayout.of(1, 1);
        assertArrayEquals(new int[] {0, 1}, Selection.all(tiny, 4));
        assertEquals(0, Selection.of(List.of(), 3, 1).length);
    }

    @Test
    void chosenEntriesAreEvaluatedInIndexOrderWhateverTheOrderChosen() {
        // indices 7, 9, 3, 8 at positions 0..3: evaluated as 3, 7, 8, 9
        assertArrayEquals(new int[] {2, 0, 3, 1}, EntryEvaluator.byIndex(new int[] {7, 9, 3, 8}));
        assertArrayEquals(new int[] {0, 1}, EntryEvaluator.byIndex(new int[] {0, 1 << 30}));
        assertArrayEquals(new int[0], EntryEvaluator.byIndex(new int[0]));
    }
}
