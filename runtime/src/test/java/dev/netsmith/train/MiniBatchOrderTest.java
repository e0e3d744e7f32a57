package dev.netsmith.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.netsmith.runtime.Batch;
import dev.netsmith.testing.HandWrittenTanhSigmoid;
import dev.netsmith.testing.SeparableData;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class MiniBatchOrderTest {

    private static int[] orderOf(long seed, int epoch, int n) {
        MiniBatchOrder order = new MiniBatchOrder(n, 4);
        order.shuffle(new RandomStreams(seed).shuffling(epoch));
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = order.example(i);
        }
        return out;
    }

    @Test
    void theSameSeedAndEpochGiveTheSameOrder() {
        assertArrayEquals(orderOf(7, 3, 50), orderOf(7, 3, 50));
    }

    @Test
    void epochsAndSeedsGiveDifferentOrders() {
        assertFalse(Arrays.equals(orderOf(7, 3, 50), orderOf(7, 4, 50)));
        assertFalse(Arrays.equals(orderOf(7, 3, 50), orderOf(8, 3, 50)));
    }

    @Test
    void everyExampleComesOncePerEpoch() {
        for (int epoch = 0; epoch < 5; epoch++) {
            int[] order = orderOf(1, epoch, 50);
            Arrays.sort(order);
            for (int i = 0; i < 50; i++) {
                assertEquals(i, order[i]);
            }
        }
    }

    @Test
    void theLastPartialBatchIsUsed() {
        HandWrittenTanhSigmoid net = new HandWrittenTanhSigmoid(2, 3, 1, 1.0, 0);
        Batch data = SeparableData.blobs(net.architecture(), 10, 0.5, 1);
        MiniBatchOrder order = new MiniBatchOrder(10, 4);
        order.shuffle(new RandomStreams(0).shuffling(0));
        Batch buffer = Batch.buffer(net.architecture(), order.batchSize());
        assertEquals(3, order.batchesPerEpoch());
        int[] sizes = new int[3];
        double seenSum = 0;
        for (int k = 0; k < 3; k++) {
            order.fill(buffer, data, k);
            sizes[k] = buffer.m();
            for (int j = 0; j < buffer.m(); j++) {
                seenSum += buffer.x()[0][j];
            }
        }
        assertArrayEquals(new int[] {4, 4, 2}, sizes);
        assertEquals(Arrays.stream(data.x()[0]).sum(), seenSum, 1e-12);
    }

    @Test
    void aBatchLargerThanTheDataIsTheWholeData() {
        MiniBatchOrder order = new MiniBatchOrder(10, 64);
        assertEquals(1, order.batchesPerEpoch());
        assertEquals(10, order.batchSize());
    }
}
