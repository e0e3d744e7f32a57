package dev.netsmith.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The pool a check splits its entries over: the caller works too, every worker finishes, failures come back. */
class CheckPoolTest {

    @Test
    void oneWorkerRunsOnTheCallingThread() {
        List<Thread> ran = new ArrayList<>();
        CheckPool.runAll(List.of(() -> ran.add(Thread.currentThread())));
        assertEquals(List.of(Thread.currentThread()), ran);
    }

    /** Three workers that wait for each other: they can only finish if they run at the same time. */
    @Test
    void severalWorkersRunAtOnceOnDaemonThreads() {
        int workers = 3;
        CountDownLatch allStarted = new CountDownLatch(workers);
        Set<Thread> threads = ConcurrentHashMap.newKeySet();
        List<CheckPool.Worker> tasks = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            tasks.add(() -> {
                threads.add(Thread.currentThread());
                allStarted.countDown();
                assertTrue(allStarted.await(10, TimeUnit.SECONDS), "the workers did not run at the same time");
            });
        }
        CheckPool.runAll(tasks);
        assertEquals(workers, threads.size());
        assertTrue(threads.contains(Thread.currentThread()), "the first worker is the caller");
        for (Thread t : threads) {
            if (t != Thread.currentThread()) {
                assertTrue(t.isDaemon(), "a check never keeps the JVM alive: " + t);
                assertTrue(t.getName().startsWith("netsmith-check-"), t.getName());
            }
        }
        // and again with more workers: the pool grows
        CountDownLatch five = new CountDownLatch(5);
        List<CheckPool.Worker> more = new ArrayList<>();
        for (int w = 0; w < 5; w++) {
            more.add(() -> {
                five.countDown();
                assertTrue(five.await(10, TimeUnit.SECONDS), "five workers did not run at the same time");
            });
        }
        CheckPool.runAll(more);
    }

    @Test
    void theCallersFailureComesBackAsItIs() {
        IllegalArgumentException thrown = new IllegalArgumentException("bad entry");
        assertSame(thrown, assertThrows(IllegalArgumentException.class, () -> CheckPool.runAll(List.of(() -> {
            throw thrown;
        }))));
    }

    @Test
    void aPoolThreadsFailureComesBackAsItIs() {
        IllegalStateException thrown = new IllegalStateException("in a pool thread");
        assertSame(thrown, assertThrows(IllegalStateException.class, () -> CheckPool.runAll(List.of(() -> { }, () -> {
            throw thrown;
        }))));
    }

    @Test
    void checkedExceptionsAreWrappedAndErrorsRethrown() {
        IOException io = new IOException("disk");
        IllegalStateException wrapped = assertThrows(IllegalStateException.class, () -> CheckPool.runAll(List.of(() -> {
            throw io;
        })));
        assertSame(io, wrapped.getCause());
        IllegalStateException fromPool = assertThrows(IllegalStateException.class, () -> CheckPool.runAll(List.of(() -> { }, () -> {
            throw io;
        })));
        assertSame(io, fromPool.getCause());
        AssertionError error = new AssertionError("an error");
        assertSame(error, assertThrows(AssertionError.class, () -> CheckPool.runAll(List.of(() -> { }, () -> {
            throw error;
        }))));
        StackOverflowError overflow = new StackOverflowError();
        assertSame(overflow, assertThrows(StackOverflowError.class, () -> CheckPool.runAll(List.of(() -> {
            throw overflow;
        }))));
    }

    /** A failure on the calling thread interrupts the workers still running: a failed check does not go on. */
    @Test
    void aFailureInterruptsTheOtherWorkers() throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch interrupted = new CountDownLatch(1);
        IllegalStateException failure = new IllegalStateException("entry 0 failed");
        try {
            assertSame(failure, assertThrows(IllegalStateException.class, () -> CheckPool.runAll(List.of(() -> {
                assertTrue(started.await(10, TimeUnit.SECONDS));
                throw failure;
            }, () -> {
                started.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    interrupted.countDown();
                }
            }))));
            assertTrue(interrupted.await(10, TimeUnit.SECONDS), "the pool's worker was not interrupted");
        } finally {
            release.countDown();
        }
    }

    @Test
    void anInterruptedCallerStopsWaitingAndKeepsItsInterrupt() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        try {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> CheckPool.runAll(List.of(
                    () -> Thread.currentThread().interrupt(),
                    () -> release.await(10, TimeUnit.SECONDS))));
            assertEquals("interrupted during a gradient check", e.getMessage());
            assertInstanceOf(InterruptedException.class, e.getCause());
            assertTrue(Thread.interrupted(), "the interrupt is kept for the caller");
        } finally {
            release.countDown();
        }
    }
}
