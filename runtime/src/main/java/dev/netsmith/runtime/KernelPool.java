package dev.netsmith.runtime;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * The persistent threads that run the parts of split kernels ({@link Workspace#split}): one pool per JVM, made of
 * daemon threads (they never keep the JVM alive), started on first use and added to when a workspace asks for
 * more threads than it has; they are never stopped.
 *
 * <p>One split at a time: a thread that splits a kernel owns the whole pool until every part is done. A thread
 * that finds the pool owned by another gets {@code false} from {@link #run} and runs its kernel alone, so threads
 * that each train with their own workspace never wait for one another (they already keep the cores busy).
 *
 * <p>Parts are claimed, not assigned: the owner and the woken workers take the next unclaimed part until none is
 * left, and the owner then waits for the parts others are still running. A worker that the operating system does
 * not schedule in time (the machine is busy) therefore costs nothing but its wake-up call: the owner runs its part
 * too. Which thread runs a part never changes its result.
 *
 * <p>Handing work over allocates nothing: the job lives in this object's fields, a worker waits on a ticket, and
 * the claims and completions are two counters. A worker that finds nothing left to claim spins for
 * {@link #SPIN_NANOS} waiting for the next job (the next layer's kernel usually follows within microseconds), then
 * parks; the owner spins while other parts finish, then parks. The common ForkJoinPool is not used: its
 * parallelism is 1 on two cores.
 */
final class KernelPool {

    /** How long a worker or the owner busy-waits before parking: longer than a layer's gap, far shorter than a step. */
    static final long SPIN_NANOS = 50_000;

    private static final KernelPool SHARED = new KernelPool();
    private static final AtomicInteger THREAD_NUMBER = new AtomicInteger();

    private final AtomicBoolean owned = new AtomicBoolean();
    /** The job's number (high 32 bits) and its next unclaimed part (low 32 bits): a claim names its job. */
    private final AtomicLong claims = new AtomicLong();
    private final AtomicInteger finished = new AtomicInteger();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private volatile Worker[] workers = new Worker[0];
    private volatile boolean ownerParked;
    private volatile Thread owner;
    private int job;

    // the job: written by the owner before it publishes the job's claims (a volatile write), read after a claim
    private SplitKernel kernel;
    private int id;
    private double[] theta;
    private Workspace ws;
    private int m;
    private int length;
    private int parts;

    private KernelPool() {
    }

    static KernelPool shared() {
        return SHARED;
    }

    /**
     * Runs kernel {@code id} over {@code [0, length)} in {@code parts} parts, on the calling thread and
     * {@code threads − 1} of the pool's, and returns when all are done; rethrows the first failure of any part.
     * Returns {@code false} at once, having run nothing, if another thread owns the pool.
     */
    boolean run(SplitKernel kernel, int id, double[] theta, Workspace ws, int m, int length, int threads, int parts) {
        if (!owned.compareAndSet(false, true)) {
            return false;
        }
        try {
            Worker[] team = team(threads - 1);
            this.kernel = kernel;
            this.id = id;
            this.theta = theta;
            this.ws = ws;
            this.m = m;
            this.length = length;
            this.parts = parts;
            this.owner = Thread.currentThread();
            finished.set(0);
            int job = ++this.job;
            claims.set((long) job << 32);
            for (int w = 0; w < threads - 1; w++) {
                team[w].wake(job);
            }
            try {
                runClaimedParts(job);
            } catch (Throwable t) {
                failure.compareAndSet(null, t);
            }
            awaitParts();
            Throwable thrown = failure.getAndSet(null);
            if (thrown != null) {
                throw rethrow(thrown);
            }
            return true;
        } finally {
            this.kernel = null;
            this.theta = null;
            this.ws = null;
            this.owner = null;
            owned.set(false);
        }
    }

    /** The first index of part p of [0, length): boundaries fall on multiples of 8 (a cache line) when parts are long. */
    static int start(int p, int parts, int length) {
        if (p >= parts) {
            return length;
        }
        int start = (int) ((long) length * p / parts);
        return length >= 16 * parts ? start & ~7 : start;
    }

    /**
     * Claims and runs parts of job {@code job} until none is left unclaimed (or the job is over: a late worker
     * then claims nothing). Failures of a part are recorded, and the part still counts as finished.
     */
    private void runClaimedParts(int job) {
        while (true) {
            long seen = claims.get();
            int part = (int) seen;
            if ((int) (seen >>> 32) != job || part >= parts) {
                return;
            }
            if (!claims.compareAndSet(seen, seen + 1)) {
                continue;
            }
            try {
                kernel.run(id, theta, ws, m, start(part, parts, length), start(part + 1, parts, length));
            } catch (Throwable t) {
                failure.compareAndSet(null, t);
            }
            if (finished.incrementAndGet() == parts && ownerParked) {
                LockSupport.unpark(owner);
            }
        }
    }

    private void awaitParts() {
        long deadline = System.nanoTime() + SPIN_NANOS;
        while (finished.get() != parts) {
            if (System.nanoTime() < deadline) {
                Thread.onSpinWait();
                continue;
            }
            ownerParked = true;
            while (finished.get() != parts) {
                LockSupport.park(this);
            }
            ownerParked = false;
        }
    }

    /** At least n workers, started now if there are fewer; only the pool's owner calls this. */
    private Worker[] team(int n) {
        Worker[] current = workers;
        if (current.length >= n) {
            return current;
        }
        Worker[] grown = java.util.Arrays.copyOf(current, n);
        for (int w = current.length; w < n; w++) {
            grown[w] = new Worker();
        }
        workers = grown;
        return grown;
    }

    /** Threads that have ever been started for the pool (for tests: their allocation counts too). */
    Thread[] threads() {
        Worker[] current = workers;
        Thread[] threads = new Thread[current.length];
        for (int w = 0; w < current.length; w++) {
            threads[w] = current[w].thread;
        }
        return threads;
    }

    private static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException r) {
            return r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        return new IllegalStateException(t);
    }

    /** One pool thread: waits for a job, claims parts of it while there are any, and waits again. */
    private final class Worker implements Runnable {

        private final Thread thread;
        private volatile int ticket;
        private volatile boolean parked;

        Worker() {
            thread = new Thread(this, "netsmith-kernel-" + THREAD_NUMBER.incrementAndGet());
            thread.setDaemon(true);
            thread.start();
        }

        /** Tells this worker that job {@code job} has parts to claim. */
        void wake(int job) {
            ticket = job;
            if (parked) {
                LockSupport.unpark(thread);
            }
        }

        @Override
        public void run() {
            int seen = 0;
            while (true) {
                seen = awaitTicket(seen);
                runClaimedParts(seen);
            }
        }

        private int awaitTicket(int seen) {
            long deadline = System.nanoTime() + SPIN_NANOS;
            int now;
            while ((now = ticket) == seen) {
                if (System.nanoTime() < deadline) {
                    Thread.onSpinWait();
                    continue;
                }
                parked = true;
                while ((now = ticket) == seen) {
                    LockSupport.park(this);
                }
                parked = false;
                break;
            }
            return now;
        }
    }
}
