package dev.netsmith.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netsmith.testing.HandWrittenTanhSigmoid;
import dev.netsmith.testing.SeparableData;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;

/**
 * One network instance, one set of parameters and one checked batch shared by several threads, each with its
 * own workspace, mini-batch buffer and dropout generator, give bit for bit what one thread gives.
 */
class ConcurrencyTest {

    private static final int THREADS = 4;
    private static final int TASKS = 8;
    private static final int STEPS = 40;

    private final CompiledNetwork net = new HandWrittenTanhSigmoid(6, 24, 1, 0.8, 0.01);
    private final Parameters params = net.initialize(17);
    private final Batch data = SeparableData.blobs(net.architecture(), 96, 0.9, 18);

    /** What one task computed: every cost, every per-example loss and every gradient, in order. */
    private record Trace(double[] costs, double[][] losses, double[][] gradients) {
    }

    /** Task k: steps over mini-batches of 8 + k examples, with training dropout seeded k, and a prediction. */
    private Trace run(int k) {
        int size = 8 + k;
        Workspace ws = net.newWorkspace(size);
        Batch buffer = Batch.buffer(net.architecture(), size);
        Dropout dropout = Dropout.training(new Well19937c(k));
        int[] order = new int[data.m()];
        for (int j = 0; j < order.length; j++) {
            order[j] = (j * 7 + k) % order.length;
        }
        double[] costs = new double[STEPS + 1];
        double[][] losses = new double[STEPS][];
        double[][] gradients = new double[STEPS][];
        for (int t = 0; t < STEPS; t++) {
            int from = (t * size) % (order.length - size);
            buffer.gather(data, order, from, from + size);
            net.forward(params, buffer, ws, t % 3 == 2 ? Dropout.off() : dropout);
            costs[t] = net.dataCost(buffer, ws) + net.l2Cost(params, size);
            losses[t] = new double[size];
            net.lossPerExample(buffer, ws, losses[t]);
            gradients[t] = net.backward(params, buffer, ws).clone();
        }
        costs[STEPS] = net.cost(params, data, net.newWorkspace(data.m()));
        return new Trace(costs, losses, gradients);
    }

    @Test
    void threadsSharingOneNetworkEachWithItsOwnWorkspaceMatchOneThreadBitForBit() throws Exception {
        double[] before = params.values().clone();
        List<Trace> alone = new ArrayList<>();
        for (int k = 0; k < TASKS; k++) {
            alone.add(run(k));
        }
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Trace>> futures = new ArrayList<>();
            for (int k = 0; k < TASKS; k++) {
                int task = k;
                Callable<Trace> call = () -> {
                    start.await();
                    return run(task);
                };
                futures.add(pool.submit(call));
            }
            start.countDown();
            for (int k = 0; k < TASKS; k++) {
                Trace together = futures.get(k).get(30, TimeUnit.SECONDS);
                Trace expected = alone.get(k);
                assertArrayEquals(expected.costs(), together.costs(), "costs of task " + k);
                for (int t = 0; t < STEPS; t++) {
                    assertArrayEquals(expected.losses()[t], together.losses()[t], "losses of task " + k + " step " + t);
                    assertArrayEquals(expected.gradients()[t], together.gradients()[t], "gradient of task " + k + " step " + t);
                }
            }
        } finally {
            pool.shutdown();
            assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS), "the pool did not stop");
        }
        assertArrayEquals(before, params.values(), "the shared parameters changed");
    }

    @Test
    void tasksDoNotAllComputeTheSameThing() {
        // guards the test above against comparing traces that could not tell threads apart
        Trace a = run(0);
        Trace b = run(1);
        assertEquals(STEPS + 1, a.costs().length);
        assertTrue(!Arrays.equals(a.costs(), b.costs()));
    }
}
