package dev.netsmith.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.netsmith.runtime.Batch;
import dev.netsmith.runtime.Parameters;
import dev.netsmith.testing.HandWrittenTanhSigmoid;
import dev.netsmith.testing.SeparableData;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A run stopped mid-epoch and resumed from its exported state ends bit for bit where the uninterrupted one does. */
class ResumeTest {

    private final HandWrittenTanhSigmoid net = new HandWrittenTanhSigmoid(2, 5, 1, 0.7, 0.02);
    private final Batch train = SeparableData.blobs(net.architecture(), 50, 0.8, 1);
    private final Batch dev = SeparableData.blobs(net.architecture(), 20, 0.8, 2);
    private final Parameters start = net.initialize(3);
    private final Trainer trainer = Trainer.adam(0.02).batchSize(16).seed(9)
            .schedule(LearningRateSchedule.exponential(0.9));

    /** 50 examples in batches of 16 make 4 iterations per epoch: 8 stops at an epoch's end, 10 in the middle of one. */
    @ParameterizedTest
    @ValueSource(ints = {8, 10})
    void resumingFromExportedStateRepeatsTheUninterruptedRun(int stopAt) {
        TrainingResult straight = trainer.epochs(6).fit(net, start, train, dev);

        TrainingResult firstPart = trainer.iterations(stopAt).fit(net, start, train, dev);
        OptimizerState saved = firstPart.optimizerState();
        OptimizerState checkpoint = new OptimizerState(saved.optimizer(), saved.step(), saved.arrays());
        Parameters restored = new Parameters(net.layout(), firstPart.parameters().values().clone());
        TrainingResult resumed = trainer.epochs(6).resume(net, restored, checkpoint, train, dev);

        assertEquals(24, straight.iterations());
        assertEquals(24, resumed.iterations());
        assertArrayEquals(straight.parameters().values(), resumed.parameters().values(), 0.0);
        assertArrayEquals(straight.optimizerState().arrays().get("v"), resumed.optimizerState().arrays().get("v"), 0.0);
        assertArrayEquals(straight.optimizerState().arrays().get("s"), resumed.optimizerState().arrays().get("s"), 0.0);
        double[] straightCosts = straight.history().trainingCosts();
        assertEquals(stopAt + 1, resumed.history().trainingIteration(0));
        assertArrayEquals(Arrays.copyOfRange(straightCosts, stopAt, 24), resumed.history().trainingCosts(), 0.0);
        assertEquals(stopAt / 4 + 1, resumed.history().devEpoch(0));
        assertArrayEquals(Arrays.copyOfRange(straight.history().devCosts(), stopAt / 4, 6), resumed.history().devCosts(), 0.0);
    }
}
