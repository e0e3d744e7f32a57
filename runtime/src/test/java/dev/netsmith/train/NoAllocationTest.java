package dev.netsmith.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.netsmith.runtime.Batch;
import dev.netsmith.runtime.CompiledNetwork;
import dev.netsmith.testing.HandWrittenTanhSigmoid;
import dev.netsmith.testing.SeparableData;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/**
 * A training step allocates nothing once warmed up. Measured with the JVM's per-thread allocation counter
 * ({@code com.sun.management.ThreadMXBean#getThreadAllocatedBytes}, exact to the object on HotSpot) read by a
 * listener at iteration 200 and again at iteration 600: the 400 steps between cover 50 epoch ends with their
 * shuffles, dev evaluations and early-stopping copies, plus dropout and the listener itself. The allowance,
 * {@link #SLACK_BYTES}, is a small constant (not per step) for the counter's own reading and one-off JVM
 * events; one allocation per step, even a 16-byte object, would exceed it 400 times over. A second run proves
 * the meter sees such a leak.
 *
 * <p>The network is the hand-written one without {@code GeneratedNetwork}'s argument checks, which today
 * allocate 32 bytes per call of their own (see {@link HandWrittenTanhSigmoid#withoutArgumentChecks()}): this
 * test measures the trainer.
 */
class NoAllocationTest {

    private static final long SLACK_BYTES = 512;
    private static final int FROM = 200;
    private static final int TO = 600;

    private final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private final CompiledNetwork net = new HandWrittenTanhSigmoid(3, 6, 1, 0.8, 0.01).withoutArgumentChecks();
    private final Batch train = SeparableData.blobs(net.architecture(), 60, 0.8, 1);
    private final Batch dev = SeparableData.blobs(net.architecture(), 40, 0.8, 2, 3);
    private final Object[] sink = new Object[1];

    @Test
    void stepsAfterWarmUpAllocateNothing() {
        assumeTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled());
        long allocated = allocatedBetweenWarmUpAndEnd(false);
        assertTrue(allocated <= SLACK_BYTES, () -> allocated + " bytes allocated in " + (TO - FROM) + " steps");
    }

    @Test
    void theMeterSeesOneSmallAllocationPerStep() {
        assumeTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled());
        long allocated = allocatedBetweenWarmUpAndEnd(true);
        assertTrue(allocated >= (TO - FROM) * 16L, () -> "only " + allocated + " bytes seen");
    }

    private long allocatedBetweenWarmUpAndEnd(boolean leakOnePerStep) {
        long thread = Thread.currentThread().getId();
        long[] bytes = new long[2];
        TrainingResult result = Trainer.adam(0.01).batchSize(8).iterations(TO).earlyStopping(1_000_000, 0.0)
                .listener(TrainingListener.everyIterations(1, p -> {
                    if (leakOnePerStep) {
                        sink[0] = new double[1];
                    }
                    if (p.iteration() == FROM) {
                        bytes[0] = threads.getThreadAllocatedBytes(thread);
                    } else if (p.iteration() == TO) {
                        bytes[1] = threads.getThreadAllocatedBytes(thread);
                    }
                }))
                .fit(net, net.initialize(1), train, dev);
        assertEquals(TO, result.iterations());
        return bytes[1] - bytes[0];
    }
}
