package dev.netsmith.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.netsmith.runtime.Architecture;
import dev.netsmith.runtime.Batch;
import java.util.ArrayList;
import java.util.ConcurrentModificationException;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class MiniBatchesTest {

    private static final Architecture NET = Nets.softmax(1, 2);

    /** m examples whose feature is their index and whose class is index % 2. */
    private static Batch source(int m) {
        double[][] x = {IntStream.range(0, m).asDoubleStream().toArray()};
        int[] labels = IntStream.range(0, m).map(j -> j % 2).toArray();
        return Dataset.classification(x, labels, List.of("even", "odd")).toBatch(NET);
    }

    /** The example indices of each mini-batch of one epoch, checking that labels travel with their examples. */
    private static List<List<Integer>> epoch(MiniBatches batches) {
        List<List<Integer>> epoch = new ArrayList<>();
        for (Batch batch : batches.nextEpoch()) {
            List<Integer> ids = new ArrayList<>();
            for (int j = 0; j < batch.m(); j++) {
                int id = (int) batch.x()[0][j];
                assertEquals(1.0, batch.y()[id % 2][j], "one-hot label of example " + id);
                assertEquals(0.0, batch.y()[1 - id % 2][j]);
                ids.add(id);
            }
            epoch.add(ids);
        }
        return epoch;
    }

    private static List<Integer> sorted(List<List<Integer>> epoch) {
        return epoch.stream().flatMap(List::stream).sorted().toList();
    }

    @Test
    void everyExampleOncePerEpochWithALastPartialBatch() {
        MiniBatches batches = MiniBatches.of(NET, source(10), 4, 1);
        assertEquals(3, batches.batchesPerEpoch());
        for (int e = 0; e < 3; e++) {
            List<List<Integer>> epoch = epoch(batches);
            assertEquals(List.of(4, 4, 2), epoch.stream().map(List::size).toList());
            assertEquals(IntStream.range(0, 10).boxed().toList(), sorted(epoch));
        }
    }

    @Test
    void equalBatchesWhenTheSizeDividesAndOneBatchWhenItExceeds() {
        assertEquals(List.of(4, 4), epoch(MiniBatches.of(NET, source(8), 4, 1)).stream().map(List::size).toList());
        MiniBatches whole = MiniBatches.of(NET, source(5), 64, 1);
        assertEquals(1, whole.batchesPerEpoch());
        List<List<Integer>> epoch = epoch(whole);
        assertEquals(1, epoch.size());
        assertEquals(List.of(0, 1, 2, 3, 4), sorted(epoch));
    }

    @Test
    void reshufflesEachEpochReproduciblyFromTheSeed() {
        MiniBatches a = MiniBatches.of(NET, source(20), 5, 42);
        MiniBatches b = MiniBatches.of(NET, source(20), 5, 42);
        MiniBatches c = MiniBatches.of(NET, source(20), 5, 43);
        List<List<Integer>> a1 = epoch(a);
        List<List<Integer>> a2 = epoch(a);
        assertFalse(a1.equals(a2), "the order changes between epochs");
        assertEquals(a1, epoch(b));
        assertEquals(a2, epoch(b));
        assertFalse(a1.equals(epoch(c)));
        assertFalse(a1.equals(List.of(List.of(0, 1, 2, 3, 4), List.of(5, 6, 7, 8, 9), List.of(10, 11, 12, 13, 14),
                List.of(15, 16, 17, 18, 19))), "the first epoch is shuffled too");
    }

    @Test
    void reusesOneBufferForEveryBatch() {
        MiniBatches batches = MiniBatches.of(NET, source(10), 3, 1);
        Iterator<Batch> epoch = batches.nextEpoch().iterator();
        Batch first = epoch.next();
        assertEquals(3, first.capacity());
        while (epoch.hasNext()) {
            assertSame(first, epoch.next());
        }
        assertThrows(NoSuchElementException.class, epoch::next);
    }

    @Test
    void anEpochsIteratorFailsOnceTheNextEpochHasReshuffled() {
        MiniBatches batches = MiniBatches.of(NET, source(10), 3, 1);
        Iterator<Batch> first = batches.nextEpoch().iterator();
        first.next();
        batches.nextEpoch();
        assertThrows(ConcurrentModificationException.class, first::next);
    }

    @Test
    void refusesBadSizesAndBatchesForAnotherNetwork() {
        assertThrows(IllegalArgumentException.class, () -> MiniBatches.of(NET, source(10), 0, 1));
        assertThrows(IllegalArgumentException.class, () -> MiniBatches.of(Nets.softmax(2, 2), source(10), 4, 1));
        assertThrows(IllegalArgumentException.class, () -> MiniBatches.of(NET, Batch.inputs(NET, new double[][] {{1, 2}}), 4, 1));
    }
}
