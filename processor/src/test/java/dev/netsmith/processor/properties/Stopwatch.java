package dev.netsmith.processor.properties;

import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * Wall time and the CPU time of the whole JVM (every thread, the JIT compilers and GC included) since it was made:
 * on a shared machine the wall time depends on the load, the CPU time much less.
 */
final class Stopwatch {

    private final long wall = System.nanoTime();
    private final long cpu = processCpuNanos();

    long wallNanos() {
        return System.nanoTime() - wall;
    }

    /** CPU time, or 0 where the JVM does not tell it. */
    long cpuNanos() {
        long now = processCpuNanos();
        return now < 0 || cpu < 0 ? 0 : now - cpu;
    }

    @Override
    public String toString() {
        return format(wallNanos(), cpuNanos());
    }

    private static String format(long wall, long cpu) {
        return String.format(Locale.ROOT, "%.1f s (%.1f s CPU)", wall / 1e9, cpu / 1e9);
    }

    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : -1;
    }

    /** Sums of several stopwatches' readings. */
    static final class Total {
        private long wall;
        private long cpu;

        void add(Stopwatch watch) {
            wall += watch.wallNanos();
            cpu += watch.cpuNanos();
        }

        void clear() {
            wall = 0;
            cpu = 0;
        }

        @Override
        public String toString() {
            return format(wall, cpu);
        }
    }
}
