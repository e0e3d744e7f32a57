package dev.netsmith.runtime;

import static dev.netsmith.runtime.Expect.thrown;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.netsmith.Activation;
import dev.netsmith.Init;
import dev.netsmith.Loss;
import dev.netsmith.runtime.Architecture.Layer;
import dev.netsmith.testing.AllocationMeter;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Splitting a kernel across the kernel pool ({@link Workspace#split}, {@link KernelPool}): which kernels are split
 * and into how many parts, that every index runs exactly once, on the pool's daemon threads, that failures reach
 * the caller, that a busy pool makes a caller run alone rather than wait, and that a split allocates nothing.
 * Nothing here is timed; where a test needs a pool thread to have run a part, it waits on a latch with a generous
 * bound that only a broken pool would reach.
 */
class KernelPoolTest {

    private static final Architecture NET = new Architecture("test.Split", 6, List.of(Layer.of(5, Activation.RELU),
            Layer.of(1, Activation.SIGMOID)), Loss.BINARY_CROSS_ENTROPY, 0, Init.AUTO);

    private static Workspace splitting(int threads) {
        return new Workspace(NET, 8, threads).setSplitThreshold(0);
    }

    @Test
    void threadCountsAreCheckedAndDefaultToTheProcessors() {
        assertEquals(3, new Workspace(NET, 4, 3).threads());
        assertEquals(Runtime.getRuntime().availableProcessors(), Workspace.defaultThreads());
        thrown(IllegalArgumentException.class, () -> new Workspace(NET, 4, 0), "threads must be in 1..256 (1: no splitting), was 0");
        thrown(IllegalArgumentException.class, () -> new Workspace(NET, 4, 257), "was 257");
        thrown(IllegalArgumentException.class, () -> new Workspace(NET, 4).setSplitThreshold(-1), "at least 0, was -1");
        assertEquals(Workspace.DEFAULT_SPLIT_THRESHOLD, new Workspace(NET, 4).splitThreshold());
    }

    @Test
    void theSystemPropertySetsTheDefaultThreadCount() {
        String before = System.getProperty(Workspace.THREADS_PROPERTY);
        try {
            System.setProperty(Workspace.THREADS_PROPERTY, " 1 ");
            assertEquals(1, new Workspace(NET, 4).threads());
            System.setProperty(Workspace.THREADS_PROPERTY, "0");
            thrown(IllegalArgumentException.class, () -> new Workspace(NET, 4), "system property netsmith.threads must be in 1..256");
            System.setProperty(Workspace.THREADS_PROPERTY, "two");
            thrown(IllegalArgumentException.class, () -> new Workspace(NET, 4), "a whole number of threads, was \"two\"");
        } finally {
            if (before == null) {
                System.clearProperty(Workspace.THREADS_PROPERTY);
            } else {
                System.setProperty(Workspace.THREADS_PROPERTY, before);
            }
        }
    }

    @Test
    void kernelsBelowTheThresholdOrWithOneThreadAreNotSplit() {
        Workspace ws = new Workspace(NET, 8, 2).setSplitThreshold(1000);
        assertEquals(1, ws.threadsFor(999, 100), "below the threshold");
        assertEquals(2, ws.threadsFor(1000, 100), "at the threshold");
        assertEquals(1, ws.threadsFor(1_000_000, 1), "a range of one index");
        assertEquals(1, new Workspace(NET, 8, 1).setSplitThreshold(0).threadsFor(1_000_000, 100), "one thread");
        Workspace four = new Workspace(NET, 8, 4).setSplitThreshold(1000);
        assertEquals(2, four.threadsFor(1000, 100), "each thread gets at least half the threshold");
        assertEquals(3, four.threadsFor(1500, 100));
        assertEquals(4, four.threadsFor(1_000_000, 100));
        assertEquals(3, four.threadsFor(1_000_000, 3), "no more threads than indices");
        assertEquals(4, splitting(4).threadsFor(0, 100), "threshold 0 splits everything");
        boolean[] called = new boolean[1];
        assertFalse(ws.split((id, theta, w, m, from, to) -> called[0] = true, 1, null, 8, 100, 999));
        assertFalse(called[0], "a kernel that is not split is left to the caller");
        assertEquals(0, ws.splits());
    }

    @Test
    void partsCoverTheRangeWithoutGapsOrOverlaps() {
        for (int length : new int[] {2, 3, 7, 8, 15, 16, 17, 31, 64, 100, 209, 1797, 12288}) {
            for (int parts = 2; parts <= Math.min(length, 16); parts++) {
                assertEquals(0, KernelPool.start(0, parts, length));
                assertEquals(length, KernelPool.start(parts, parts, length));
                for (int p = 0; p < parts; p++) {
                    int from = KernelPool.start(p, parts, length);
                    int to = KernelPool.start(p + 1, parts, length);
                    assertTrue(from < to, "part " + p + " of " + parts + " over " + length + " is empty");
                    if (length >= 16 * parts && p > 0) {
                        assertEquals(0, from % 8, "long parts start on a cache line");
                    }
                }
            }
        }
    }

    @Test
    void everyIndexRunsExactlyOnceWhateverTheThreadsAndLength() {
        for (int threads : new int[] {2, 3, 4}) {
            Workspace ws = splitting(threads);
            for (int length : new int[] {2, 3, 5, 8, 9, 31, 64, 100, 1000}) {
                AtomicIntegerArray runs = new AtomicIntegerArray(length);
                double[] theta = {42};
                assertTrue(ws.split((id, t, w, m, from, to) -> {
                    assertEquals(7, id);
                    assertSame(theta, t);
                    assertSame(ws, w);
                    assertEquals(8, m);
                    for (int i = from; i < to; i++) {
                        runs.incrementAndGet(i);
                    }
                }, 7, theta, 8, length, 1), threads + " threads, length " + length);
                for (int i = 0; i < length; i++) {
                    assertEquals(1, runs.get(i), "index " + i + " of " + length + " on " + threads + " threads");
                }
            }
            assertEquals(9, ws.splits());
        }
    }

    @Test
    void partsRunOnThePoolsDaemonThreads() throws InterruptedException {
        Workspace ws = splitting(2);
        Thread caller = Thread.currentThread();
        AtomicReference<Thread> helper = new AtomicReference<>();
        CountDownLatch helped = new CountDownLatch(1);
        assertTrue(ws.split((id, theta, w, m, from, to) -> {
            if (Thread.currentThread() != caller) {
                helper.compareAndSet(null, Thread.currentThread());
                helped.countDown();
            } else {
                // the caller holds its part until a pool thread has taken another
                await(helped);
            }
        }, 1, null, 8, 2, 1));
        Thread thread = helper.get();
        assertNotSame(caller, thread);
        assertTrue(thread.isDaemon(), "pool threads must not keep the JVM alive");
        assertTrue(thread.getName().startsWith("netsmith-kernel-"), thread.getName());
        assertTrue(Arrays.asList(KernelPool.shared().threads()).contains(thread));
    }

    @Test
    void aFailedPartIsRethrownToTheCallerAndThePoolStillWorks() {
        Workspace ws = splitting(2);
        IllegalStateException boom = new IllegalStateException("boom");
        for (int failing = 0; failing < 2; failing++) {
            int part = failing;
            IllegalStateException thrown = thrown(IllegalStateException.class, () -> ws.split((id, theta, w, m, from, to) -> {
                if (from == (part == 0 ? 0 : 1)) {
                    throw boom;
                }
            }, 1, null, 8, 2, 1), "boom");
            assertSame(boom, thrown);
        }
        AssertionError error = new AssertionError("an error, not an exception");
        assertSame(error, org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class,
                () -> ws.split((id, theta, w, m, from, to) -> {
                    throw error;
                }, 1, null, 8, 2, 1)));
        AtomicIntegerArray runs = new AtomicIntegerArray(64);
        assertTrue(ws.split((id, theta, w, m, from, to) -> {
            for (int i = from; i < to; i++) {
                runs.incrementAndGet(i);
            }
        }, 1, null, 8, 64, 1));
        for (int i = 0; i < 64; i++) {
            assertEquals(1, runs.get(i));
        }
    }

    @Test
    void aCallerThatFindsThePoolBusyRunsAloneInsteadOfWaiting() throws Exception {
        Workspace mine = splitting(2);
        Workspace theirs = splitting(2);
        CountDownLatch tried = new CountDownLatch(1);
        AtomicBoolean theirsSplit = new AtomicBoolean(true);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread other = new Thread(() -> {
            try {
                theirsSplit.set(theirs.split((id, theta, w, m, from, to) -> { }, 1, null, 8, 64, 1));
            } catch (Throwable t) {
                failure.set(t);
            } finally {
                tried.countDown();
            }
        });
        boolean[] started = new boolean[1];
        assertTrue(mine.split((id, theta, w, m, from, to) -> {
            if (from == 0) {
                // while this split owns the pool, another thread's split must come back at once
                other.start();
                await(tried);
                started[0] = true;
            }
        }, 1, null, 8, 64, 1));
        other.join(TimeUnit.SECONDS.toMillis(60));
        assertTrue(started[0]);
        assertEquals(null, failure.get());
        assertFalse(theirsSplit.get(), "the other thread should have been told to run its kernel alone");
        assertEquals(0, theirs.splits());
        assertEquals(1, mine.splits());
    }

    @Test
    void splitsAfterTheFirstAllocateNothingOnAnyThread() {
        assumeTrue(AllocationMeter.available());
        Workspace ws = splitting(2);
        double[][] rows = new double[4][512];
        SplitKernel kernel = (id, theta, w, m, from, to) -> {
            for (double[] row : rows) {
                for (int j = from; j < to; j++) {
                    row[j] = row[j] * 0.5 + j;
                }
            }
        };
        for (int i = 0; i < 2000; i++) {
            ws.split(kernel, 1, null, 512, 512, 1);
        }
        Thread[] pool = KernelPool.shared().threads();
        // reading another thread's counter allocates on the reader, so each window of splits is paired with an
        // empty window that measures the readings alone
        long[] splits = new long[11];
        long[] empty = new long[11];
        for (int window = 0; window < splits.length; window++) {
            long before = allocatedBytes(pool);
            for (int i = 0; i < 200; i++) {
                ws.split(kernel, 1, null, 512, 512, 1);
            }
            long after = allocatedBytes(pool);
            splits[window] = after - before;
            empty[window] = allocatedBytes(pool) - after;
        }
        long extra = AllocationMeter.median(splits) - AllocationMeter.median(empty);
        assertTrue(extra <= 64, () -> "bytes allocated per 200 splits: " + Arrays.toString(splits) + ", by the readings alone: "
                + Arrays.toString(empty));
    }

    /** Bytes allocated so far by this thread and the pool's threads. */
    private static long allocatedBytes(Thread[] pool) {
        com.sun.management.ThreadMXBean bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long sum = AllocationMeter.allocatedBytes();
        for (Thread thread : pool) {
            sum += bean.getThreadAllocatedBytes(thread.getId());
        }
        return sum;
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(60, TimeUnit.SECONDS), "no pool thread ran a part within a minute");
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }
}
