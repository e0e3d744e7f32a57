package dev.netsmith.testing;

import java.lang.management.ManagementFactory;
import java.util.Arrays;

/**
 * Bytes allocated by the current thread, read from HotSpot's per-thread counter, for tests that prove a
 * code path allocates nothing. HotSpot now and then allocates a few hundred bytes on a thread when C2
 * deoptimises a method, so tests bound the median of several windows rather than their total.
 */
public final class AllocationMeter {

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private AllocationMeter() {
    }

    /** Whether this JVM counts allocation per thread (tests assume it). */
    public static boolean available() {
        return THREADS.isThreadAllocatedMemorySupported() && THREADS.isThreadAllocatedMemoryEnabled();
    }

    /** Bytes the current thread has allocated so far. */
    public static long allocatedBytes() {
        return THREADS.getCurrentThreadAllocatedBytes();
    }

    /** The bytes allocated between consecutive readings. */
    public static long[] windows(long[] readings) {
        long[] windows = new long[readings.length - 1];
        for (int w = 0; w < windows.length; w++) {
            windows[w] = readings[w + 1] - readings[w];
        }
        return windows;
    }

    public static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
