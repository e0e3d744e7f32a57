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
 * and into how many parts, that every index runs exactly once, on the pool's daemon threads, shared by every
 * workspace, that the caller returns only when every part is done, that failures reach the caller with the part
 * and thread they came from, that a busy pool (another caller, or a split inside a part) makes a caller run alone
 * rather than wait, that several callers at once each get their own results, and that a split allocates nothing.
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
                        assertEquals(0, from % 8, "long parts start on a multiple of 8");
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
    void aPartThatFailsOnAPoolThreadIsRethrownToTheCallerSayingWhereItRan() {
        Workspace ws = splitting(2);
        Thread caller = Thread.currentThread();
        CountDownLatch failing = new CountDownLatch(1);
        IllegalStateException boom = new IllegalStateException("boom");
        IllegalStateException thrown = thrown(IllegalStateException.class, () -> ws.split((id, theta, w, m, from, to) -> {
            if (Thread.currentThread() != caller) {
                failing.countDown();
                throw boom;
            }
            // the caller holds its part until a pool thread has failed on the other
            await(failing);
        }, 5, null, 8, 16, 1), "boom");
        assertSame(boom, thrown, "the caller gets the part's own exception, whatever the thread that ran it");
        String note = note(thrown);
        assertTrue(note.startsWith("kernel 5 failed on indices ["), note);
        assertTrue(note.contains(") of [0, 16) on thread netsmith-kernel-") && note.contains(" of the kernel pool; rethrown on "
                + caller.getName()), note);
        assertPoolStillSplits(ws);
    }

    @Test
    void aPartThatFailsOnTheCallerIsRethrownAsItWouldBeAlone() {
        Workspace ws = splitting(2);
        Thread caller = Thread.currentThread();
        CountDownLatch callerFailed = new CountDownLatch(1);
        UnsupportedOperationException thrown = thrown(UnsupportedOperationException.class, () -> ws.split((id, theta, w, m, from, to) -> {
            if (Thread.currentThread() == caller) {
                callerFailed.countDown();
                throw new UnsupportedOperationException("not here");
            }
            // a pool thread's part waits until the caller has failed on the other
            await(callerFailed);
        }, 2, null, 8, 2, 1), "not here");
        assertTrue(note(thrown).contains("on thread " + caller.getName() + " (the caller); rethrown on " + caller.getName()), note(thrown));
        AssertionError error = new AssertionError("an error, not an exception");
        assertSame(error, org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class,
                () -> ws.split((id, theta, w, m, from, to) -> {
                    throw error;
                }, 1, null, 8, 2, 1)), "errors pass through as they are");
        IllegalStateException checked = thrown(IllegalStateException.class, () -> ws.split((id, theta, w, m, from, to) -> {
            throw KernelPoolTest.<RuntimeException>sneaky(new java.io.IOException("disk"));
        }, 3, null, 8, 2, 1), "kernel 3 failed on indices [", "java.io.IOException: disk");
        assertTrue(checked.getCause() instanceof java.io.IOException, "a checked exception, which no kernel declares, is the cause");
        assertPoolStillSplits(ws);
    }

    /** The note a rethrown failure carries about where its part ran. */
    private static String note(Throwable thrown) {
        Throwable[] suppressed = thrown.getSuppressed();
        assertEquals(1, suppressed.length, () -> Arrays.toString(suppressed));
        assertTrue(suppressed[0] instanceof KernelPool.SplitPartFailure, suppressed[0].toString());
        return suppressed[0].getMessage();
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> T sneaky(Throwable t) throws T {
        throw (T) t;
    }

    /** A split after a failure still runs every index exactly once. */
    private static void assertPoolStillSplits(Workspace ws) {
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
    void theCallerReturnsOnlyWhenThePoolsPartsAreDone() {
        Workspace ws = splitting(2);
        Thread caller = Thread.currentThread();
        for (int round = 0; round < 20; round++) {
            CountDownLatch poolStarted = new CountDownLatch(1);
            CountDownLatch callerDone = new CountDownLatch(1);
            AtomicBoolean poolDone = new AtomicBoolean();
            // each side's part waits for the other to have started, so the caller and a pool thread take one
            // part each; the pool's part can end only after the caller has finished its own
            assertTrue(ws.split((id, theta, w, m, from, to) -> {
                if (Thread.currentThread() == caller) {
                    await(poolStarted);
                    callerDone.countDown();
                } else {
                    poolStarted.countDown();
                    await(callerDone);
                    poolDone.set(true);
                }
            }, 1, null, 8, 2, 1));
            assertTrue(poolDone.get(), "round " + round + ": split returned before the pool thread's part was done");
        }
    }

    @Test
    void poolThreadsAreSharedByEveryWorkspaceAndAddedOnlyWhenMoreAreAsked() {
        splitting(2).split((id, theta, w, m, from, to) -> { }, 1, null, 8, 64, 1);
        List<Thread> before = Arrays.asList(KernelPool.shared().threads());
        assertTrue(before.size() >= 1);
        Workspace another = new Workspace(new Architecture("test.Other", 3, List.of(Layer.of(2, Activation.SIGMOID)),
                Loss.BINARY_CROSS_ENTROPY, 0, Init.AUTO), 8, 2).setSplitThreshold(0);
        assertTrue(another.split((id, theta, w, m, from, to) -> { }, 1, null, 8, 64, 1));
        assertEquals(before, Arrays.asList(KernelPool.shared().threads()), "a workspace of another network reuses the pool's threads");
        int wanted = before.size() + 2;
        AtomicIntegerArray runs = new AtomicIntegerArray(256);
        assertTrue(splitting(wanted + 1).split((id, theta, w, m, from, to) -> {
            for (int i = from; i < to; i++) {
                runs.incrementAndGet(i);
            }
        }, 1, null, 8, 256, 1));
        for (int i = 0; i < 256; i++) {
            assertEquals(1, runs.get(i));
        }
        List<Thread> after = Arrays.asList(KernelPool.shared().threads());
        assertEquals(wanted, after.size(), "a workspace of more threads adds exactly the threads missing");
        assertEquals(before, after.subList(0, before.size()), "the threads already there are kept");
        assertTrue(after.stream().allMatch(t -> t.isAlive() && t.isDaemon()), after.toString());
    }

    @Test
    void aSplitInsideAPartRunsOnItsOwnThreadInsteadOfWaitingForThePool() {
        Workspace outer = splitting(2);
        Workspace inner = splitting(2);
        AtomicIntegerArray runs = new AtomicIntegerArray(16 * 16);
        AtomicBoolean innerSplit = new AtomicBoolean();
        assertTrue(outer.split((id, theta, w, m, from, to) -> {
            for (int row = from; row < to; row++) {
                int r = row;
                innerSplit.compareAndSet(false, inner.split((id2, theta2, w2, m2, from2, to2) -> {
                    for (int c = from2; c < to2; c++) {
                        runs.incrementAndGet(r * 16 + c);
                    }
                }, 2, null, 8, 16, 1));
                if (!innerSplit.get()) {
                    for (int c = 0; c < 16; c++) {
                        runs.incrementAndGet(r * 16 + c);
                    }
                }
            }
        }, 1, null, 8, 16, 1));
        assertFalse(innerSplit.get(), "the pool is owned by the outer split");
        for (int i = 0; i < runs.length(); i++) {
            assertEquals(1, runs.get(i), "entry " + i);
        }
    }

    @Test
    void anInterruptedCallerStillWaitsForEveryPartAndKeepsItsInterrupt() {
        Workspace ws = splitting(2);
        AtomicIntegerArray runs = new AtomicIntegerArray(64);
        Thread.currentThread().interrupt();
        try {
            assertTrue(ws.split((id, theta, w, m, from, to) -> {
                for (int i = from; i < to; i++) {
                    runs.incrementAndGet(i);
                }
            }, 1, null, 8, 64, 1));
            assertTrue(Thread.currentThread().isInterrupted(), "the caller's interrupt status is left for its own code");
        } finally {
            Thread.interrupted();
        }
        for (int i = 0; i < 64; i++) {
            assertEquals(1, runs.get(i));
        }
    }

    @Test
    void threadsSplittingAtOnceEachGetEveryIndexOnceWhetherSplitOrAlone() throws InterruptedException {
        int callers = 3;
        int splits = 2000;
        AtomicReference<Throwable> failure = new AtomicReference<>();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new java.util.ArrayList<>();
        long[] split = new long[callers];
        for (int c = 0; c < callers; c++) {
            int caller = c;
            threads.add(new Thread(() -> {
                Workspace ws = splitting(2);
                int[] runs = new int[37 + caller];
                try {
                    start.await();
                    for (int s = 0; s < splits; s++) {
                        int round = s + 1;
                        SplitKernel kernel = (id, theta, w, m, from, to) -> {
                            for (int i = from; i < to; i++) {
                                runs[i]++;
                            }
                        };
                        if (!ws.split(kernel, 1, null, 8, runs.length, 1)) {
                            kernel.run(1, null, ws, 8, 0, runs.length);
                        }
                        for (int i = 0; i < runs.length; i++) {
                            if (runs[i] != round) {
                                throw new AssertionError("caller " + caller + ", split " + s + ": index " + i + " ran " + runs[i] + " times");
                            }
                        }
                    }
                    split[caller] = ws.splits();
                } catch (Throwable t) {
                    failure.compareAndSet(null, t);
                }
            }, "caller-" + c));
        }
        threads.forEach(Thread::start);
        start.countDown();
        for (Thread thread : threads) {
            thread.join(TimeUnit.MINUTES.toMillis(2));
            assertFalse(thread.isAlive(), thread.getName() + " is stuck");
        }
        assertEquals(null, failure.get());
        assertTrue(Arrays.stream(split).sum() > 0, "no split at all: " + Arrays.toString(split));
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
