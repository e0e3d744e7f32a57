package dev.netsmith.processor.codegen;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.testing.compile.JavaFileObjects;
import dev.netsmith.processor.testing.GeneratedClasses;
import dev.netsmith.processor.testing.TestData;
import dev.netsmith.processor.testing.TestNetworks;
import dev.netsmith.runtime.Architecture;
import dev.netsmith.runtime.Backend;
import dev.netsmith.runtime.Batch;
import dev.netsmith.runtime.CompiledNetwork;
import dev.netsmith.runtime.Dropout;
import dev.netsmith.runtime.DropoutMask;
import dev.netsmith.runtime.Parameters;
import dev.netsmith.runtime.Workspace;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Generated kernels split across threads ({@code Workspace.split}) give the bits of the single-threaded kernels:
 * every cached Z, A, dZ, dA, the output, the data cost, each example's loss and the gradient, on every shared test
 * network, at batch sizes from 1 to 64, on 2, 3 and 4 threads, with dropout off, a fixed mask and training
 * dropout, with every kernel split (threshold 0); the weight gradient of a layer wide enough to be split by its
 * columns; and on a larger network with the default threshold. Each
 * comparison also counts the kernels the workspace split, so that a split that silently never happened cannot
 * pass. The pool's threads run parts of generated kernels, and steps after the first allocate nothing on any thread.
 */
class SplitKernelsTest {

    private static final int[] BATCHES = {1, 2, 9, 37, 64};
    private static final int[] THREADS = {2, 3, 4};

    /** [200, 64 relu (keep 0.8), 32 tanh, 10 softmax]: a first layer above the default threshold from m = 782 on. */
    private static final String LARGE = """
            package split;

            import dev.netsmith.*;

            public interface Nets {
                @Network(inputs = 200, loss = Loss.SOFTMAX_CROSS_ENTROPY, l2 = 0.01)
                @Dense(units = 64, activation = Activation.RELU, keepProb = 0.8)
                @Dense(units = 32, activation = Activation.TANH)
                @Dense(units = 10, activation = Activation.SOFTMAX)
                interface Large {}

                @Network(inputs = 2048, loss = Loss.SOFTMAX_CROSS_ENTROPY, l2 = 0.01)
                @Dense(units = 6, activation = Activation.RELU, keepProb = 0.9)
                @Dense(units = 3, activation = Activation.SOFTMAX)
                interface Wide {}

                @Network(inputs = 16, loss = Loss.BINARY_CROSS_ENTROPY)
                @Dense(units = 32, activation = Activation.CUSTOM, custom = Recording.class)
                @Dense(units = 1, activation = Activation.SIGMOID)
                interface Recorded {}
            }
            """;

    /** tanh that records the threads it runs on. */
    private static final String RECORDING = """
            package split;

            public class Recording implements dev.netsmith.ActivationFunction {
                public static final java.util.Set<Thread> THREADS = java.util.concurrent.ConcurrentHashMap.newKeySet();

                public double value(double z) {
                    THREADS.add(Thread.currentThread());
                    return Math.tanh(z);
                }

                public double derivative(double z, double a) {
                    return 1 - a * a;
                }
            }
            """;

    private static GeneratedClasses shared;
    private static GeneratedClasses own;

    @BeforeAll
    static void compile() {
        shared = TestNetworks.generated();
        own = GeneratedClasses.process(JavaFileObjects.forSourceString("split.Nets", LARGE),
                JavaFileObjects.forSourceString("split.Recording", RECORDING));
    }

    static List<TestNetworks.Declared> declarations() {
        return TestNetworks.declarations();
    }

    /** Everything one pass leaves behind, copied (first m columns of each row). */
    private record Pass(List<double[]> rows, double[] gradient, double dataCost, double[] losses) {

        void assertSameBits(Pass expected, String what) {
            assertEquals(expected.rows.size(), rows.size());
            for (int r = 0; r < rows.size(); r++) {
                assertArrayEquals(expected.rows.get(r), rows.get(r), what + ", cached row " + r);
            }
            assertArrayEquals(expected.gradient, gradient, what + ", gradient");
            assertEquals(Double.doubleToLongBits(expected.dataCost), Double.doubleToLongBits(dataCost), what + ", data cost");
            assertArrayEquals(expected.losses, losses, what + ", losses");
        }
    }

    /** Forward, data cost, per-example losses and backward on ws; every cache and result copied. */
    private static Pass pass(CompiledNetwork net, Parameters params, Batch batch, Workspace ws, Dropout dropout) {
        int m = batch.m();
        net.forward(params, batch, ws, dropout);
        double dataCost = net.dataCost(batch, ws);
        double[] losses = new double[m];
        net.lossPerExample(batch, ws, losses);
        double[] gradient = net.backward(params, batch, ws).clone();
        List<double[]> rows = new ArrayList<>();
        int depth = net.architecture().depth();
        for (int l = 1; l <= depth; l++) {
            for (double[][] cache : new double[][][] {ws.z(l), ws.a(l), ws.dz(l), l < depth ? ws.da(l) : new double[0][]}) {
                for (double[] row : cache) {
                    rows.add(Arrays.copyOf(row, m));
                }
            }
        }
        return new Pass(rows, gradient, dataCost, losses);
    }

    /** The kernels a forward and backward pass of m examples split on ws: by the sizes, as the generated code decides. */
    private static long kernelsSplit(Architecture arch, Workspace ws, int m) {
        int[] n = arch.sizes();
        long count = 0;
        for (int l = 1; l < n.length; l++) {
            long work = (long) m * n[l] * n[l - 1];
            count += n[l - 1] < ForwardWriter.BLOCKED_WIDTH && ws.threadsFor(work, n[l]) > 1 ? 1 : 0; // Z[l] and A[l] by rows
            count += n[l - 1] >= Workspace.MIN_SPLIT_INPUTS && ws.threadsFor(work, n[l - 1]) > 1 ? 1 : 0; // dW[l] by columns
            count += l > 1 && ws.threadsFor(work, n[l - 1]) > 1 ? 1 : 0; // dA[l-1] and dZ[l-1] by rows
        }
        return count;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("declarations")
    void everyKernelSplitGivesTheBitsOfOneThread(TestNetworks.Declared declared) {
        CompiledNetwork net = shared.network(declared.qualifiedPrefix());
        Architecture arch = net.architecture();
        Parameters params = TestData.parameters(net, 21);
        for (int m : BATCHES) {
            Batch batch = net.batch(TestData.inputs(arch, m, 22), TestData.labels(arch, m, 23));
            DropoutMask mask = DropoutMask.sample(arch, Dropout.training(new Well19937c(24)), m, new Well19937c(25));
            for (int threads : THREADS) {
                for (String mode : List.of("off", "fixed", "training")) {
                    String what = declared + ", m = " + m + ", " + threads + " threads, dropout " + mode;
                    Workspace split = sameBitsAsAlone(net, params, batch, threads, 0, mode, mask, what);
                    // a layer of one unit has one row to split; logistic regression has nothing else
                    assertTrue(split.splits() > 0 || Arrays.stream(arch.sizes()).skip(1).allMatch(n -> n == 1), what + ": nothing split");
                }
            }
        }
    }

    /**
     * One pass on a workspace of one thread and one on a workspace of {@code threads} with this split threshold (both
     * with the same dropout, made afresh for each) give the same bits, and the second split exactly the kernels its
     * sizes call for; returns the second. Workspaces hold at least 64 examples, so most batches are smaller.
     */
    private static Workspace sameBitsAsAlone(CompiledNetwork net, Parameters params, Batch batch, int threads, long threshold,
                                             String dropout, DropoutMask mask, String what) {
        int maxBatch = Math.max(64, batch.m());
        Workspace alone = net.newWorkspace(maxBatch, 1);
        Workspace split = net.newWorkspace(maxBatch, threads).setSplitThreshold(threshold);
        Pass expected = pass(net, params, batch, alone, dropout(dropout, mask));
        pass(net, params, batch, split, dropout(dropout, mask)).assertSameBits(expected, what);
        assertEquals(0, alone.splits(), what);
        assertEquals(kernelsSplit(net.architecture(), split, batch.m()), split.splits(), what + ": kernels split");
        return split;
    }

    private static Dropout dropout(String mode, DropoutMask mask) {
        return switch (mode) {
            case "off" -> Dropout.off();
            case "fixed" -> Dropout.fixed(mask);
            default -> Dropout.training(new Well19937c(26));
        };
    }

    @Test
    void aLargerNetworkWithTheDefaultThresholdGivesTheBitsOfOneThread() {
        CompiledNetwork net = own.network("split.Nets_Large");
        Architecture arch = net.architecture();
        Parameters params = TestData.parameters(net, 31);
        for (int m : new int[] {100, 512, 1100}) {
            Batch batch = net.batch(TestData.inputs(arch, m, 32), TestData.labels(arch, m, 33));
            for (String mode : List.of("off", "training")) {
                Workspace split = sameBitsAsAlone(net, params, batch, 2, Workspace.DEFAULT_SPLIT_THRESHOLD, mode, null,
                        "m = " + m + ", dropout " + mode);
                long first = (long) m * 64 * 200;
                if (first >= Workspace.DEFAULT_SPLIT_THRESHOLD) {
                    assertTrue(split.splits() > 0, "m = " + m + ": the first layer (" + first + " multiply-adds) was not split");
                }
            }
        }
    }

    @Test
    void theWeightGradientOfAWideLayerSplitByColumnsGivesTheBitsOfOneThread() {
        CompiledNetwork net = own.network("split.Nets_Wide");
        Architecture arch = net.architecture();
        Parameters params = TestData.parameters(net, 61);
        for (int m : new int[] {1, 7, 40}) {
            Batch batch = net.batch(TestData.inputs(arch, m, 62), TestData.labels(arch, m, 63));
            for (int threads : THREADS) {
                for (String mode : List.of("off", "training")) {
                    String what = "m = " + m + ", " + threads + " threads, dropout " + mode;
                    Workspace split = sameBitsAsAlone(net, params, batch, threads, 0, mode, null, what);
                    // Z2 and dA1 by rows, and dW1 (2,048 columns) by columns; Z1 (a 2,048-wide input) and dW2
                    // (6 inputs) are not split
                    assertEquals(3, split.splits(), what);
                }
            }
        }
    }

    @Test
    void thePoolsDaemonThreadsRunPartsOfGeneratedKernels() throws ReflectiveOperationException {
        CompiledNetwork net = own.network("split.Nets_Recorded");
        @SuppressWarnings("unchecked")
        Set<Thread> seen = (Set<Thread>) own.load("split.Recording").getField("THREADS").get(null);
        Parameters params = net.initialize(41);
        Batch batch = net.batch(TestData.inputs(net.architecture(), 256, 42), TestData.labels(net.architecture(), 256, 43));
        Workspace ws = net.newWorkspace(256, 2).setSplitThreshold(0);
        // parts are claimed by whichever thread comes first, so repeat until a pool thread has taken one
        for (int pass = 0; pass < 1000 && pool(seen).isEmpty(); pass++) {
            net.forward(params, batch, ws, Dropout.off());
        }
        List<Thread> pool = pool(seen);
        assertTrue(!pool.isEmpty(), "only " + seen + " ran the activation");
        assertTrue(pool.stream().allMatch(Thread::isDaemon), "pool threads must be daemons: " + pool);
    }

    private static List<Thread> pool(Set<Thread> seen) {
        return seen.stream().filter(t -> t.getName().startsWith("netsmith-kernel-")).collect(Collectors.toList());
    }

    @Test
    void stepsAfterTheFirstAllocateNothingOnAnyThread() {
        com.sun.management.ThreadMXBean bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assumeTrue(bean.isThreadAllocatedMemorySupported() && bean.isThreadAllocatedMemoryEnabled());
        CompiledNetwork net = own.network("split.Nets_Large");
        Parameters params = TestData.parameters(net, 51);
        Batch batch = net.batch(TestData.inputs(net.architecture(), 96, 52), TestData.labels(net.architecture(), 96, 53));
        Workspace ws = net.newWorkspace(96, 2).setSplitThreshold(0);
        Dropout dropout = Dropout.training(new Well19937c(54));
        double sum = 0;
        // the vector backend's kernels allocate their vectors until C2 has compiled them, which takes longer
        int warmUp = Backend.VECTOR ? 2_000 : 300;
        for (int step = 0; step < warmUp; step++) {
            sum += step(net, params, batch, ws, dropout);
        }
        long[] threads = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t == Thread.currentThread() || t.getName().startsWith("netsmith-kernel-"))
                .mapToLong(Thread::getId).toArray();
        assertTrue(threads.length >= 2, "no pool thread found");
        // reading another thread's counter allocates on the reader, so each window of steps is paired with an empty
        // window that measures the readings alone
        long[] steps = new long[11];
        long[] empty = new long[11];
        for (int window = 0; window < steps.length; window++) {
            long before = allocatedBytes(bean, threads);
            for (int step = 0; step < 50; step++) {
                sum += step(net, params, batch, ws, dropout);
            }
            long after = allocatedBytes(bean, threads);
            steps[window] = after - before;
            empty[window] = allocatedBytes(bean, threads) - after;
        }
        assertTrue(Double.isFinite(sum));
        assertTrue(ws.splits() > 0);
        long extra = median(steps) - median(empty);
        assertTrue(extra <= 64, () -> "bytes allocated per 50 steps: " + Arrays.toString(steps) + ", by the readings alone: "
                + Arrays.toString(empty));
    }

    private static long allocatedBytes(com.sun.management.ThreadMXBean bean, long[] threads) {
        long bytes = 0;
        for (long id : threads) {
            bytes += bean.getThreadAllocatedBytes(id);
        }
        return bytes;
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static double step(CompiledNetwork net, Parameters params, Batch batch, Workspace ws, Dropout dropout) {
        net.forward(params, batch, ws, dropout);
        double cost = net.dataCost(batch, ws) + net.l2Cost(params, batch.m());
        return cost + net.backward(params, batch, ws)[0];
    }
}
