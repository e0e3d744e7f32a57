package dev.netsmith.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.netsmith.data.MiniBatches;
import dev.netsmith.runtime.Batch;
import dev.netsmith.testing.HandWrittenTanhSigmoid;
import dev.netsmith.testing.SeparableData;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The trainer's epoch order depends only on (seed, epoch), which is what makes an exact resume possible. */
class EpochOrderTest {

    private static double[] orderOf(long seed, int epoch) {
        HandWrittenTanhSigmoid net = new HandWrittenTanhSigmoid(2, 3, 1, 1.0, 0);
        Batch data = SeparableData.blobs(net.architecture(), 50, 0.5, 1);
        MiniBatches batches = MiniBatches.of(net.architecture(), data, 50);
        batches.startEpoch(new RandomStreams(3).shuffling(0));
        batches.startEpoch(new RandomStreams(seed).shuffling(epoch));
        return Arrays.copyOf(batches.batch(0).x()[0], 50);
    }

    @Test
    void theSameSeedAndEpochGiveTheSameOrderWhateverCameBefore() {
        assertArrayEquals(orderOf(7, 3), orderOf(7, 3));
    }

    @Test
    void epochsAndSeedsGiveDifferentOrders() {
        assertFalse(Arrays.equals(orderOf(7, 3), orderOf(7, 4)));
        assertFalse(Arrays.equals(orderOf(7, 3), orderOf(8, 3)));
    }
}
