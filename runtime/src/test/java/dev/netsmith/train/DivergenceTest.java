package dev.netsmith.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netsmith.runtime.Batch;
import dev.netsmith.runtime.CompiledNetwork;
import dev.netsmith.runtime.Parameters;
import dev.netsmith.runtime.Workspace;
import dev.netsmith.testing.ForwardingNetwork;
import dev.netsmith.testing.HandWrittenTanhSigmoid;
import dev.netsmith.testing.SeparableData;
import org.junit.jupiter.api.Test;

class DivergenceTest {

    private final HandWrittenTanhSigmoid net = new HandWrittenTanhSigmoid(2, 4, 1, 1.0, 0.0);
    /** Overlapping blobs: some examples are always misclassified, so a saturated sigmoid gives log(0). */
    private final Batch train = SeparableData.blobs(net.architecture(), 60, 3.0, 1);
    private final Parameters start = net.initialize(3);

    @Test
    void aHugeLearningRateStopsWithTheLastFiniteParameters() {
        double[][] lastCompleted = {start.values().clone()};
        TrainingResult result = Trainer.sgd(1e6).epochs(20).batchSize(16)
                .listener(TrainingListener.everyIterations(1, p -> lastCompleted[0] = p.parameters().values().clone()))
                .fit(net, start, train);

        assertEquals(StopReason.DIVERGED, result.stopReason());
        String message = result.message();
        assertTrue(message.startsWith("training diverged at iteration " + (result.iterations() + 1) + " (epoch 1)"), message);
        assertTrue(message.contains("the cost is Infinity") || message.contains("the cost is NaN"), message);
        assertTrue(message.contains("lower learning rate (it was 1000000.0)"), message);
        assertNull(result.parameters().firstNonFinite());
        assertArrayEquals(lastCompleted[0], result.parameters().values(), 0.0);
    }

    @Test
    void aNonFiniteGradientStopsBeforeTheUpdate() {
        CompiledNetwork poisoned = new PoisonedGradient(net, 5, Double.NaN);
        double[][] lastCompleted = new double[1][];
        TrainingResult result = Trainer.adam(0.01).epochs(5).batchSize(16)
                .listener(TrainingListener.everyIterations(1, p -> lastCompleted[0] = p.parameters().values().clone()))
                .fit(poisoned, start, train);

        assertEquals(StopReason.DIVERGED, result.stopReason());
        assertTrue(result.message().startsWith("training diverged at iteration 5 (epoch 2): the gradient entry dW1[1][1] is NaN"),
                result.message());
        assertEquals(4, result.iterations());
        assertArrayEquals(lastCompleted[0], result.parameters().values(), 0.0);
        assertEquals(4, result.optimizerState().step(), "the optimizer never saw the bad gradient");
        for (double[] values : result.optimizerState().arrays().values()) {
            for (double v : values) {
                assertTrue(Double.isFinite(v));
            }
        }
    }

    @Test
    void anUpdateThatOverflowsIsUndone() {
        CompiledNetwork poisoned = new PoisonedGradient(net, 3, 1e308);
        double[][] lastCompleted = new double[1][];
        TrainingResult result = Trainer.sgd(10).epochs(5).batchSize(16)
                .listener(TrainingListener.everyIterations(1, p -> lastCompleted[0] = p.parameters().values().clone()))
                .fit(poisoned, start, train);

        assertEquals(StopReason.DIVERGED, result.stopReason());
        assertTrue(result.message().startsWith("training diverged at iteration 3 (epoch 1): the update made W1[1][1] = -Infinity"),
                result.message());
        assertArrayEquals(lastCompleted[0], result.parameters().values(), 0.0);
    }

    /** The hand-written network, except that the n-th backward pass returns {@code value} for entry 3 (W1[1][1]). */
    private static final class PoisonedGradient extends ForwardingNetwork {
        private final int poisonedCall;
        private final double value;
        private int calls;

        PoisonedGradient(CompiledNetwork net, int poisonedCall, double value) {
            super(net);
            this.poisonedCall = poisonedCall;
            this.value = value;
        }

        @Override
        public double[] backward(Parameters params, Batch batch, Workspace ws) {
            double[] gradient = super.backward(params, batch, ws);
            if (++calls == poisonedCall) {
                gradient[3] = value;
            }
            return gradient;
        }
    }
}
