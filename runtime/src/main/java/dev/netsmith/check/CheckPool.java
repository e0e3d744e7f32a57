package dev.netsmith.check;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The persistent pool that gradient checks split their work over: daemon threads (a check never keeps the
 * JVM alive), created on first use and reused, because handing work to new threads costs more than many
 * small checks take. The common ForkJoinPool is not used: its parallelism is 1 on a two-core machine.
 */
final class CheckPool {

    private static final AtomicInteger THREAD_NUMBER = new AtomicInteger();
    private static ExecutorService pool;
    private static int poolSize;

    private CheckPool() {
    }

    /** A unit of work run by each of {@code workers} threads; it pulls its own items until none are left. */
    interface Worker {
        void run() throws Exception;
    }

    /** Runs the workers, the first on the calling thread, and waits for all; rethrows the first failure. */
    static void runAll(List<Worker> workers) {
        List<Future<?>> futures = new ArrayList<>();
        ExecutorService executor = workers.size() > 1 ? pool(workers.size() - 1) : null;
        for (int w = 1; w < workers.size(); w++) {
            Worker worker = workers.get(w);
            futures.add(executor.submit(() -> {
                worker.run();
                return null;
            }));
        }
        try {
            workers.get(0).run();
            for (Future<?> future : futures) {
                future.get();
            }
        } catch (ExecutionException e) {
            throw rethrow(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during a gradient check", e);
        } catch (Exception e) {
            throw rethrow(e);
        } finally {
            futures.forEach(f -> f.cancel(true));
        }
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

    private static synchronized ExecutorService pool(int threads) {
        if (pool == null || poolSize < threads) {
            if (pool != null) {
                pool.shutdown();
            }
            poolSize = threads;
            pool = Executors.newFixedThreadPool(threads, runnable -> {
                Thread thread = new Thread(runnable, "netsmith-check-" + THREAD_NUMBER.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            });
        }
        return pool;
    }
}
