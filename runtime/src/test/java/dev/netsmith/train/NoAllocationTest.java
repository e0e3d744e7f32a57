package dev.netsmith.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.netsmith.runtime.Batch;
import dev.netsmith.runtime.CompiledNetwork;
import dev.netsmith.testing.AllocationMeter;
import dev.netsmith.testing.HandWrittenTanhSigmoid;
import dev.netsmith.testing.SeparableData;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * A training step allocates nothing once warmed up.
 *
 * <p>Measurement: the JVM's per-thread allocation counter
 * ({@code com.sun.management.ThreadMXBean#getThreadAllocatedBytes}, exact to the object on HotSpot) is read by a
 * listener every {@value #WINDOW} iterations from iteration {@value #FROM} to {@value #TO}, giving
 * {@value #WINDOWS} windows that together cover 50 epoch ends with their shuffles, dev evaluations and
 * early-stopping copies, plus dropout and the listener itself. HotSpot occasionally allocates a few hundred bytes
 * on the training thread when C2 deoptimises a method at a rarely taken branch (seen in at most two windows of a
 * run, never with -Xint or C1 only), so the test bounds the median window, not the total: more than half the
 * windows must stay within {@link #SLACK_BYTES}, a small constant for the counter's own reading. An allocation
 * per step, even one 16-byte object, puts {@value #WINDOW} × 16 bytes in every window; a second run proves the
 * meter sees it.
 *
 * <p>The network is a hand-written one extending {@code GeneratedNetwork}, so the argument checks every call
 * makes are measured too.
 */
class NoAllocationTest {

    private static final long SLACK_BYTES = 64;
    private static final int FROM = 200;
    private static final int WINDOW = 40;
    private static final int WINDOWS = 10;
    private static final int TO = FROM + WINDOW * WINDOWS;

    private final CompiledNetwork net = new HandWrittenTanhSigmoid(3, 6, 1, 0.8, 0.01);
    private final Batch train = SeparableData.blobs(net.architecture(), 60, 0.8, 1);
    private final Batch dev = SeparableData.blobs(net.architecture(), 40, 0.8, 2, 3);
    private final Object[] sink = new Object[1];

    @Test
    void stepsAfterWarmUpAllocateNothing() {
        assumeTrue(AllocationMeter.available());
        long[] windows = allocatedPerWindow(false);
        assertTrue(AllocationMeter.median(windows) <= SLACK_BYTES, () -> "bytes allocated per " + WINDOW + " steps: " + Arrays.toString(windows));
    }

    @Test
    void theMeterSeesOneSmallAllocationPerStep() {
        assumeTrue(AllocationMeter.available());
        long[] windows = allocatedPerWindow(true);
        assertTrue(AllocationMeter.median(windows) >= WINDOW * 16L, () -> "bytes allocated per " + WINDOW + " steps: " + Arrays.toString(windows));
    }

    private long[] allocatedPerWindow(boolean leakOnePerStep) {
        long[] readings = new long[WINDOWS + 1];
        TrainingResult result = Trainer.adam(0.01).batchSize(8).iterations(TO).earlyStopping(1_000_000, 0.0)
                .listener(TrainingListener.everyIterations(1, p -> {
                    if (leakOnePerStep) {
                        sink[0] = new double[1];
                    }
                    long t = p.iteration();
                    if (t >= FROM && (t - FROM) % WINDOW == 0) {
                        readings[(int) (t - FROM) / WINDOW] = AllocationMeter.allocatedBytes();
                    }
                }))
                .fit(net, net.initialize(1), train, dev);
        assertEquals(TO, result.iterations());
        return AllocationMeter.windows(readings);
    }
}
