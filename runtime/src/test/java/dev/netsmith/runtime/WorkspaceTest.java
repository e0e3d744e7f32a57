package dev.netsmith.runtime;

import static dev.netsmith.runtime.Expect.thrown;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.netsmith.Activation;
import dev.netsmith.Init;
import dev.netsmith.Loss;
import dev.netsmith.runtime.Architecture.Layer;
import dev.netsmith.testing.AllocationMeter;
import dev.netsmith.testing.HandWrittenTanhSigmoid;
import dev.netsmith.testing.SeparableData;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;

/**
 * Workspace buffers and when they are allocated.
 *
 * <p>Allocation is measured with the JVM's per-thread counter ({@code com.sun.management.ThreadMXBean}, exact to
 * the object on HotSpot). A step is a forward pass with training dropout, the data and L2 costs and a backward pass.
 * As in {@code dev.netsmith.train.NoAllocationTest}, HotSpot may allocate a few hundred bytes on this thread when
 * C2 deoptimises a method at a rarely taken branch, so the step test bounds the median of {@value #WINDOWS}
 * windows of {@value #WINDOW} steps, and the one-off measurements take the smallest of several fresh workspaces;
 * one 16-byte object per step puts {@value #WINDOW} × 16 bytes in every window, and a control run proves the meter
 * sees it.
 */
class WorkspaceTest {

    private static final long SLACK_BYTES = 64;
    private static final int WARM_UP = 300;
    private static final int WINDOW = 50;
    private static final int WINDOWS = 11;

    private final Object[] sink = new Object[1];

    private static final Architecture DEEP = new Architecture("test.Deep", 7, List.of(new Layer(5, Activation.RELU, 0.8, null),
            Layer.of(4, Activation.TANH), Layer.of(3, Activation.SOFTMAX)), Loss.SOFTMAX_CROSS_ENTROPY, 0, Init.AUTO);

    @Test
    void buffersHaveTheCourseShapesForTheMaximumBatch() {
        Workspace ws = new Workspace(DEEP, 50);
        assertEquals(50, ws.maxBatch());
        assertArrayEquals(new int[] {7, 5, 4, 3}, ws.sizes());
        int[] n = {7, 5, 4, 3};
        for (int l = 1; l <= 3; l++) {
            assertShape(n[l], 50, ws.z(l));
            assertShape(n[l], 50, ws.a(l));
            assertShape(n[l], 50, ws.dz(l));
            assertShape(n[l], n[l - 1], ws.dw(l));
            assertShape(32, n[l - 1], ws.transposed(l));
        }
        assertShape(5, 50, ws.da(1));
        assertShape(4, 50, ws.da(2));
        assertNull(ws.da(3), "the output layer's dA is never needed");
        assertSame(ws.a(3), ws.output());
        assertEquals(ParameterLayout.of(7, 5, 4, 3).size(), ws.gradient().length);
        assertEquals(50, ws.columnScratch().length);
        assertEquals(50, ws.columnScratch2().length);
        assertEquals(50, ws.deltaRow().length);
        assertEquals(0, ws.batchSize());
        assertShape(32, 7, ws.transposed(1));
        assertShape(3, 7, new Workspace(DEEP, 3).transposed(1));
    }

    private static void assertShape(int rows, int cols, double[][] buffer) {
        assertEquals(rows, buffer.length);
        for (double[] row : buffer) {
            assertEquals(cols, row.length);
        }
    }

    @Test
    void sizesIsACopyAndFitsComparesSizes() {
        Workspace ws = new Workspace(DEEP, 4);
        ws.sizes()[1] = 99;
        assertTrue(ws.fits(ParameterLayout.of(7, 5, 4, 3)));
        assertFalse(ws.fits(ParameterLayout.of(7, 5, 4, 2)));
        assertFalse(ws.fits(ParameterLayout.of(7, 5, 3)));
    }

    @Test
    void refusesANonPositiveMaximumBatch() {
        thrown(IllegalArgumentException.class, () -> new Workspace(DEEP, 0), "maxBatch must be positive, was 0");
        thrown(IllegalArgumentException.class, () -> new Workspace(DEEP, -1), "was -1");
    }

    @Test
    void aMaskIsMadeOnceAndIsNotActiveUntilAPassDropsUnits() {
        Workspace ws = new Workspace(DEEP, 6);
        assertFalse(ws.dropoutActive(1));
        assertNull(ws.activeMask(1));
        double[][] mask = ws.mask(1);
        assertShape(5, 6, mask);
        assertSame(mask, ws.mask(1));
        assertNull(ws.activeMask(1), "allocating a mask does not make it active");
    }

    @Test
    void aFreshWorkspaceAllocatesNothingForAStepWithoutDropout() {
        assumeTrue(AllocationMeter.available());
        HandWrittenTanhSigmoid net = new HandWrittenTanhSigmoid(3, 64, 1, 0.8, 0.01);
        Parameters params = net.initialize(1);
        Batch batch = SeparableData.blobs(net.architecture(), 256, 0.8, 2);
        warmUp(net, params, batch);
        long least = Long.MAX_VALUE;
        for (int attempt = 0; attempt < 5; attempt++) {
            Workspace ws = net.newWorkspace(256);
            long before = AllocationMeter.allocatedBytes();
            net.forward(params, batch, ws, Dropout.off());
            net.dataCost(batch, ws);
            net.backward(params, batch, ws);
            least = Math.min(least, AllocationMeter.allocatedBytes() - before);
        }
        assertTrue(least <= SLACK_BYTES, "bytes allocated by the first step on a fresh workspace: " + least);
    }

    @Test
    void dropoutBuffersAreAllocatedByTheFirstPassThatDropsUnits() {
        assumeTrue(AllocationMeter.available());
        HandWrittenTanhSigmoid net = new HandWrittenTanhSigmoid(3, 64, 1, 0.8, 0.01);
        Parameters params = net.initialize(1);
        Batch batch = SeparableData.blobs(net.architecture(), 256, 0.8, 2);
        warmUp(net, params, batch);
        long maskBytes = 64L * 256 * Double.BYTES;
        long first = Long.MAX_VALUE;
        long second = Long.MAX_VALUE;
        for (int attempt = 0; attempt < 5; attempt++) {
            Workspace ws = net.newWorkspace(256);
            Dropout training = Dropout.training(new Well19937c(attempt));
            long t0 = AllocationMeter.allocatedBytes();
            net.forward(params, batch, ws, training);
            long t1 = AllocationMeter.allocatedBytes();
            net.forward(params, batch, ws, training);
            long t2 = AllocationMeter.allocatedBytes();
            first = Math.min(first, t1 - t0);
            second = Math.min(second, t2 - t1);
        }
        assertTrue(first >= 2 * maskBytes, "the first pass with dropout allocated only " + first + " bytes for the mask and A·D/p");
        assertTrue(first <= 2 * maskBytes + 64 * 2 * 16 + 1024, "the first pass with dropout allocated " + first + " bytes");
        assertTrue(second <= SLACK_BYTES, "the second pass with dropout allocated " + second + " bytes");
    }

    private static void warmUp(CompiledNetwork net, Parameters params, Batch batch) {
        Workspace ws = net.newWorkspace(batch.m());
        Dropout training = Dropout.training(new Well19937c(0));
        for (int i = 0; i < 20; i++) {
            net.forward(params, batch, ws, i % 2 == 0 ? Dropout.off() : training);
            net.dataCost(batch, ws);
            net.backward(params, batch, ws);
        }
    }

    @Test
    void stepsAfterTheFirstAllocateNothing() {
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

    /** Steps on mini-batches of 16 gathered into one buffer, with training dropout, as a trainer takes them. */
    private long[] allocatedPerWindow(boolean leakOnePerStep) {
        HandWrittenTanhSigmoid net = new HandWrittenTanhSigmoid(3, 6, 1, 0.8, 0.01);
        Parameters params = net.initialize(1);
        Batch data = SeparableData.blobs(net.architecture(), 64, 0.8, 2);
        Batch buffer = Batch.buffer(net.architecture(), 16);
        int[] order = new int[64];
        for (int j = 0; j < 64; j++) {
            order[j] = (j * 37) % 64;
        }
        Workspace ws = net.newWorkspace(16);
        Dropout dropout = Dropout.training(new Well19937c(3));
        long[] readings = new long[WINDOWS + 1];
        double sum = 0;
        int steps = WARM_UP + WINDOW * WINDOWS;
        for (int t = 0; t <= steps; t++) {
            if (t >= WARM_UP && (t - WARM_UP) % WINDOW == 0) {
                readings[(t - WARM_UP) / WINDOW] = AllocationMeter.allocatedBytes();
            }
            if (t == steps) {
                break;
            }
            int from = (t % 4) * 16;
            buffer.gather(data, order, from, from + 16);
            net.forward(params, buffer, ws, dropout);
            sum += net.dataCost(buffer, ws) + net.l2Cost(params, buffer.m());
            double[] gradient = net.backward(params, buffer, ws);
            sum += gradient[0];
            if (leakOnePerStep) {
                sink[0] = new double[1];
            }
        }
        assertTrue(Double.isFinite(sum));
        return AllocationMeter.windows(readings);
    }
}
