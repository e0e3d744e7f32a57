package dev.netsmith.runtime;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * The persistent threads that run the parts of split kernels ({@link Workspace#split}): one pool per JVM, made of
 * daemon threads (they never keep the JVM alive), started on first use and added to when a workspace asks for
 * more threads than it has. There is nothing to shut down: a split returns only when all its parts are done, so no
 * work is ever left pending, and an idle thread is parked, costing neither CPU nor allocation; the threads live as
 * long as the JVM and are reused by every workspace and network.
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
 * <p>A part that throws does not stop the others; once all are done the caller rethrows the first failure (see
 * {@link Failure#rethrow}) and the pool is ready for the next split.
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

    /** The most parts of one split ({@value}; {@link Workspace#split} makes at most four per thread). */
    static final int MAX_PARTS = 0xFFFF;

    private static final KernelPool SHARED = new KernelPool();
    private static final AtomicInteger THREAD_NUMBER = new AtomicInteger();

    private final AtomicBoolean owned = new AtomicBoolean();
    /**
     * The job's number (high 32 bits), its number of parts (the next 16) and its next unclaimed part (low 16): a
     * claim names its job and carries the job's bound, so a thread still looking at a finished job can never
     * claim a part of it, nor read the next job's bound against the old job's claims.
     */
    private final AtomicLong claims = new AtomicLong();
    private final AtomicInteger finished = new AtomicInteger();
    private final AtomicReference<Failure> failure = new AtomicReference<>();
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
        if (parts < 1 || parts > MAX_PARTS || parts > length) {
            throw new IllegalArgumentException("a split has 1.." + MAX_PARTS + " parts, at most one per index of its range " + length
                    + ", was " + parts);
        }
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
            this.owner = Thread.currentThread();
            finished.set(0);
            int job = ++this.job;
            claims.set((long) job << 32 | (long) parts << 16);
            for (int w = 0; w < threads - 1; w++) {
                team[w].wake(job);
            }
            runClaimedParts(job);
            awaitParts(parts);
            Failure failed = failure.getAndSet(null);
            if (failed != null) {
                throw failed.rethrow(id, length);
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

    /** The first index of part p of [0, length): boundaries fall on multiples of 8 (64 bytes of a row) when parts are long. */
    static int start(int p, int parts, int length) {
        if (p >= parts) {
            return length;
        }
        int start = (int) ((long) length * p / parts);
        return length >= 16 * parts ? start & ~7 : start;
    }

    /**
     * Claims and runs parts of job {@code job} until none is left unclaimed (or the job is over: a late worker
     * then claims nothing). The job's fields are read only after a successful claim, which the owner cannot
     * outlive: it waits for every claimed part. A part that throws is recorded (the first failure wins) and still
     * counts as finished, so the owner never waits for it in vain.
     */
    private void runClaimedParts(int job) {
        while (true) {
            long seen = claims.get();
            int part = (int) seen & 0xFFFF;
            int parts = (int) (seen >>> 16) & 0xFFFF;
            if ((int) (seen >>> 32) != job || part >= parts) {
                return;
            }
            if (!claims.compareAndSet(seen, seen + 1)) {
                continue;
            }
            int from = start(part, parts, length);
            int to = start(part + 1, parts, length);
            try {
                kernel.run(id, theta, ws, m, from, to);
            } catch (Throwable t) {
                failure.compareAndSet(null, new Failure(t, Thread.currentThread().getName(), from, to));
            }
            if (finished.incrementAndGet() == parts && ownerParked) {
                LockSupport.unpark(owner);
            }
        }
    }

    private void awaitParts(int parts) {
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

    /** The first part of a split that threw: what it threw, on which thread, over which indices. */
    private record Failure(Throwable thrown, String thread, int from, int to) {

        /**
         * What the split's caller throws: the part's own exception or error, so that a caller catches the same
         * type whatever the thread count, with a note suppressed in it that names the kernel, the part and the
         * thread, and whose stack trace is the caller's (the exception's own is the thread's that ran the part).
         * A checked exception, which a kernel cannot declare, comes wrapped in an IllegalStateException.
         */
        RuntimeException rethrow(int id, int length) {
            Thread caller = Thread.currentThread();
            String where = "kernel " + id + " failed on indices [" + from + ", " + to + ") of [0, " + length + ") on thread "
                    + (thread.equals(caller.getName()) ? thread + " (the caller)" : thread + " of the kernel pool")
                    + "; rethrown on " + caller.getName();
            if (!(thrown instanceof RuntimeException) && !(thrown instanceof Error)) {
                return new IllegalStateException(where + ": " + thrown, thrown);
            }
            thrown.addSuppressed(new SplitPartFailure(where));
            if (thrown instanceof Error error) {
                throw error;
            }
            return (RuntimeException) thrown;
        }
    }

    /** The note a failed part's exception carries: where the part ran, with the stack of the thread it reached. */
    static final class SplitPartFailure extends RuntimeException {

        private static final long serialVersionUID = 1L;

        SplitPartFailure(String message) {
            super(message);
        }
    }

    /** One pool thread: waits for a job, claims parts of it while there are any, and waits again. */
    private final class Worker implements Runnable {

        private final Thread thread;
        private volatile int ticket;
        private volatile boolean parked;

        Worker() {
            // no inheritable thread-locals: a pool thread serves every caller, not the one that happened to start it
            thread = new Thread(null, this, "netsmith-kernel-" + THREAD_NUMBER.incrementAndGet(), 0, false);
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
