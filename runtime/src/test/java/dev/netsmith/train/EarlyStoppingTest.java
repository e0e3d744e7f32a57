package dev.netsmith.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netsmith.runtime.Batch;
import dev.netsmith.runtime.Parameters;
import dev.netsmith.testing.HandWrittenTanhSigmoid;
import dev.netsmith.testing.SeparableData;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class EarlyStoppingTest {

    private final HandWrittenTanhSigmoid net = new HandWrittenTanhSigmoid(2, 4, 1, 1.0, 0.0);
    private final Batch train = SeparableData.blobs(net.architecture(), 60, 0.8, 1);
    /** 3 of 40 labels flipped: the dev cost falls, then rises as those examples' losses grow. */
    private final Batch dev = SeparableData.blobs(net.architecture(), 40, 0.8, 2, 3);
    private final Parameters start = net.initialize(3);

    @Test
    void anImprovementMustExceedMinDelta() {
        EarlyStopping rule = new EarlyStopping(2, 0.01, 1);
        double[] theta = {0};
        theta[0] = 1;
        assertFalse(rule.update(1, 1.0, theta));
        theta[0] = 2;
        assertFalse(rule.update(2, 0.9, theta));
        theta[0] = 3;
        assertFalse(rule.update(3, 0.895, theta), "0.005 better is not better by more than 0.01");
        theta[0] = 4;
        assertTrue(rule.update(4, 0.89, theta), "0.01 better than the best is still not more than 0.01");
        assertEquals(2, rule.bestEpoch());
        assertEquals(0.9, rule.bestCost());
        rule.restoreBest(theta);
        assertArrayEquals(new double[] {2}, theta);
    }

    @Test
    void stopsAfterPatienceAndRestoresTheBestEpoch() {
        List<double[]> byEpoch = new ArrayList<>();
        TrainingResult result = Trainer.adam(0.05).epochs(50).batchSize(16).earlyStopping(3, 0.0)
                .listener(TrainingListener.atEpochEnd(p -> byEpoch.add(p.parameters().values().clone())))
                .fit(net, start, train, dev);

        assertEquals(StopReason.EARLY_STOPPING, result.stopReason());
        double[] devCosts = result.history().devCosts();
        int best = argMin(devCosts);
        assertTrue(best > 0, "the dev cost must fall before it rises, else restoring epoch 1 would pass by luck");
        assertEquals(best + 1 + 3, result.epochs(), "stops 3 epochs after the best");
        assertArrayEquals(byEpoch.get(best), result.parameters().values(), 0.0);
        assertFalse(Arrays.equals(byEpoch.get(byEpoch.size() - 1), result.parameters().values()));
        assertEquals(devCosts[best], net.cost(result.parameters(), dev, net.newWorkspace(40)), 1e-12);
        assertTrue(result.message().contains("restored the parameters of epoch " + (best + 1)), result.message());
    }

    @Test
    void theBestEpochIsRestoredWhenTheRunEndsForAnotherReason() {
        List<double[]> byEpoch = new ArrayList<>();
        TrainingResult result = Trainer.adam(0.05).epochs(5).batchSize(16).earlyStopping(100, 0.0)
                .listener(TrainingListener.atEpochEnd(p -> byEpoch.add(p.parameters().values().clone())))
                .fit(net, start, train, dev);

        assertEquals(StopReason.MAX_EPOCHS, result.stopReason());
        int best = argMin(result.history().devCosts());
        assertTrue(best > 0 && best < 4, "the best epoch must be neither the first nor the last");
        assertArrayEquals(byEpoch.get(best), result.parameters().values(), 0.0);
    }

    private static int argMin(double[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] < values[best]) {
                best = i;
            }
        }
        return best;
    }
}
